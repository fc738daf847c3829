import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Employee, Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { artifactPath, describeInBrowser, launchBrowser, pageProblems } from '../helpers/browser.js';
import { getJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { allScores, fillRating, formReady, formValues, submit } from './rating-fixture.js';

describeInBrowser('the hosted rating page a QR code opens', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('preloads the one answer the widget asks for beside its script, so each is fetched once and every preload is used', async () => {
    const { body } = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const requested: string[] = [];
      const warnings: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname + new URL(request.url()).search));
      page.on('console', (message) => warnings.push(message.text()));

      await page.goto(body.ratingUrl);
      await formReady(page);
      // Chromium warns a few seconds after load about a preload that nothing used.
      await page.waitForTimeout(3_500);

      // By the public code the QR carries: no call of the page names the NIP (it spells a birth date).
      const code = body.ratingUrl.split('/r/')[1];
      const api = requested.filter((path) => path.startsWith('/api/'));
      expect(api).toEqual([`/api/v1/employees/by-code/${code}/form`]);
      expect(requested.filter((path) => path === '/widget/pacak-rating.js')).toHaveLength(1);
      expect(requested.join('\n')).not.toContain(DEMO_NIP);
      expect(await page.content()).not.toContain(DEMO_NIP);
      expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sends the rating by public code, with no NIP in its body, and the server stores it for the employee', async () => {
    const { body } = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(body.ratingUrl);
      await formReady(page);
      await page.waitForTimeout(1_000); // MIN_FORM_SECONDS is 0 in tests; let the form token arrive first
      await fillRating(page, { serviceType: 'phqc', scores: allScores(4), phone: '0812-7000-5555' });
      const posted = page.waitForResponse(
        (response) => response.url().endsWith('/api/v1/ratings') && response.request().method() === 'POST',
      );
      await submit(page);
      const response = await posted;
      expect(response.status()).toBe(201);
      const sent = response.request().postData() ?? '';
      expect(sent).toContain(`"code":"${body.ratingUrl.split('/r/')[1]}"`);
      expect(sent).not.toContain(DEMO_NIP);
      const { id } = (await response.json()) as { id: number };
      const employee = await Employee.findOne({ where: { nip: DEMO_NIP } });
      expect((await Rating.findByPk(id))!.employeeId).toBe(employee!.id);
    } finally {
      await context.close();
    }
  });

  it('speaks the language the browser asks for, or the one the customer chose, and has an icon', async () => {
    const { body } = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    const page = async (url: string, language?: string) => {
      const response = await fetch(url, { headers: language ? { 'Accept-Language': language } : {} });
      expect(response.status).toBe(200);
      expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
      return response.text();
    };
    const english = await page(body.ratingUrl, 'en-GB,en;q=0.9');
    expect(english).toContain('<html lang="en">');
    expect(english).toMatch(/<pacak-rating [^>]*lang="en"/);
    expect(english).toContain('<title>Rating the service of');
    // The switch back is a plain link: it works without a script.
    expect(english).toMatch(/<a class="en" href="\?lang=id" lang="id"/);
    expect(await page(body.ratingUrl, 'fr-FR,fr;q=0.9')).toContain('<html lang="id">');
    expect(await page(body.ratingUrl)).toContain('<html lang="id">');
    expect(await page(`${body.ratingUrl}?lang=id`, 'en')).toContain('<html lang="id">');
    expect(await page(`${body.ratingUrl}?lang=en`, 'id')).toContain('<html lang="en">');
    expect(await page(`${server.url}/skm/bkk-palembang`, 'en-US')).toContain('<html lang="en">');
    const missing = await fetch(`${server.url}/r/ZZZZ9999`, { headers: { 'Accept-Language': 'en' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');

    const icon = await fetch(`${server.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    expect((await icon.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it('switches between Indonesian and English in place, keeping what the customer typed', async () => {
    const { body } = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    try {
      const page = await context.newPage();
      const problems = pageProblems(page);
      await page.goto(body.ratingUrl);
      await formReady(page);
      await fillRating(page, {
        serviceType: 'phqc',
        scores: { ...allScores(4), cakap: 2 },
        phone: '0812 7000 6666',
        comment: 'Antre lama',
      });
      const typed = await formValues(page);
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('button', { name: 'SEND' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.title()).toMatch(/^Rating the service of /);
      expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      expect(await formValues(page)).toEqual(typed);
      expect(
        await page
          .getByRole('group', { name: /^Cakap/ })
          .getByRole('radio', { name: '2 of 5, Poor' })
          .isChecked(),
      ).toBe(true);
      await page.screenshot({ path: artifactPath('hosted-page-english.png'), fullPage: true });

      await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
      await page.getByRole('button', { name: 'KIRIM' }).waitFor();
      expect(await formValues(page)).toEqual(typed);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
