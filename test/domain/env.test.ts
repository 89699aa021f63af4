import { ConfigError, loadEnv } from '../../config/env';

describe('configuration', () => {
  it('runs on embedded defaults', () => {
    const env = loadEnv({});
    expect(env.API_PORT).toBe(3000);
    expect(env.TEMPORAL_NAMESPACE).toBe('default');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TEMPORAL_ADDRESS).toBeUndefined();
  });

  it('names the bad variable', () => {
    expect(() => loadEnv({ API_PORT: 'seventy' })).toThrow(/API_PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(ConfigError);
    try {
      loadEnv({ DATABASE_URL: 'mysql://x@y/z', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.variable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL']);
    }
    expect.assertions(3);
  });

  it('links notifications to the API\'s own address unless PUBLIC_URL says where staff reach it', () => {
    expect(loadEnv({}).PUBLIC_URL).toBe('http://127.0.0.1:3000');
    expect(loadEnv({ API_PORT: '3100' }).PUBLIC_URL).toBe('http://127.0.0.1:3100');
    expect(loadEnv({ API_PORT: '3100', PUBLIC_URL: 'https://cme.la938.example' }).PUBLIC_URL).toBe('https://cme.la938.example');
    expect(() => loadEnv({ PUBLIC_URL: 'ftp://cme.la938.example' })).toThrow(/PUBLIC_URL/);
  });

  it("sizes the worker's cache of case workflows on purpose: 500 unless WORKER_MAX_CACHED_WORKFLOWS says otherwise", () => {
    expect(loadEnv({}).WORKER_MAX_CACHED_WORKFLOWS).toBe(500);
    expect(loadEnv({ WORKER_MAX_CACHED_WORKFLOWS: '2000' }).WORKER_MAX_CACHED_WORKFLOWS).toBe(2000);
    // 0 is the SDK's own "no cache" (every task replays): allowed, if slow; a fraction or a negative is refused.
    expect(loadEnv({ WORKER_MAX_CACHED_WORKFLOWS: '0' }).WORKER_MAX_CACHED_WORKFLOWS).toBe(0);
    for (const bad of ['-1', '1.5', 'lots']) expect(() => loadEnv({ WORKER_MAX_CACHED_WORKFLOWS: bad })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
  });

  it("runs the worker's notification dispatcher 4 at a time, polling every second, unless NOTIFY_DISPATCH_* say otherwise", () => {
    expect(loadEnv({})).toMatchObject({ NOTIFY_DISPATCH_CONCURRENCY: 4, NOTIFY_DISPATCH_POLL_MS: 1000 });
    expect(loadEnv({ NOTIFY_DISPATCH_CONCURRENCY: '16', NOTIFY_DISPATCH_POLL_MS: '250' })).toMatchObject({ NOTIFY_DISPATCH_CONCURRENCY: 16, NOTIFY_DISPATCH_POLL_MS: 250 });
    for (const bad of ['0', '1.5', 'lots']) expect(() => loadEnv({ NOTIFY_DISPATCH_CONCURRENCY: bad })).toThrow(/NOTIFY_DISPATCH_CONCURRENCY/);
    expect(() => loadEnv({ NOTIFY_DISPATCH_POLL_MS: '10' })).toThrow(/NOTIFY_DISPATCH_POLL_MS/);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses dev sign-in in production, and jwks mode without its key set', () => {
    expect(loadEnv({}).AUTH_MODE).toBe('dev');
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_MODE: dev sign-in is refused in production/);
    expect(() => loadEnv({ AUTH_MODE: 'jwks' })).toThrow(/AUTH_JWKS_URL: is required/);
    expect(loadEnv({ NODE_ENV: 'production', AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'https://idp.example/jwks' }).AUTH_JWKS_URL).toBe('https://idp.example/jwks');
  });

  it('checks the notification settings, never echoing a webhook secret', () => {
    const secret = 'a'.repeat(40);
    expect(loadEnv({ SMTP_URL: 'smtp://relay.example:587', WEBHOOK_SECRETS: `police938:${secret}` }).SMTP_URL).toBe('smtp://relay.example:587');
    expect(() => loadEnv({ SMTP_URL: 'http://relay.example' })).toThrow(/SMTP_URL/);
    expect(() => loadEnv({ SMTP_FROM: 'nobody' })).toThrow(/SMTP_FROM: must be an e-mail address/);
    expect(() => loadEnv({ WEBHOOK_SECRETS: `police938:${secret},police938:${secret}` })).toThrow(/WEBHOOK_SECRETS: the name police938 is given twice/);
    expect(() => loadEnv({ WEBHOOK_SECRETS: 'short:tooshortsecret' })).toThrow(/WEBHOOK_SECRETS: the secret named short must have at least 32 characters/);
    expect(() => loadEnv({ WEBHOOK_SECRETS: 'tooshortsecret' })).toThrow(/WEBHOOK_SECRETS: entry 1 must be name:secret/);
    try {
      loadEnv({ WEBHOOK_SECRETS: `bad name:${secret}` });
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
    expect.assertions(7);
  });
});
