import { Router, type Response } from 'express';
import { principalOf } from '../auth/authenticate';
import { visibleCase } from '../../read-model/case-access';
import type { CaseDeps } from '../../temporal/case-deps';
import { caseListQuery, listCases } from '../../read-model/list-cases';
import { openConcern } from '../../intake/open-concern';
import { receiveNewPupilReturn } from '../../intake/new-pupil-return';
import { readCase } from '../../read-model/read-case';
import { referChild } from '../../intake/refer-child';
import { caseTimeline } from '../../read-model/timeline';
import { childOfCase } from '../../read-model/child-of-case';
import { exportCase, exportHtml } from '../../read-model/case-export';
import { dashboardOf } from '../../read-model/dashboard';
import { inboxOf } from '../../read-model/inbox';
import { requireRole } from '../../domain/access';
import { caseIdParams, exportQuery, newPupilReturnBody } from '../schemas';
import { referralBody, reportConcernBody } from '../../intake/requests';
import { parseOr400 } from '../validate';
import type { CaseExportBody, CaseListBody, CaseStateBody, ConcernReceiptBody, InboxBody, NewPupilReturnMatchedBody, PassedToLaBody, TimelineBody } from '../response-schemas';
import type { ChildBody, DashboardBody } from '../response-schemas';

/**
 * A report's answer: the case it opened (201) or joined (200) when the caller may read it; otherwise 202, the
 * same whether a case was opened or joined, with nothing of the case.
 */
function sendReceipt(res: Response, receipt: ConcernReceiptBody | PassedToLaBody): void {
  if ('received' in receipt) res.status(202).json(receipt);
  else res.status(receipt.attached ? 200 : 201).location(`/v1/cases/${receipt.caseId}`).json(receipt);
}

export function casesRouter(deps: CaseDeps): Router {
  const router = Router();

  router.post('/concerns', async (req, res) => {
    sendReceipt(res, await openConcern(deps, principalOf(res), parseOr400(reportConcernBody, req.body)));
  });

  router.post('/referrals', async (req, res) => {
    sendReceipt(res, await referChild(deps, principalOf(res), parseOr400(referralBody, req.body)));
  });

  router.post('/new-pupil-returns', async (req, res) => {
    const receipt: NewPupilReturnMatchedBody | PassedToLaBody = await receiveNewPupilReturn(deps, principalOf(res), parseOr400(newPupilReturnBody, req.body));
    res.status('received' in receipt ? 202 : 200).json(receipt);
  });

  router.get('/cases', async (req, res) => {
    res.json((await listCases(deps.db, principalOf(res), parseOr400(caseListQuery, req.query))) satisfies CaseListBody);
  });

  router.get('/cases/:caseId', async (req, res) => {
    const { caseId } = parseOr400(caseIdParams, req.params);
    await visibleCase(deps.db, principalOf(res), caseId);
    res.json((await readCase(deps, caseId)) satisfies CaseStateBody);
  });

  router.get('/cases/:caseId/child', async (req, res) => {
    const { caseId } = parseOr400(caseIdParams, req.params);
    await visibleCase(deps.db, principalOf(res), caseId);
    res.json((await childOfCase(deps.db, caseId)) satisfies ChildBody);
  });

  router.get('/cases/:caseId/export', async (req, res) => {
    const { caseId } = parseOr400(caseIdParams, req.params);
    const { format } = parseOr400(exportQuery, req.query);
    const principal = principalOf(res);
    requireRole(principal, ['la_cme_officer', 'la_send_officer', 'manager']);
    await visibleCase(deps.db, principal, caseId);
    const record = await exportCase(deps.db, caseId);
    if (format === 'html') res.type('html').send(exportHtml(record));
    else res.attachment(`case-${caseId}.json`).json(record satisfies CaseExportBody);
  });

  router.get('/inbox', async (_req, res) => {
    res.json((await inboxOf(deps.db, principalOf(res))) satisfies InboxBody);
  });

  router.get('/dashboard', async (_req, res) => {
    res.json((await dashboardOf(deps.db, principalOf(res))) satisfies DashboardBody);
  });

  router.get('/cases/:caseId/timeline', async (req, res) => {
    const { caseId } = parseOr400(caseIdParams, req.params);
    await visibleCase(deps.db, principalOf(res), caseId);
    res.json({ caseId, entries: await caseTimeline(deps, caseId) } satisfies TimelineBody);
  });

  return router;
}
