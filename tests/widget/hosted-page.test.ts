import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Employee, Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { describeInBrowser, launchBrowser } from '../helpers/browser.js';
import { getJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { allScores, fillRating, formReady, submit } from './rating-fixture.js';

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

  it('preloads what the widget asks for beside its script, so each is fetched once and every preload is used', async () => {
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
      expect(api.sort()).toEqual([
        `/api/v1/employees/by-code/${code}`,
        `/api/v1/form-token?code=${code}`,
        '/api/v1/indicators',
        `/api/v1/service-types?code=${code}`,
      ]);
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
});
