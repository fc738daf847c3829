import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { describeInBrowser, launchBrowser } from '../helpers/browser.js';
import { getJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { formReady } from './rating-fixture.js';

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

      const api = requested.filter((path) => path.startsWith('/api/'));
      expect(api.sort()).toEqual([
        `/api/v1/employees/${DEMO_NIP}`,
        `/api/v1/form-token?nip=${DEMO_NIP}`,
        '/api/v1/indicators',
        `/api/v1/service-types?nip=${DEMO_NIP}`,
      ]);
      expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
