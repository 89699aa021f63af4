import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { demoLa, demoSchools } from '../../config/demo';
import { englandDateOf } from '../../domain/calendar/england-time';
import { addCalendarDays } from '../../domain/calendar/iso-date';
import { testUpn } from '../fixtures/register-data';
import { startStack } from '../helpers/stack';
import { axeViolations } from './axe';

/**
 * Issue 16 item 5 on the case page, in headless Chromium against the real API, worker, dev server and database: the
 * school records a part-time timetable (refused, naming the field, without the parent's agreement), and the LA's
 * officer reads it on the case.
 */
describe('a part-time timetable on the case page (Chromium, real servers)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let server: ReturnType<Awaited<ReturnType<typeof startStack>>['app']['listen']>;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  const pageErrors: string[] = [];
  const today = englandDateOf(new Date());

  beforeAll(async () => {
    stack = await startStack('browser-part-time');
    server = stack.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { urn, name } = demoSchools.oak;
    await (await stack.as('admin')).put(`/v1/schools/${urn}`).send({ name, laCode: demoLa.code }).expect(200);
    const reported = await (await stack.as('oakSchool')).post('/v1/concerns').send({ schoolUrn: urn, upn: testUpn(1801), reason: 'part_time_timetable' }).expect(201);
    caseId = reported.body.caseId;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await stack?.stop();
  });

  /** Signs in, in a page of its own, from the dev login page, and opens the case. */
  async function openCaseAs(user: RegExp) {
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${baseUrl}/ui/`);
    await page.getByRole('button', { name: user }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${baseUrl}/ui/#/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Part-time timetable', exact: true }).waitFor();
  }

  const dateParts = (iso: string) => iso.split('-').reverse().map((part) => String(Number(part)));
  async function fillDate(form: Locator, question: string, iso: string) {
    const group = form.getByRole('group', { name: question });
    for (const [box, value] of ['Day', 'Month', 'Year'].map((box, index) => [box, dateParts(iso)[index]] as const)) await group.getByLabel(box).fill(value ?? '');
  }

  it("the school records a timetable, first refused without the parent's agreement; the LA officer reads it on the case", async () => {
    await openCaseAs(/Oak Primary attendance lead/);
    const form = page.getByRole('form', { name: 'Record a part-time timetable' });
    await fillDate(form, 'First day on the timetable', today);
    await fillDate(form, 'Last day on the timetable', addCalendarDays(today, 28));
    await fillDate(form, 'Review by', addCalendarDays(today, 14));
    await form.getByLabel('Hours a week in school').fill('15');
    await form.getByLabel('Why it is needed').fill('Phased return after illness');
    await form.getByRole('button', { name: 'Record a part-time timetable' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Agree the timetable with the parent first: none is recorded without their agreement']);
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel('The parent agreed to this timetable').check();
    await form.getByRole('button', { name: 'Record a part-time timetable' }).click();
    const row = page.getByTestId('part-time-timetable');
    await row.waitFor();
    expect(await row.textContent()).toContain('In place');
    await page.getByRole('form', { name: 'Review the part-time timetable' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await openCaseAs(/LA CME officer/);
    await page.getByTestId('part-time-timetable').waitFor();
    expect(await page.getByTestId('part-time-timetable').textContent()).toContain('Phased return after illness');
    expect(await page.getByRole('form', { name: 'Review the part-time timetable' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
