import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { projectRoot } from '../../server/paths.js';
import { makeUser, type TestUser } from '../helpers/admin.js';
import { TEST_DB } from '../helpers/databases.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const LISTED = 'https://bkkpalembang.example.go.id';

let server: TestServer;
let admin: TestUser;
let ratingPath: string;
beforeAll(async () => {
  server = await startTestServer({ CORS_ORIGINS: `${LISTED}, https://wp.example.org` });
  admin = await makeUser(server, 'admin');
  const employee = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
  ratingPath = new URL(employee.body.ratingUrl).pathname;
});
afterAll(() => server.close());

/** The CSP directives of a response, by name. */
function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

describe('security headers', () => {
  it('gives every page a strict policy that forbids framing, inline script and eval', async () => {
    const pages = [
      '/',
      ratingPath,
      '/r/ZZZZZZ',
      '/keypass',
      `/keypass?nip=${DEMO_NIP}`,
      '/keypass?nip=199001012020121999',
      `/card/${DEMO_NIP}`,
      '/card/nobody',
      '/board/kantor-induk',
      '/embed',
      '/saya',
      '/saya?lang=en',
    ];
    for (const path of pages) {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(response.status, path).toBeLessThan(500);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors'), path).toBe("'none'");
      expect(csp.get('default-src'), path).toBe("'none'");
      expect(csp.get('base-uri'), path).toBe("'none'");
      const scripts = csp.get('script-src') ?? "'none'";
      expect(scripts, path).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      const html = await response.text();
      // No inline script but one the policy names by its hash (the hosted page carries the widget so);
      // a data block (type application/json) is never run.
      const hashes = scripts.split(' ').filter((source) => source.startsWith("'sha256-"));
      for (const [, attributes, text] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (/\bsrc=/.test(attributes!) || /type="application\/json"/.test(attributes!)) continue;
        expect(hashes, path).toContain(`'sha256-${createHash('sha256').update(text!, 'utf8').digest('base64')}'`);
      }
      if (path !== ratingPath) expect(hashes, path).toEqual([]);
    }
  });

  it('lets any site load the widget script, which no frame rule concerns', async () => {
    const response = await fetch(`${server.url}/widget/pacak-rating.js`, { headers: { origin: 'https://any.example' } });
    if (response.status === 404) return; // the widget is not built in this run: nothing to serve
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends nosniff and a closed policy with every API answer, and no-store with personal ones', async () => {
    const publicAnswer = await fetch(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    expect(publicAnswer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(directives(publicAnswer.headers.get('content-security-policy')).get('default-src')).toBe("'none'");
    for (const path of ['/api/v1/admin/ratings', '/api/v1/reports/summary?from=2026-01-01&to=2026-01-31']) {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toMatch(/no-store/);
    }
    const refused = await fetch(`${server.url}/api/v1/admin/ratings`);
    expect(refused.headers.get('cache-control')).toMatch(/no-store/);
  });
});

describe('cross-origin rules', () => {
  const post = (origin: string | undefined, body: unknown = ratingBody(), headers: Record<string, string> = {}) =>
    postJson(`${server.url}/api/v1/ratings`, body, { ...(origin ? { origin } : {}), ...headers });

  it('lets the listed sites and the server’s own pages post ratings', async () => {
    for (const origin of [LISTED, 'https://wp.example.org', server.config.publicBaseUrl, undefined]) {
      const response = await post(origin);
      expect(response.status, origin).toBe(201);
      if (origin) expect(response.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
  });

  it('refuses ratings from any other origin, however close its name, and stores nothing', async () => {
    const before = await Rating.count();
    for (const origin of [
      'https://evil.example',
      'http://bkkpalembang.example.go.id',
      'https://bkkpalembang.example.go.id.evil.example',
      'https://evilbkkpalembang.example.go.id',
      'https://bkkpalembang.example.go.id:8443',
      'null',
    ]) {
      const response = await post(origin);
      expect(response.status, origin).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      const preflight = await fetch(`${server.url}/api/v1/ratings`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    expect(await Rating.count()).toBe(before);
  });

  it('lets any site read the form data, but only a listed site (an intranet dashboard) send a sign-in token', async () => {
    const read = await fetch(`${server.url}/api/v1/employees/${DEMO_NIP}`, { headers: { origin: 'https://any.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/v1/reports/summary`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const unlisted = await preflight('https://any.example');
    expect(unlisted.headers.get('access-control-allow-headers') ?? '').not.toMatch(/authorization/i);
    expect(unlisted.headers.get('access-control-allow-credentials')).toBeNull();
    const listed = await preflight(LISTED);
    expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(listed.headers.get('access-control-allow-credentials')).toBeNull();
    // An admin write from a foreign page is refused before the token is even looked at.
    const write = await fetch(`${server.url}/api/v1/admin/ratings/1/void`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'x' }),
    });
    expect(write.status).toBe(403);
  });

  it('uses no CORS package that would allow every origin by default', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('@koa/cors');
  });
});

describe('size limits and timeouts', () => {
  it('refuses a body over 16 KB with 413 and a field over its length with 422, on public and admin routes', async () => {
    const before = await Rating.count();
    expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody({ comment: 'x'.repeat(17_000) }))).status).toBe(413);
    expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody({ comment: 'x'.repeat(1001) }))).status).toBe(422);
    const admin413 = await postJson(
      `${server.url}/api/v1/admin/work-areas`,
      { code: 'x', name: 'y'.repeat(20_000) },
      { authorization: `Bearer ${admin.token}` },
    );
    expect(admin413.status).toBe(413);
    expect(await Rating.count()).toBe(before);
  });

  it('refuses headers or a URL over 16 KB without a 5xx', async () => {
    const response = await fetch(`${server.url}/api/v1/employees/${'9'.repeat(20_000)}`);
    expect(response.status).toBe(431);
  });

  it.runIf(TEST_DB === 'sqlite')(
    'drops a client that sends its headers too slowly (10 s), answering 408',
    async () => {
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      const started = Date.now();
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const took = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(took).toBeGreaterThan(9_000);
      expect(took).toBeLessThan(13_000);
    },
    20_000,
  );
});

// Last: a second server binds the models to its own database until it closes.
describe('HTTPS', () => {
  it('sends Strict-Transport-Security only when the public address is https', async () => {
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const https = await startTestServer({ PUBLIC_BASE_URL: 'https://pacak.example.go.id' });
    try {
      for (const path of ['/healthz', '/keypass', '/api/v1/indicators']) {
        expect((await fetch(`${https.url}${path}`)).headers.get('strict-transport-security'), path).toBe('max-age=31536000');
      }
    } finally {
      await https.close();
    }
  });
});
