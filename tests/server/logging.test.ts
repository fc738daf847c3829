import { createServer } from 'node:http';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { errorMiddleware } from '../../server/http/error-middleware.js';
import { createLogger } from '../../server/logger.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface LogLine {
  time: string;
  level: string;
  message: string;
  requestId?: string;
  route?: string;
  status?: number;
  error?: string;
}

const PERSONAL = ['81234567890', '0812-3456-7890', '+6281234567890', DEMO_NIP];

let server: TestServer;
const lines: string[] = [];
beforeAll(async () => {
  server = await startTestServer({}, { logger: createLogger('debug', (line) => lines.push(line)) });
});
afterAll(() => server.close());

const parsed = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine);

describe('structured logs', () => {
  it('logs each rating request as one JSON line with its request id, and no phone number or NIP', async () => {
    lines.length = 0;
    const body = ratingBody({ phone: '0812-3456-7890' });
    const created = await postJson(`${server.url}/api/v1/ratings`, body, { 'x-request-id': 'req-created-0001' });
    const duplicate = await postJson(
      `${server.url}/api/v1/ratings`,
      { ...body, clientId: undefined },
      { 'x-request-id': 'req-duplicate-0002' },
    );
    const invalid = await postJson(`${server.url}/api/v1/ratings`, ratingBody({ phone: '+62 21 1234 5678 90' }));
    const lookup = await getJson(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    expect([created.status, duplicate.status, invalid.status, lookup.status]).toEqual([201, 409, 422, 200]);

    // The test client fetches a form token before each rating, as the widget does; those lines are another route.
    const requests = parsed().filter((line) => line.message === 'request' && line.route !== '/api/v1/form-token');
    expect(requests.map(({ requestId, route, status }) => ({ requestId, route, status }))).toEqual([
      { requestId: 'req-created-0001', route: '/api/v1/ratings', status: 201 },
      { requestId: 'req-duplicate-0002', route: '/api/v1/ratings', status: 409 },
      { requestId: invalid.headers.get('x-request-id'), route: '/api/v1/ratings', status: 422 },
      { requestId: lookup.headers.get('x-request-id'), route: '/api/v1/employees/:nip', status: 200 },
    ]);
    for (const line of parsed()) expect(line).toMatchObject({ time: expect.any(String), level: expect.any(String) });
    for (const text of PERSONAL) expect(lines.join('')).not.toContain(text);
  });

  it('logs a database failure with the request id and without the rating data', async () => {
    lines.length = 0;
    await server.sequelize.close();
    const response = await postJson(`${server.url}/api/v1/ratings`, ratingBody({ phone: '0812-3456-7890' }), {
      'x-request-id': 'req-unavailable-03',
    });
    expect(response.status).toBe(503);
    const failure = parsed().find((line) => line.message === 'database unavailable');
    expect(failure).toMatchObject({ level: 'error', requestId: 'req-unavailable-03', error: expect.any(String) });
    for (const text of PERSONAL) expect(lines.join('')).not.toContain(text);
  });

  it('masks long digit runs that a driver quotes in an error message', async () => {
    const logged: string[] = [];
    const app = new Koa();
    app.use(errorMiddleware(createLogger('error', (line) => logged.push(line))));
    app.use(() => {
      throw new Error(`Duplicate entry '${DEMO_NIP}' for key 'nip'; value +62 812-3456-7890 and 081234567890`);
    });
    const http = createServer(app.callback()).listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    const address = http.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${address.port}/`);
    http.close();
    expect(response.status).toBe(500);
    const error = logged.map((line) => JSON.parse(line) as LogLine).find((line) => line.message === 'unexpected error');
    expect(error?.error).toMatch(/^Error: Duplicate entry '\[digits\]' for key 'nip'/);
    for (const text of [...PERSONAL, '812-3456-7890']) expect(error?.error).not.toContain(text);
  });
});
