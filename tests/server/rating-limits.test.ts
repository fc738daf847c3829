import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { startOfLocalDay, nextDay, localDate } from '../../server/domain/local-date.js';
import { postJson, ratingBody, uniquePhone } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const NIPS = FIRST_OFFICE.employees.map((employee) => employee.nip);

let server: TestServer;
let ratingsUrl: string;
let addressCounter = 0;
beforeAll(async () => {
  // TRUST_PROXY lets each test speak from an address of its own through X-Forwarded-For.
  server = await startTestServer({ TRUST_PROXY: '1', RATE_LIMIT_PHONE_PER_DAY: '3', RATE_LIMIT_BURST: '4', RATE_LIMIT_RATINGS: '6' });
  ratingsUrl = `${server.url}/api/v1/ratings`;
});
afterAll(() => server.close());

const newAddress = () => `198.51.100.${++addressCounter}`;
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('ratings per phone number per office-local day', () => {
  it('stores RATE_LIMIT_PHONE_PER_DAY ratings of one number and answers 429 until the office-local midnight after', async () => {
    const phone = uniquePhone();
    for (const nip of NIPS.slice(0, 3))
      expect((await postJson(ratingsUrl, ratingBody({ nip, phone }), from(newAddress()))).status).toBe(201);
    const before = await Rating.count();
    const refused = await postJson(ratingsUrl, ratingBody({ nip: NIPS[3], phone: phone.replace(/^0/, '+62 ') }), from(newAddress()));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, limit: 'phone', detail: expect.stringMatching(/tomorrow/) });
    const midnight = startOfLocalDay(nextDay(localDate(new Date(), 'Asia/Jakarta')), 'Asia/Jakarta');
    const expected = (midnight.getTime() - Date.now()) / 1000;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(expected - 5);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThan(expected + 5);
    expect(await Rating.count()).toBe(before);
    // Another number is not held back.
    expect((await postJson(ratingsUrl, ratingBody({ nip: NIPS[3] }), from(newAddress()))).status).toBe(201);
  });

  it('counts stored ratings only: refused ones do not use up the allowance', async () => {
    const phone = uniquePhone();
    expect((await postJson(ratingsUrl, ratingBody({ nip: NIPS[0], phone }), from(newAddress()))).status).toBe(201);
    for (let i = 0; i < 4; i++)
      expect((await postJson(ratingsUrl, ratingBody({ nip: NIPS[0], phone }), from(newAddress()))).status).toBe(409);
    expect((await postJson(ratingsUrl, ratingBody({ nip: NIPS[1], phone, serviceType: 'no-such-type' }), from(newAddress()))).status).toBe(
      422,
    );
    expect((await postJson(ratingsUrl, ratingBody({ nip: NIPS[1], phone }), from(newAddress()))).status).toBe(201);
    expect((await postJson(ratingsUrl, ratingBody({ nip: NIPS[2], phone }), from(newAddress()))).status).toBe(201);
    expect((await postJson(ratingsUrl, ratingBody({ nip: NIPS[3], phone }), from(newAddress()))).status).toBe(429);
  });

  it('still answers a repeat with 409 and a resent rating with its first answer once the number is at its limit', async () => {
    const phone = uniquePhone();
    const first = ratingBody({ nip: NIPS[4], phone, clientId: randomUUID() });
    const stored = await postJson(ratingsUrl, first, from(newAddress()));
    for (const nip of NIPS.slice(5, 7))
      expect((await postJson(ratingsUrl, ratingBody({ nip, phone }), from(newAddress()))).status).toBe(201);
    const resent = await postJson(ratingsUrl, first, from(newAddress()));
    expect(resent.status).toBe(201);
    expect(resent.body).toEqual(stored.body);
    expect((await postJson(ratingsUrl, ratingBody({ nip: NIPS[4], phone }), from(newAddress()))).status).toBe(409);
  });

  it('lets no more than the limit through when one number sends to many employees at once', async () => {
    const phone = uniquePhone();
    const results = await Promise.all(NIPS.map((nip) => postJson(ratingsUrl, ratingBody({ nip, phone }), from(newAddress()))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(NIPS.length - 3);
  });
});

describe('ratings per client address', () => {
  it('stores RATE_LIMIT_BURST ratings from one address in a minute, then answers 429 with a Retry-After within the minute', async () => {
    const address = newAddress();
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 6; i++) {
      const response = await postJson(ratingsUrl, ratingBody(), from(address));
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = Number(response.headers.get('retry-after'));
        expect(response.body).toMatchObject({ limit: expect.stringMatching(/^(burst|address)$/) });
      }
    }
    // A minute's window may turn over during the loop: then a few more get through, never more than the 10-minute limit.
    const stored = statuses.filter((s) => s === 201).length;
    expect(stored).toBeGreaterThanOrEqual(4);
    expect(stored).toBeLessThanOrEqual(6);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect((await postJson(ratingsUrl, ratingBody(), from(newAddress()))).status).toBe(201);
  });

  it('lets no more than RATE_LIMIT_BURST through when one address sends many at once', async () => {
    const address = newAddress();
    const results = await Promise.all(Array.from({ length: 20 }, () => postJson(ratingsUrl, ratingBody(), from(address))));
    // 4 in a minute; should the minute turn over meanwhile, the 10-minute limit (6) still bounds it.
    expect(results.filter((r) => r.status === 201).length).toBeLessThanOrEqual(6);
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 201 || r.status === 429)).toBe(true);
  });

  it('counts a client by the address its proxy saw, not by addresses it wrote into X-Forwarded-For itself', async () => {
    const proxySaw = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const forged = { 'x-forwarded-for': `${newAddress()}, ${proxySaw}` };
      statuses.push((await postJson(ratingsUrl, ratingBody(), forged)).status);
    }
    // Were the first address the key, each of these would be a new client and all eight would pass.
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(6);
    expect(statuses).toContain(429);
  });
});
