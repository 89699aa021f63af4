import { verifyAuditChains } from '../db/audit-chain';
import type { Db } from '../db/prisma';
import type { SupportPlan } from '../domain/support/plan';
import { childOfCase } from './child-of-case';
import { supportPlanOf } from './support-plans';

/**
 * A case's full record for disclosure (subject access, court, Ofsted, Ombudsman): the read model, the child,
 * the support plan, every audit entry with its hash and the chain's verification, and every notification sent.
 */
export async function exportCase(db: Db, caseId: string) {
  const [kase, child, audit, notifications, verification, supportPlan] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, include: { school: { select: { name: true } } } }),
    childOfCase(db, caseId),
    db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } }),
    db.notification.findMany({ where: { caseId }, orderBy: { id: 'asc' } }),
    verifyAuditChains(db, caseId),
    supportPlanOf(db, caseId),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    case: {
      caseId: kase.id,
      laCode: kase.laCode,
      school: kase.schoolUrn ? { urn: kase.schoolUrn, name: kase.school?.name } : null,
      stage: kase.stage,
      sendFlag: kase.sendFlag,
      openedAt: kase.openedAt.toISOString(),
      closedAt: kase.closedAt?.toISOString() ?? null,
      outcome: kase.outcome,
    },
    child,
    supportPlan,
    auditChain: { intact: verification.problems.length === 0, problems: verification.problems },
    audit: audit.map((e) => ({ id: String(e.id), occurredAt: e.occurredAt.toISOString(), actor: e.actor, action: e.action, ruleId: e.ruleId, detail: e.detail, hash: e.hash, prevHash: e.prevHash })),
    notifications: notifications.map((n) => ({ recipient: n.recipient, template: n.template, status: n.status, createdAt: n.createdAt.toISOString(), sentAt: n.sentAt?.toISOString() ?? null, body: n.body })),
  };
}

export type CaseExport = Awaited<ReturnType<typeof exportCase>>;

const escape = (value: unknown) =>
  String(typeof value === 'string' ? value : JSON.stringify(value ?? '')).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same record as a printable page (save as PDF from the browser). */
export function exportHtml(record: CaseExport): string {
  const rows = (items: Record<string, unknown>[], columns: string[]) =>
    `<table><thead><tr>${columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead><tbody>${items
      .map((item) => `<tr>${columns.map((c) => `<td>${escape(item[c])}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const details = record.child.details;
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Case ${escape(record.case.caseId)}</title>
<style>body{font-family:system-ui,Arial,sans-serif;margin:2rem;color:#0b0c0c}table{border-collapse:collapse;width:100%;font-size:.85rem;margin-bottom:1.5rem}th,td{border:1px solid #b1b4b6;padding:.3rem;text-align:left;vertical-align:top;word-break:break-word}th{background:#f3f2f1}</style></head><body>
<h1>Case record ${escape(record.case.caseId)}</h1>
<p>Exported ${escape(record.exportedAt)}. Audit chain: <strong>${record.auditChain.intact ? 'intact' : `NOT intact (${record.auditChain.problems.length} problem(s))`}</strong>.</p>
<h2>Case</h2>${rows([record.case as unknown as Record<string, unknown>], Object.keys(record.case))}
<h2>Child</h2>${rows([{ name: details ? `${details.givenName} ${details.familyName}` : 'not held', upn: record.child.upn, dateOfBirth: details?.dateOfBirth, address: details?.address, senStatus: record.child.senStatus, placedByLa: record.child.placedByLa }], ['name', 'upn', 'dateOfBirth', 'address', 'senStatus', 'placedByLa'])}
${record.supportPlan ? supportPlanHtml(record.supportPlan, rows) : ''}
<h2>Audit log</h2>${rows(record.audit, ['occurredAt', 'actor', 'action', 'ruleId', 'detail', 'hash'])}
<h2>Notifications</h2>${rows(record.notifications, ['createdAt', 'recipient', 'template', 'status', 'sentAt'])}
</body></html>`;
}

/** The plan's barriers, actions, reviews, part-time timetables and requests to the SEND team as tables of the printable record. */
function supportPlanHtml(plan: SupportPlan, rows: (items: Record<string, unknown>[], columns: string[]) => string): string {
  const reviews = plan.reviews.map((r) => ({ ...r, outcomes: r.outcomes.map((o) => `${o.actionId}: ${o.outcome}`).join('; ') }));
  const timetables = (plan.timetables ?? []).map((t) => ({
    ...t,
    raised: t.raised.map((r) => `${r.lapse} date passed, raised ${r.at}`).join('; '),
    reviews: t.reviews.map((r) => `${r.reviewedAt} ${r.reviewedBy}: ${r.outcome}, ${r.note}`).join('; '),
  }));
  const requests = (plan.sendRequests ?? []).map(({ answer, ...r }) => ({ ...r, answer: answer ? `${answer.decision}: ${answer.note} (${answer.answeredBy}, ${answer.answeredAt})` : '' }));
  return `<h2>Support plan</h2><h3>Barriers</h3>${rows(plan.barriers as unknown as Record<string, unknown>[], ['code', 'identifiedBy', 'identifiedAt'])}
<h3>Actions</h3>${rows(plan.actions as unknown as Record<string, unknown>[], ['owner', 'what', 'dueAt', 'status', 'assignedBy', 'assignedAt', 'lapsedAt'])}
<h3>Reviews</h3>${rows(reviews, ['reviewedAt', 'reviewedBy', 'outcomes', 'nextStep', 'note'])}
<h3>Part-time timetables</h3>${rows(timetables, ['startDate', 'endDate', 'reviewDate', 'hoursPerWeek', 'reason', 'agreedBy', 'agreedAt', 'status', 'raised', 'reviews'])}
<h3>Requests to the SEND team</h3>${rows(requests, ['kind', 'reason', 'requestedBy', 'requestedAt', 'respondBy', 'lapsedAt', 'answer'])}`;
}
