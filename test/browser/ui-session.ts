import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { seedDemo } from '../../scripts/seed';
import { startStack } from '../helpers/stack';
import { axeViolations } from './axe';

export const artifacts = path.join(__dirname, '..', '..', 'test-artifacts', 'browser');

/**
 * The real API, worker, dev server and database with the demo LA seeded through the API, and headless Chromium
 * on it at a desktop size, collecting every console error the pages log.
 */
export async function startUiSession(taskQueue: string) {
  const stack = await startStack(taskQueue);
  const server = stack.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const seeded: string[] = [];
  await seedDemo(baseUrl, (line) => seeded.push(line));
  fs.mkdirSync(artifacts, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  const stop = async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await stack.stop();
  };
  return { stack, baseUrl, seeded, page, consoleErrors, stop };
}

/** As people do: open /ui/, sign out whoever is signed in, and choose the demo user on the sign-in page. */
export async function signInAs(page: Page, baseUrl: string, name: RegExp) {
  await page.goto(`${baseUrl}/ui/`);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  const signInPage = page.getByRole('heading', { name: 'Sign in' });
  await signInPage.or(signOut).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await signInPage.waitFor();
  await page.getByRole('button', { name }).click();
  await signOut.waitFor();
}

/** A GOV.UK date input, as people fill it: day, month and year in their own boxes under the question. */
export async function fillDate(scope: Page | Locator, question: string, iso: string) {
  const [year, month, day] = iso.split('-');
  const group = scope.getByRole('group', { name: question });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year!);
}

/** Screenshot kept as an artifact, and axe-core finds nothing on the page. */
export async function checkPage(page: Page, name: string) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
}
