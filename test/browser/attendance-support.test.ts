import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedDemo } from '../../scripts/seed';
import { startStack } from '../helpers/stack';
import { axeViolations } from './axe';

/**
 * Issue 16 items 3 and 6 in headless Chromium against the real API, worker, dev server and database, on the demo
 * LA the seed makes (three weeks of Oak's register marks through the feed): the school's targeted support list, an
 * outcome recorded as a plan action, and the case's attendance chart with its table. Each page passes axe-core.
 */
describe('attendance and the targeted support meeting in a browser (Chromium, real servers)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let server: ReturnType<Awaited<ReturnType<typeof startStack>>['app']['listen']>;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    stack = await startStack('browser-attendance-it');
    server = stack.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await seedDemo(baseUrl, () => undefined);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${baseUrl}/ui/`);
    await page.getByRole('button', { name: /Oak Primary attendance lead/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await stack?.stop();
  });

  it("the school's termly list names the feed's persistently and severely absent pupils; an outcome becomes a plan action; the case charts attendance", async () => {
    await page.getByRole('link', { name: 'Support meeting' }).click();
    await page.getByRole('heading', { name: 'Targeted support meeting' }).waitFor();
    await page.getByRole('button', { name: 'Show the list' }).click();
    const list = page.getByTestId('tsm-list');
    await list.waitFor();
    const rows = await list.getByTestId('tsm-pupil').allTextContents();
    expect(rows.find((row) => row.includes('Isla Feed'))).toContain('Severe absence');
    expect(rows.find((row) => row.includes('Omar Feed'))).toMatch(/Persistent absence.*Open support case/);
    expect(await axeViolations(page)).toEqual([]);

    const omar = list.getByTestId('tsm-pupil').filter({ hasText: 'Omar Feed' });
    await omar.getByText('Record the outcome').click();
    await omar.getByLabel('Who will do it').selectOption('educational_psychology');
    await omar.getByLabel('What they will do').fill('Observe Omar in class and advise');
    await omar.getByLabel('Due in (school days)').fill('10');
    // The action is on the case, and the list read again, before the case is opened.
    const added = page.waitForResponse((r) => r.url().endsWith('/support-actions') && r.status() === 200);
    const listedAgain = page.waitForResponse((r) => r.url().includes('/targeted-support') && r.status() === 200);
    await omar.getByRole('button', { name: 'Add the action' }).click();
    await Promise.all([added, listedAgain]);
    await page.getByRole('link', { name: 'Omar Feed' }).click();

    const attendance = page.getByRole('region', { name: /^Attendance \d{4}\/\d{2}$/ });
    await attendance.waitFor();
    await expect(page.getByTestId('plan-action').filter({ hasText: 'Observe Omar in class and advise' }).count()).resolves.toBe(1);
    // The seed's 15 school days: C on every fourth day, 4 of them, so 22 of 30 sessions present.
    expect(await page.getByTestId('attendance-total').textContent()).toBe('73.3% attendance: 22 of 30 possible sessions; 8 authorised and 0 unauthorised absences.');
    await expect(attendance.getByRole('img', { name: /Attendance by week this school year/ }).count()).resolves.toBe(1);
    await attendance.getByText('Attendance by week, with the codes').click();
    const weeks = await page.getByTestId('attendance-weeks').locator('tbody tr').allTextContents();
    expect(weeks.length).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('support-changes').textContent()).toContain('Observe Omar in class and advise');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
