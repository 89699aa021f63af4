import path from 'node:path';
import express, { Router } from 'express';
import { repoRoot } from '../../config/paths';

export interface UiConfig {
  authMode: 'dev' | 'jwks';
  /** Where managers open a case's workflow in the Temporal UI, if one is running. */
  temporalUiUrl?: string;
  namespace: string;
}

const vendor = (file: string) => path.join(repoRoot, 'node_modules', file);

/** The web UI: static ES modules (Preact + htm, no build step) over the JSON API, and what it needs to know. */
export function webUiRouter(config: UiConfig): Router {
  const router = Router();
  router.get('/v1/ui-config', (_req, res) => {
    res.json(config);
  });
  for (const [name, file] of [
    ['preact.module.js', 'preact/dist/preact.module.js'],
    ['hooks.module.js', 'preact/hooks/dist/hooks.module.js'],
    ['htm.module.js', 'htm/dist/htm.module.js'],
    ['chart.umd.min.js', 'chart.js/dist/chart.umd.min.js'],
  ] as const) {
    router.get(`/ui/vendor/${name}`, (_req, res) => res.sendFile(vendor(file)));
  }
  // GOV.UK Frontend's compiled CSS and JS as the package ships them (no Sass build); its fonts and crown are not used.
  router.use('/ui/govuk', express.static(vendor('govuk-frontend/dist/govuk'), { index: false }));
  router.use('/ui', express.static(path.join(repoRoot, 'api', 'public', 'ui')));
  router.get('/', (_req, res) => res.redirect('/ui/'));
  return router;
}
