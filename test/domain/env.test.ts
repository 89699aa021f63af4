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

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses dev sign-in in production, and jwks mode without its key set', () => {
    expect(loadEnv({}).AUTH_MODE).toBe('dev');
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_MODE: dev sign-in is refused in production/);
    expect(() => loadEnv({ AUTH_MODE: 'jwks' })).toThrow(/AUTH_JWKS_URL: is required/);
    expect(loadEnv({ NODE_ENV: 'production', AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'https://idp.example/jwks' }).AUTH_JWKS_URL).toBe('https://idp.example/jwks');
  });
});
