import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, PublicCode } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { getJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('public reference data', () => {
  it('lists the five PACAK indicators in the office order with both descriptions', async () => {
    const { status, body } = await getJson<{ indicators: { code: string; description: { id: string; en: string } }[] }>(
      `${server.url}/api/v1/indicators`,
    );
    expect(status).toBe(200);
    expect(body.indicators.map((indicator) => indicator.code)).toEqual(['profesional', 'amanah', 'cakap', 'akuntabel', 'kolaboratif']);
    expect(body.indicators[0]?.description.id).toMatch(/standar/);
    expect(body.indicators[0]?.description.en).toMatch(/standards/);
  });

  it('lists the twenty service types of the employee office in order, and the same for the default office', async () => {
    const forEmployee = await getJson<{ serviceTypes: { code: string; name: string }[] }>(
      `${server.url}/api/v1/service-types?nip=${DEMO_NIP}`,
    );
    expect(forEmployee.status).toBe(200);
    expect(forEmployee.body.serviceTypes).toHaveLength(20);
    expect(forEmployee.body.serviceTypes[0]).toEqual({ code: 'posbindu', name: 'Pelayanan Terpadu POSBINDU' });
    const forDefault = await getJson(`${server.url}/api/v1/service-types`);
    expect(forDefault.body).toEqual(forEmployee.body);
  });

  it('answers 404 for the service types of an unknown employee', async () => {
    const { status, headers } = await getJson(`${server.url}/api/v1/service-types?nip=199001012015011999`);
    expect(status).toBe(404);
    expect(headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});

describe('employee lookup', () => {
  it('shows only what the rating form needs, with a rating link that carries the public code, not the NIP', async () => {
    const { status, body } = await getJson<Record<string, unknown>>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['name', 'nip', 'office', 'photoUrl', 'position', 'ratingUrl', 'sending', 'workArea']);
    expect(body).toMatchObject({
      // Without an Origin (the server's own page, a script): this page may send.
      sending: { origin: null, allowed: true },
      nip: DEMO_NIP,
      name: 'dr. Rina Kartika, M.Kes',
      workArea: { code: 'kantor-induk', name: 'Kantor Induk' },
      office: { code: 'bkk-palembang' },
      photoUrl: null,
    });
    expect(body.ratingUrl).toMatch(new RegExp(`^${server.url}/r/[0-9A-Z]{8}$`));
    expect(body.ratingUrl).not.toContain(DEMO_NIP);
  });

  it('answers 404 problem+json for an unknown NIP and for a malformed one', async () => {
    for (const nip of ['199001012015011999', 'x', "1' OR '1'='1", '%3Cscript%3E']) {
      const { status, headers, body } = await getJson(`${server.url}/api/v1/employees/${nip}`);
      expect(status).toBe(404);
      expect(headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(body).toMatchObject({ status: 404, title: 'Not found' });
    }
  });

  it('answers 404 for a deactivated employee', async () => {
    const employee = await Employee.create({
      officeId: 1,
      workAreaId: 1,
      nip: '198001012005011001',
      name: 'Pegawai Nonaktif',
      position: 'Staf',
      kind: 'asn',
      active: false,
    });
    await PublicCode.create({ code: 'INACT1VE', employeeId: employee.id });
    expect((await getJson(`${server.url}/api/v1/employees/198001012005011001`)).status).toBe(404);
    expect((await fetch(`${server.url}/r/INACT1VE`)).status).toBe(404);
  });
});

describe('hosted rating page', () => {
  it('serves the widget for the employee behind a public code, mobile first and with a strict CSP', async () => {
    const employee = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    const response = await fetch(employee.body.ratingUrl);
    const page = await response.text();
    expect(response.status).toBe(200);
    // By the public code the QR carries, never the NIP (it spells a birth date).
    const code = employee.body.ratingUrl.split('/r/')[1];
    expect(page).toContain(`<pacak-rating code="${code}" channel="qr" lang="id"></pacak-rating>`);
    expect(page).not.toContain(DEMO_NIP);
    // The widget's script comes in the page, allowed by its hash: one round trip to a usable form.
    expect(page).toMatch(/<script type="module">[\s\S]*?customElements\.define\("pacak-rating"/);
    expect(page).toContain('name="viewport"');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[^']+' 'sha256-[^']+';/);
  });

  it('answers 404 for an unknown code and 410 with a kind message for a replaced one', async () => {
    expect((await fetch(`${server.url}/r/ZZZZZZZZ`)).status).toBe(404);
    const employee = await Employee.findOne({ where: { nip: DEMO_NIP } });
    await PublicCode.create({ code: 'OLDC0DE1', employeeId: employee!.id, replacedAt: new Date() });
    const response = await fetch(`${server.url}/r/OLDC0DE1`);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('sudah tidak berlaku');
  });
});

describe('widget bundle and health', () => {
  it('serves the widget bundle to any site, cacheable and revalidated by ETag', async () => {
    const response = await fetch(`${server.url}/widget/pacak-rating.js`, { headers: { origin: 'https://example.org' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const etag = response.headers.get('etag')!;
    expect((await fetch(`${server.url}/widget/pacak-rating.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${server.url}/widget/..%2Fpackage.json`)).status).toBe(404);
  });

  it('sends the widget bundle brotli or gzip compressed to browsers that accept it, and plain to the rest', async () => {
    const plain = await rawGet(`${server.url}/widget/pacak-rating.js`, 'identity');
    const br = await rawGet(`${server.url}/widget/pacak-rating.js`, 'gzip, deflate, br');
    const gzip = await rawGet(`${server.url}/widget/pacak-rating.js`, 'gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    for (const response of [plain, br, gzip]) expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    // Each encoding is its own representation, so its own ETag.
    expect(new Set([plain, br, gzip].map((r) => r.headers.etag)).size).toBe(3);
    expect((await rawGet(`${server.url}/widget/pacak-rating.js`, 'br', br.headers.etag)).status).toBe(304);
    expect((await rawGet(`${server.url}/widget/pacak-rating.js`, 'identity', br.headers.etag)).status).toBe(200);
  });

  it('serves the embed demo at / with the snippet', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<pacak-rating nip="199203152019032001"');
  });

  it('reports ok while the database answers', async () => {
    expect(await getJson(`${server.url}/healthz`)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers unknown routes with a problem+json 404', async () => {
    const { status, headers } = await getJson(`${server.url}/api/v1/nothing-here`);
    expect(status).toBe(404);
    expect(headers.get('content-type')).toMatch(/problem\+json/);
  });
});

/** A GET that leaves the body as sent (fetch would decompress it). */
function rawGet(
  url: string,
  acceptEncoding: string,
  ifNoneMatch?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'accept-encoding': acceptEncoding, ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) };
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}
