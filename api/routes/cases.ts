import { Router } from 'express';
import type { CaseDeps } from '../cases/case-deps';
import { openConcern } from '../cases/open-concern';
import { receiveNewPupilReturn } from '../cases/new-pupil-return';
import { readCase } from '../cases/read-case';
import { referChild } from '../cases/refer-child';
import { caseIdParams, newPupilReturnBody, referralBody, reportConcernBody } from '../schemas';
import { parseOr400 } from '../validate';

export function casesRouter(deps: CaseDeps): Router {
  const router = Router();

  router.post('/concerns', async (req, res) => {
    const receipt = await openConcern(deps, parseOr400(reportConcernBody, req.body));
    res.status(receipt.attached ? 200 : 201).location(`/v1/cases/${receipt.caseId}`).json(receipt);
  });

  router.post('/referrals', async (req, res) => {
    const receipt = await referChild(deps, parseOr400(referralBody, req.body));
    res.status(receipt.attached ? 200 : 201).location(`/v1/cases/${receipt.caseId}`).json(receipt);
  });

  router.post('/new-pupil-returns', async (req, res) => {
    res.json(await receiveNewPupilReturn(deps, parseOr400(newPupilReturnBody, req.body)));
  });

  router.get('/cases/:caseId', async (req, res) => {
    const { caseId } = parseOr400(caseIdParams, req.params);
    res.json(await readCase(deps, caseId));
  });

  return router;
}
