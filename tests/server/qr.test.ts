import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, PublicCode } from '../../server/db/models/index.js';
import { issuePublicCode } from '../../server/services/catalogue/catalogue.js';
import { LruCache } from '../../server/services/qr/lru-cache.js';
import { QrCodes } from '../../server/services/qr/qr-codes.js';
import { getJson } from '../helpers/http.js';
import { decodePng, decodeSvg, quietZone } from '../helpers/qr.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  // No reference cache: tests deactivate employees and replace codes and look at once.
  server = await startTestServer({ REFERENCE_CACHE_SECONDS: '0' });
});
afterAll(() => server.close());

const ratingUrlOf = async (nip: string) => (await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${nip}`)).body.ratingUrl;

const NIPS = ['199203152019032001', '198812302014021001', 'OS-PLG-0007'];

describe('QR code images', () => {
  it('draws an SVG that reads back as the employee rating link, with the short code and not the NIP', async () => {
    for (const nip of NIPS) {
      for (const size of [128, 300, 2048]) {
        const response = await fetch(`${server.url}/qr/${nip}.svg?size=${size}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/svg+xml');
        const decoded = decodeSvg(await response.text());
        const expected = await ratingUrlOf(nip);
        expect(decoded.text).toBe(expected);
        expect(decoded.text).toMatch(new RegExp(`^${server.url}/r/[0-9A-Z]{8}$`));
        expect(decoded.text).not.toContain(nip);
        expect(decoded.width).toBe(size);
      }
    }
  });

  it('draws a PNG of the asked size that a camera reads back as the rating link', async () => {
    for (const nip of NIPS) {
      for (const size of [128, 512, 1000]) {
        const response = await fetch(`${server.url}/qr/${nip}.png?size=${size}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/png');
        const decoded = decodePng(Buffer.from(await response.arrayBuffer()));
        expect(decoded.text).toBe(await ratingUrlOf(nip));
        expect([decoded.width, decoded.height]).toEqual([size, size]);
      }
    }
  });

  it('uses error correction Q and a quiet zone of four modules', async () => {
    const url = await ratingUrlOf(NIPS[0]!);
    const svg = decodeSvg(await (await fetch(`${server.url}/qr/${NIPS[0]}.svg`)).text());
    const withQ = QRCode.create(url, { errorCorrectionLevel: 'Q' });
    const withM = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(svg.size).toBe(withQ.modules.size + 8);
    expect(quietZone(svg)).toBe(4);
    // Q's modules differ from M's for the same text: the symbol really carries Q.
    const drawn = svg.dark.slice(4, -4).map((row) => row.slice(4, -4));
    const expected = Array.from({ length: withQ.modules.size }, (_, r) =>
      Array.from({ length: withQ.modules.size }, (_, c) => withQ.modules.get(r, c) === 1),
    );
    expect(drawn).toEqual(expected);
    expect(withM.modules.data).not.toEqual(withQ.modules.data);

    const png = decodePng(Buffer.from(await (await fetch(`${server.url}/qr/${NIPS[0]}.png?size=${svg.size * 10}`)).arrayBuffer()));
    const border = 4 * 10;
    const light = (x: number, y: number) => png.pixels.data[(y * png.width + x) * 4] === 255;
    for (let i = 0; i < png.width; i += 7) {
      for (const d of [0, border - 1]) {
        expect(light(i, d) && light(d, i) && light(i, png.height - 1 - d) && light(png.width - 1 - d, i)).toBe(true);
      }
    }
  });

  it('answers 404 problem for an unknown NIP and for an inactive employee', async () => {
    const unknown = await fetch(`${server.url}/qr/199901012020011999.svg`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    await Employee.update({ active: false }, { where: { nip: '199509282021122003' } });
    try {
      for (const format of ['svg', 'png']) {
        const inactive = await fetch(`${server.url}/qr/199509282021122003.${format}`);
        expect(inactive.status).toBe(404);
        expect((await inactive.json()).status).toBe(404);
      }
    } finally {
      await Employee.update({ active: true }, { where: { nip: '199509282021122003' } });
    }
  });

  it('refuses a size that is not a whole number from 128 to 2048 with a 422 problem', async () => {
    for (const size of ['127', '2049', 'abc', '512.5', '-200', '']) {
      const response = await fetch(`${server.url}/qr/${NIPS[0]}.png?size=${size}`);
      expect(response.status).toBe(422);
      expect((await response.json()).errors[0].path).toBe('size');
    }
  });

  it('lets browsers cache an image and answers 304 to a matching If-None-Match', async () => {
    const first = await fetch(`${server.url}/qr/${NIPS[0]}.png?size=256`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const again = await fetch(`${server.url}/qr/${NIPS[0]}.png?size=256`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const weak = await fetch(`${server.url}/qr/${NIPS[0]}.png?size=256`, { headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(weak.status).toBe(304);
    // Another size or format is another image with its own validator.
    const other = await fetch(`${server.url}/qr/${NIPS[0]}.png?size=257`, { headers: { 'if-none-match': etag! } });
    expect(other.status).toBe(200);
    const svg = await fetch(`${server.url}/qr/${NIPS[0]}.svg?size=256`, { headers: { 'if-none-match': etag! } });
    expect(svg.status).toBe(200);
  });

  it('offers the image as a file to save with ?download=1', async () => {
    const response = await fetch(`${server.url}/qr/${NIPS[2]}.png?download=1`);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pacak-qr-OS-PLG-0007.png"');
  });

  it('draws the new code once an employee code is replaced, while the old link answers 410', async () => {
    const nip = '199601092022031005';
    const before = await fetch(`${server.url}/qr/${nip}.svg`);
    const oldUrl = decodeSvg(await before.text()).text;
    const employee = (await Employee.findOne({ where: { nip } }))!;
    // What the admin API will do: retire the current code and issue a new one.
    await PublicCode.update({ replacedAt: new Date() }, { where: { employeeId: employee.id, replacedAt: null } });
    await issuePublicCode(employee.id);

    const after = await fetch(`${server.url}/qr/${nip}.svg`, { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    const newUrl = decodeSvg(await after.text()).text;
    expect(newUrl).not.toBe(oldUrl);
    expect(newUrl).toBe(await ratingUrlOf(nip));
    expect((await fetch(oldUrl)).status).toBe(410);
    expect((await fetch(newUrl)).status).toBe(200);
  });
});

describe('the rendered-code cache', () => {
  it('renders a code once and serves the same bytes to every later request', async () => {
    const qr = new QrCodes();
    const first = await qr.image('http://example.test/r/ABCDEFGH', 'png', 512);
    const second = await qr.image('http://example.test/r/ABCDEFGH', 'png', 512);
    expect(second.body).toBe(first.body);
    const [a, b] = await Promise.all([qr.inlineSvg('http://example.test/r/X'), qr.inlineSvg('http://example.test/r/X')]);
    expect(a).toBe(b);
  });

  it('drops the least recently used entry when full, by count and by weight', async () => {
    let loads = 0;
    const cache = new LruCache<string, string>(2, 10, (value) => value.length);
    const get = (key: string, value = key) => cache.get(key, async () => (loads++, value));
    await get('a');
    await get('b');
    await get('a'); // a is now the most recent
    await get('c'); // evicts b
    expect(cache.size).toBe(2);
    loads = 0;
    await get('a');
    await get('c');
    expect(loads).toBe(0);
    await get('b');
    expect(loads).toBe(1);
    await get('heavy', 'x'.repeat(9)); // 9 + 1 > 10 would overflow: older entries go
    expect(cache.size).toBeLessThanOrEqual(2);
    loads = 0;
    await get('heavy', 'x'.repeat(9));
    expect(loads).toBe(0);
  });

  it('forgets a failed render so the next request tries again', async () => {
    const cache = new LruCache<string, string>(5);
    await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('k', async () => 'fine')).toBe('fine');
  });
});

describe('QR rate limit', () => {
  it('answers 429 with Retry-After once an address has asked for its allowance of images', async () => {
    const limited = await startTestServer({ RATE_LIMIT_QR: '3' });
    try {
      for (let i = 0; i < 3; i++) expect((await fetch(`${limited.url}/qr/${NIPS[0]}.svg`)).status).toBe(200);
      const refused = await fetch(`${limited.url}/qr/${NIPS[0]}.svg`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
