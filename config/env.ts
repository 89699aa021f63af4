import { z } from 'zod';
import { parseWebhookSecrets } from './webhook-secrets';

/**
 * Every setting the system reads from the environment, validated once at start-up.
 * Unset optional infrastructure (DATABASE_URL, TEMPORAL_ADDRESS) means "start our own" in the dev stack.
 */
const port = z.coerce.number().int().min(1).max(65535);
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** The worker's cache of case workflows by default: see WORKER_MAX_CACHED_WORKFLOWS. */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 500;

/** The worker's notification dispatcher by default: see NOTIFY_DISPATCH_CONCURRENCY and NOTIFY_DISPATCH_POLL_MS. */
export const DEFAULT_NOTIFY_DISPATCH = { concurrency: 4, pollMs: 1000 } as const;

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('cme-cases'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  /** The Temporal UI the web UI links each case to (set by `npm start` when it runs the dev server). */
  TEMPORAL_UI_URL: optionalString.pipe(z.url().optional()),
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_TEST_SERVER_PATH: optionalString,
  /**
   * Case workflows the worker keeps in memory between their tasks (its sticky cache); one evicted replays its
   * history on its next task. README, "Sizing the worker".
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_MAX_CACHED_WORKFLOWS),
  API_PORT: port.default(3000),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  /** Upper bound for any call the API makes into Temporal, so a missing worker never hangs a request. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(1200),
  API_TEMPORAL_DEADLINE_MS: z.coerce.number().int().min(100).max(120000).default(15000),
  /** The most bytes one register or attendance upload may have (a large LA's day of marks is ~5 MB). */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(2 ** 31).default(256 * 2 ** 20),
  /**
   * Detection alerts each API process delivers into cases at once, in the background after the upload answered.
   * 16 keeps the case engine busy on the 2-core reference machine (a case opens at its best throughput with 16
   * clients, issue 12) without flooding the worker; raise it with the worker's capacity.
   */
  ALERT_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** How long an alert claimed by an API process stays its own; a process that dies gives its claims back after this. */
  ALERT_DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /**
   * Notifications the worker's dispatcher sends at once. Each send waits on a mail relay or a webhook, not the CPU.
   */
  NOTIFY_DISPATCH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(DEFAULT_NOTIFY_DISPATCH.concurrency),
  /**
   * How often an idle dispatcher looks for notifications to send. New ones wake it at once (Postgres LISTEN/NOTIFY);
   * the poll finds those whose backoff or a dead worker's lease ran out, and covers a lost LISTEN connection.
   */
  NOTIFY_DISPATCH_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(DEFAULT_NOTIFY_DISPATCH.pollMs),
  /** Payload encryption keys, `id:base64key,…`, current first (see temporal/payload-keys.ts); required in production. */
  PAYLOAD_KEYS: optionalString,
  /** `dev`: the API signs demo users' tokens itself; `jwks`: tokens from a real identity provider. */
  AUTH_MODE: z.enum(['dev', 'jwks']).default('dev'),
  AUTH_ISSUER: z.string().min(1).default('cme-case-engine-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('cme-case-engine'),
  AUTH_JWKS_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Where staff reach the web UI; notifications to LA staff and schools link to the case there. Unset: the API's address. */
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** The SMTP relay for e-mail channels, `smtp://user:pass@host:587` or `smtps://…`; unset: e-mail channels fail. */
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  SMTP_FROM: z.string().trim().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an e-mail address').default('cme-case-engine@localhost'),
  /** Webhook signing secrets, `name:secret,…`; a webhook channel names one (config/webhook-secrets.ts). */
  WEBHOOK_SECRETS: optionalString.superRefine((spec, ctx) => {
    try {
      parseWebhookSecrets(spec);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
})
  .refine((env) => env.AUTH_MODE !== 'jwks' || env.AUTH_JWKS_URL, { message: 'is required when AUTH_MODE=jwks', path: ['AUTH_JWKS_URL'] })
  .refine((env) => !(env.NODE_ENV === 'production' && env.AUTH_MODE === 'dev'), { message: 'dev sign-in is refused in production; use jwks', path: ['AUTH_MODE'] });

export type Env = z.infer<typeof envSchema> & { PUBLIC_URL: string };

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`Invalid configuration: ${issues.map((i) => `${i.variable}: ${i.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return { ...parsed.data, PUBLIC_URL: parsed.data.PUBLIC_URL ?? `http://${parsed.data.API_HOST}:${parsed.data.API_PORT}` };
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
  );
}
