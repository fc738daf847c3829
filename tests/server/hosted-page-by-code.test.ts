import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, PublicCode, Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let code: string;
let employeeId: number;
beforeAll(async () => {
  // Three employee lookups per address and window: RATE_LIMIT_LOOKUPS, with the rating limit below it.
  server = await startTestServer({ TRUST_PROXY: '1', RATE_LIMIT_LOOKUPS: '3', RATE_LIMIT_RATINGS: '1' });
  employeeId = (await Employee.findOne({ where: { nip: DEMO_NIP } }))!.id;
  code = (await PublicCode.findOne({ where: { employeeId, replacedAt: null } }))!.code;
});
afterAll(() => server.close());

let addressCounter = 1;
const from = () => ({ 'x-forwarded-for': `198.18.0.${addressCounter++}` });
const nipForms = [DEMO_NIP, Buffer.from(DEMO_NIP).toString('base64url'), DEMO_NIP.slice(0, 8)];

describe('the hosted page /r/<code>', () => {
  it('names the employee by public code in its HTML and preloads, never by NIP', async () => {
    const response = await fetch(`${server.url}/r/${code}`, { headers: from() });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(`code="${code}"`);
    expect(page).toContain(`/api/v1/employees/by-code/${code}`);
    for (const form of nipForms) expect(page).not.toContain(form);
  });

  it('has calls by code that answer without the NIP, and a rating by code is stored for the employee', async () => {
    const address = from();
    const employee = await getJson(`${server.url}/api/v1/employees/by-code/${code}`, { headers: address });
    expect(employee.status).toBe(200);
    expect(employee.body).toMatchObject({ code, name: expect.any(String) });
    expect(employee.body).not.toHaveProperty('nip');
    const types = await getJson(`${server.url}/api/v1/service-types?code=${code}`, { headers: address });
    expect(types.status).toBe(200);
    const token = await getJson<{ token: string }>(`${server.url}/api/v1/form-token?code=${code}`, { headers: address });
    for (const answer of [employee, types, token]) for (const form of nipForms) expect(JSON.stringify(answer.body)).not.toContain(form);

    const { nip: _nip, ...body } = ratingBody({ formToken: token.body.token });
    const rated = await postJson<{ id: number }>(`${server.url}/api/v1/ratings`, { ...body, code }, address);
    expect(rated.status).toBe(201);
    expect((await Rating.findByPk(rated.body.id))!.employeeId).toBe(employeeId);
  });

  it('refuses a rating whose code finds nobody, or a code token used for another employee', async () => {
    const { nip: _nip, ...body } = ratingBody();
    const unknown = await postJson<{ errors: { path: string }[] }>(`${server.url}/api/v1/ratings`, { ...body, code: 'ZZZZ9999' }, from());
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e) => e.path)).toEqual(['code']);
    const address = from();
    const token = await getJson<{ token: string }>(`${server.url}/api/v1/form-token?code=${code}`, { headers: address });
    const other = (await Employee.findOne({ where: { active: true, id: { [Op.ne]: employeeId } } }))!;
    const wrong = await postJson<{ errors: { path: string }[] }>(
      `${server.url}/api/v1/ratings`,
      ratingBody({ nip: other.nip, formToken: token.body.token }),
      address,
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e) => e.path)).toEqual(['formToken']);
  });

  it('keeps nip= working for API clients and the snippet', async () => {
    const address = from();
    expect((await getJson(`${server.url}/api/v1/employees/${DEMO_NIP}`, { headers: address })).body).toMatchObject({ nip: DEMO_NIP });
    expect((await getJson(`${server.url}/api/v1/form-token?nip=${DEMO_NIP}`, { headers: address })).status).toBe(200);
  });
});

describe('employee lookups', () => {
  it('are limited per address like /keypass, by NIP and by code alike', async () => {
    const address = from();
    const answers: number[] = [];
    for (let i = 0; i < 3; i++) answers.push((await getJson(`${server.url}/api/v1/employees/${DEMO_NIP}`, { headers: address })).status);
    const limited = await getJson(`${server.url}/api/v1/employees/by-code/${code}`, { headers: address });
    expect(answers).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await getJson(`${server.url}/api/v1/employees/${DEMO_NIP}`, { headers: from() })).status).toBe(200);
  });
});
