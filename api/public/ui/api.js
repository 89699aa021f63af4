// The JSON API with the signed-in user's bearer token. The token lives in this tab's sessionStorage only.
const TOKEN = 'cme.token';
const USER = 'cme.user';

// LA staff may read case histories decoded in the Temporal UI too: the API turns their token into an HttpOnly
// cookie for its codec, sent by the Temporal UI only (see README, "Codec endpoint").
const CODEC_ROLES = ['la_cme_officer', 'la_send_officer', 'manager'];
const codecSession = (method, token) =>
  fetch('/codec/session', { method, headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(() => undefined);

// Signing in or out re-renders the app even when the route stays the same (#/inbox before and after).
const changed = () => dispatchEvent(new Event('cme-session'));

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  get user() { const raw = sessionStorage.getItem(USER); return raw ? JSON.parse(raw) : null; },
  signIn(token, user) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(USER, JSON.stringify(user));
    if (CODEC_ROLES.includes(user.role)) codecSession('POST', token);
    changed();
  },
  signOut() { sessionStorage.removeItem(TOKEN); sessionStorage.removeItem(USER); codecSession('DELETE'); changed(); },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `request failed (${status})`);
    this.status = status;
    this.field = body?.error?.field;
    this.code = body?.error?.code;
    // A decision the rules refuse (422 `refused`) lists every condition it failed.
    this.reasons = body?.error?.reasons ?? [];
    // An upload whose every row was refused (422 `rows_refused`) answers its row report beside the error.
    this.body = body;
  }
}

/** `contentType`: send `body` as it is (an uploaded CSV file's text), not as JSON. */
export async function api(path, { method = 'GET', body, contentType } = {}) {
  const headers = { accept: 'application/json' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined || contentType ? body : JSON.stringify(body) });
  const json = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (response.status === 401 && session.token) {
    session.signOut();
    location.hash = '#/login';
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}
