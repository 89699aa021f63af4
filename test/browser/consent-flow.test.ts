import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedDemo } from '../../scripts/seed';
import { startStack } from '../helpers/stack';

const artifacts = path.join(__dirname, '..', '..', 'test-artifacts', 'browser');

/**
 * Issue #4's flow in headless Chromium against the real API, worker, dev server and database: a special
 * school reports an EHE notice for an LA-placed pupil with an EHC plan and asks to delete; the SEND officer
 * finds it in the inbox and grants consent; the manager's dashboard and the case timeline show it.
 */
describe('the web UI in a browser (Chromium, real servers)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let server: ReturnType<Awaited<ReturnType<typeof startStack>>['app']['listen']>;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack('browser-it');
    server = stack.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const seeded: string[] = [];
    await seedDemo(baseUrl, (line) => seeded.push(line));
    // The demo's attendance feed: 11 days without reason (T2) and one day in four missed with SEN support (PA-10).
    expect(seeded.join('\n')).toContain('2 more opened by the attendance feed');
    fs.mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await stack?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

  async function signInAs(name: RegExp) {
    await page.goto(`${baseUrl}/ui/#/login`);
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await page.getByRole('button', { name }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  it('school reports and requests deletion; SEND officer consents from the inbox; manager sees it', async () => {
    // The special school reports the parent's written EHE notice for an LA-placed pupil with an EHC plan.
    await signInAs(/Birch Special School SENCo/);
    await page.getByRole('link', { name: 'Report a concern' }).click();
    await page.getByLabel('UPN').fill('H801200001001');
    await page.getByLabel('Concern').selectOption('ehe_written_notice');
    await page.getByLabel('SEN status').selectOption('ehc_plan');
    await page.getByLabel('Placed here by the LA').check();
    await page.getByLabel('Given name').fill('Rowan');
    await page.getByLabel('Family name').fill('Testchild');
    await page.getByRole('button', { name: 'Report' }).click();
    await page.getByTestId('stage').filter({ hasText: 'deletion intended' }).waitFor();
    const caseId = new URL(page.url()).hash.split('/')[2]!;

    // GROUND-F (SAR24 reg 9(1)(f)) as the school first sends it: not in writing, with an attendance order in force.
    // The case refuses it and the form lists every reason.
    await page.getByLabel('Ground (SAR24 reg 9(1))').selectOption('F');
    await page.getByLabel('Educated otherwise than at school from').fill('2026-11-27');
    await page.getByLabel('A school attendance order is in force').check();
    await page.getByRole('button', { name: 'Request deletion from roll' }).click();
    const reasons = page.getByRole('alert').filter({ hasText: 'Refused' }).getByRole('listitem');
    await reasons.filter({ hasText: 'in writing' }).waitFor();
    expect(await reasons.allTextContents()).toEqual([expect.stringMatching(/in writing/), expect.stringMatching(/school attendance order is in force/)]);
    await shot('0-school-deletion-refused');

    await page.getByLabel('A school attendance order is in force').uncheck();
    await page.getByLabel('Written notice received from the parent').check();
    await page.getByRole('button', { name: 'Request deletion from roll' }).click();
    await page.getByTestId('stage').filter({ hasText: 'awaiting la consent' }).waitFor();
    await shot('1-school-awaiting-consent');

    // The SEND officer finds it among the consents to decide and grants consent with a reason.
    await signInAs(/LA SEND officer/);
    const consents = page.getByRole('region', { name: /Consents to decide/ });
    await consents.getByRole('link', { name: caseId.slice(0, 8) }).waitFor();
    await shot('2-send-officer-inbox');
    await consents.getByRole('link', { name: caseId.slice(0, 8) }).click();
    await page.getByLabel('Reason (recorded in the audit log)').first().fill('EHE arrangements suitable; EHC plan to be reviewed');
    await page.getByRole('button', { name: 'Grant LA consent' }).click();
    await page.getByTestId('stage').filter({ hasText: 'deleted from roll' }).waitFor();
    await shot('3-consent-granted');

    // The manager's dashboard counts it and the case timeline shows who decided, when and under which rule.
    await signInAs(/Head of inclusion/);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.locator('#by-stage').waitFor();
    const byStage = page.getByRole('figure').filter({ hasText: 'Open cases by stage' });
    await byStage.getByText('Figures').click();
    await byStage.getByRole('row', { name: /deleted from roll/ }).waitFor();
    await shot('4-manager-dashboard');
    await page.goto(`${baseUrl}/ui/#/cases/${caseId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const granted = timeline.getByRole('row', { name: /la consent granted/ });
    await granted.waitFor();
    expect(await granted.textContent()).toContain('GATE-SPECIAL-SCHOOL');
    expect(await timeline.getByRole('row', { name: /decision received:grantLaConsent/ }).textContent()).toContain('la_send_officer:demo-send-officer');
    await shot('5-case-timeline');

    const row = await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ stage: 'deleted_from_roll', sendFlag: true, schoolUrn: '100003' });
  });

  it('renders the interactive API reference under the content security policy', async () => {
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${baseUrl}/docs/`);
    await page.getByText('CME case engine API').first().waitFor();
    await page.getByText('/v1/cases/{caseId}/la-consent').first().waitFor();
    await shot('6-api-reference');
    expect(blocked).toEqual([]);
  });
});
