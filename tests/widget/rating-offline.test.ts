import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { FormTokenCodec } from '../../server/services/intake/form-tokens.js';
import { formToken, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { allScores, fillRating, formReady, formValues, openRatingPage, recordedEvents, statusSays, submit } from './rating-fixture.js';

const OUTBOX = 'pacak-outbox';

interface Kept {
  api: string;
  body: { clientId: string; phone: string; comment?: string };
  at: number;
}

/** Puts a rating in the device's outbox before the page's own scripts run, as an earlier visit left it. */
const keptOnEarlierVisit = (page: Page, kept: Record<string, unknown>) =>
  page.addInitScript(
    ([key, value]) => {
      // Once: the init script runs again on any later navigation of this page.
      if (!sessionStorage.getItem('seeded')) localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    },
    [OUTBOX, JSON.stringify([kept])] as const,
  );

const outbox = (page: Page): Promise<Kept[]> => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), OUTBOX);

describeInBrowser('<pacak-rating> on a weak network', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let created: number;
  useBrowserSuite((suite) => ({ server, context, page } = suite));
  beforeEach(async () => {
    created = 0;
    page.on('response', (response) => {
      if (response.url().endsWith('/api/v1/ratings') && response.status() === 201) created++;
    });
  });

  it('keeps the rating on the device while offline and sends it exactly once when the network returns', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, { serviceType: 'cop', scores: allScores(4), phone: '0812 6000 0001', comment: 'Lewat sinyal lemah' });
    await context.setOffline(true);
    await submit(page);

    const queued = page.locator('pacak-rating [part=queued]');
    await queued.waitFor();
    expect(await queued.textContent()).toBe('Penilaian tersimpan, akan dikirim');
    expect(await page.locator('pacak-rating form').count()).toBe(0);
    const [kept] = await outbox(page);
    expect(kept?.api).toBe(server.url);
    expect(kept?.body).toMatchObject({ phone: '0812 6000 0001', channel: 'widget', comment: 'Lewat sinyal lemah' });
    const clientId = kept!.body.clientId;
    await page.locator('pacak-rating').screenshot({ path: artifactPath('rating-queued.png') });

    await context.setOffline(false);
    await page.locator('pacak-rating [part=receipt] strong').waitFor();
    // Every later chance to resend (the timer, another load) finds nothing left to send.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(500);
    expect(created).toBe(1);
    expect(await Rating.count({ where: { clientId } })).toBe(1);
    expect(await outbox(page)).toEqual([]);
    const events = await recordedEvents(page);
    expect(events.map((event) => event.type)).toEqual(['pacak-queued', 'pacak-submitted']);
    expect(events[0]?.detail.clientId).toBe(clientId);
  });

  it('sends the same clientId again after a connection lost on the way, so the server stores it once', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, { serviceType: 'laboratorium', scores: allScores(5), phone: '0814 3333 4444' });
    const clientIds: string[] = [];
    await page.route('**/api/v1/ratings', async (route) => {
      clientIds.push(route.request().postDataJSON().clientId);
      await (clientIds.length === 1 ? route.abort('internetdisconnected') : route.continue());
    });
    await submit(page);
    await page.locator('pacak-rating [part=queued]').waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.locator('pacak-rating [part=receipt] strong').waitFor();
    expect(clientIds).toHaveLength(2);
    expect(clientIds[1]).toBe(clientIds[0]);
  });

  it('fetches the receipt while the form is filled in, and without it still says the rating is kept and offers a fresh form', async () => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/widget/pacak-rating-')) fetched.push(new URL(request.url()).pathname);
    });
    // The receipt's chunk cannot come (the network dropped before the customer touched the form).
    await page.route('**/widget/pacak-rating-after-send.js', (route) => route.abort('internetdisconnected'));
    await openRatingPage(page, server.url);
    await formReady(page);
    expect(fetched).toEqual([]);
    await fillRating(page, { serviceType: 'cop', scores: allScores(4), phone: '0812 6000 0011' });
    expect(fetched).toContain('/widget/pacak-rating-after-send.js');
    await context.setOffline(true);
    await submit(page);

    const queued = page.locator('pacak-rating [part=queued]');
    await queued.waitFor();
    expect(await queued.textContent()).toBe('Penilaian tersimpan, akan dikirim');
    expect(await page.locator('pacak-rating [part=receipt] p').textContent()).toContain('disimpan di perangkat ini');
    expect(await outbox(page)).toHaveLength(1);
    await page.locator('pacak-rating [part=receipt] button').click();
    await context.setOffline(false);
    await page.locator('pacak-rating form').waitFor();
  });

  it('without the after-send chunk, keeps no unfinished rating: the browser checks the required fields first', async () => {
    await page.route('**/widget/pacak-rating-after-send.js', (route) => route.abort('internetdisconnected'));
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, { serviceType: 'cop', scores: allScores(4) });
    await context.setOffline(true);
    await submit(page);
    // The phone number is missing: the browser's own check holds the form, with the focus on that field.
    await expect.poll(() => page.evaluate(() => document.querySelector('pacak-rating')?.shadowRoot?.activeElement?.id)).toBe('phone');
    expect(await outbox(page)).toEqual([]);
    expect(await page.locator('pacak-rating [part=queued]').count()).toBe(0);
    await fillRating(page, { phone: '0812 6000 0012' });
    await submit(page);
    await page.locator('pacak-rating [part=queued]').waitFor();
    expect((await outbox(page))[0]?.body).toMatchObject({ phone: '0812 6000 0012', serviceType: 'cop', channel: 'widget' });
    const [queued] = await recordedEvents(page);
    expect(queued?.type).toBe('pacak-queued');
  });

  it('says why when a kept rating is refused on arrival, drops it, and offers a fresh form', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, { serviceType: 'cop', scores: allScores(4), phone: '0812 6000 0009' });
    await page.route('**/api/v1/ratings', (route) => route.abort('internetdisconnected'));
    await submit(page);
    await page.locator('pacak-rating [part=queued]').waitFor();
    await page.unroute('**/api/v1/ratings');
    await page.route('**/api/v1/ratings', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Already rated today', status: 409 }),
      }),
    );
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await statusSays(page, 'sudah menilai petugas ini');
    await formReady(page);
    expect(await outbox(page)).toEqual([]);
    const events = await recordedEvents(page);
    expect(events.map((event) => [event.type, event.detail.status])).toEqual([
      ['pacak-queued', undefined],
      ['pacak-error', 409],
    ]);
  });

  it('sends a rating kept on an earlier visit when the widget loads again, and only once', async () => {
    // Kept with the form token it was typed under, as the widget keeps it.
    const body = ratingBody({ clientId: randomUUID(), formToken: await formToken(server.url, DEMO_NIP) });
    // The server already has it (its answer was lost): sending it again must not add a second row.
    const earlier = await postJson(`${server.url}/api/v1/ratings`, body);
    expect(earlier.status).toBe(201);
    const replays: (string | null)[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/api/v1/ratings')) replays.push(await response.headerValue('idempotent-replayed'));
    });
    await keptOnEarlierVisit(page, { api: server.url, body, at: Date.now() - 60_000 });
    await openRatingPage(page, server.url);
    await formReady(page);
    await expect.poll(() => outbox(page)).toEqual([]);
    // The response handler reads the header asynchronously: wait for it rather than race it.
    await expect.poll(() => replays).toEqual(['true']);
    expect(await Rating.count({ where: { clientId: body.clientId as string } })).toBe(1);
    const events = await recordedEvents(page);
    expect(events.map((event) => event.type)).toEqual(['pacak-submitted']);
  });

  it('discards a rating kept for more than seven days, with a notice, and sends nothing', async () => {
    const body = ratingBody({ clientId: randomUUID() });
    await keptOnEarlierVisit(page, { api: server.url, body, at: Date.now() - 7 * 86_400_000 - 3600_000 });
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST') posts++;
    });
    await openRatingPage(page, server.url);
    await statusSays(page, 'lebih dari 7 hari');
    expect(await outbox(page)).toEqual([]);
    expect(posts).toBe(0);
    expect(await Rating.count({ where: { clientId: body.clientId as string } })).toBe(0);
  });

  it('says the network failed and keeps the typed values when the device cannot keep the rating', async () => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await openRatingPage(page, server.url);
    await formReady(page);
    const typed = { serviceType: 'gawat-darurat', scores: allScores(2), phone: '0821 5555 7777', comment: 'Mohon dipercepat' };
    await fillRating(page, typed);
    await page.route('**/api/v1/ratings', (route) => route.abort('connectionrefused'));
    await submit(page);
    await statusSays(page, 'Tidak dapat terhubung ke server');
    expect(await formValues(page)).toMatchObject({ phone: typed.phone, comment: typed.comment });
    const [error] = await recordedEvents(page);
    expect(error).toMatchObject({ type: 'pacak-error', detail: { status: 0 } });
  });

  it('sends a rating kept for hours, whose form token has expired meanwhile, with a fresh token, once', async () => {
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000);
    const stale = new FormTokenCodec(server.config.jwtSecret).sign(DEMO_NIP, threeHoursAgo);
    const body = ratingBody({ clientId: randomUUID(), formToken: stale });
    const sent: { token: unknown; status: number }[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/api/v1/ratings'))
        sent.push({ token: response.request().postDataJSON().formToken, status: response.status() });
    });
    await keptOnEarlierVisit(page, { api: server.url, body, at: threeHoursAgo.getTime() });
    await openRatingPage(page, server.url);
    await formReady(page);
    await expect.poll(() => outbox(page)).toEqual([]);
    // First with its own token (refused as expired), then once more with a fresh one.
    expect(sent).toEqual([
      { token: stale, status: 422 },
      { token: expect.not.stringMatching(stale), status: 201 },
    ]);
    expect(await Rating.count({ where: { clientId: body.clientId as string } })).toBe(1);
    expect((await recordedEvents(page)).map((event) => event.type)).toEqual(['pacak-submitted']);
  });

  it('delivers a rating kept without a form token, when none could be fetched offline', async () => {
    const body = ratingBody({ clientId: randomUUID(), formToken: undefined });
    delete body.formToken;
    await keptOnEarlierVisit(page, { api: server.url, body, at: Date.now() - 600_000 });
    await openRatingPage(page, server.url);
    await formReady(page);
    await expect.poll(() => outbox(page)).toEqual([]);
    expect(await Rating.count({ where: { clientId: body.clientId as string } })).toBe(1);
    expect((await recordedEvents(page)).map((event) => event.type)).toEqual(['pacak-submitted']);
  });

  // Last in the file: a second server in this process rebinds the shared Sequelize models to its own
  // database, which it then closes; a test after it would find the first server's lookups failing.
  it('keeps the rating when the whole server has gone away', async () => {
    const doomed = await startTestServer();
    try {
      await openRatingPage(page, doomed.url);
      await formReady(page);
      await fillRating(page, { serviceType: 'cop', scores: allScores(3), phone: '0821 5555 6666' });
      await doomed.close();
      await submit(page);
      await page.locator('pacak-rating [part=queued]').waitFor();
      expect(await outbox(page)).toHaveLength(1);
    } finally {
      await doomed.close();
    }
  });
});
