import type { DemoUser } from '../../api/auth/dev-issuer';
import { createAuth, type Auth } from '../../api/auth/setup';

/** The principals API tests act as: LA 938 with schools 100001 (Oak), 100002 (Elm), 100003 (Birch, special); 100005 in LA 926. */
export const users = {
  oakSchool: { sub: 'u-oak', role: 'school', schools: ['100001'] },
  elmSchool: { sub: 'u-elm', role: 'school', schools: ['100002'] },
  birchSchool: { sub: 'u-birch', role: 'school', schools: ['100003'] },
  ashHighSchool926: { sub: 'u-ash', role: 'school', schools: ['100005'] },
  cmeOfficer: { sub: 'u-cme', role: 'la_cme_officer', la: '938' },
  sendOfficer: { sub: 'u-send', role: 'la_send_officer', la: '938' },
  otherLaOfficer: { sub: 'u-cme-926', role: 'la_cme_officer', la: '926' },
  manager: { sub: 'u-manager', role: 'manager', la: '938' },
  admin: { sub: 'u-admin', role: 'admin' },
} satisfies Record<string, DemoUser>;

export type TestUser = keyof typeof users;

/** The API's dev-mode auth, as tests use it: tokens for any claims, signed by the in-memory issuer. */
export function testAuth(): Promise<Auth> {
  return createAuth({ AUTH_MODE: 'dev', AUTH_ISSUER: 'test-issuer', AUTH_AUDIENCE: 'cme-case-engine', AUTH_JWKS_URL: undefined });
}

export async function bearer(auth: Auth, user: DemoUser): Promise<string> {
  if (!auth.devIssuer) throw new Error('test auth runs in dev mode');
  return `Bearer ${await auth.devIssuer.sign(user)}`;
}
