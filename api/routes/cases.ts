import { Router } from 'express';
import { openConcern, type CaseDeps } from '../cases/open-concern';
import { readCase } from '../cases/read-case';
import { caseIdParams, reportConcernBody } from '../schemas';
import { parseOr400 } from '../validate';

export function casesRouter(deps: CaseDeps): Router {
  const router = Router();

  router.post('/concerns', async (req, res) => {
    const receipt = await openConcern(deps, parseOr400(reportConcernBody, req.body));
    res.status(receipt.attached ? 200 : 201).location(`/v1/cases/${receipt.caseId}`).json(receipt);
  });

  router.get('/cases/:caseId', async (req, res) => {
    const { caseId } = parseOr400(caseIdParams, req.params);
    res.json(await readCase(deps, caseId));
  });

  return router;
}
