import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A raw request, so the Host header is the one given (fetch sets its own). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const port = () => new URL(server.url).port;
const signIn = JSON.stringify({ username: 'nobody-here', password: 'not the password' });

describe('same origin', () => {
  it('is decided by PUBLIC_BASE_URL, never by the Host header: a rebinding page gets 421, not our CORS answer', async () => {
    const rebinding = `evil.example:${port()}`;
    const answer = await send(
      'POST',
      '/api/v1/auth/token',
      { host: rebinding, origin: `http://${rebinding}`, 'content-type': 'application/json' },
      signIn,
    );
    expect(answer.status).toBe(421);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send('OPTIONS', '/api/v1/ratings', {
      host: rebinding,
      origin: `http://${rebinding}`,
      'access-control-request-method': 'POST',
    });
    expect(preflight.status).toBe(421);
  });

  it('refuses another origin with 403 even when the Host is ours', async () => {
    const answer = await send(
      'POST',
      '/api/v1/auth/token',
      { host: `127.0.0.1:${port()}`, origin: `http://evil.example:${port()}`, 'content-type': 'application/json' },
      signIn,
    );
    expect(answer.status).toBe(403);
  });

  it('treats the loopback spellings of a loopback PUBLIC_BASE_URL as the server itself, as development needs', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`]) {
      const answer = await send(
        'POST',
        '/api/v1/auth/token',
        { host, origin: `http://${host}`, 'content-type': 'application/json' },
        signIn,
      );
      expect(answer.status, host).toBe(401);
    }
  });

  it('leaves requests without an Origin (curl, health checks) alone whatever their Host', async () => {
    expect((await send('GET', '/healthz', { host: 'internal-name:8080' })).status).toBe(200);
    expect((await send('GET', `/api/v1/employees/${FIRST_OFFICE.employees[0]!.nip}`, { host: 'internal-name:8080' })).status).toBe(200);
  });
});
