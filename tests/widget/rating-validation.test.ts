import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import {
  allScores,
  descriptionOf,
  fillRating,
  formReady,
  formValues,
  INDICATOR_CODES,
  isFocused,
  openRatingPage,
  recordedEvents,
  statusSays,
  submit,
} from './rating-fixture.js';

describeInBrowser('<pacak-rating> telling the customer what to fix', () => {
  let server: TestServer;
  let page: Page;
  let posts: number;
  useBrowserSuite((suite) => ({ server, page } = suite));
  beforeEach(async () => {
    posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST') posts++;
    });
  });

  it('shows an error next to every field and posts nothing when the form is sent empty', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await submit(page);
    await statusSays(page, 'Periksa kembali');

    const serviceType = page.locator('pacak-rating select[name=serviceType]');
    expect(await serviceType.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(serviceType)).toBe('Pilih jenis pelayanan.');
    for (const code of INDICATOR_CODES) {
      const group = page.locator(`pacak-rating fieldset:has(input[name=${code}])`);
      expect(await descriptionOf(group)).toBe('Pilih 1 sampai 5 bintang.');
      expect(await descriptionOf(group.locator('input[value="1"]'))).toBe('Pilih 1 sampai 5 bintang.');
    }
    const phone = page.getByLabel('No HP/WA');
    expect(await descriptionOf(phone)).toBe('Untuk mencegah penilaian ganda. Contoh: 0812 3456 7890 Isi nomor HP/WA Anda.');
    expect(await page.locator('pacak-rating [part=error]').count()).toBe(7);
    // The customer is taken to the first thing to fix.
    expect(await isFocused(serviceType)).toBe(true);
    expect(posts).toBe(0);
    expect(await recordedEvents(page)).toEqual([]);
    await page.locator('pacak-rating').screenshot({ path: artifactPath('rating-form-errors.png') });
  });

  it('shows an error next to the phone field for a number that is not an Indonesian mobile', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, { serviceType: 'posbindu', scores: allScores(4), phone: '0711 123456' });
    await submit(page);
    await statusSays(page, 'Periksa kembali');
    const phone = page.getByLabel('No HP/WA');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(phone)).toContain('Nomor HP/WA tidak valid');
    expect(await page.locator('pacak-rating [part=error]').count()).toBe(1);
    expect(posts).toBe(0);

    // Typing again clears the message; a valid number goes through.
    await phone.fill('0812.3456.7890');
    expect(await page.locator('pacak-rating [part=error]').count()).toBe(0);
    await submit(page);
    await page.locator('pacak-rating [part=receipt]').waitFor();
    expect(posts).toBe(1);
  });

  it('places the errors of a 422 answer next to their fields and keeps the typed values', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await page.route('**/api/v1/ratings', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'https://pacak.example/problems/validation',
          title: 'Invalid request',
          status: 422,
          detail: 'The request has invalid fields.',
          errors: [
            { path: 'phone', message: 'must be an Indonesian mobile number' },
            { path: 'scores.cakap', message: 'must be at most 5' },
            { path: 'nip', message: 'is not rateable right now' },
          ],
        }),
      }),
    );
    await fillRating(page, { serviceType: 'cop', scores: allScores(5), phone: '0812 9999 0000', comment: 'Baik' });
    await submit(page);
    const status = await statusSays(page, 'Periksa kembali');
    // A path with no field of its own is shown in the server's words rather than lost.
    expect(status).toContain('is not rateable right now');
    expect(await descriptionOf(page.getByLabel('No HP/WA'))).toContain('Nomor HP/WA tidak valid');
    expect(await descriptionOf(page.locator('pacak-rating fieldset:has(input[name=cakap])'))).toBe('Pilih 1 sampai 5 bintang.');
    expect(await formValues(page)).toEqual({
      serviceType: 'cop',
      scores: allScoresAsText(5),
      phone: '0812 9999 0000',
      comment: 'Baik',
    });
    const [error] = await recordedEvents(page);
    expect(error).toMatchObject({ type: 'pacak-error', detail: { status: 422, problem: { status: 422 } } });
  });

  it('can be rated with the keyboard alone', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await page.locator('pacak-rating select[name=serviceType]').focus();
    await page.keyboard.press('Tab');
    // The first radio of a group takes the focus; arrows move and choose within it.
    expect(await isFocused(page.locator('pacak-rating input[name=profesional][value="1"]'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await formValues(page)).scores.profesional).toBe('4');
    const lit = page.locator('pacak-rating fieldset:has(input[name=profesional]) label.on');
    expect(await lit.count()).toBe(4);
    await page.keyboard.press('Tab');
    expect(await isFocused(page.locator('pacak-rating input[name=amanah][value="1"]'))).toBe(true);
  });

  it('names every control for assistive technology', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    const cakap = page.getByRole('group', { name: /^Cakap/ });
    // The radios are clipped out of sight, so choose as a screen reader user does: focus, then Space.
    await cakap.getByRole('radio', { name: '4 dari 5' }).focus();
    await page.keyboard.press('Space');
    expect((await formValues(page)).scores.cakap).toBe('4');
    expect(await page.getByRole('combobox', { name: 'Jenis Pelayanan' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Komentar (opsional)' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'KIRIM' }).count()).toBe(1);
    // The honeypot is out of reach of people and their screen readers.
    expect(await page.getByRole('textbox').count()).toBe(2);
    expect(await page.locator('pacak-rating input[name=website]').getAttribute('tabindex')).toBe('-1');
  });

  it('gives every star, field and button a touch target of at least 44 pixels', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    const targets = page.locator('pacak-rating label[part=star], pacak-rating select, pacak-rating input[type=tel], pacak-rating button');
    const sizes = await targets.evaluateAll((elements) =>
      elements.map((element) => element.getBoundingClientRect()).map(({ width, height }) => Math.min(width, height)),
    );
    expect(sizes).toHaveLength(25 + 3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
  });
});

function allScoresAsText(stars: number): Record<string, string> {
  return Object.fromEntries(INDICATOR_CODES.map((code) => [code, String(stars)]));
}
