import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api.js';
import { html } from '../html.js';

/** Dev sign-in: choose a demo user. With a real identity provider, its sign-in page replaces this one. */
export function LoginPage() {
  const [users, setUsers] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api('/v1/ui-config')
      .then((config) => (config.authMode === 'dev' ? api('/v1/dev/users') : Promise.reject(new Error('Sign in through your organisation\'s identity provider.'))))
      .then((body) => setUsers(body.users))
      .catch((e) => setError(e.message));
  }, []);
  const signIn = async (user) => {
    const { token } = await api('/v1/dev/token', { method: 'POST', body: { userId: user.userId } });
    session.signIn(token, user);
    location.hash = user.role === 'manager' ? '#/dashboard' : '#/inbox';
  };
  return html`<main id="main">
    <h1>Sign in</h1>
    <p>Demo sign-in: each user below stands for one role in the demo LA (938).</p>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <div class="users">
      ${(users ?? []).map((user) => html`<button type="button" class="secondary" onClick=${() => signIn(user)}>
        <strong>${user.name}</strong><br /><span class="hint">${user.role.replaceAll('_', ' ')}${user.schoolUrns.length ? ` · school ${user.schoolUrns.join(', ')}` : ''}${user.laCode ? ` · LA ${user.laCode}` : ''}</span>
      </button>`)}
    </div>
  </main>`;
}
