import path from 'node:path';
import express, { Router } from 'express';
import { repoRoot } from '../../config/paths';
import type { OpenApiDocument } from '../openapi/document';

/** The OpenAPI document generated from the zod schemas, and the interactive reference page over it. */
export function referenceRouter(document: OpenApiDocument): Router {
  const router = Router();
  router.get('/v1/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/docs/swagger-ui', express.static(path.dirname(require.resolve('swagger-ui-dist/package.json')), { index: false }));
  router.use('/docs', express.static(path.join(repoRoot, 'api', 'public', 'docs')));
  return router;
}
