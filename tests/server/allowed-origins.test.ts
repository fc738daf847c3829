import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry, Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { adminApi, makeOffice, makeUser, type TestUser } from '../helpers/admin.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SITE = 'https://bkkpalembang.example.go.id';
const INSTALL_WIDE = 'https://portal.example.go.id';

let server: TestServer;
let second: TestServer;
let admin: TestUser;
beforeAll(async () => {
  server = await startTestServer({ CORS_ORIGINS: INSTALL_WIDE, REFERENCE_CACHE_SECONDS: '1' });
  // A second process on the same database: what one process's admin changes, the other follows.
  second = await startTestServer({ REFERENCE_CACHE_SECONDS: '1' }, { database: server.database });
  admin = await makeUser(server, 'admin');
}, 60_000);
afterAll(async () => {
  await second?.close();
  await server?.close();
});

const preflight = (base: string, origin: string) =>
  fetch(`${base}/api/v1/ratings`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
const sendingOf = async (base: string, origin: string, nip = DEMO_NIP) => {
  const employee = await getJson<{ sending: unknown }>(`${base}/api/v1/employees/${nip}`, { headers: { origin } });
  const token = await getJson<{ sending: unknown }>(`${base}/api/v1/form-token?nip=${nip}`, { headers: { origin } });
  return { employee: employee.body.sending, token: token.body.sending, cache: employee.headers.get('cache-control') };
};

/** Waits, bounded, until `check` holds: another process follows within its reference cache time. */
async function eventually(check: () => Promise<boolean>, tries = 40): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describe('allowed sites of an office', () => {
  it('refuses an unknown site, then allows it on every process once an admin adds it, and forgets it once removed', async () => {
    const origin = 'https://wp.example.org';
    expect((await preflight(server.url, origin)).headers.get('access-control-allow-origin')).toBeNull();
    expect(await sendingOf(server.url, origin)).toEqual({
      employee: { origin, allowed: false },
      token: { origin, allowed: false },
      cache: 'no-store',
    });

    const api = adminApi(server, admin.token);
    const added = await api.post<{ id: number; origin: string; note: string }>('/allowed-origins', {
      origin: 'HTTPS://WP.Example.org:443/',
      note: 'Situs kantor',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ origin, note: 'Situs kantor' });

    // This process at once, the other within its cache time; no restart.
    expect((await sendingOf(server.url, origin)).employee).toEqual({ origin, allowed: true });
    expect((await preflight(server.url, origin)).headers.get('access-control-allow-origin')).toBe(origin);
    expect(await eventually(async () => (await preflight(second.url, origin)).headers.get('access-control-allow-origin') === origin)).toBe(
      true,
    );
    expect((await sendingOf(second.url, origin)).token).toEqual({ origin, allowed: true });
    const rating = await postJson<{ id: number }>(`${second.url}/api/v1/ratings`, ratingBody(), { origin });
    expect(rating.status).toBe(201);
    expect(rating.headers.get('access-control-allow-origin')).toBe(origin);

    expect((await api.get<{ origins: { origin: string }[] }>('/allowed-origins')).body.origins.map((row) => row.origin)).toContain(origin);
    expect((await api.delete(`/allowed-origins/${added.body.id}`)).status).toBe(204);
    expect((await sendingOf(server.url, origin)).token).toEqual({ origin, allowed: false });
    expect(await eventually(async () => (await preflight(second.url, origin)).headers.get('access-control-allow-origin') === null)).toBe(
      true,
    );
    const actions = (await AuditEntry.findAll({ where: { targetType: 'allowed_origin', targetId: String(added.body.id) } })).map(
      (entry) => entry.action,
    );
    expect(actions.sort()).toEqual(['allowed-origin.add', 'allowed-origin.remove']);
  });

  it('refuses what is not a site, and a site already allowed, changing nothing', async () => {
    const api = adminApi(server, admin.token);
    const before = await AuditEntry.count();
    for (const origin of [
      'javascript:alert(1)',
      'ftp://files.example.org',
      'https://wp.example.org/blog',
      'not a url at all',
      'https://user:pw@wp.example.org',
      '*',
    ]) {
      const answer = await api.post<{ errors: { path: string }[] }>('/allowed-origins', { origin });
      expect(answer.status, origin).toBe(422);
      expect(answer.body.errors[0]?.path).toBe('origin');
    }
    expect((await api.post('/allowed-origins', { origin: SITE, extra: 1 })).status).toBe(422);
    expect((await api.post('/allowed-origins', { origin: SITE })).status).toBe(201);
    expect((await api.post('/allowed-origins', { origin: `${SITE}/` })).status).toBe(409);
    expect(await AuditEntry.count()).toBe(before + 1);
  });

  it('lets only an office admin manage them, and only their own office', async () => {
    const viewer = await makeUser(server, 'viewer');
    expect((await adminApi(server, viewer.token).post('/allowed-origins', { origin: 'https://x.example' })).status).toBe(403);
    expect((await adminApi(server).get('/allowed-origins')).status).toBe(401);
    const other = await makeOffice(`ao-${process.pid}`);
    const otherAdmin = await makeUser(server, 'admin', { office: other.office.code });
    const mine = await adminApi(server, admin.token).post<{ id: number }>('/allowed-origins', { origin: 'https://mine.example' });
    expect((await adminApi(server, otherAdmin.token).delete(`/allowed-origins/${mine.body.id}`)).status).toBe(404);
    expect((await adminApi(server, otherAdmin.token).get<{ origins: unknown[] }>('/allowed-origins')).body.origins).toEqual([]);

    // A site one office allows may not rate another office's employees: the public answers say so, the post is refused.
    const theirs = other.employee.nip;
    expect((await sendingOf(server.url, 'https://mine.example', theirs)).token).toEqual({ origin: 'https://mine.example', allowed: false });
    const count = await Rating.count();
    const refused = await postJson<{ type: string; detail: string }>(
      `${server.url}/api/v1/ratings`,
      ratingBody({ nip: theirs, serviceType: 'umum' }),
      { origin: 'https://mine.example' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.type).toMatch(/origin-not-allowed$/);
    expect(refused.body.detail).toContain('https://mine.example');
    expect(await Rating.count()).toBe(count);
  });

  it('keeps CORS_ORIGINS as an addition for every office, and the server’s own pages always allowed', async () => {
    expect(await sendingOf(server.url, INSTALL_WIDE)).toMatchObject({ employee: { origin: INSTALL_WIDE, allowed: true } });
    expect((await sendingOf(server.url, server.url)).token).toEqual({ origin: null, allowed: true });
    const plain = await getJson<{ sending: unknown }>(`${server.url}/api/v1/form-token?nip=${DEMO_NIP}`);
    expect(plain.body.sending).toEqual({ origin: null, allowed: true });
  });
});

describe('GET /api/v1/sites/check', () => {
  it('tells a webmaster whether a site may send, with the server version, and refuses what is not a site', async () => {
    const check = (query: string) => getJson<Record<string, unknown>>(`${server.url}/api/v1/sites/check?${query}`);
    const unknown = await check(`origin=${encodeURIComponent('https://unknown.example/')}&nip=${DEMO_NIP}`);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ origin: 'https://unknown.example', allowed: false, office: { code: 'bkk-palembang' } });
    expect(unknown.body.version).toMatch(/^\d+\.\d+\.\d+/);
    await adminApi(server, admin.token).post('/allowed-origins', { origin: 'https://checked.example' });
    expect((await check('origin=https://checked.example')).body).toMatchObject({ allowed: true });
    expect((await check('origin=javascript:alert(1)')).status).toBe(422);
    expect((await check('origin=https://checked.example&nip=000')).status).toBe(404);
  });
});

describe('the console’s check of a site', () => {
  it('says whether a site may send ratings to the office, and whether the installation allows it for every office', async () => {
    const api = adminApi(server, admin.token);
    const check = (origin: string) =>
      api.get<{ origin: string; allowed: boolean; installWide: boolean }>(`/allowed-origins/check?origin=${encodeURIComponent(origin)}`);
    expect((await check('https://cek.example.go.id/halaman')).status).toBe(422);
    expect((await check('https://cek.example.go.id')).body).toEqual({
      origin: 'https://cek.example.go.id',
      allowed: false,
      installWide: false,
    });
    expect((await check(INSTALL_WIDE)).body).toMatchObject({ allowed: true, installWide: true });
    const added = await api.post<{ id: number }>('/allowed-origins', { origin: 'https://cek.example.go.id' });
    expect((await check('https://CEK.example.go.id')).body).toMatchObject({
      origin: 'https://cek.example.go.id',
      allowed: true,
      installWide: false,
    });
    await api.delete(`/allowed-origins/${added.body.id}`);
  });
});
