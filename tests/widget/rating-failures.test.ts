import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { fillRating, formReady, formValues, openRatingPage, recordedEvents, statusSays, submit } from './rating-fixture.js';

const typed = {
  serviceType: 'gawat-darurat',
  scores: { profesional: 2, amanah: 3, cakap: 4, akuntabel: 5, kolaboratif: 1 },
  phone: '0821 5555 6666',
  comment: 'Mohon dipercepat',
};
const typedAsRead = {
  ...typed,
  scores: { profesional: '2', amanah: '3', cakap: '4', akuntabel: '5', kolaboratif: '1' },
};

describeInBrowser('<pacak-rating> when things go wrong', () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite));

  it('shows "Petugas tidak ditemukan" instead of the form for an unknown NIP', async () => {
    await openRatingPage(page, server.url, { attributes: { nip: '190001012000011999' } });
    const notFound = page.locator('pacak-rating [part=not-found]');
    await notFound.waitFor();
    expect(await notFound.textContent()).toBe('Petugas tidak ditemukan');
    await statusSays(page, 'Periksa kembali tautan atau kode QR');
    expect(await page.locator('pacak-rating form').count()).toBe(0);
    const events = await recordedEvents(page);
    expect(events[0]).toMatchObject({ type: 'pacak-error', detail: { status: 404, problem: { status: 404 } } });
  });

  it('says the server is in trouble on a 503 and keeps the typed values', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, typed);
    await page.route('**/api/v1/ratings', (route) =>
      route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' }),
    );
    await submit(page);
    await statusSays(page, 'Server sedang mengalami gangguan');
    expect(await formValues(page)).toEqual(typedAsRead);
    const [error] = await recordedEvents(page);
    expect(error).toMatchObject({ type: 'pacak-error', detail: { status: 503, problem: { status: 503 } } });
  });

  it('says many ratings came from this network and how long to wait when the server answers 429', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await page.route('**/api/v1/ratings', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '120' },
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429 }),
      }),
    );
    await fillRating(page, typed);
    await submit(page);
    const status = await statusSays(page, 'Banyak penilaian dikirim dari jaringan ini');
    expect(status).toContain('dalam 2 menit');
    expect(await formValues(page)).toEqual(typedAsRead);
  });

  it('offers to try again when the form cannot be loaded, and then loads it', async () => {
    await page.route('**/api/v1/employees/**', (route) => route.abort('timedout'));
    await openRatingPage(page, server.url);
    await statusSays(page, 'tidak dapat dimuat');
    await page.unroute('**/api/v1/employees/**');
    await page.locator('pacak-rating [part=retry]').click();
    await formReady(page);
    expect(await page.locator('pacak-rating [role=status]').textContent()).toBe('');
  });
});
