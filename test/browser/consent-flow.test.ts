import path from 'node:path';
import type { Page } from 'playwright-core';
import { englandDateOf } from '../../domain/calendar/england-time';
import { yearGroupOn } from '../../domain/collection/year-group';
import { artifacts, checkPage, fillDate, signInAs as signIn, startUiSession } from './ui-session';

/** A deadline as people read it: the end of a day in England, with what is left in school days. */
const DEADLINE = /by end of (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4} \((\d+ school days? left|last day today)\)/;
/**
 * Elements shown reaching past the viewport's right edge, outside the regions that scroll on their own. A region
 * holds what is absolutely positioned in it only when it is that element's containing block (offsetParent).
 */
const OVERFLOWING = `[...document.body.querySelectorAll('*')]
  .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 && !(e.closest('details:not([open])') && !e.closest('summary')))
  .filter((e) => { const region = e.parentElement.closest('.app-table-scroll'); return !region || (['absolute', 'fixed'].includes(getComputedStyle(e).position) && !region.contains(e.offsetParent)); })
  .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' to ' + Math.round(e.getBoundingClientRect().right))`;
/** What a timeline must never show: codes, user ids, actor tokens, engine event names. */
const RAW = /[a-z]+_[a-z]+|demo-|school:\d|decision received|grantLaConsent/;

/**
 * Issue #4's flow and issue #13's screens in headless Chromium against the real API, worker, dev server and
 * database, starting where a newcomer starts (/ui/): a special school reports an EHE notice for an LA-placed
 * pupil with an EHC plan and asks to delete; the SEND officer finds the child by name in the inbox and grants
 * consent; the manager goes from the dashboard to a filtered list to the case; the administrator adds a term and
 * sets a rule. Each page passes axe-core, and no page logs a console error.
 */
describe('the web UI in a browser (Chromium, real servers)', () => {
  let session: Awaited<ReturnType<typeof startUiSession>>;
  let baseUrl: string;
  let page: Page;
  let caseId: string;
  let oakCaseId: string;
  let noahCaseId: string;
  let consoleErrors: string[];

  beforeAll(async () => {
    session = await startUiSession('browser-it');
    ({ baseUrl, page, consoleErrors } = session);
    // The demo's attendance feed: 11 days without reason (T2) and one day in four missed with SEN support (PA-10).
    expect(session.seeded.join('\n')).toContain('2 more opened by the attendance feed');
  });

  afterAll(async () => {
    await session?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  const check = (name: string) => checkPage(page, name);

  /** Runs a step the API answers with this status on purpose: the browser logs that failed request, nothing else. */
  async function expectingStatus(status: number, step: () => Promise<void>) {
    const before = consoleErrors.length;
    await step();
    const logged = consoleErrors.splice(before);
    expect(logged.filter((text) => !text.includes(`status of ${status}`))).toEqual([]);
  }

  /** The timeline in words: no codes, user ids, actor tokens or engine event names (rule ids and LA codes aside). */
  async function expectPlainTimeline() {
    const rows = await page.getByRole('region', { name: 'Timeline' }).locator('tbody tr').allTextContents();
    expect(rows.filter((text) => RAW.test(text.replace(/[A-Z0-9]+-[A-Z0-9-]+/g, '')))).toEqual([]);
  }

  const signInAs = (name: RegExp) => signIn(page, baseUrl, name);

  it('signs a newcomer in from /ui/ even when the address already is the inbox', async () => {
    // A newcomer's address may already be the inbox: signing in must still leave the sign-in page.
    await page.goto(`${baseUrl}/ui/#/inbox`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await check('00-sign-in');
    await page.getByRole('button', { name: /Birch Special School SENCo/ }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/inbox');
    await check('01-school-inbox');
  });

  it('a newcomer: Tab first reaches the skip link, which moves to the content; the favicon is served', async () => {
    await page.goto(`${baseUrl}/ui/`);
    await page.getByRole('heading', { name: 'Sign in' }).or(page.getByRole('button', { name: 'Sign out' })).first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    const icon = await page.evaluate("document.querySelector('link[rel=icon]').href");
    const served = await fetch(String(icon));
    expect([served.status, served.headers.get('content-type')]).toEqual([200, expect.stringContaining('image/svg+xml')]);
  });

  it('school: the report form says what is wrong next to each field; then reports and requests deletion', async () => {
    await signInAs(/Birch Special School SENCo/);
    await page.getByRole('link', { name: 'Report a concern' }).click();
    await page.getByLabel('UPN').fill('H80120');
    await page.getByLabel('Given name').fill('Rowan');
    await page.getByRole('button', { name: 'Report' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(["Enter the pupil's UPN: 13 characters, starting with a letter", "Enter the child's family name"]);
    await check('02-school-report-errors');
    await summary.getByRole('link', { name: /family name/ }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('familyName');
    // The values typed stay.
    expect(await page.getByLabel('Given name').inputValue()).toBe('Rowan');

    await page.getByLabel('UPN').fill('H801200001001');
    await page.getByLabel('Concern').selectOption('ehe_written_notice');
    await page.getByLabel('SEN status').selectOption('ehc_plan');
    await page.getByLabel('Placed here by the LA').check();
    await page.getByLabel('Family name').fill('Testchild');
    await fillDate(page, 'Date of birth', '2015-03-14');
    await page.getByRole('button', { name: 'Report' }).click();
    await page.getByTestId('stage').filter({ hasText: 'Deletion from the roll intended' }).waitFor();
    caseId = new URL(page.url()).hash.split('/')[2]!;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Rowan Testchild');
    expect(await page.getByTestId('next-step').textContent()).toContain('Waiting for the school to send the deletion request with its ground');
    // The law's usual next step comes first.
    expect(await page.locator('.app-decision h3').first().textContent()).toBe('Request deletion from roll');
    await check('03-school-case');

    // GROUND-F (SAR24 reg 9(1)(f)) as the school first sends it: not in writing, with an attendance order in force.
    await page.getByLabel('Ground (SAR24 reg 9(1))').selectOption('F');
    await fillDate(page, 'Delete on', englandDateOf(new Date()));
    await fillDate(page, 'Educated otherwise than at school from', '2026-11-27');
    await page.getByLabel('A school attendance order is in force').check();
    const reasons = page.getByRole('alert').filter({ hasText: 'Refused' }).getByRole('listitem');
    await expectingStatus(422, async () => {
      await page.getByRole('button', { name: 'Request deletion from roll' }).click();
      await reasons.filter({ hasText: 'in writing' }).waitFor();
    });
    expect(await reasons.allTextContents()).toEqual([expect.stringMatching(/in writing/), expect.stringMatching(/school attendance order is in force/)]);
    await check('04-school-deletion-refused');

    await page.getByLabel('A school attendance order is in force').uncheck();
    await page.getByLabel('Written notice received from the parent').check();
    await page.getByRole('button', { name: 'Request deletion from roll' }).click();
    await page.getByTestId('stage').filter({ hasText: 'Awaiting LA consent' }).waitFor();
    await check('05-school-awaiting-consent');
  });

  it('SEND officer: finds the child by name among the consents, sees what is due by when, and consents', async () => {
    await signInAs(/LA SEND officer/);
    const consents = page.getByRole('region', { name: /Consents to decide/ });
    const row = consents.getByRole('row', { name: /Rowan Testchild/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Birch Special School.*Awaiting LA consent/);
    expect(await row.textContent()).toContain('EHC plan');
    expect(await row.textContent()).toContain(`Sat 14 Mar 2015 (Year ${yearGroupOn('2015-03-14', englandDateOf(new Date()))})`);
    await check('06-send-officer-inbox');
    await consents.getByRole('link', { name: 'Rowan Testchild' }).click();
    const next = page.getByTestId('next-step');
    await next.waitFor();
    expect(await next.textContent()).toMatch(/^Waiting for the LA SEND team to decide consent/);
    expect(await next.textContent()).toMatch(DEADLINE);
    await check('07-send-officer-case');
    await page.getByLabel('Reason (recorded in the audit log)').first().fill('EHE arrangements suitable; EHC plan to be reviewed');
    await page.getByRole('button', { name: 'Grant LA consent' }).click();
    await page.getByTestId('stage').filter({ hasText: 'Deleted from the roll' }).waitFor();
    const yearGroup = page.locator('.govuk-summary-list__row', { hasText: 'Year group' }).locator('dd');
    expect(await yearGroup.textContent()).toBe(`Year ${yearGroupOn('2015-03-14', englandDateOf(new Date()))}`);
  });

  it("GATE-SPECIAL-SCHOOL (PRR06 reg 8(2)): the SEND officer refuses; the CME officer records the Secretary of State's direction and the deletion goes ahead", async () => {
    // The demo's special-school deletion waiting for consent.
    await signInAs(/LA SEND officer/);
    await page.getByRole('region', { name: /Consents to decide/ }).getByRole('link', { name: 'Ava Placeholder' }).click();
    await page.getByTestId('next-step').waitFor();
    await page.getByLabel('Reason (recorded in the audit log)').nth(1).fill('EHE arrangements not yet shown to be suitable');
    await page.getByRole('button', { name: 'Refuse LA consent' }).click();
    await page.getByTestId('stage').filter({ hasText: 'LA consent refused' }).waitFor();
    // Refusing is the SEND officer's last word: the direction is for whoever receives it, the SEND officer too.
    await page.getByRole('heading', { name: "Record the Secretary of State's direction" }).waitFor();

    await signInAs(/LA CME officer/);
    const directions = page.getByRole('region', { name: /Directions to record/ });
    await directions.getByRole('link', { name: 'Ava Placeholder' }).click();
    expect(await page.getByTestId('next-step').textContent()).toContain('record a Secretary of State direction');
    const form = page.getByRole('form', { name: "Record the Secretary of State's direction" });
    // The usual step for a refused consent comes first.
    expect(await page.locator('.app-decision h3').first().textContent()).toBe("Record the Secretary of State's direction");
    await expectingStatus(400, async () => {
      await form.getByRole('button', { name: "Record the Secretary of State's direction" }).click();
      await form.getByRole('alert').waitFor();
    });
    const link = form.getByRole('alert').getByRole('link');
    expect(await link.allTextContents()).toEqual(["Enter the reference on the Secretary of State's direction"]);
    await check('07a-cme-officer-direction-error');
    await link.click();
    expect(await page.evaluate('document.activeElement.id')).toBe('direction-reference');
    await form.getByLabel("Reference on the Secretary of State's direction").fill('DfE/2026/014');
    await form.getByRole('button', { name: "Record the Secretary of State's direction" }).click();
    await page.getByTestId('stage').filter({ hasText: 'Deleted from the roll' }).waitFor();
    const recorded = page.getByRole('region', { name: 'Timeline' }).getByRole('row', { name: /Secretary of State direction recorded/ });
    expect(await recorded.textContent()).toContain('GATE-SPECIAL-SCHOOL');
    await check('07b-cme-officer-direction-recorded');
  });

  it('manager: dashboard card to the filtered list to the case; the timeline in plain words', async () => {
    await signInAs(/Head of inclusion/);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.locator('#by-stage').waitFor();
    const byStage = page.getByRole('figure').filter({ hasText: 'Open cases by stage' });
    await byStage.getByText('Figures').click();
    await byStage.getByRole('row', { name: /Deleted from the roll/ }).waitFor();
    // The demo's referral (Noah, on no roll) is a time missing education whose reason is not yet known.
    const reasonsByTerm = page.getByRole('figure').filter({ hasText: 'Reasons term on term' });
    await reasonsByTerm.getByText('Figures').click();
    await reasonsByTerm.getByRole('columnheader', { name: 'Reason not known' }).waitFor();
    await page.getByTestId('reason-outcomes').getByRole('row', { name: /Reason not known/ }).waitFor();
    await check('08-manager-dashboard');
    await page.getByRole('link', { name: 'with SEN support or an EHC plan' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    expect(await page.getByLabel('SEN').inputValue()).toBe('true');
    await page.getByRole('link', { name: 'Rowan Testchild' }).waitFor();
    await check('09-manager-cases-send');
    await page.getByRole('link', { name: 'Rowan Testchild' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const granted = timeline.getByRole('row', { name: /LA consent granted/ });
    await granted.waitFor();
    expect(await granted.textContent()).toContain('GATE-SPECIAL-SCHOOL');
    expect(await granted.textContent()).toContain('LA SEND officer');
    const requested = await timeline.getByRole('row', { name: /Case opened/ }).textContent();
    expect(requested).toContain('Birch Special School (school staff)');
    await expectPlainTimeline();
    await check('10-manager-case-timeline');
  });

  it('a school out of scope sees neither the child nor the case', async () => {
    await signInAs(/Oak Primary attendance lead/);
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await page.getByRole('table').or(page.getByText('Nothing here.')).first().waitFor();
    expect(await page.content()).not.toContain('Rowan');
    await expectingStatus(404, async () => {
      await page.goto(`${baseUrl}/ui/#/cases/${caseId}`);
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    });
    expect(await page.content()).not.toContain('Rowan');
  });

  it('CME officer: the inbox sections the role acts on', async () => {
    await signInAs(/LA CME officer/);
    await page.getByRole('heading', { name: 'Children to trace' }).or(page.getByRole('heading', { name: /Children to trace/ })).first().waitFor();
    expect(await page.getByRole('heading', { name: /Consents to decide/ }).count()).toBe(0);
    await check('11-cme-officer-inbox');
  });

  it('administrator: adds a term and sets a rule, with errors named by field', async () => {
    await signInAs(/System administrator/);
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByRole('cell', { name: 'Birch Special School' }).waitFor();
    await check('12-admin');
    const terms = page.getByRole('form', { name: 'Add a term' });
    await terms.getByRole('button', { name: 'Add a term' }).click();
    const summary = terms.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Enter the name of the term, like Spring 2027', 'Enter the first day of the term', 'Enter the last day of the term']);
    // A date is the GOV.UK date input: its error links to the day box.
    await summary.getByRole('link', { name: 'Enter the first day of the term' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('start');
    expect(await page.evaluate('document.activeElement.closest("fieldset").querySelector("legend").textContent')).toBe('First day');
    // A term over another is refused by the API, said in words at the top of the form.
    await terms.getByLabel('Term').fill('Autumn 2027');
    await fillDate(terms, 'First day', '2027-07-01');
    await fillDate(terms, 'Last day', '2027-10-22');
    await expectingStatus(422, async () => {
      await terms.getByRole('button', { name: 'Add a term' }).click();
      await summary.filter({ hasText: /Overlaps "Summer 2"/ }).waitFor();
    });
    await fillDate(terms, 'First day', '2027-09-01');
    await terms.getByRole('button', { name: 'Add a term' }).click();
    await page.getByRole('cell', { name: 'Autumn 2027' }).waitFor();
    const rules = page.getByRole('form', { name: 'Set a rule' });
    const ruleId = await rules.getByLabel('Rule').inputValue();
    const current = await page.getByRole('row', { name: new RegExp(`^${ruleId}`) }).locator('code').textContent();
    await rules.getByLabel('Value').fill(current ?? '');
    await rules.getByRole('button', { name: 'Set a rule' }).click();
    await page.getByRole('row', { name: new RegExp(`^${ruleId}`) }).getByText('Set by the LA').waitFor();
    await check('13-admin-saved');
  });

  it("CME officer: records why a child on no roll is missing from the LA's lists (CME-REASONS, CME-RISK-CIRCUMSTANCES), and cannot close into home education without the EHE reason", async () => {
    await signInAs(/LA CME officer/);
    await page.getByRole('region', { name: /Children to trace/ }).getByRole('link', { name: 'Noah Unlisted' }).click();
    const why = page.getByRole('form', { name: 'Record why the child is missing education' });
    const primary = why.getByLabel('Primary reason (as the termly return counts it)');
    await primary.locator('option', { hasText: 'No school application made' }).waitFor({ state: 'attached' });
    await expectingStatus(400, async () => {
      await why.getByRole('button', { name: 'Record why the child is missing education' }).click();
      await why.getByRole('alert').waitFor();
    });
    const link = why.getByRole('alert').getByRole('link');
    expect(await link.allTextContents()).toEqual(['Choose the primary reason from the list']);
    await link.click();
    expect(await page.evaluate('document.activeElement.id')).toBe('cme-primaryReason');
    await primary.selectOption({ label: 'No school application made' });
    await why.getByLabel('Living in temporary accommodation').check();
    await why.getByLabel("Known to children's social care?").selectOption({ label: 'No' });
    await why.getByRole('button', { name: 'Record why the child is missing education' }).click();
    const recorded = page.getByRole('region', { name: 'Timeline' }).getByRole('row', { name: /Why the child is missing education recorded/ });
    await recorded.waitFor();
    // The stored detail's keys come back in jsonb's order, so each phrase is looked for on its own.
    const words = await recorded.textContent();
    for (const phrase of ['Primary reason: application not made', 'Circumstances: temporary accommodation', "Not known to children's social care"]) expect(words).toContain(phrase);

    // Into home education the return needs the EHE reason: the case refuses without it and the summary links to the list.
    const close = page.getByRole('form', { name: 'Close the case' });
    await close.getByLabel('Outcome').selectOption('elective_home_education');
    await close.getByLabel('Reason (recorded in the audit log)').fill('Parent wrote to say they home educate');
    await expectingStatus(422, async () => {
      await close.getByRole('button', { name: 'Close the case' }).click();
      await close.getByRole('alert').filter({ hasText: 'Refused' }).waitFor();
    });
    const refused = close.getByRole('alert').getByRole('link');
    expect(await refused.allTextContents()).toEqual(['Choose the primary reason: a case closing into home education needs one']);
    await refused.click();
    expect(await page.evaluate('document.activeElement.id')).toBe('close-primaryReason');
    expect(await close.getByLabel('Primary reason').locator('option').allTextContents()).toEqual(expect.arrayContaining(['Bullying', 'Special educational needs not met at school']));
    await check('13b-cme-officer-reasons');
  });

  it('school: reports an unexplained absence, then records the reason established', async () => {
    await signInAs(/Oak Primary attendance lead/);
    await page.getByRole('link', { name: 'Report a concern' }).click();
    await page.getByLabel('UPN').fill('V801200009001');
    await page.getByLabel('Concern').selectOption('unexplained_absence');
    await page.getByLabel('Given name').fill('Priya');
    await page.getByLabel('Family name').fill('Walkthrough');
    await fillDate(page, 'Date of birth', '2017-09-02');
    await page.getByRole('button', { name: 'Report' }).click();
    await page.getByTestId('stage').filter({ hasText: 'Awaiting the reason for absence' }).waitFor();
    oakCaseId = new URL(page.url()).hash.split('/')[2]!;
    expect(await page.getByTestId('next-step').textContent()).toMatch(DEADLINE);
    // The law's first ask on an unexplained absence: the reason (T1), not a deletion.
    expect(await page.locator('.app-decision h3').first().textContent()).toBe('Record the reason established');
    await check('15-school-awaiting-reason');
    await page.getByLabel('The code entered in the register in place of N (T1)').selectOption('I');
    await page.getByRole('button', { name: 'Record the reason established' }).click();
    await page.getByTestId('stage').filter({ hasText: 'Support first' }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByRole('row', { name: /Reason for absence established/ }).waitFor();
    await expectPlainTimeline();
    await check('16-school-reason-recorded');
  });

  it('CME officer: signs the joint enquiries for a child whose whereabouts are unknown, then traces a child missing education', async () => {
    await signInAs(/LA CME officer/);
    await page.getByRole('region', { name: /Enquiries to sign/ }).getByRole('link', { name: 'Leo Sample' }).click();
    await page.getByTestId('stage').filter({ hasText: 'Checking whereabouts' }).waitFor();
    await check('17-cme-officer-enquiries');
    await page.getByLabel('Outcome of the joint school and LA enquiries').selectOption('not_found');
    await page.getByRole('button', { name: 'Sign joint enquiries' }).click();
    await page.getByRole('region', { name: 'Timeline' }).getByRole('row', { name: /enquiries/i }).first().waitFor();
    await expectPlainTimeline();
    await check('18-cme-officer-enquiries-signed');

    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('region', { name: /Children to trace/ }).getByRole('link', { name: 'Noah Unlisted' }).click();
    await page.getByTestId('stage').filter({ hasText: 'Missing education: tracing' }).waitFor();
    noahCaseId = new URL(page.url()).hash.split('/')[2]!;
    const trace = page.getByRole('form', { name: 'Record a trace step' });
    await trace.getByLabel('Step').selectOption('other_la_contacted');
    await trace.getByLabel('Other LA code (when contacted)').fill('846');
    await trace.getByRole('button', { name: 'Record a trace step' }).click();
    await page.getByRole('region', { name: 'Timeline' }).getByRole('row', { name: /Trace step recorded/ }).waitFor();
    await expectPlainTimeline();
    await check('19-cme-officer-traced');
  });

  it('manager: the dashboard card of clocks due in the next 5 school days leads to the list it counts', async () => {
    await signInAs(/Head of inclusion/);
    const figure = await page.getByTestId('due-soon').textContent();
    await page.getByRole('link', { name: 'open with a clock due in the next 5 school days' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    expect(await page.getByLabel('Deadline').inputValue()).toBe('due_soon');
    const caption = page.locator('caption').or(page.getByText('Nothing here.')).first();
    await caption.waitFor();
    expect(await caption.textContent()).toBe(figure === '0' ? 'Nothing here.' : `${figure} case${figure === '1' ? '' : 's'}`);
    await check('20-manager-due-soon');
  });

  it('administrator: imports a register file and sees the row report, adds a closure day, saves a notification channel', async () => {
    await signInAs(/System administrator/);
    const register = page.getByRole('form', { name: 'Import a register' });
    await register.getByRole('button', { name: 'Import the file' }).click();
    await register.getByRole('alert').getByRole('link', { name: 'Choose the CSV file of the register' }).waitFor();
    await register.getByLabel('Register').selectOption('pupils');
    const csv = ['school_urn,upn,given_name,family_name,date_of_birth', '100001,G801200009101,Tom,Imported,2016-05-01', '100001,not-a-upn,Ann,Refused,2016-05-02', '100002,W801200009102,Sia,Imported,2013-01-20'].join('\n');
    await register.getByLabel('CSV file').setInputFiles({ name: 'pupils.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await register.getByRole('button', { name: 'Import the file' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const figures = Object.fromEntries(await report.locator('.govuk-summary-list__row').evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent])));
    expect(figures).toMatchObject({ 'Rows received': '3', Added: '2', Refused: '1' });
    expect(await report.getByRole('row', { name: /^3 upn/ }).count()).toBe(1);
    await check('21-admin-register-imported');

    const closures = page.getByRole('form', { name: 'Add a closure day' });
    await page.getByLabel('School', { exact: true }).selectOption({ label: 'Oak Primary School' });
    await fillDate(closures, 'Day closed', '2027-01-04');
    await closures.getByLabel('Why').fill('INSET day');
    await closures.getByRole('button', { name: 'Add a closure day' }).click();
    await page.getByRole('row', { name: /Mon 4 Jan 2027 INSET day/ }).waitFor();

    const channels = page.getByRole('form', { name: 'Save a channel' });
    await channels.getByLabel('Party').selectOption({ label: 'LA SEND team' });
    await channels.getByLabel('Reached by').selectOption('smtp');
    await channels.getByRole('button', { name: 'Save a channel' }).click();
    const summary = channels.getByRole('alert');
    await summary.getByRole('link', { name: 'Enter an email address, like cme@your-la.gov.uk' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('channelEmail');
    await channels.getByLabel('Email address').fill('send-team@demo-la.example');
    await channels.getByRole('button', { name: 'Save a channel' }).click();
    await page.getByRole('row', { name: /LA SEND team Email to send-team@demo-la\.example/ }).waitFor();
    await check('22-admin-closure-and-channel');
  });

  it('at 320 px wide the main pages of the school, the CME officer, the manager and the administrator fit without scrolling sideways, and pass axe', async () => {
    const pages: [RegExp, string, [string, string][]][] = [
      [/Oak Primary attendance lead/, 'school', [['inbox', 'inbox'], ['cases', 'cases'], ['report', 'report'], ['case', `cases/${oakCaseId}`]]],
      [/LA CME officer/, 'cme-officer', [['inbox', 'inbox'], ['cases', 'cases'], ['refer', 'report'], ['dashboard', 'dashboard'], ['case', `cases/${noahCaseId}`]]],
      [/Head of inclusion/, 'manager', [['dashboard', 'dashboard'], ['due-soon', 'cases?status=open&deadline=due_soon'], ['case', `cases/${caseId}`]]],
      [/System administrator/, 'admin', [['admin', 'admin']]],
    ];
    await page.setViewportSize({ width: 320, height: 720 });
    try {
      for (const [user, role, screens] of pages) {
        await signInAs(user);
        for (const [name, hash] of screens) {
          await page.goto(`${baseUrl}/ui/#/${hash}`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await page.getByText('Loading…').waitFor({ state: 'detached' });
          // Sections fetch their own data after the page's: measured once it has settled (up to 5 s), then asserted.
          await page.waitForFunction('document.documentElement.scrollWidth <= innerWidth', undefined, { timeout: 5000 }).catch(() => undefined);
          // Wide tables scroll inside their own focusable region; the page itself never scrolls sideways.
          expect({ name, width: await page.evaluate('document.documentElement.scrollWidth'), overflowing: await page.evaluate(OVERFLOWING) }).toEqual({ name, width: 320, overflowing: [] });
          await check(`320px-${role}-${name}`);
        }
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });

  it('no page logged a console error', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('renders the interactive API reference under the content security policy', async () => {
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${baseUrl}/docs/`);
    await page.getByText('CME case engine API').first().waitFor();
    await page.getByText('/v1/cases/{caseId}/la-consent').first().waitFor();
    await shot('14-api-reference');
    expect(blocked).toEqual([]);
  });
});
