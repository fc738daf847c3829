import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { adminApi, makeUser, type TestUser } from '../helpers/admin.js';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import { freePort, type TestServer } from '../helpers/server.js';
import { allScores, DEMO_NIP, fillRating, formReady, submit } from './rating-fixture.js';

const OUTBOX = 'pacak-outbox';

/**
 * The office's website, on an origin of its own (another port of this machine), embedding the widget
 * from the PACAK server with the snippet /embed gives, fallback content included. `?api=` and
 * `?script=` point the element or the script elsewhere (a server that does not answer).
 */
function websiteServer(pacak: () => string, ratingUrl: () => string): Server {
  return createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://x').searchParams;
    const api = query.get('api');
    const script = query.get('script') ?? `${pacak()}/widget/pacak-rating.js`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Situs kantor</title>
<style>*:focus { outline: 2px solid #000; }</style>
<script type="module" src="${script}"></script></head>
<body><main><h1>Beri penilaian</h1>
<pacak-rating nip="${DEMO_NIP}"${api ? ` api="${api}"` : ''}>
  <p>Formulir penilaian tidak dapat dimuat. <a href="${ratingUrl()}">Beri penilaian di halaman PACAK</a></p>
</pacak-rating></main></body></html>`);
  });
}

describeInBrowser('<pacak-rating> on a site the office has or has not allowed', () => {
  let server: TestServer;
  let page: Page;
  let admin: TestUser;
  let website: Server;
  let site: string;
  let ratingUrl: string;
  let consoleLines: string[];
  let posts: string[];
  useBrowserSuite((suite) => ({ server, page } = suite));

  beforeAll(async () => {
    admin = await makeUser(server, 'admin');
    ratingUrl = ((await (await fetch(`${server.url}/api/v1/employees/${DEMO_NIP}`)).json()) as { ratingUrl: string }).ratingUrl;
    website = websiteServer(
      () => server.url,
      () => ratingUrl,
    );
    // localhost rather than 127.0.0.1: another origin than the PACAK server's, as an office's website is.
    const port = await freePort();
    await new Promise<void>((resolve) => website.listen(port, '127.0.0.1', resolve));
    site = `http://localhost:${port}`;
  });
  afterAll(() => website?.close());
  beforeEach(() => {
    consoleLines = [];
    posts = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
  });

  const outbox = () => page.evaluate((key) => localStorage.getItem(key), OUTBOX);
  const notAllowed = () => page.locator('pacak-rating [part=not-allowed]');
  const allow = async () => {
    const added = await adminApi(server, admin.token).post<{ id: number }>('/allowed-origins', { origin: site });
    expect(added.status).toBe(201);
    return added.body.id;
  };

  it('tells the visitor before anything is typed, links the hosted page, names the site in the console and keeps nothing', async () => {
    await page.goto(site);
    await notAllowed().waitFor();
    expect(await notAllowed().innerText()).toContain('Penilaian tidak dapat dikirim dari situs ini.');
    const link = page.locator('pacak-rating [part=not-allowed] a');
    expect(await link.getAttribute('href')).toBe(ratingUrl);
    expect(await page.locator('pacak-rating form').count()).toBe(0);
    // The page's own fallback content stays hidden: the widget says it itself.
    expect(await page.getByText('Formulir penilaian tidak dapat dimuat.').isVisible()).toBe(false);
    const warning = consoleLines.find((line) => line.includes(site));
    expect(warning).toMatch(/allowed/i);
    expect(warning).toContain('/api/v1/admin/allowed-origins');
    expect(posts).toEqual([]);
    expect(await outbox()).toBeNull();
    await page.screenshot({ path: artifactPath('rating-not-allowed.png') });
    await page.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      type Axe = { run(context: Element, options: object): Promise<{ violations: { id: string }[] }> };
      const result = await (window as unknown as { axe: Axe }).axe.run(document.querySelector('pacak-rating')!, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
  });

  it('sends from the site once an admin allows it, without a restart, and the theme’s focus outline stays off the host', async () => {
    const id = await allow();
    try {
      await page.goto(site);
      await formReady(page);
      await fillRating(page, { serviceType: 'cop', scores: allScores(5), phone: '0812 7766 5544', comment: 'Dari situs kantor' });
      await submit(page);
      await page.locator('pacak-rating [part=receipt]').waitFor();
      expect(await Rating.count({ where: { comment: 'Dari situs kantor' } })).toBe(1);
      expect(await outbox()).toBeNull();
      // Focus is inside the widget now (the receipt's heading): the host matches :focus, and still draws no outline.
      const outline = await page.locator('pacak-rating').evaluate((host) => [host.matches(':focus'), getComputedStyle(host).outlineStyle]);
      expect(outline).toEqual([true, 'none']);
    } finally {
      await adminApi(server, admin.token).delete(`/allowed-origins/${id}`);
    }
  });

  it('keeps nothing and loses nothing silently when the site is withdrawn while the form is open', async () => {
    const id = await allow();
    await page.goto(site);
    await formReady(page);
    expect((await adminApi(server, admin.token).delete(`/allowed-origins/${id}`)).status).toBe(204);
    const before = await Rating.count();
    await fillRating(page, { serviceType: 'cop', scores: allScores(4), phone: '0812 7766 5533' });
    await submit(page);
    await notAllowed().waitFor();
    expect(await page.locator('pacak-rating [part=not-allowed] a').getAttribute('href')).toBe(ratingUrl);
    expect(await outbox()).toBeNull();
    expect(await Rating.count()).toBe(before);
  });

  it('shows the fallback content instead of a gap when the server cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    // The script came (from a cache, or another server) but the API does not answer.
    await page.goto(`${site}/?api=${encodeURIComponent(closed)}`);
    await page.locator('pacak-rating [part=retry]').waitFor();
    const link = page.getByRole('link', { name: 'Beri penilaian di halaman PACAK' });
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe(ratingUrl);
    expect(await outbox()).toBeNull();
    await page.screenshot({ path: artifactPath('rating-unreachable.png') });

    // The script itself never arrives: the browser shows the element's content as it is.
    await page.goto(`${site}/?script=${encodeURIComponent(`${closed}/widget/pacak-rating.js`)}`);
    await expect.poll(() => link.isVisible()).toBe(true);
  });
});
