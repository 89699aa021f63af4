import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { authenticate } from './auth/authenticate';
import type { Auth } from './auth/setup';
import type { UploadDeps } from '../feeds/upload-deps';
import { ApiError, errorHandler } from './errors';
import { methodNotAllowed } from './method-not-allowed';
import { openApiDocument } from './openapi/document';
import { rateLimiter, securityHeaders } from './security';
import type { PayloadKeyRing } from '../temporal/payload-codec';
import { calendarsRouter } from './routes/calendars';
import { codecRouter } from './routes/codec';
import { casesRouter } from './routes/cases';
import { decisionsRouter } from './routes/decisions';
import { devLoginRouter } from './routes/dev-login';
import { healthRouter } from './routes/health';
import { notificationChannelsRouter } from './routes/notification-channels';
import { referenceRouter } from './routes/reference';
import { registersRouter } from './routes/registers';
import { rulesRouter } from './routes/rules';
import { schoolsRouter } from './routes/schools';
import { attendanceRouter } from './routes/attendance';
import { targetedSupportRouter } from './routes/targeted-support';
import { uploadPaths, uploadProgressRouter, uploadsRouter } from './routes/uploads';
import { webUiRouter, type UiConfig } from './routes/web-ui';

/** The document the app serves at /v1/openapi.json, for the typed client's generator (scripts/client-generate.ts). */
export { openApiDocument };

export interface AppDeps extends UploadDeps {
  logger: Logger;
  auth: Auth;
  ui: UiConfig;
  /** The payload keys of the codec endpoint (the same ring the client and worker use). */
  payloadKeys: PayloadKeyRing;
  /** Requests per minute per client address (API_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  const document = openApiDocument();
  app.disable('x-powered-by');
  app.use(securityHeaders(), rateLimiter(deps.rateLimitPerMinute ?? 1200));
  // Register and attendance uploads stream their bodies, so they come before the JSON parser and its 100 kB limit.
  app.use(uploadPaths, authenticate(deps.auth.verify));
  app.use('/v1', uploadsRouter(deps));
  app.use(express.json({ limit: '100kb' }));
  app.use(healthRouter(deps), referenceRouter(document), webUiRouter(deps.ui));
  if (deps.auth.devIssuer) app.use('/v1', devLoginRouter(deps.auth.devIssuer));
  app.use(codecRouter(deps.payloadKeys, deps.auth.verify, deps.ui.temporalUiUrl && new URL(deps.ui.temporalUiUrl).origin));
  app.use('/v1', authenticate(deps.auth.verify), casesRouter(deps), attendanceRouter(deps.db), decisionsRouter(deps), schoolsRouter(deps.db), targetedSupportRouter(deps.db), calendarsRouter(deps.db), rulesRouter(deps.db), registersRouter(deps.db), notificationChannelsRouter(deps.db), uploadProgressRouter(deps));
  app.use(methodNotAllowed(document.paths ?? {}));
  app.use((_req, _res, next) => next(new ApiError(404, 'not_found', 'no such route')));
  app.use(errorHandler(deps.logger));
  return app;
}
