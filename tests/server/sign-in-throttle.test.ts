import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../server/db/models/index.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { SignInThrottleService } from '../../server/services/access/sign-in-throttle.js';
import { makeUser } from '../helpers/admin.js';
import { postJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    TRUST_PROXY: '1',
    SIGNIN_MAX_FAILURES: '3',
    SIGNIN_MAX_FAILURES_PER_ADDRESS: '6',
    SIGNIN_LOCK_SECONDS: '600',
    SIGNIN_SLOWDOWN_MS: '60',
  });
});
afterAll(() => server.close());

let addressCounter = 1;
/** Each test signs in from its own address, so the per-address counter is its own. */
const newAddress = () => `198.51.100.${addressCounter++}`;

function attempt(username: string, password: string, address: string) {
  return postJson(`${server.url}/api/v1/auth/token`, { username, password }, { 'x-forwarded-for': address });
}

describe('failed sign-ins', () => {
  it('answers each further failure more slowly', async () => {
    const user = await makeUser(server, 'viewer');
    const address = newAddress();
    const started = performance.now();
    await attempt(user.username, 'wrong password 1', address);
    const first = performance.now() - started;
    const before = performance.now();
    expect((await attempt(user.username, 'wrong password 2', address)).status).toBe(401);
    expect(performance.now() - before).toBeGreaterThanOrEqual(120); // 60 ms for each failure so far
    expect(first).toBeGreaterThanOrEqual(60);
  });

  it('refuses a username for a while after too many failures, the right password too, with 429 and Retry-After', async () => {
    const user = await makeUser(server, 'viewer');
    const address = newAddress();
    for (let i = 0; i < 3; i++) expect((await attempt(user.username, `wrong ${i}`, address)).status).toBe(401);
    const refused = await attempt(user.username, user.password, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ status: 429, title: 'Too many requests' });
    expect(refused.body.detail).toMatch(/Too many failed sign-ins\. Please wait \d+ minutes? and try again/);
    // The lock is on the username: another address does not help.
    expect((await attempt(user.username, user.password, newAddress())).status).toBe(429);
    // Other users are not affected.
    const other = await makeUser(server, 'viewer');
    expect((await attempt(other.username, other.password, address)).status).toBe(200);
  });

  it('lets the user in again once the lock has passed', async () => {
    const user = await makeUser(server, 'viewer');
    const address = newAddress();
    for (let i = 0; i < 3; i++) await attempt(user.username, `wrong ${i}`, address);
    expect((await attempt(user.username, user.password, address)).status).toBe(429);
    // Ten minutes later, as far as the stored lock can tell.
    const key = `user:${new PhoneVault(server.config.phoneKey).hash(`user:${user.username}`)}`;
    const past = new Date(Date.now() - 601_000);
    expect((await SignInThrottle.update({ lockedUntil: past, windowStartedAt: past }, { where: { key } }))[0]).toBe(1);
    expect((await attempt(user.username, user.password, address)).status).toBe(200);
  });

  it('refuses an address that tries many usernames, whichever it tries next', async () => {
    const address = newAddress();
    for (let i = 0; i < 6; i++) expect((await attempt(`guess-${i}-${address}`, 'password123456', address)).status).toBe(401);
    const user = await makeUser(server, 'viewer');
    expect((await attempt(user.username, user.password, address)).status).toBe(429);
    expect((await attempt(user.username, user.password, newAddress())).status).toBe(200);
  });

  it('forgets a username failures after a successful sign-in', async () => {
    const user = await makeUser(server, 'viewer');
    const address = newAddress();
    for (let i = 0; i < 2; i++) await attempt(user.username, `wrong ${i}`, address);
    expect((await attempt(user.username, user.password, address)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await attempt(user.username, `wrong again ${i}`, address)).status).toBe(401);
    expect((await attempt(user.username, user.password, address)).status).toBe(200);
  });

  it('keeps the counters in the database under keyed hashes, never the username or address', async () => {
    const address = newAddress();
    await attempt('someone-secret', 'wrong password', address);
    const rows = await SignInThrottle.findAll();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).toMatch(/^(user|addr):[0-9a-f]{64}$/);
      expect(row.key).not.toContain('someone-secret');
      expect(row.key).not.toContain(address);
    }
  });

  it('counts failures within the window only, and locks for the set time', async () => {
    const clock = { now: new Date('2026-05-10T08:00:00Z') };
    const throttle = new SignInThrottleService({ ...server.config.signIn, lockSeconds: 900 }, () => clock.now);
    const key = { key: `user:${'cd'.repeat(32)}`, limit: 3 };
    await throttle.recordFailure([key]);
    await throttle.recordFailure([key]);
    clock.now = new Date('2026-05-10T08:15:01Z'); // the window has passed: counting starts again
    expect(await throttle.recordFailure([key])).toBe(1);
    await throttle.recordFailure([key]);
    expect(await throttle.recordFailure([key])).toBe(3);
    expect(await throttle.lockedFor([key.key])).toBe(900);
    clock.now = new Date('2026-05-10T08:29:59Z');
    expect(await throttle.lockedFor([key.key])).toBe(2);
    clock.now = new Date('2026-05-10T08:30:02Z');
    expect(await throttle.lockedFor([key.key])).toBe(0);
    expect(await throttle.recordFailure([key])).toBe(1);
  });

  it('shares the count between separate throttles on one database, as separate server processes would', async () => {
    const settings = { ...server.config.signIn, maxFailures: 3, lockSeconds: 60 };
    const one = new SignInThrottleService(settings);
    const two = new SignInThrottleService(settings);
    const key = { key: `user:${'ab'.repeat(32)}`, limit: 3 };
    expect(await one.recordFailure([key])).toBe(1);
    expect(await two.recordFailure([key])).toBe(2);
    expect(await one.lockedFor([key.key])).toBe(0);
    await Promise.all([one.recordFailure([key]), two.recordFailure([key])]);
    expect((await SignInThrottle.findByPk(key.key))!.failures).toBe(4);
    expect(await two.lockedFor([key.key])).toBeGreaterThan(50);
  });
});
