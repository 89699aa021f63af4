import crypto from 'node:crypto';
import type { Db } from './prisma';

/** What an audit entry attests: hashed with the previous entry's hash, so any change or removal shows. */
export interface ChainedContent {
  caseId: string;
  eventId: string;
  occurredAt: Date;
  actor: string;
  action: string;
  ruleId: string | null;
  detail: unknown;
}

/** JSON with object keys sorted at every level: the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function entryHash(prevHash: string, content: ChainedContent): string {
  const { caseId, eventId, occurredAt, actor, action, ruleId, detail } = content;
  return crypto
    .createHash('sha256')
    .update(prevHash)
    .update(canonical({ caseId, eventId, occurredAt: occurredAt.toISOString(), actor, action, ruleId, detail }))
    .digest('hex');
}

export interface ChainProblem {
  caseId: string;
  entryId: string;
  problem: 'altered' | 'chain_broken';
  detail: string;
}

/**
 * Walks every case's chain in order. An entry whose content no longer matches its hash was altered; an entry
 * whose prev_hash is not the previous entry's hash follows a removed (or inserted) entry.
 */
export async function verifyAuditChains(db: Db, caseId?: string): Promise<{ entries: number; cases: number; problems: ChainProblem[] }> {
  const entries = await db.auditEntry.findMany({ where: caseId ? { caseId } : {}, orderBy: [{ caseId: 'asc' }, { id: 'asc' }] });
  const problems: ChainProblem[] = [];
  const lastHash = new Map<string, string>();
  for (const entry of entries) {
    const expectedPrev = lastHash.get(entry.caseId) ?? '';
    if (entry.prevHash !== expectedPrev) {
      problems.push({ caseId: entry.caseId, entryId: String(entry.id), problem: 'chain_broken', detail: 'the entry before it was removed, or this one was inserted' });
    }
    if (entryHash(entry.prevHash, entry) !== entry.hash) {
      problems.push({ caseId: entry.caseId, entryId: String(entry.id), problem: 'altered', detail: `${entry.action} no longer matches its hash` });
    }
    lastHash.set(entry.caseId, entry.hash);
  }
  return { entries: entries.length, cases: lastHash.size, problems };
}
