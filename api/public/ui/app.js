import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { session } from './api.js';
import { html } from './html.js';
import { CasePage } from './pages/case.js';
import { CasesPage } from './pages/cases.js';
import { DashboardPage } from './pages/dashboard.js';
import { InboxPage } from './pages/inbox.js';
import { LoginPage } from './pages/login.js';
import { ReportPage } from './pages/report.js';

// Hash routes keep the UI a set of static files: #/inbox, #/cases, #/cases/<id>, #/report, #/dashboard.
function useRoute() {
  const [hash, setHash] = useState(location.hash || '#/inbox');
  useEffect(() => {
    const onChange = () => setHash(location.hash || '#/inbox');
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash.slice(2).split('/');
}

function Nav({ route, user }) {
  const links = [
    ['inbox', 'Inbox', true],
    ['cases', 'Cases', true],
    ['report', user.role === 'school' ? 'Report a concern' : 'Refer a child', user.role !== 'manager'],
    ['dashboard', 'Dashboard', user.role !== 'school'],
  ];
  const signOut = () => {
    session.signOut();
    location.hash = '#/login';
  };
  return html`<header class="bar">
    <nav aria-label="Main">
      ${links.filter(([, , shown]) => shown).map(([path, text]) => html`<a href="#/${path}" aria-current=${route[0] === path ? 'page' : undefined} style="margin-right:1.2rem">${text}</a>`)}
    </nav>
    <span class="who">${user.name ?? user.userId} (${user.role.replaceAll('_', ' ')})</span>
    <button type="button" onClick=${signOut}>Sign out</button>
  </header>`;
}

function App() {
  const route = useRoute();
  const user = session.user;
  if (!user || route[0] === 'login') return html`<${LoginPage} />`;
  const page = (() => {
    switch (route[0]) {
      case 'cases':
        return route[1] ? html`<${CasePage} caseId=${route[1]} user=${user} />` : html`<${CasesPage} />`;
      case 'report':
        return html`<${ReportPage} user=${user} />`;
      case 'dashboard':
        return html`<${DashboardPage} />`;
      default:
        return html`<${InboxPage} />`;
    }
  })();
  return html`<${Nav} route=${route} user=${user} /><main id="main">${page}</main>`;
}

const root = document.getElementById('app');
root.textContent = ''; // the static "Loading…" placeholder
render(html`<${App} />`, root);
