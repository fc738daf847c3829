import fc from 'fast-check';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { FormTokenCodec } from '../../server/services/intake/form-tokens.js';
import { setEmployeePin } from '../../server/services/qr/pins.js';
import { normalisePhone } from '../../server/domain/phone.js';
import { makeUser, rate } from '../helpers/admin.js';
import { formToken, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Generated hostile requests against the rating route, the admin and report routes and the employee's
 * own routes. Each rating is a valid one broken on purpose in one to three ways, so every request must be
 * refused: the test then holds the server to never answering 5xx, always answering a refusal as
 * problem+json, and never writing a row. Counters that count attempts (rate limits, failed sign-ins) are
 * the only tables allowed to change. 10,400 requests in all; fast-check prints the seed and the smallest
 * failing case.
 */

const NIPS = new Set(FIRST_OFFICE.employees.map((e) => e.nip.toUpperCase()));
const SERVICE_TYPES = new Set<string>(FIRST_OFFICE.serviceTypes.map((t) => t.code));
const TOP_FIELDS = new Set([
  'nip',
  'serviceType',
  'scores',
  'phone',
  'comment',
  'channel',
  'clientId',
  'website',
  'serviceToken',
  'formToken',
]);
const COUNTERS = new Set(['rate_counters', 'sign_in_throttles', 'schema_migrations']);

const nasty = fc.constantFrom(
  "' OR 1=1; DROP TABLE ratings; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  'a\u0000b',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '${7*7}{{7*7}}',
  'NaN',
  'undefined',
  '\uD800',
  '🙂'.repeat(300),
  'x'.repeat(5000),
  ' ',
  '',
  '0',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
);
/** One control character: NUL, the rest of C0, DEL or C1 (tab and line breaks apart: free text may hold them). */
const controlCharacter = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .filter((code) => ![0x09, 0x0a, 0x0d].includes(code))
  .map((code) => String.fromCharCode(code));
/** Text with a control character somewhere in it. */
const withControl = fc
  .tuple(fc.string({ maxLength: 12 }), controlCharacter, fc.string({ maxLength: 12 }))
  .map(([a, c, b]) => `${a}${c}${b}`);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  nasty,
  withControl,
);
const anyJson = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }));

/** One way to break a valid rating; each is certain to make it invalid. */
type Breaker = (body: Record<string, unknown>) => void;

const set =
  (key: string, value: unknown): Breaker =>
  (body) => {
    // __proto__ as an own key, as JSON.parse makes it, not the prototype setter.
    Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
  };
const drop =
  (key: string): Breaker =>
  (body) =>
    void delete body[key];
/** Breaks the scores object, unless another breaker has already put something else in its place. */
const scoresOf = (body: Record<string, unknown>): Record<string, unknown> | null =>
  body.scores && typeof body.scores === 'object' && !Array.isArray(body.scores) ? (body.scores as Record<string, unknown>) : null;
const isString = (v: unknown): v is string => typeof v === 'string';

const breakers: fc.Arbitrary<Breaker>[] = [
  anyJson.filter((v) => !isString(v) || !NIPS.has(v.trim().toUpperCase())).map((v) => set('nip', v)),
  anyJson.filter((v) => !isString(v) || !SERVICE_TYPES.has(v.trim())).map((v) => set('serviceType', v)),
  anyJson.filter((v) => !isString(v) || v.length > 40 || normalisePhone(v) === null).map((v) => set('phone', v)),
  fc.constantFrom('nip', 'serviceType', 'scores', 'phone', 'formToken').map(drop),
  fc
    .tuple(
      fc.constantFrom('profesional', 'amanah', 'cakap', 'akuntabel', 'kolaboratif'),
      fc.oneof(
        fc.integer().filter((n) => n < 1 || n > 5),
        fc.double().filter((n) => !Number.isInteger(n)),
        text,
        fc.constant(null),
        fc.boolean(),
        fc.constant('5'),
      ),
    )
    .map(([code, value]): Breaker => (body) => {
      const scores = scoresOf(body);
      if (scores) scores[code] = value;
    }),
  fc.constantFrom('profesional', 'kolaboratif').map((code): Breaker => (body) => {
    const scores = scoresOf(body);
    if (scores) delete scores[code];
  }),
  fc.oneof(text, fc.constant('ramah')).map((key): Breaker => (body) => {
    const scores = scoresOf(body);
    if (scores) set(`x-${key}`, 5)(scores);
  }),
  anyJson.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)).map((v) => set('scores', v)),
  fc
    .tuple(fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'prototype', 'verified', 'id', 'createdAt', 'officeId')), anyJson)
    .filter(([key]) => !TOP_FIELDS.has(key))
    .map(([key, value]) => set(key, value)),
  fc
    .oneof(
      text.filter((v) => v.length > 0),
      fc.integer(),
      fc.boolean(),
    )
    .map((v) => set('website', v)),
  fc.oneof(text, fc.integer(), fc.constant(null)).map((v) => set('formToken', v)),
  fc
    .oneof(
      text.filter((v) => !['widget', 'qr', 'kiosk'].includes(v)),
      fc.integer(),
      fc.constant(null),
    )
    .map((v) => set('channel', v)),
  fc.oneof(text, fc.integer(), fc.constant(null)).map((v) => set('clientId', v)),
  fc
    .oneof(
      fc.constant('x'.repeat(1001)),
      text.map((v) => `${v}<b>tebal</b>`),
      text.map((v) => `${v}\u0007`),
      fc.integer(),
      fc.constant(null),
      fc.array(text, { maxLength: 3 }),
    )
    .map((v) => set('comment', v)),
  fc
    .oneof(
      text.filter((v) => v.length > 0),
      fc.integer(),
      fc.constant(null),
    )
    .map((v) => set('serviceToken', v)),
];

let server: TestServer;
let adminToken: string;
let superToken: string;
let validToken: string;
let otherEmployeesToken: string;
let ratedId: number;
let employeeToken: string;

beforeAll(async () => {
  server = await startTestServer();
  adminToken = (await makeUser(server, 'admin')).token;
  superToken = (await makeUser(server, 'superadmin')).token;
  validToken = (await formToken(server.url, FIRST_OFFICE.employees[0]!.nip))!;
  otherEmployeesToken = new FormTokenCodec(server.config.jwtSecret).sign(FIRST_OFFICE.employees[1]!.nip, new Date(Date.now() - 60_000));
  ratedId = await rate(server);
  const { nip } = FIRST_OFFICE.employees[0]!;
  await setEmployeePin(nip, '480213');
  const signedIn = await fetch(`${server.url}/api/v1/employee/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nip, pin: '480213' }),
  });
  employeeToken = ((await signedIn.json()) as { token: string }).token;
}, 60_000);
afterAll(() => server.close());

/** Rows of every table that holds data (not the attempt counters), to prove nothing was written. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = (await server.sequelize.getQueryInterface().showAllTables()).map((t) =>
    typeof t === 'string' ? t : (t as { tableName: string }).tableName,
  );
  const counts: Record<string, number> = {};
  for (const table of tables.filter((t) => !COUNTERS.has(t)).sort()) {
    const [row] = await server.sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`, { type: QueryTypes.SELECT });
    counts[table] = Number(row!.n);
  }
  return counts;
}

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Sends a request and checks the answer: never 5xx, and every refusal is problem+json. Answers the status. */
async function check(request: Sent): Promise<number> {
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body as BodyInit | undefined,
  });
  const body = await response.text();
  const where = `${request.method} ${request.path} ${String(request.body ?? '').slice(0, 300)}`;
  expect(response.status, `${where} → ${body.slice(0, 300)}`).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(body) as { status: number; title: string; type: string };
    expect(problem.status, where).toBe(response.status);
    expect(typeof problem.title, where).toBe('string');
  }
  return response.status;
}

const ratingRequest = fc
  .record({
    breaks: fc.array(fc.oneof(...breakers), { minLength: 1, maxLength: 3 }),
    token: fc.constantFrom('valid', 'valid', 'valid', 'other-employee'),
    contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'application/JSON'),
  })
  .map(({ breaks, token, contentType }): Sent => {
    const body = ratingBody({ formToken: token === 'valid' ? validToken : otherEmployeesToken });
    // The other employee's token already breaks it; the breakers add to that.
    for (const breakIt of breaks) breakIt(body);
    return { method: 'POST', path: '/api/v1/ratings', headers: { 'content-type': contentType }, body: JSON.stringify(body) };
  });

const rawRequest = fc
  .record({
    body: fc.oneof(
      text,
      fc.uint8Array({ maxLength: 200 }),
      fc.integer({ min: 1, max: 6000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
      fc.integer({ min: 1, max: 3000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom('{"__proto__":{"verified":true},"nip":"x"}', '{"nip": }', '{', 'null', '[]', '"x"', '1e999', '\uFEFF{}'),
    ),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      '',
    ),
    path: fc.constantFrom(
      '/api/v1/ratings',
      '/api/v1/auth/token',
      '/api/v1/service-tokens',
      '/api/v1/admin/work-areas',
      '/api/v1/admin/ratings/erase-phone',
    ),
    auth: fc.boolean(),
  })
  .map(({ body, contentType, path, auth }): Sent => ({
    method: 'POST',
    path,
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(auth ? { authorization: `Bearer ${adminToken}` } : {}) },
    body,
  }));

/** Admin and report routes; path parameters hostile, bodies always with a field no route accepts. */
const ADMIN_ROUTES: [string, string][] = [
  ['POST', '/admin/work-areas'],
  ['PATCH', '/admin/work-areas/:p'],
  ['POST', '/admin/work-areas/:p/deactivate'],
  ['POST', '/admin/service-types'],
  ['PATCH', '/admin/service-types/:p'],
  ['PUT', '/admin/service-types/order'],
  ['POST', '/admin/service-types/:p/retire'],
  ['POST', '/admin/employees'],
  ['PATCH', '/admin/employees/:p'],
  ['POST', '/admin/employees/:p/deactivate'],
  ['POST', '/admin/employees/:p/public-code'],
  ['POST', '/admin/employees/:p/pin'],
  ['POST', '/admin/users'],
  ['PATCH', '/admin/users/:p'],
  ['POST', '/admin/users/:p/password'],
  ['POST', '/admin/me/password'],
  ['POST', '/admin/ratings/:p/void'],
  ['POST', '/admin/ratings/:p/unvoid'],
  ['POST', '/admin/ratings/:p/phone'],
  ['POST', '/admin/ratings/erase-phone'],
  ['PATCH', '/admin/office'],
  ['POST', '/admin/offices'],
  ['PATCH', '/admin/offices/:p'],
  ['POST', '/reports/share-links'],
  ['POST', '/auth/token'],
];
const GET_ROUTES = [
  '/admin/ratings',
  '/admin/employees',
  '/admin/audit',
  '/admin/users',
  '/reports/summary',
  '/reports/ranking',
  '/reports/anomalies',
  '/reports/employees/:p',
  '/shared/:p',
];

const param = fc.oneof(
  text,
  fc.constant(String(0)),
  fc.constantFrom('1', '99999999999999999999', '-1', '1.5', '%2e%2e%2f', '%00', 'kantor-induk'),
);
// Lone surrogates cannot be put in a URL at all; everything else goes, encoded.
const enc = (value: string) =>
  encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
/** Mostly a real admin's token, so the bodies reach validation; else a superadmin's, none, garbage or `alg: none`. */
const authHeader = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('admin', 'admin', 'admin', 'superadmin', 'none', 'alg-none').map((who): Record<string, string> => {
      if (who === 'none') return {};
      if (who === 'alg-none') return { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIn0.' };
      return { authorization: `Bearer ${who === 'admin' ? adminToken : superToken}` };
    }),
  },
  text.map((t) => ({ authorization: `Bearer ${t.replace(/[^\x20-\x7e]/g, '')}` })),
);

const adminWrite = fc
  .record({
    route: fc.constantFrom(...ADMIN_ROUTES),
    p: param,
    fields: fc.dictionary(
      fc.constantFrom(
        'name',
        'code',
        'nip',
        'reason',
        'phone',
        'role',
        'username',
        'password',
        'workArea',
        'privacyContact',
        'serviceHours',
        'codes',
        'kind',
      ),
      anyJson,
      { maxKeys: 4 },
    ),
    unknown: text.map((t) => `zz${t}`),
    auth: authHeader,
    shape: fc.constantFrom('object', 'object', 'object', 'array', 'malformed'),
  })
  .map(({ route: [method, template], p, fields, unknown, auth, shape }): Sent => {
    const body =
      shape === 'object' ? JSON.stringify({ ...fields, [unknown]: 1 }) : shape === 'array' ? JSON.stringify([fields]) : '{"name":';
    return { method, path: `/api/v1${template.replace(':p', enc(p))}`, headers: { 'content-type': 'application/json', ...auth }, body };
  });

const reportRead = fc
  .record({
    route: fc.constantFrom(...GET_ROUTES),
    p: param,
    query: fc.dictionary(
      fc.constantFrom(
        'from',
        'to',
        'limit',
        'offset',
        'nip',
        'workArea',
        'format',
        'burstCount',
        'medianFactor',
        'voided',
        'action',
        'minRatings',
      ),
      text,
      { maxKeys: 5 },
    ),
    auth: authHeader,
  })
  .map(({ route, p, query, auth }): Sent => {
    const search = new URLSearchParams(query).toString();
    return { method: 'GET', path: `/api/v1${route.replace(':p', enc(p))}?${search}`, headers: auth };
  });

/** A request that would reach a route, with one control character put in its path, its query or a body field. */
const controlRequest = fc
  .record({
    where: fc.constantFrom('path', 'query', 'body', 'body-key'),
    getRoute: fc.constantFrom(...GET_ROUTES),
    writeRoute: fc.constantFrom(
      ...ADMIN_ROUTES.filter(([, template]) => template !== '/auth/token'),
      ['POST', '/ratings'] as [string, string],
      ['POST', '/auth/token'] as [string, string],
      ['POST', '/service-tokens'] as [string, string],
    ),
    field: fc.constantFrom('name', 'reason', 'username', 'nip', 'comment', 'phone', 'code'),
    dirty: withControl,
  })
  .map(({ where, getRoute, writeRoute, field, dirty }): Sent => {
    const auth = { authorization: `Bearer ${adminToken}` };
    if (where === 'path' || where === 'query') {
      const inUrl = enc(dirty);
      const path = where === 'path' ? `/api/v1${getRoute.replace(':p', inUrl)}` : `/api/v1${getRoute.replace(':p', '1')}?q=${inUrl}`;
      return { method: 'GET', path: path.includes(inUrl) ? path : `${path}/${inUrl}`, headers: auth };
    }
    const [method, template] = writeRoute;
    const body = where === 'body' ? { [field]: dirty } : { [`x${dirty}`]: 'value' };
    return {
      method,
      path: `/api/v1${template.replace(':p', '1')}`,
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    };
  });

/**
 * The employee's own routes: sign-in bodies (failures only count attempts, and lock the address soon, so
 * the count is kept low), and the pages read with the employee's real token or a broken one. Signing out
 * and the PDF (which records its verification address) go only with a broken token.
 */
const employeeRequest = fc
  .record({
    route: fc.constantFrom('POST /session', 'DELETE /session', 'GET /me', 'GET /me/figures', 'GET /me/comments', 'GET /me/evidence.pdf'),
    fields: fc.dictionary(fc.constantFrom('nip', 'pin', 'token'), anyJson, { maxKeys: 3 }),
    query: fc.dictionary(fc.constantFrom('months', 'limit', 'offset', 'period', 'lang'), text, { maxKeys: 3 }),
    token: fc.oneof(
      fc.constant('real'),
      fc.constant('none'),
      text.map((t) => t.replace(/[^\x20-\x7e]/g, '')),
    ),
  })
  .map(({ route, fields, query, token }): Sent => {
    const [method, path] = route.split(' ') as [string, string];
    const harmless = method === 'GET' && path !== '/me/evidence.pdf';
    const auth: Record<string, string> =
      token === 'none' ? {} : { authorization: `Bearer ${token === 'real' && harmless ? employeeToken : `x${token}`}` };
    if (method === 'POST')
      return { method, path: '/api/v1/employee/session', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) };
    return { method, path: `/api/v1/employee${path}?${new URLSearchParams(query).toString()}`, headers: auth };
  });

describe('control characters', () => {
  it('are refused with a 422 problem+json in paths, query strings and bodies, before any route reads them', async () => {
    const before = await rowCounts();
    await fc.assert(
      fc.asyncProperty(controlRequest, async (request) => {
        const status = await check(request);
        expect(status, `${request.method} ${request.path} ${String(request.body ?? '')}`).toBe(422);
      }),
      { numRuns: 400 },
    );
    expect(await rowCounts()).toEqual(before);
  }, 120_000);

  it('answer the reported NUL requests with 422, not 500', async () => {
    const auth = { authorization: `Bearer ${adminToken}` };
    const requests: Sent[] = [
      {
        method: 'POST',
        path: '/api/v1/auth/token',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin\u0000', password: 'x' }),
      },
      {
        method: 'POST',
        path: '/api/v1/service-tokens',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nip: '1992\u0000', pin: '123456' }),
      },
      { method: 'GET', path: '/api/v1/admin/employees/1992%00', headers: auth },
      { method: 'GET', path: '/api/v1/admin/employees?q=%00', headers: auth },
      { method: 'GET', path: '/api/v1/admin/audit?action=%00', headers: auth },
      { method: 'GET', path: '/api/v1/admin/ratings?nip=%00', headers: auth },
      { method: 'GET', path: '/api/v1/reports/employees/1992%00', headers: auth },
      { method: 'GET', path: '/api/v1/employees/1992%00', headers: {} },
      { method: 'GET', path: '/r/abc%00', headers: {} },
    ];
    for (const request of requests) expect(await check(request), request.path).toBe(422);
  });
});

describe('thousands of malformed and hostile requests', () => {
  it('never get a 5xx, always get a problem+json refusal, and write no row', async () => {
    const before = await rowCounts();
    const started = Date.now();
    const statuses = new Map<number, number>();
    const tally = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const runs = [
      [ratingRequest, 5_000],
      [rawRequest, 1_500],
      [adminWrite, 2_500],
      [reportRead, 1_000],
    ] as const;
    for (const [arbitrary, numRuns] of runs) {
      await fc.assert(
        fc.asyncProperty(arbitrary as fc.Arbitrary<Sent>, async (request) => {
          const status = await check(request);
          tally(status);
          // Only reading may succeed; a write that succeeded would have been a valid request.
          if (request.method !== 'GET')
            expect(status, `${request.method} ${request.path} ${String(request.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        }),
        { numRuns },
      );
    }
    expect(await rowCounts()).toEqual(before);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(10_000);
    // The rating that was there is still there, unvoided.
    const [rated] = await server.sequelize.query<{ voided_at: unknown }>('SELECT voided_at FROM ratings WHERE id = ?', {
      replacements: [ratedId],
      type: QueryTypes.SELECT,
    });
    expect(rated?.voided_at ?? null).toBeNull();
    console.log(`fuzz: ${total} requests in ${Date.now() - started} ms`, Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
  }, 240_000);
});

describe("the employee's own routes", () => {
  it('never answer 5xx to hostile sign-ins and queries, and write no row', async () => {
    const before = await rowCounts();
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(employeeRequest, async (request) => {
        const status = await check(request);
        statuses.add(status);
        if (request.method !== 'GET') expect(status, `${request.method} ${request.path}`).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 400 },
    );
    expect(await rowCounts()).toEqual(before);
    // The real token reached the routes (200), broken ones did not (401), and bad queries were refused (422).
    expect([...statuses]).toEqual(expect.arrayContaining([200, 401, 422]));
  }, 120_000);
});
