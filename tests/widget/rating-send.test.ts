import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import {
  allScores,
  DEMO_NAME,
  DEMO_NIP,
  fillRating,
  formReady,
  formValues,
  openRatingPage,
  recordedEvents,
  statusSays,
  submit,
} from './rating-fixture.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describeInBrowser('<pacak-rating> sending a rating', () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite), { context: { viewport: { width: 390, height: 844 } } });

  it('sends a filled form, shows the receipt and fires pacak-submitted', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    expect(await page.locator('pacak-rating [part=name]').textContent()).toBe(DEMO_NAME);
    await fillRating(page, {
      serviceType: 'vaksinasi-internasional',
      scores: { profesional: 5, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4 },
      phone: '0812-3456-7890',
    });
    await page.locator('pacak-rating').screenshot({ path: artifactPath('rating-form-filled.png') });

    const posted = page.waitForRequest((request) => request.url().endsWith('/api/v1/ratings'));
    await submit(page);
    const body = (await posted).postDataJSON();
    expect(body).toEqual({
      nip: DEMO_NIP,
      serviceType: 'vaksinasi-internasional',
      scores: { profesional: 5, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4 },
      phone: '0812-3456-7890',
      channel: 'widget',
      clientId: expect.stringMatching(UUID),
      website: '',
      formToken: expect.stringMatching(/^v1\./),
    });

    const receipt = page.locator('pacak-rating [part=receipt]');
    await receipt.waitFor();
    await page.locator('pacak-rating').screenshot({ path: artifactPath('rating-receipt.png') });
    const [submitted] = await recordedEvents(page);
    expect(submitted?.type).toBe('pacak-submitted');
    expect(submitted?.detail.receipt).toMatch(/\S+/);
    expect(await receipt.locator('strong').textContent()).toBe(submitted?.detail.receipt);
    expect(await receipt.textContent()).toContain('Terima kasih');
    expect(await receipt.textContent()).toMatch(/\d{4} pukul \d{2}\.\d{2} WIB/);
    expect(await page.locator('pacak-rating form').count()).toBe(0);
  });

  it('sends the comment and the channel attribute when they are given', async () => {
    await openRatingPage(page, server.url, { attributes: { channel: 'qr', service: 'cop' } });
    await formReady(page);
    expect(await page.locator('pacak-rating select[name=serviceType]').inputValue()).toBe('cop');
    await fillRating(page, { scores: allScores(3), phone: '+62 813 1111 2222', comment: 'Pelayanan cepat.' });
    expect(await page.locator('pacak-rating [name=contactConsent]').count()).toBe(0);
    const posted = page.waitForRequest((request) => request.url().endsWith('/api/v1/ratings'));
    await submit(page);
    expect((await posted).postDataJSON()).toMatchObject({
      serviceType: 'cop',
      channel: 'qr',
      comment: 'Pelayanan cepat.',
    });
    await page.locator('pacak-rating [part=receipt]').waitFor();
  });

  it('offers consent to be contacted after a low score and sends it when ticked', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, { serviceType: 'cop', scores: { ...allScores(4), amanah: 2 }, phone: '0813-5555-2468' });
    await page.getByLabel('Boleh dihubungi untuk tindak lanjut').check();
    expect(await page.locator('pacak-rating [part=privacy]').textContent()).toContain('boleh dihubungi');
    const posted = page.waitForRequest((request) => request.url().endsWith('/api/v1/ratings'));
    await submit(page);
    expect((await posted).postDataJSON()).toMatchObject({ contactConsent: true });
    await page.locator('pacak-rating [part=receipt]').waitFor();
  });

  it('tells the customer a second identical rating today was already given, and keeps what they typed', async () => {
    const values = {
      serviceType: 'posbindu',
      scores: { profesional: 4, amanah: 3, cakap: 5, akuntabel: 4, kolaboratif: 2 },
      phone: '0813 2222 3333',
      comment: 'Kedua kalinya',
    };
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, values);
    await submit(page);
    await page.locator('pacak-rating [part=receipt] button').click();

    await fillRating(page, values);
    await submit(page);
    const status = await statusSays(page, 'sudah menilai petugas ini');
    expect(status).toContain('hari ini');
    expect(await formValues(page)).toEqual({
      serviceType: 'posbindu',
      scores: { profesional: '4', amanah: '3', cakap: '5', akuntabel: '4', kolaboratif: '2' },
      phone: '0813 2222 3333',
      comment: 'Kedua kalinya',
    });
    const events = await recordedEvents(page);
    expect(events.map((event) => event.type)).toEqual(['pacak-submitted', 'pacak-error']);
    expect(events[1]?.detail.status).toBe(409);
    expect(events[1]?.detail.problem?.status).toBe(409);
  });

  it('starts a new rating with a new clientId after "Beri penilaian lagi"', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    const clientIds: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') clientIds.push(request.postDataJSON().clientId);
    });
    await fillRating(page, { serviceType: 'cop', scores: allScores(4), phone: '0815 4444 5555' });
    await submit(page);
    await page.locator('pacak-rating [part=receipt] button').click();
    expect(await formValues(page)).toMatchObject({ phone: '', comment: '', scores: { cakap: null } });
    await fillRating(page, { serviceType: 'phqc', scores: allScores(4), phone: '0815 4444 5555' });
    await submit(page);
    await page.locator('pacak-rating [part=receipt]').waitFor();
    expect(new Set(clientIds).size).toBe(2);
  });
});
