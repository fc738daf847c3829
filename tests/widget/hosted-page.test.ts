import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Employee, Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { artifactPath, describeInBrowser, launchBrowser, pageProblems } from '../helpers/browser.js';
import { getJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { allScores, DEMO_NAME, fillRating, formReady, formValues, submit } from './rating-fixture.js';

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

  it('has a usable form from the page alone, its scripts inline under its strict policy, and sends from it with the lazy parts of the same widget', async () => {
    const { body } = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    const context = await browser.newContext({ locale: 'id-ID' });
    try {
      const page = await context.newPage();
      const problems = pageProblems(page);
      const requested: string[] = [];
      const failed: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname !== '/favicon.ico') requested.push(url.pathname + url.search);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) failed.push(response.url());
      });

      await page.goto(body.ratingUrl);
      await formReady(page);
      await page.waitForTimeout(500);
      // The widget's script and the form's answer (employee, service types, indicators, token) came with the page.
      const code = body.ratingUrl.split('/r/')[1]!;
      expect(requested).toEqual([`/r/${code}`]);
      expect(await page.locator('pacak-rating [part=name]').textContent()).toBe(DEMO_NAME);
      expect(await page.locator('script[data-pacak-form]').count()).toBe(0);

      await fillRating(page, { serviceType: 'phqc', scores: allScores(5), phone: '0812-7000-4444' });
      const posted = page.waitForResponse(
        (response) => response.url().endsWith('/api/v1/ratings') && response.request().method() === 'POST',
      );
      await submit(page);
      expect((await posted).status()).toBe(201);
      // The receipt and its summary are drawn by the after-send chunk, which shares this widget's instance.
      await page.locator('pacak-rating [part=summary]').waitFor();
      await expect.poll(() => page.locator('pacak-rating [part=receipt] h2').textContent()).toContain('Terima kasih');

      const hosted = requested.filter((path) => path.startsWith('/widget/'));
      expect(hosted.length).toBeGreaterThanOrEqual(2);
      for (const path of hosted) expect(path).toMatch(/^\/widget\/hosted\/[\w-]+\/pacak-rating(-after-send)?\.js$/);
      expect(requested.filter((path) => path.startsWith('/api/'))).toEqual(['/api/v1/ratings']);
      expect(requested.join('\n')).not.toContain(DEMO_NIP);
      expect(await page.content()).not.toContain(DEMO_NIP);
      expect(await page.evaluate(() => customElements.get('pacak-rating') !== undefined)).toBe(true);
      expect(failed).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps a rating on the phone while offline and sends it when the network returns', async () => {
    const { body } = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    const context = await browser.newContext({ locale: 'id-ID' });
    try {
      const page = await context.newPage();
      const problems = pageProblems(page);
      await page.goto(body.ratingUrl);
      await formReady(page);
      await fillRating(page, { serviceType: 'phqc', scores: allScores(3), phone: '0812-7000-3333' });
      // The page came with no chunk: the one for after sending comes while the customer fills in, as on any page.
      await page.waitForTimeout(500);
      await context.setOffline(true);
      await submit(page);
      await page.locator('pacak-rating [part=queued]').waitFor();
      const sent = page.waitForResponse((response) => response.url().endsWith('/api/v1/ratings') && response.status() === 201);
      await context.setOffline(false);
      await sent;
      await expect.poll(() => page.locator('pacak-rating [part=receipt] h2').textContent()).toContain('Terima kasih');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads well on a 360 px phone in both languages, axe-clean', async () => {
    const { body } = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    // The page's own policy refuses axe's inline script, rightly: a context that bypasses it runs axe.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    try {
      const page = await context.newPage();
      for (const lang of ['id', 'en']) {
        await page.goto(`${body.ratingUrl}?lang=${lang}`);
        await formReady(page);
        await page.getByRole('button', { name: lang === 'id' ? 'KIRIM' : 'SEND' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
        await page.screenshot({ path: artifactPath(`hosted-page-360-${lang}.png`), fullPage: true });
        await page.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
          const result = await (window as unknown as { axe: Axe }).axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
          return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
        });
        expect(violations, lang).toEqual([]);
      }
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
