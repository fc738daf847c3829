import { describe, expect, it } from 'vitest';
import { Office, Rating, WorkArea } from '../../server/db/models/index.js';
import { makeUser, useServerWithAdmin, type TestUser } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

let n = 0;
async function freshArea(): Promise<string> {
  const office = await Office.findOne({ where: { code: 'bkk-palembang' } });
  return (await WorkArea.create({ officeId: office!.id, code: `body-${++n}`, name: `Pos ${n}` })).code;
}

/** A raw request, so the body, its type and its absence are exactly what the test says. */
async function send(method: string, path: string, init: { body?: string; type?: string; token?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.type) headers['content-type'] = init.type;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return fetch(`${server.url}/api/v1${path}`, { method, headers, body: init.body });
}

const problemOf = async (response: Response) => {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { status: number };
};

describe('the API reads each body where its route group says', () => {
  it('checks the sign-in of an admin route before it looks at the body', async () => {
    const area = await freshArea();
    for (const init of [
      { body: '{"name":', type: 'application/json' },
      { body: 'name=x', type: 'text/plain' },
      { body: JSON.stringify({ name: 'x'.repeat(20_000) }), type: 'application/json' },
    ]) {
      const response = await send('PATCH', `/admin/work-areas/${area}`, init);
      expect(response.status, init.body.slice(0, 20)).toBe(401);
      expect(await problemOf(response)).toMatchObject({ status: 401 });
    }
    const signedIn = await send('PATCH', `/admin/work-areas/${area}`, { body: '{"name":', type: 'application/json', token: admin.token });
    expect(signedIn.status).toBe(400);
  });

  it('lets an admin action without fields come without a body, and refuses an empty POST to the public API with 415', async () => {
    const area = await freshArea();
    const deactivated = await send('POST', `/admin/work-areas/${area}/deactivate`, { token: admin.token });
    expect(deactivated.status).toBe(200);
    expect((await WorkArea.findOne({ where: { code: area } }))!.active).toBe(false);
    const before = await Rating.count();
    for (const path of ['/ratings', '/auth/token', '/service-tokens']) {
      const response = await send('POST', path);
      expect(response.status, path).toBe(415);
      expect(await problemOf(response)).toMatchObject({ status: 415 });
    }
    expect(await Rating.count()).toBe(before);
  });

  it('reads an admin DELETE body as JSON too', async () => {
    const response = await send('DELETE', '/admin/employees/199001012015011001', {
      body: 'not json',
      type: 'application/json',
      token: admin.token,
    });
    expect(response.status).toBe(400);
  });

  it('reads the employee import as text/csv after the role check, and no JSON route takes text/csv', async () => {
    const viewer = await makeUser(server, 'viewer');
    const csv = 'nip,name\n';
    expect((await send('POST', '/admin/employees/import', { body: csv, type: 'text/csv', token: viewer.token })).status).toBe(403);
    expect((await send('POST', '/admin/employees/import', { body: '{}', type: 'application/json', token: admin.token })).status).toBe(415);
    expect((await send('POST', '/admin/work-areas', { body: csv, type: 'text/csv', token: admin.token })).status).toBe(415);
    expect((await send('POST', '/reports/share-links', { body: csv, type: 'text/csv', token: admin.token })).status).toBe(415);
  });

  it('refuses a report body over 16 KB with 413', async () => {
    const body = JSON.stringify({ report: 'summary', params: { x: 'x'.repeat(17_000) }, days: 1 });
    const response = await send('POST', '/reports/share-links', { body, type: 'application/json', token: admin.token });
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ status: 413 });
  });
});
