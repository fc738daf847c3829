import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { makeUser } from '../helpers/admin.js';
import { postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CORS_ORIGINS: 'https://bkkpalembang.example.go.id', RATE_LIMIT_RATINGS: '3' });
});
afterAll(() => server.close());

describe('CORS for a listed site', () => {
  it('answers the preflight of a listed site and not of another', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/v1/ratings`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const listed = await preflight('https://bkkpalembang.example.go.id');
    expect(listed.status).toBe(204);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://bkkpalembang.example.go.id');
    expect(listed.headers.get('access-control-allow-headers')).toMatch(/Content-Type/i);
    const other = await preflight('https://other.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS for signed-in reading from an intranet page', () => {
  const listed = 'https://bkkpalembang.example.go.id';
  const preflight = (origin: string, method = 'GET') =>
    fetch(`${server.url}/api/v1/reports/summary`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization' },
    });

  it('lets a listed site send a bearer token and read the download name, and no other site', async () => {
    const ok = await preflight(listed);
    expect(ok.headers.get('access-control-allow-origin')).toBe(listed);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect((await preflight(listed, 'DELETE')).headers.get('access-control-allow-methods')).toMatch(/DELETE/);
    const other = await preflight('https://other.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-headers')).toBeNull();

    const viewer = await makeUser(server, 'viewer');
    const read = (origin: string) =>
      fetch(`${server.url}/api/v1/reports/summary?from=2025-01-01&to=2025-01-31&format=csv`, {
        headers: { origin, authorization: `Bearer ${viewer.token}` },
      });
    const mine = await read(listed);
    expect(mine.headers.get('access-control-allow-origin')).toBe(listed);
    expect(mine.headers.get('access-control-expose-headers')).toMatch(/Content-Disposition/);
    expect((await read('https://other.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps public reading open to every site without credentials', async () => {
    const response = await fetch(`${server.url}/api/v1/indicators`, { headers: { origin: 'https://other.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('rate limit per connection', () => {
  it('answers 429 with Retry-After once an address has sent its allowance, and stores nothing more', async () => {
    const origin = { origin: 'https://bkkpalembang.example.go.id' };
    for (let i = 0; i < 3; i++) expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody(), origin)).status).toBe(201);
    const before = await Rating.count();
    const limited = await postJson(`${server.url}/api/v1/ratings`, ratingBody(), origin);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too many requests' });
    expect(await Rating.count()).toBe(before);
  });
});
