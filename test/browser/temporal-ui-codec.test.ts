import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../scripts/devstack/free-port';
import { startStack } from '../helpers/stack';

/**
 * Issue #13 item 6, the Temporal UI one click away, in a real browser: the dev server's own UI, served as `npm start`
 * serves it (through the proxy that puts our codec under its origin), shows a case's workflow input decoded when an
 * LA officer signed in to our web UI follows the case page's link, with no Data Encoder set up by hand. A browser
 * that has not signed in, and a school (whose sign-in leaves no codec cookie), see it encrypted.
 */
describe('the Temporal UI from the case page, decoded for a signed-in LA officer (Chromium, dev server UI, API)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let server: ReturnType<Awaited<ReturnType<typeof startStack>>['app']['listen']>;
  let browser: Browser;
  let apiUrl: string;
  let uiUrl: string;
  let caseId: string;

  beforeAll(async () => {
    const uiPort = await freePort();
    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    uiUrl = `http://127.0.0.1:${uiPort}`;
    stack = await startStack('temporal-ui-browser', { temporalUi: { port: uiPort, apiUrl } });
    server = stack.app.listen(apiPort, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    expect((server.address() as AddressInfo).port).toBe(apiPort);
    await (await stack.as('admin')).put('/v1/schools/100001').send({ name: 'Oak Primary', laCode: '938' }).expect(200);
    const opened = await (await stack.as('oakSchool')).post('/v1/concerns').send({ schoolUrn: '100001', upn: 'B801200005001', reason: 'unexplained_absence' }).expect(201);
    caseId = opened.body.caseId;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await stack?.stop();
  });

  /** Signs in through our sign-in page as this demo user. */
  async function signIn(context: BrowserContext, name: RegExp): Promise<Page> {
    const web = await context.newPage();
    await web.goto(`${apiUrl}/ui/`);
    await web.getByRole('button', { name }).click();
    await web.getByRole('button', { name: 'Sign out' }).waitFor();
    return web;
  }

  /** The status of the Temporal UI's first decode request on this page (it asks the codec at its own origin). */
  const decodeStatus = (page: Page) =>
    page.waitForResponse((response) => response.url().startsWith(`${uiUrl}/codec/decode`) && response.request().method() === 'POST', { timeout: 60_000 }).then((r) => r.status());

  it("opens from the case page's link with the input decoded, nothing set up by hand", async () => {
    const context = await browser.newContext();
    const web = await signIn(context, /LA CME officer/);
    // The sign-in leaves the codec cookie in the background.
    let cookies = await context.cookies(`${apiUrl}/codec`);
    for (let wait = 0; cookies.length === 0 && wait < 50; wait += 1) {
      await web.waitForTimeout(100);
      cookies = await context.cookies(`${apiUrl}/codec`);
    }
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([['cme_codec', true, 'Strict', '/codec']]);
    await web.goto(`${apiUrl}/ui/#/cases/${caseId}`);
    const opening = context.waitForEvent('page');
    await web.getByRole('link', { name: 'Open in the Temporal UI (opens in a new tab)' }).click();
    const temporal = await opening;
    const status = decodeStatus(temporal);
    expect(temporal.url()).toBe(`${uiUrl}/namespaces/default/workflows/case-${caseId}`);
    expect(await status).toBe(200);
    await temporal.getByText(/"pupilId"/).first().waitFor({ timeout: 30_000 });
    expect(await temporal.getByText(/Codec Server could not connect/i).count()).toBe(0);
    await context.close();
  }, 120_000);

  it('leaves it encrypted for a browser that has not signed in, and for a school', async () => {
    for (const signInAs of [undefined, /Oak Primary attendance lead/]) {
      const context = await browser.newContext();
      if (signInAs) await signIn(context, signInAs);
      const page = await context.newPage();
      const status = decodeStatus(page);
      await page.goto(`${uiUrl}/namespaces/default/workflows/case-${caseId}`);
      expect(await status).toBe(401);
      await page.getByText(`case-${caseId}`).first().waitFor();
      expect(await page.getByText(/"pupilId"/).count()).toBe(0);
      await context.close();
    }
  }, 120_000);
});
