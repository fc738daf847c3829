import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee } from '../../server/db/models/index.js';
import { setEmployeePin } from '../../server/services/qr/pins.js';
import { makeOffice, makeUser, type TestUser } from '../helpers/admin.js';
import { getJson, postJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const RINA = '199203152019032001';
const AGUS = '198507222010121002';
const HENDRA = '198704172009031003';
const PIN = '480213';
const SLOWDOWN_MS = 150;

let server: TestServer;
let admin: TestUser;
let sessionUrl: string;
beforeAll(async () => {
  // TRUST_PROXY: the tests tell client addresses apart by X-Forwarded-For.
  server = await startTestServer({ TRUST_PROXY: '1', SIGNIN_SLOWDOWN_MS: String(SLOWDOWN_MS), SIGNIN_MAX_FAILURES_PER_ADDRESS: '4' });
  sessionUrl = `${server.url}/api/v1/employee/session`;
  admin = await makeUser(server, 'admin');
  await setEmployeePin(RINA, PIN);
  await setEmployeePin(AGUS, '735190');
});
afterAll(() => server.close());

/** Each call from its own client address unless one is given, so the per-address limit stays out of the way. */
let address = 0;
const from = (ip = `10.1.${Math.floor(++address / 250)}.${address % 250}`) => ({ 'x-forwarded-for': ip });

const signIn = (nip: string, pin: string, headers: Record<string, string> = from()) =>
  postJson<{ token: string; expiresAt: string; type?: string; status?: number }>(sessionUrl, { nip, pin }, headers);

async function tokenOf(nip: string, pin: string): Promise<string> {
  const response = await signIn(nip, pin);
  expect(response.status).toBe(201);
  return response.body.token;
}

const get = <T = Record<string, unknown>>(path: string, token: string) =>
  getJson<T>(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('an employee signing in to their own page', () => {
  it('gives a half-hour token for the NIP or staff code and the PIN, and the token shows that employee', async () => {
    const response = await signIn(` ${RINA.slice(0, 8)} ${RINA.slice(8)} `, PIN);
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lifetime = Date.parse(response.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(29 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(30 * 60_000);
    const me = await get<{ nip: string; name: string; qr: { svg: string }; card: string }>('/api/v1/employee/me', response.body.token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ nip: RINA, qr: { svg: `/qr/${RINA}.svg` }, card: `/card/${RINA}` });
  });

  it('refuses a wrong PIN, answers each later than the one before, and locks the NIP after five, even for the right PIN', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      const response = await signIn(AGUS, '111222');
      times.push(Date.now() - started);
      expect(response.status).toBe(401);
      expect(response.body.type).toMatch(/wrong-pin$/);
    }
    // The nth failure waits n x SIGNIN_SLOWDOWN_MS.
    expect(times[3]).toBeGreaterThanOrEqual(4 * SLOWDOWN_MS);
    const locked = await signIn(AGUS, '735190');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // One PIN, one count: the one-service codes of that NIP are locked too.
    const code = await postJson(`${server.url}/api/v1/service-tokens`, { nip: AGUS, pin: '735190' }, from());
    expect(code.status).toBe(429);
  });

  it('locks a client address that guesses at many NIPs', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 4; i++) expect((await signIn(`19990101202001100${i}`, '246813', from(ip))).status).toBe(401);
    expect((await signIn(RINA, PIN, from(ip))).status).toBe(429);
    expect((await signIn(RINA, PIN)).status).toBe(201);
  });

  it('refuses an employee without a PIN, and bad bodies, with clear problems', async () => {
    const noPin = await signIn(HENDRA, '592817');
    expect(noPin.status).toBe(403);
    expect(noPin.body.type).toMatch(/pin-not-set$/);
    expect((await signIn(RINA, '12')).status).toBe(422);
    expect((await postJson(sessionUrl, { nip: RINA, pin: PIN, extra: 1 }, from())).status).toBe(422);
    expect((await postJson(sessionUrl, 'not json', from())).status).toBeLessThan(500);
  });

  it('cannot read the admin or report API with an employee token, nor the employee API with an admin token', async () => {
    const employeeToken = await tokenOf(RINA, PIN);
    for (const path of [
      '/api/v1/admin/me',
      '/api/v1/admin/employees',
      '/api/v1/reports/summary?period=2026-Q3',
      `/api/v1/reports/employees/${RINA}`,
    ]) {
      expect((await get(path, employeeToken)).status, path).toBe(401);
    }
    for (const path of [
      '/api/v1/employee/me',
      '/api/v1/employee/me/figures',
      '/api/v1/employee/me/comments',
      '/api/v1/employee/me/evidence.pdf?period=2026-Q3',
    ]) {
      expect((await get(path, admin.token)).status, path).toBe(401);
      expect((await getJson(`${server.url}${path}`)).status, path).toBe(401);
    }
    // A token made with the admin key but the employee's claims is not an employee token either.
    const forged = jwt.sign({ kind: 'employee', pin: 'x' }, server.config.jwtSecret, {
      algorithm: 'HS256',
      issuer: 'pacak-rating',
      audience: 'pacak-employee',
      subject: '1',
      expiresIn: 600,
    });
    expect((await get('/api/v1/employee/me', forged)).status).toBe(401);
  });

  it('never answers about another employee: no route takes one, and an identifier in the query is refused or ignored', async () => {
    const token = await tokenOf(RINA, PIN);
    const me = await get<{ nip: string }>(`/api/v1/employee/me?nip=${AGUS}`, token);
    expect(me.body.nip).toBe(RINA);
    expect((await get(`/api/v1/employee/me/comments?nip=${AGUS}`, token)).status).toBe(422);
    expect((await get(`/api/v1/employee/me/figures?nip=${AGUS}`, token)).status).toBe(422);
    expect((await get(`/api/v1/employee/me/evidence.pdf?period=2026-Q3&nip=${AGUS}`, token)).status).toBe(422);
    expect((await get(`/api/v1/employee/${AGUS}`, token)).status).toBe(404);
    // Another office's employee with a PIN signs in to their own data only.
    const { employee } = await makeOffice(`es-${process.pid}`);
    await setEmployeePin(employee.nip, '905172');
    const theirs = await get<{ nip: string; office: { code: string } }>('/api/v1/employee/me', await tokenOf(employee.nip, '905172'));
    expect(theirs.body).toMatchObject({ nip: employee.nip, office: { code: `es-${process.pid}` } });
    const none = await get<{ comments: unknown[]; total: number }>('/api/v1/employee/me/comments', await tokenOf(employee.nip, '905172'));
    expect(none.body).toMatchObject({ comments: [], total: 0 });
  });

  it('signs out everywhere: every token of the employee stops working, and a new sign-in works', async () => {
    const phone = await tokenOf(RINA, PIN);
    const laptop = await tokenOf(RINA, PIN);
    const { employee: other } = await makeOffice(`so-${process.pid}`);
    await setEmployeePin(other.nip, '905173');
    const theirs = await tokenOf(other.nip, '905173');
    const out = await getJson(`${sessionUrl}`, { method: 'DELETE', headers: { authorization: `Bearer ${laptop}` } });
    expect(out.status).toBe(204);
    expect((await get('/api/v1/employee/me', laptop)).status).toBe(401);
    expect((await get('/api/v1/employee/me', phone)).status).toBe(401);
    // Another employee's session is theirs alone.
    expect((await get('/api/v1/employee/me', theirs)).status).toBe(200);
    expect((await get('/api/v1/employee/me', await tokenOf(RINA, PIN))).status).toBe(200);
    expect((await getJson(sessionUrl, { method: 'DELETE' })).status).toBe(401);
    expect((await getJson(sessionUrl, { method: 'DELETE', headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(401);
  });

  it('ends every session of an employee whose PIN changes or who is deactivated', async () => {
    const token = await tokenOf(RINA, PIN);
    expect((await get('/api/v1/employee/me', token)).status).toBe(200);
    await setEmployeePin(RINA, '604729');
    expect((await get('/api/v1/employee/me', token)).status).toBe(401);
    const again = await tokenOf(RINA, '604729');
    await Employee.update({ active: false }, { where: { nip: RINA } });
    try {
      expect((await get('/api/v1/employee/me', again)).status).toBe(401);
    } finally {
      await Employee.update({ active: true }, { where: { nip: RINA } });
      await setEmployeePin(RINA, PIN);
    }
  });
});
