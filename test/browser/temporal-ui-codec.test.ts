import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../scripts/devstack/free-port';
import { startStack } from '../helpers/stack';

/**
 * Issue #6, the Temporal UI's codec, in a real browser: the dev server's own UI (started as `npm start` starts it,
 * with `--ui-codec-endpoint`) shows a case's workflow input decoded once an LA officer has signed in to our web UI,
 * whose sign-in leaves the HttpOnly codec cookie; a browser that has not signed in sees it encrypted.
 */
describe('the Temporal UI decoding a case for a signed-in LA officer (Chromium, dev server UI, API)', () => {
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
    stack = await startStack('temporal-ui-browser', { temporalUi: { port: uiPort, codecEndpoint: `${apiUrl}/codec` } });
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

  /** The workflow's page in the Temporal UI, with the codec settings a user makes once in its "Data Encoder" dialog. */
  async function openCaseInTemporalUi(context: BrowserContext): Promise<{ page: Page; decodeStatus: Promise<number> }> {
    const page = await context.newPage();
    await page.goto(`${uiUrl}/`);
    // The UI keeps each setting as JSON in localStorage.
    const settings = { endpoint: `${apiUrl}/codec`, overrideRemoteCodecConfiguration: true, includeCredentials: true };
    await page.evaluate(Object.entries(settings).map(([key, value]) => `localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify(value))})`).join(';'));
    const decodeStatus = page.waitForResponse((response) => response.url().startsWith(`${apiUrl}/codec/decode`) && response.request().method() === 'POST', { timeout: 60_000 }).then((r) => r.status());
    await page.goto(`${uiUrl}/namespaces/default/workflows/case-${caseId}`);
    return { page, decodeStatus };
  }

  it('shows the input decoded after the officer signs in to our web UI', async () => {
    const context = await browser.newContext();
    const web = await context.newPage();
    await web.goto(`${apiUrl}/ui/#/login`);
    await web.getByRole('button', { name: /LA CME officer/ }).click();
    await web.getByRole('button', { name: 'Sign out' }).waitFor();
    // The sign-in sets the cookie in the background.
    let cookies = await context.cookies(`${apiUrl}/codec`);
    for (let wait = 0; cookies.length === 0 && wait < 50; wait += 1) {
      await web.waitForTimeout(100);
      cookies = await context.cookies(`${apiUrl}/codec`);
    }
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([['cme_codec', true, 'Strict', '/codec']]);

    const { page, decodeStatus } = await openCaseInTemporalUi(context);
    expect(await decodeStatus).toBe(200);
    await page.getByText(/"pupilId"/).first().waitFor({ timeout: 30_000 });
    await context.close();
  }, 120_000);

  it('leaves it encrypted for a browser that has not signed in', async () => {
    const context = await browser.newContext();
    const { page, decodeStatus } = await openCaseInTemporalUi(context);
    expect(await decodeStatus).toBe(401);
    await page.getByText(`case-${caseId}`).first().waitFor();
    expect(await page.getByText(/"pupilId"/).count()).toBe(0);
    await context.close();
  }, 120_000);
});
