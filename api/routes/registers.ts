import { Router } from 'express';
import type { Db } from '../../db/prisma';
import { toCsv } from '../../read-model/csv';
import { registerColumns, registerOf, registerQuery, type RegisterKind } from '../../read-model/registers';
import { registerScope, requireReturnAccess } from '../../read-model/register-scope';
import { returnItemChildren, termlyReturn } from '../../read-model/termly-return';
import { principalOf } from '../auth/authenticate';
import type { CmeRegisterBody, EheRegisterBody, ReturnItemBody, TermlyReturnBody } from '../register-schemas';
import { returnItemParams, returnParams, returnQuery } from '../register-schemas';
import { laCodeParams } from '../schemas';
import { parseOr400 } from '../validate';

/** The LA's CME and EHE registers and its termly return to the DfE, JSON or CSV. */
export function registersRouter(db: Db): Router {
  const router = Router();

  for (const kind of ['cme', 'ehe'] as RegisterKind[]) {
    router.get(`/las/:laCode/registers/${kind}`, async (req, res) => {
      const { laCode } = parseOr400(laCodeParams, req.params);
      const query = parseOr400(registerQuery, req.query);
      const register = await registerOf(db, kind, registerScope(principalOf(res), laCode), query);
      if (query.format === 'csv') res.type('text/csv').attachment(`${kind}-register-${laCode}.csv`).send(toCsv(registerColumns[kind], register.items));
      else res.json(register as CmeRegisterBody | EheRegisterBody);
    });
  }

  router.get('/las/:laCode/returns/:censusDate', async (req, res) => {
    const { laCode, censusDate } = parseOr400(returnParams, req.params);
    const { format } = parseOr400(returnQuery, req.query);
    requireReturnAccess(principalOf(res), laCode);
    const { items } = await termlyReturn(db, laCode, censusDate);
    const figures = items.map(({ pupilIds: _counted, ...figure }) => ({ ...figure, drillDown: `/v1/las/${laCode}/returns/${censusDate}/items/${figure.item}` }));
    if (format === 'csv') res.type('text/csv').attachment(`cme-ehe-return-${laCode}-${censusDate}.csv`).send(toCsv(['item', 'label', 'value', 'held', 'note'], figures));
    else res.json({ laCode, censusDate, items: figures } satisfies TermlyReturnBody);
  });

  router.get('/las/:laCode/returns/:censusDate/items/:item', async (req, res) => {
    const { laCode, censusDate, item } = parseOr400(returnItemParams, req.params);
    requireReturnAccess(principalOf(res), laCode);
    res.json((await returnItemChildren(db, laCode, censusDate, item)) satisfies ReturnItemBody);
  });

  return router;
}
