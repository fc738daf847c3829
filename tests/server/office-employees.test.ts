import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeEmployees } from '../../contract/index.js';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { adminApi, makeOffice, makeUser, newNip } from '../helpers/admin.js';
import { getJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: ReturnType<typeof adminApi>;
beforeAll(async () => {
  // Each test speaks from an address of its own (X-Forwarded-For); the limit test uses up one address.
  server = await startTestServer({ TRUST_PROXY: '1', RATE_LIMIT_LOOKUPS: '30', RATE_LIMIT_RATINGS: '5' });
  admin = adminApi(server, (await makeUser(server, 'admin')).token);
});
afterAll(() => server.close());

let addressCounter = 0;
const list = (query = '', office = 'bkk-palembang', headers: Record<string, string> = {}) =>
  getJson<OfficeEmployees>(`${server.url}/api/v1/offices/${office}/employees${query}`, {
    headers: { 'x-forwarded-for': `203.0.113.${++addressCounter}`, ...headers },
  });

describe('GET /api/v1/offices/:office/employees', () => {
  it('lists the active employees by name with public code, position, work area and photo, and never a NIP', async () => {
    const { status, body, headers } = await list();
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('public, max-age=60');
    expect(body.office).toEqual({ code: 'bkk-palembang', name: expect.any(String) });
    expect(body.employees).toHaveLength(FIRST_OFFICE.employees.length);
    for (const employee of body.employees) {
      expect(Object.keys(employee).sort()).toEqual(['code', 'name', 'photoUrl', 'position', 'workArea']);
      expect(employee.code).toMatch(/^[0-9A-Z]{8}$/);
    }
    const names = body.employees.map((employee) => employee.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'id', { sensitivity: 'base', ignorePunctuation: true })));
    expect(names.indexOf('dr. Maya Sari')).toBeLessThan(names.indexOf('Ns. Dewi Lestari, S.Kep'));
    const text = JSON.stringify(body);
    for (const { nip } of FIRST_OFFICE.employees) expect(text).not.toContain(nip);
    expect(text).not.toMatch(/"nip"/);
    const rina = body.employees.find((employee) => employee.name === 'dr. Rina Kartika, M.Kes');
    expect(rina).toMatchObject({ workArea: { code: 'kantor-induk', name: 'Kantor Induk' }, photoUrl: null });
    expect(body.workAreas.map((area) => area.code)).toContain('boom-baru');
  });

  it('leaves out an employee as soon as an administrator deactivates them, and shows them again on reactivation', async () => {
    const nip = '198812302014021001';
    const name = 'Bambang Hartono, S.ST';
    expect((await list()).body.employees.map((e) => e.name)).toContain(name);
    expect((await admin.post(`/employees/${nip}/deactivate`)).status).toBe(200);
    try {
      expect((await list()).body.employees.map((e) => e.name)).not.toContain(name);
    } finally {
      expect((await admin.post(`/employees/${nip}/reactivate`)).status).toBe(200);
    }
    expect((await list()).body.employees.map((e) => e.name)).toContain(name);
  });

  it('leaves out an employee the office chooses not to list, whose own form still works', async () => {
    const nip = '199011042015032003';
    const name = 'Ns. Dewi Lestari, S.Kep';
    expect((await admin.get(`/employees/${nip}`)).body).toMatchObject({ listed: true });
    const hidden = await admin.patch(`/employees/${nip}`, { listed: false });
    expect(hidden.body).toMatchObject({ listed: false, active: true });
    try {
      expect((await list()).body.employees.map((e) => e.name)).not.toContain(name);
      const code = hidden.body.publicCode as string;
      expect(
        (await getJson(`${server.url}/api/v1/employees/by-code/${code}`, { headers: { 'x-forwarded-for': '203.0.113.251' } })).status,
      ).toBe(200);
      expect((await admin.patch(`/employees/${nip}`, { listed: 'no' })).status).toBe(422);
    } finally {
      expect((await admin.patch(`/employees/${nip}`, { listed: true })).body).toMatchObject({ listed: true });
    }
    expect((await list()).body.employees.map((e) => e.name)).toContain(name);
  });

  it('filters by name and work area, and lists only the office asked for', async () => {
    const byName = await list('?q=' + encodeURIComponent('  DEWI les '));
    expect(byName.body.employees.map((e) => e.name)).toEqual(['Ns. Dewi Lestari, S.Kep']);
    const byArea = await list('?workArea=boom-baru');
    expect(byArea.body.employees.every((e) => e.workArea.code === 'boom-baru')).toBe(true);
    expect(byArea.body.employees.length).toBeGreaterThan(0);
    // The filter leaves the work areas to choose from as they are.
    expect(byArea.body.workAreas).toEqual((await list()).body.workAreas);
    expect((await list('?q=zzzz')).body.employees).toEqual([]);
    const { employee } = await makeOffice('kantor-lain');
    const other = await list('', 'kantor-lain');
    expect(other.body.employees.map((e) => e.name)).toEqual([employee.name]);
    expect((await list()).body.employees.map((e) => e.name)).not.toContain('Petugas Lain');
  });

  it('answers 304 to a client that has the same list', async () => {
    const first = await list();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${server.url}/api/v1/offices/bkk-palembang/employees`, {
      // fetch() would add Cache-Control: no-cache to a conditional request, which asks for the body anyway.
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0', 'x-forwarded-for': '203.0.113.250' },
    });
    expect(again.status).toBe(304);
  });

  it('answers 404 problem+json for an unknown or malformed office', async () => {
    for (const office of ['no-such-office', 'x'.repeat(65), '%3Cscript%3E', "a'%20OR%201=1"]) {
      const { status, headers, body } = await list('', office);
      expect(status).toBe(404);
      expect(headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(body).toMatchObject({ status: 404, detail: 'No office has this code.' });
    }
  });

  it('answers 422 for bad parameters', async () => {
    for (const query of ['?q=' + 'a'.repeat(101), '?q=a%00b', '?q=a&q=b', '?workArea=BAD%20AREA', '?workArea=' + 'a'.repeat(65)]) {
      const { status, body } = await list(query);
      expect(status, query).toBe(422);
      expect((body as unknown as { errors: { path: string }[] }).errors[0]?.path).toMatch(/^(query\.)?(q|workArea)$/);
    }
  });

  it('counts each address with the other employee lookups and answers 429 with Retry-After beyond the limit', async () => {
    const from = { 'x-forwarded-for': '198.51.100.77' };
    // RATE_LIMIT_LOOKUPS 30, ratings 5: the employee lookups allow max(30, 5 * 3) per window.
    for (let i = 0; i < 30; i++) expect((await list('', 'bkk-palembang', from)).status).toBe(200);
    const refused = await list('', 'bkk-palembang', from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await list()).status).toBe(200);
  });

  it('shows a new employee once an administrator adds one', async () => {
    const created = await admin.post('/employees', {
      nip: newNip(),
      name: 'Aulia Rahma',
      position: 'Staf',
      kind: 'asn',
      workArea: 'kantor-induk',
    });
    expect(created.status).toBe(201);
    expect((await list('?q=aulia')).body.employees.map((e) => e.name)).toEqual(['Aulia Rahma']);
  });
});

describe('the office page /o/<office>', () => {
  it('serves the picker for the office with the hosted pages CSP, in Indonesian or English, and never a NIP', async () => {
    for (const [query, lang, title] of [
      ['', 'id', 'Penilaian pelayanan'],
      ['?lang=en', 'en', 'Rate our service'],
    ] as const) {
      const response = await fetch(`${server.url}/o/BKK-Palembang${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      const page = await response.text();
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain(title);
      expect(page).toContain(`<pacak-rating office="bkk-palembang" channel="qr" lang="${lang}">`);
      expect(page).toContain('/api/v1/offices/bkk-palembang/employees');
      for (const { nip } of FIRST_OFFICE.employees) expect(page).not.toContain(nip);
    }
  });

  it('answers an unknown office with a 404 page', async () => {
    for (const office of ['no-such-office', '%3Cscript%3E']) {
      const response = await fetch(`${server.url}/o/${office}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('Halaman tidak ditemukan');
    }
  });
});
