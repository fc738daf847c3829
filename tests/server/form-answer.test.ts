import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormAnswer } from '../../contract/index.js';
import { Employee, PublicCode, Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let code: string;
beforeAll(async () => {
  // Three employee lookups per address and window (RATE_LIMIT_LOOKUPS, the rating limit below it); each test its own address.
  server = await startTestServer({ TRUST_PROXY: '1', RATE_LIMIT_LOOKUPS: '3', RATE_LIMIT_RATINGS: '1', REFERENCE_CACHE_SECONDS: '0' });
  const employee = (await Employee.findOne({ where: { nip: DEMO_NIP } }))!;
  code = (await PublicCode.findOne({ where: { employeeId: employee.id, replacedAt: null } }))!.code;
});
afterAll(() => server.close());

let addressCounter = 1;
const from = (headers: Record<string, string> = {}) => ({ 'x-forwarded-for': `198.18.1.${addressCounter++}`, ...headers });

describe('the whole rating form in one answer', () => {
  it('holds what the employee, service types and indicators answers hold, a usable form token and the sending verdict', async () => {
    const address = from();
    const form = await getJson<FormAnswer>(`${server.url}/api/v1/employees/${DEMO_NIP}/form`, { headers: address });
    expect(form.status).toBe(200);
    expect(Object.keys(form.body).sort()).toEqual(['employee', 'formToken', 'indicators', 'sending', 'serviceTypes']);
    const employee = await getJson<Record<string, unknown>>(`${server.url}/api/v1/employees/${DEMO_NIP}`, { headers: address });
    const { sending, ...card } = employee.body;
    expect(form.body.employee).toEqual(card);
    expect(form.body.sending).toEqual(sending);
    expect(form.body.sending).toEqual({ origin: null, allowed: true });
    expect(form.body.serviceTypes).toEqual((await getJson(`${server.url}/api/v1/service-types?nip=${DEMO_NIP}`)).body.serviceTypes);
    expect(form.body.indicators).toEqual((await getJson(`${server.url}/api/v1/indicators`)).body.indicators);
    expect(form.body.formToken).toEqual({
      token: expect.stringMatching(/^v1\./),
      minSeconds: expect.any(Number),
      maxSeconds: expect.any(Number),
    });

    const rating = await postJson<{ id: number }>(
      `${server.url}/api/v1/ratings`,
      ratingBody({ formToken: form.body.formToken.token }),
      from(),
    );
    expect(rating.status).toBe(201);
  });

  it('is never kept by a cache, varies by origin, and gives a new token each time', async () => {
    const address = from();
    const first = await getJson<FormAnswer>(`${server.url}/api/v1/employees/${DEMO_NIP}/form`, { headers: address });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await getJson<FormAnswer>(`${server.url}/api/v1/employees/${DEMO_NIP}/form`, { headers: address });
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('vary')).toMatch(/origin/i);
    expect(second.body.formToken.token).not.toBe(first.body.formToken.token);
  });

  it('tells a page of a site the office has not allowed that it may not send, readable from that site', async () => {
    const origin = 'https://not-allowed.example.org';
    const form = await getJson<FormAnswer>(`${server.url}/api/v1/employees/${DEMO_NIP}/form`, { headers: from({ origin }) });
    expect(form.status).toBe(200);
    expect(form.body.sending).toEqual({ origin, allowed: false });
    expect(form.headers.get('access-control-allow-origin')).toBe('*');
    expect(form.headers.get('cache-control')).toBe('no-store');
  });

  it('asked by public code, holds no NIP anywhere, and its token rates by code', async () => {
    const form = await getJson<FormAnswer>(`${server.url}/api/v1/employees/by-code/${code}/form`, { headers: from() });
    expect(form.status).toBe(200);
    expect(form.body.employee).toMatchObject({ code, name: 'dr. Rina Kartika, M.Kes' });
    expect(form.body.employee).not.toHaveProperty('nip');
    expect(JSON.stringify(form.body)).not.toContain(DEMO_NIP);
    expect(JSON.stringify(form.body)).not.toContain(Buffer.from(DEMO_NIP).toString('base64url'));
    expect(form.body.serviceTypes).toHaveLength(20);

    const { nip: _nip, ...byCode } = ratingBody({ code, formToken: form.body.formToken.token });
    const rating = await postJson<{ id: number }>(`${server.url}/api/v1/ratings`, byCode, from());
    expect(rating.status).toBe(201);
    expect(await Rating.findByPk(rating.body.id)).not.toBeNull();
  });

  it('answers 404 as a problem for an unknown employee, NIP or code, and an inactive one', async () => {
    const address = from();
    for (const path of ['employees/199001012015011999/form', 'employees/by-code/ZZZZ9999/form', 'employees/not-a-nip/form']) {
      const answer = await getJson(`${server.url}/api/v1/${path}`, { headers: address });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    const other = await Employee.findOne({ where: { active: true, nip: { [Op.ne]: DEMO_NIP } } });
    if (other) {
      await other.update({ active: false });
      try {
        expect((await getJson(`${server.url}/api/v1/employees/${other.nip}/form`, { headers: from() })).status).toBe(404);
      } finally {
        await other.update({ active: true });
      }
    }
  });

  it('counts against the per-address limit of employee lookups, like the employee answer', async () => {
    const address = from();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await getJson(`${server.url}/api/v1/employees/${DEMO_NIP}/form`, { headers: address })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await getJson(`${server.url}/api/v1/employees/by-code/${code}/form`, { headers: address });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
