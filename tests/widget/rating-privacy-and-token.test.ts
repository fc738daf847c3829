import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { Office, Rating } from '../../server/db/models/index.js';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { allScores, fillRating, formReady, openRatingPage, recordedEvents, submit } from './rating-fixture.js';

describeInBrowser('<pacak-rating>: the form token and the privacy notice', () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite), {
    // A real minimum: a form sent faster than this after its token arrived must wait, not fail.
    env: { MIN_FORM_SECONDS: '2', RETENTION_DAYS: '180' },
    context: { viewport: { width: 390, height: 844 } },
  });
  beforeAll(async () => {
    await Office.update({ privacyContact: 'ppid@bkk.example.go.id' }, { where: { code: 'bkk-palembang' } });
  });

  it('fetches a form token with the employee and, sent at once, waits out MIN_FORM_SECONDS before posting', async () => {
    const times: Record<string, number> = {};
    page.on('response', (response) => {
      // The token comes with the form's one answer.
      if (/\/api\/v1\/employees\/[^/]+\/form$/.test(response.url())) times.token = Date.now();
    });
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/ratings')) times.posted = Date.now();
    });
    await openRatingPage(page, server.url);
    await formReady(page);
    await expect.poll(() => times.token).toBeGreaterThan(0);
    await fillRating(page, { serviceType: 'cop', scores: allScores(5), phone: '0812 7000 1000' });
    await submit(page);
    await page.locator('pacak-rating [part=receipt]').waitFor();
    // The widget counts from its own receipt of the token; the test hears of that receipt later, by up to a few
    // hundred milliseconds on a loaded machine, so its measure of the wait runs short by as much.
    expect(times.posted! - times.token!).toBeGreaterThanOrEqual(1_700);
    expect((await recordedEvents(page)).map((event) => event.type)).toEqual(['pacak-submitted']);
    expect(await Rating.count({ where: { phoneMasked: '0812****1000' } })).toBe(1);
  });

  it('gets a token when sending if none came with the form', async () => {
    // A server (or a proxy) that leaves the token out of the form's answer.
    await page.route('**/api/v1/employees/*/form', async (route) => {
      const response = await route.fetch();
      const { formToken: _left, ...rest } = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: rest });
    });
    let refused = 0;
    await page.route('**/api/v1/form-token**', (route) => (refused++ === 0 ? route.abort('connectionrefused') : route.continue()));
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, { serviceType: 'cop', scores: allScores(4), phone: '0812 7000 2000' });
    await submit(page);
    await page.locator('pacak-rating [part=receipt]').waitFor({ timeout: 10_000 });
    expect(refused).toBe(2);
  });

  it('tells under the phone field, folded, what the number is for, how long it is kept and whom to ask', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    const notice = page.locator('pacak-rating [part=privacy]');
    expect(await notice.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await notice.locator('summary').textContent()).toBe('Untuk apa nomor HP/WA saya?');
    await notice.locator('summary').click();
    const text = (await notice.locator('p').textContent()) ?? '';
    expect(text).toContain('memastikan penilaian ini asli');
    expect(text).toContain('dihapus setelah 180 hari');
    expect(text).toContain('UU No. 27 Tahun 2022');
    expect(text).toContain('ppid@bkk.example.go.id');
    // It follows the phone field, in document order.
    const order = await page.locator('pacak-rating').evaluate((host) => {
      const root = host.shadowRoot!;
      const phone = root.querySelector('input[name=phone]')!;
      const privacy = root.querySelector('[part=privacy]')!;
      return phone.compareDocumentPosition(privacy) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await page.locator('pacak-rating').screenshot({ path: artifactPath('rating-privacy-notice.png') });
  });

  it('says the same in English', async () => {
    await openRatingPage(page, server.url, { attributes: { lang: 'en' } });
    await formReady(page);
    const notice = page.locator('pacak-rating [part=privacy]');
    expect(await notice.locator('summary').textContent()).toBe('What is my number for?');
    await notice.locator('summary').click();
    const text = (await notice.locator('p').textContent()) ?? '';
    expect(text).toContain('erased after 180 days');
    expect(text).toContain('Law No. 27 of 2022');
    expect(text).toContain('ppid@bkk.example.go.id');
  });
});
