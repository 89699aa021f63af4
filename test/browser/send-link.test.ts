import type { Page } from 'playwright-core';
import { checkPage, signInAs, startUiSession } from './ui-session';

/**
 * Issue 16 items 1, 2 and 4 in headless Chromium against the real servers, from /ui/: the SENCo of a special school
 * reports a pupil with an EHC plan missing school, records the barrier (unmet need) and an action, and asks the
 * SEND team to consider an early review of the plan; the SEND officer finds the request in the inbox and answers
 * it. Each page passes axe-core, and no page logs a console error.
 */
describe('the SEND link in a browser (Chromium, real servers)', () => {
  let session: Awaited<ReturnType<typeof startUiSession>>;
  let page: Page;
  const check = (name: string) => checkPage(page, `send-link-${name}`);

  beforeAll(async () => {
    session = await startUiSession('browser-send-link');
    page = session.page;
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('a SENCo records a barrier and an action; the SEND officer sees the request in the inbox', async () => {
    await signInAs(page, session.baseUrl, /Birch Special School SENCo/);
    await page.getByRole('link', { name: 'Report a concern' }).click();
    await page.getByLabel('UPN').fill('F801200001017');
    await page.getByLabel('Given name').fill('Robin');
    await page.getByLabel('Family name').fill('Linkchild');
    await page.getByLabel('Concern').selectOption('persistent_absence_send');
    await page.getByLabel('SEN status').selectOption('ehc_plan');
    await page.getByRole('button', { name: 'Report' }).click();
    await page.getByTestId('stage').filter({ hasText: /support/i }).waitFor();
    await check('01-senco-case');

    const barrier = page.getByRole('form', { name: 'Record a barrier' });
    await barrier.getByLabel('What keeps the child from attending').selectOption('unmet_send_need');
    await barrier.getByRole('button', { name: 'Record a barrier' }).click();
    await page.getByTestId('barriers').getByText('Unmet special educational need or disability').waitFor();

    const action = page.getByRole('form', { name: 'Add an action' });
    await action.getByLabel('Who will do it').selectOption('senco');
    await action.getByLabel('What they will do').fill('Put the speech and language provision of section F in place');
    await action.getByLabel('Due in (school days)').fill('10');
    await action.getByRole('button', { name: 'Add an action' }).click();
    await page.getByTestId('plan-action').filter({ hasText: 'speech and language provision' }).waitFor();

    const ask = page.getByRole('form', { name: 'Ask the SEND team' });
    // The register shows an EHC plan: the early review is what the SENCo may ask for.
    expect(await ask.getByLabel('What the SEND team is asked').locator('option').allTextContents()).toEqual(['Consider an early review of the EHC plan']);
    await ask.getByLabel('Why (recorded in the audit log)').fill('Needs have changed since the annual review');
    await ask.getByRole('button', { name: 'Ask the SEND team' }).click();
    const requests = page.getByTestId('send-requests');
    await requests.getByText('Awaiting the SEND team').waitFor();
    expect(await requests.textContent()).toContain('Consider an early review of the EHC plan');
    await page.getByRole('region', { name: 'Timeline' }).getByRole('row', { name: /SEND team asked to act on an unmet need/ }).waitFor();
    // What happens next names the SEND team's answer beside the stage's own step, each with its own date.
    expect(await page.getByTestId('next-step-send').textContent()).toMatch(/^Also waiting for the LA SEND team to answer a request — by end of \w{3} \d{1,2} \w{3} \d{4} \(\d+ school days? left\)/);
    await check('02-senco-request-made');

    await signInAs(page, session.baseUrl, /LA SEND officer/);
    const inbox = page.getByRole('region', { name: /Requests to the SEND team/ });
    const row = inbox.getByRole('row', { name: /Robin Linkchild/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Birch Special School.*Consider an early review of the EHC plan: answer by end of/);
    await check('03-send-officer-inbox');
    await inbox.getByRole('link', { name: 'Robin Linkchild' }).click();
    const answer = page.getByRole('form', { name: 'Answer a request' });
    await answer.getByLabel('The SEND team').selectOption('agreed');
    await answer.getByLabel('Why (recorded in the audit log)').fill('Early review booked with the family');
    await answer.getByRole('button', { name: 'Answer a request' }).click();
    await page.getByTestId('send-requests').getByText('Agreed').waitFor();
    await check('04-send-officer-answered');

    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Requests to the SEND team (0)' }).waitFor();
  });

  it('no page logged a console error', () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
