import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api.js';
import { homeOf } from '../home.js';
import { Problem } from '../components.js';
import { html } from '../html.js';

const roleName = { school: 'School staff', la_cme_officer: 'LA CME officer', la_send_officer: 'LA SEND officer', manager: 'Manager', admin: 'Administrator' };

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
    // Sign in first, then route: the session event re-renders even when the hash already is the home page.
    session.signIn(token, user);
    location.hash = homeOf(user.role);
  };
  return html`<h1 class="govuk-heading-l">Sign in</h1>
    <p class="govuk-body">Demo sign-in: each user below stands for one role in the demo local authority (938).</p>
    ${error && html`<${Problem} message=${error} />`}
    <div class="app-users">
      ${(users ?? []).map((user) => html`<button type="button" class="govuk-button govuk-button--secondary" onClick=${() => signIn(user)}>
        <strong>${user.name}</strong><br /><span class="govuk-body-s">${roleName[user.role] ?? user.role}${user.schoolUrns.length ? ` · school ${user.schoolUrns.join(', ')}` : ''}${user.laCode ? ` · LA ${user.laCode}` : ''}</span>
      </button>`)}
    </div>`;
}
