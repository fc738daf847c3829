import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { artifactPath, describeInBrowser, launchBrowser } from '../helpers/browser.js';
import { getJson } from '../helpers/http.js';
import { decodePng } from '../helpers/qr.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { DEMO_NAME, DEMO_NIP } from './rating-fixture.js';

describeInBrowser('the keypass page in a phone browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let policyViolations: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    policyViolations = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) policyViolations.push(message.text());
    });
    page.on('pageerror', (error) => policyViolations.push(error.message));
  });
  afterEach(async () => {
    await context?.close();
  });

  const ratingUrl = async () => (await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`)).body.ratingUrl;

  async function lookUp(nip: string): Promise<void> {
    await page.goto(`${server.url}/keypass`);
    await page.getByLabel('NIP atau kode pegawai').fill(nip);
    await page.getByRole('button', { name: 'Tampilkan kode QR saya' }).click();
    await page.waitForLoadState('load');
  }

  /** What a phone camera would read from the code as drawn on the screen. */
  async function readCodeOnScreen(selector: string): Promise<string> {
    const image = page.locator(selector);
    await image.evaluate((img: HTMLImageElement) => img.decode());
    return decodePng(await image.screenshot()).text;
  }

  it('shows the employee their code after they type their NIP, and the downloads work', async () => {
    await lookUp('19920315 2019032001');
    expect(await page.locator('#who').textContent()).toBe(DEMO_NAME);
    expect(await readCodeOnScreen('#employee-qr')).toBe(await ratingUrl());
    await page.screenshot({ path: artifactPath('keypass.png'), fullPage: true });

    for (const [id, type, extension] of [['download-svg', 'image/svg+xml', 'svg'], ['download-png', 'image/png', 'png']] as const) {
      const link = page.locator(`#${id}`);
      const response = await context.request.get(new URL((await link.getAttribute('href'))!, server.url).href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe(type);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(`pacak-qr-${DEMO_NIP}.${extension}`);
      expect(await download.failure()).toBeNull();
    }
    expect(policyViolations).toEqual([]);
  });

  it('shares the rating link, by copying it where the browser has no share sheet', async () => {
    await lookUp(DEMO_NIP);
    const share = page.getByRole('button', { name: 'Bagikan tautan' });
    await share.click();
    await page.locator('#share-status').filter({ hasText: 'Tautan disalin' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await ratingUrl());
  });

  it('tells in Indonesian that a wrong NIP is not found', async () => {
    await lookUp('199901012020011999');
    const error = page.getByRole('alert');
    expect(await error.textContent()).toContain('NIP atau kode pegawai tidak ditemukan');
    expect(await page.getByLabel('NIP atau kode pegawai').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: artifactPath('keypass-unknown.png'), fullPage: true });
  });
});
