import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { session } from './api.js';
import { homeOf } from './home.js';
import { html } from './html.js';
import { schoolNames } from './schools.js';
import { AdminPage } from './pages/admin.js';
import { CasePage } from './pages/case.js';
import { CasesPage } from './pages/cases.js';
import { DashboardPage } from './pages/dashboard.js';
import { InboxPage } from './pages/inbox.js';
import { LoginPage } from './pages/login.js';
import { ReportPage } from './pages/report.js';
import { SupportMeetingPage } from './pages/support-meeting.js';

// GOV.UK Frontend styles some components differently once its JavaScript could run.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');


// Hash routes keep the UI a set of static files: #/inbox, #/cases?…, #/cases/<id>, #/report, #/dashboard, #/admin.
// An in-page anchor (the skip link, an error summary's link) is not a route and leaves the page where it is.
function useRoute() {
  const [hash, setHash] = useState(location.hash || '#/');
  const [, setSession] = useState(0);
  useEffect(() => {
    const onHash = () => location.hash.startsWith('#/') && setHash(location.hash);
    const onSession = () => setSession((n) => n + 1);
    addEventListener('hashchange', onHash);
    addEventListener('cme-session', onSession);
    return () => {
      removeEventListener('hashchange', onHash);
      removeEventListener('cme-session', onSession);
    };
  }, []);
  const [path, query = ''] = hash.slice(2).split('?');
  return { parts: path.split('/'), query: new URLSearchParams(query) };
}

const pagesOf = (role) => [
  ['inbox', 'Inbox', role !== 'admin'],
  ['cases', 'Cases', role !== 'admin'],
  ['report', role === 'school' ? 'Report a concern' : 'Refer a child', ['school', 'la_cme_officer', 'la_send_officer'].includes(role)],
  ['support-meeting', 'Support meeting', ['school', 'la_cme_officer', 'la_send_officer', 'manager'].includes(role)],
  ['dashboard', 'Dashboard', ['la_cme_officer', 'la_send_officer', 'manager'].includes(role)],
  ['admin', 'Administration', role === 'admin'],
].filter(([, , shown]) => shown);

/** An LA-neutral header (no crown, no GOV.UK) and the service navigation with the role's pages. */
function Header({ current, user }) {
  const signOut = () => {
    session.signOut();
    location.hash = '#/login';
  };
  // GOV.UK Frontend's generic header: the GOV.UK header (crown, logotype) belongs to GOV.UK domains only.
  return html`<header>
    <div class="govuk-generic-header">
      <div class="govuk-generic-header__container govuk-width-container">
        <div class="govuk-generic-header__logo"><a href=${user ? homeOf(user.role) : '#/login'} class="govuk-generic-header__homepage-link">Local authority ${user?.laCode ?? ''}</a></div>
      </div>
    </div>
    <section class="govuk-service-navigation" aria-label="Service information">
      <div class="govuk-width-container"><div class="govuk-service-navigation__container">
        <span class="govuk-service-navigation__service-name"><span class="govuk-service-navigation__text">Children in education</span></span>
        ${user && html`<nav aria-label="Menu" class="govuk-service-navigation__wrapper">
          <ul class="govuk-service-navigation__list" id="navigation">
            ${pagesOf(user.role).map(([path, text]) => html`<li class=${`govuk-service-navigation__item${current === path ? ' govuk-service-navigation__item--active' : ''}`}>
              <a class="govuk-service-navigation__link" href="#/${path}" aria-current=${current === path ? 'page' : undefined}>${text}</a></li>`)}
            <li class="govuk-service-navigation__item"><button type="button" class="govuk-service-navigation__link app-link-button" onClick=${signOut}>Sign out</button></li>
          </ul></nav>`}
      </div></div>
    </section></header>`;
}

function App() {
  const { parts, query } = useRoute();
  const user = session.user;
  const [schools, setSchools] = useState(null);
  useEffect(() => {
    if (user) schoolNames(session.token).then(setSchools);
  }, [user?.userId]);
  const signedOut = !user || parts[0] === 'login';
  const page = (() => {
    if (signedOut) return html`<${LoginPage} />`;
    switch (parts[0]) {
      case 'cases':
        return parts[1] ? html`<${CasePage} caseId=${parts[1]} user=${user} />` : html`<${CasesPage} query=${query} />`;
      case 'report':
        return html`<${ReportPage} user=${user} schools=${schools} />`;
      case 'dashboard':
        return html`<${DashboardPage} />`;
      case 'support-meeting':
        return html`<${SupportMeetingPage} query=${query} user=${user} schools=${schools} />`;
      case 'admin':
        return html`<${AdminPage} />`;
      case 'inbox':
        return html`<${InboxPage} user=${user} />`;
      default:
        location.replace(homeOf(user.role));
        return null;
    }
  })();
  return html`<${Header} current=${parts[0]} user=${signedOut ? null : user} />
    <div class="govuk-width-container"><main class="govuk-main-wrapper" id="main" tabindex="-1">${page}</main></div>
    <footer class="govuk-footer"><div class="govuk-width-container"><p class="govuk-body-s">An open case engine for English local authorities and schools: children missing education.</p></div></footer>`;
}

// The skip link jumps to the page's content without changing the hash route.
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});

const root = document.getElementById('app');
root.textContent = ''; // the static "Loading…" placeholder
render(html`<${App} />`, root);
