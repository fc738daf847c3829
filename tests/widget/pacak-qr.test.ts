import { createServer, type Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import { getJson } from '../helpers/http.js';
import { decodePng } from '../helpers/qr.js';
import { freePort, type TestServer } from '../helpers/server.js';
import { DEMO_NAME, DEMO_NIP, recordedEvents } from './rating-fixture.js';

/**
 * A page like an intranet page that embeds `<pacak-qr>` from the PACAK server. It is served for real
 * from another loopback origin (localhost, where the server is 127.0.0.1): a page answered by the
 * test itself would count as public, and Chromium keeps public pages away from loopback addresses.
 */
class IntranetSite {
  #html = '';
  readonly server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(this.#html);
  });
  url = '';

  async start(): Promise<void> {
    const port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.url = `http://localhost:${port}/`;
  }

  async open(page: Page, serverUrl: string, attributes: string): Promise<void> {
    this.#html = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Intranet</title>
<script>
  window.pacakEvents = [];
  for (const type of ['pacak-shared', 'pacak-error']) {
    document.addEventListener(type, (event) => window.pacakEvents.push({ type, detail: event.detail }));
  }
</script>
<script type="module" src="${serverUrl}/widget/pacak-qr.js"></script>
</head><body><h1>Intranet kantor</h1><pacak-qr ${attributes}></pacak-qr></body></html>`;
    await page.goto(this.url);
  }
}

describeInBrowser('<pacak-qr> on an intranet page', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  const intranet = new IntranetSite();

  beforeAll(() => intranet.start());
  afterAll(() => void intranet.server.close());
  useBrowserSuite((suite) => ({ server, context, page } = suite));
  beforeEach(() => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(intranet.url).origin }));

  const ratingUrl = async () => (await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`)).body.ratingUrl;

  it('shows the employee code from the script origin, with their name and working downloads', async () => {
    await intranet.open(page, server.url, `nip="${DEMO_NIP}" size="200"`);
    const image = page.locator('pacak-qr img[part=image]');
    await image.waitFor();
    await image.evaluate((img: HTMLImageElement) => img.decode());
    expect(await page.locator('pacak-qr [part=name]').textContent()).toBe(DEMO_NAME);
    expect(await image.getAttribute('src')).toBe(`${server.url}/qr/${DEMO_NIP}.svg`);
    expect(decodePng(await image.screenshot()).text).toBe(await ratingUrl());
    await page.locator('pacak-qr').screenshot({ path: artifactPath('pacak-qr.png') });

    const links = page.locator('pacak-qr a[part=download]');
    expect(await links.count()).toBe(2);
    for (const [index, type] of [
      [0, 'image/svg+xml'],
      [1, 'image/png'],
    ] as const) {
      const response = await context.request.get((await links.nth(index).getAttribute('href'))!);
      expect(response.headers()['content-type']).toBe(type);
      expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="pacak-qr-/);
    }
  });

  it('copies the rating link when there is no share sheet and fires pacak-shared', async () => {
    await intranet.open(page, server.url, `nip="${DEMO_NIP}"`);
    await page.locator('pacak-qr button[part=share]').click();
    await page.locator('pacak-qr [part=status]').filter({ hasText: 'Tautan disalin' }).waitFor();
    const url = await ratingUrl();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(await recordedEvents(page)).toEqual([{ type: 'pacak-shared', detail: { url, via: 'clipboard' } }]);
  });

  it('says an unknown employee is not found, in English on an English page, and fires pacak-error', async () => {
    await intranet.open(page, server.url, 'nip="199901012020011999" lang="en"');
    await page.locator('pacak-qr [part=status]').filter({ hasText: 'Employee not found' }).waitFor();
    expect(await page.locator('pacak-qr img').count()).toBe(0);
    const events = await recordedEvents(page);
    expect(events).toEqual([{ type: 'pacak-error', detail: expect.objectContaining({ status: 404 }) }]);
  });
});
