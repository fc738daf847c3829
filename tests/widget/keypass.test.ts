import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { setEmployeePin } from '../../server/services/qr/pins.js';
import { artifactPath, describeInBrowser, launchBrowser } from '../helpers/browser.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { decodePng } from '../helpers/qr.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { allScores, DEMO_NAME, DEMO_NIP, fillRating, formReady, statusSays, submit } from './rating-fixture.js';

describeInBrowser('the keypass page in a phone browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let policyViolations: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    await setEmployeePin(DEMO_NIP, '480213');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    // An Indonesian phone: the hosted rating page follows the browser's language.
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true, locale: 'id-ID' });
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

    for (const [id, type, extension] of [
      ['download-svg', 'image/svg+xml', 'svg'],
      ['download-png', 'image/png', 'png'],
    ] as const) {
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

  it('makes a one-service code with the PIN, which rates once as verified', async () => {
    await lookUp(DEMO_NIP);
    await page.getByLabel('PIN').fill('111119');
    await page.getByRole('button', { name: 'Tampilkan kode sekali pakai' }).click();
    await page.locator('#service-code-status').filter({ hasText: 'PIN salah' }).waitFor();

    await page.getByLabel('PIN').fill('480213');
    await page.getByRole('button', { name: 'Tampilkan kode sekali pakai' }).click();
    await page.locator('#service-code-result').waitFor();
    const url = await readCodeOnScreen('#service-code-qr');
    expect(url).toMatch(new RegExp(`^${(await ratingUrl()).replace(/[.?]/g, '\\$&')}\\?t=[\\w-]{48}$`));
    expect(await page.locator('#service-code-link').textContent()).toBe(url);
    await page.screenshot({ path: artifactPath('keypass-service-code.png'), fullPage: true });

    // The customer's phone opens the code.
    const customer = await context.newPage();
    await customer.goto(url);
    await formReady(customer);
    await fillRating(customer, { serviceType: 'cop', scores: allScores(5), phone: '0812-7000-1234' });
    const posted = customer.waitForRequest((request) => request.url().endsWith('/api/v1/ratings'));
    await submit(customer);
    expect((await posted).postDataJSON()).toMatchObject({ channel: 'qr', serviceToken: new URL(url).searchParams.get('t') });
    await customer.locator('pacak-rating [part=receipt]').waitFor();
    const stored = await Rating.findOne({ order: [['id', 'DESC']] });
    expect(stored).toMatchObject({ verified: true, channel: 'qr' });

    // Opened again, the spent code is left out: a second customer rates, unverified.
    await customer.goto(url);
    expect(await customer.locator('.notice').textContent()).toContain('sudah tidak berlaku');
    await formReady(customer);
    expect(await customer.locator('pacak-rating').getAttribute('service-token')).toBeNull();
    expect(policyViolations).toEqual([]);
  });

  it('tells the customer when the code they carry was spent meanwhile', async () => {
    const { body } = await postJson<{ url: string; token: string }>(`${server.url}/api/v1/service-tokens`, {
      nip: DEMO_NIP,
      pin: '480213',
    });
    await page.goto(body.url);
    await formReady(page);
    // Someone else spends it first.
    const spent = await postJson(`${server.url}/api/v1/ratings`, ratingBody({ serviceToken: body.token }));
    expect(spent.status).toBe(201);
    await fillRating(page, { serviceType: 'phqc', scores: allScores(5), phone: '0812-7000-4321' });
    await submit(page);
    expect(await statusSays(page, 'sudah dipakai')).toContain('Mintalah kode baru kepada petugas');
  });
});
