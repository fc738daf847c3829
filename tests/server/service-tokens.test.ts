import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, Rating } from '../../server/db/models/index.js';
import { Catalogue } from '../../server/services/catalogue/catalogue.js';
import { FailureLockout } from '../../server/services/access/failure-lockout.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { hashPin, setEmployeePin, verifyPin } from '../../server/services/qr/pins.js';
import { MemoryRateLimiter } from '../../server/services/access/rate-limiter.js';
import { ratingBodySchema } from '../../server/domain/rating-schema.js';
import { SequelizeRatingStore } from '../../server/db/sequelize-rating-store.js';
import { RatingService } from '../../server/services/intake/ratings.js';
import { ServiceTokenCodec } from '../../server/services/qr/service-tokens.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const NIP = '199203152019032001';
const OTHER_NIP = '198507222010121002';
const PIN = '480213';

let server: TestServer;
let tokensUrl: string;
let ratingsUrl: string;
beforeAll(async () => {
  // TRUST_PROXY: the tests tell client addresses apart by X-Forwarded-For.
  server = await startTestServer({ TRUST_PROXY: '1' });
  tokensUrl = `${server.url}/api/v1/service-tokens`;
  ratingsUrl = `${server.url}/api/v1/ratings`;
  await setEmployeePin(NIP, PIN);
  await setEmployeePin(OTHER_NIP, '735190');
});
afterAll(() => server.close());

interface Issued {
  token: string;
  url: string;
  expiresAt: string;
}

/** Each call comes from its own client address, so the per-address limits stay out of the way. */
let address = 0;
const fromAddress = () => ({ 'x-forwarded-for': `10.0.${Math.floor(++address / 250)}.${address % 250}` });

async function issue(nip = NIP, pin = PIN): Promise<Issued> {
  const { status, body } = await postJson<Issued>(tokensUrl, { nip, pin });
  expect(status).toBe(201);
  return body;
}

describe('making a one-service code', () => {
  it('gives an employee with the right PIN a token and the hosted-page link that carries it', async () => {
    const before = Date.now();
    const { token, url, expiresAt } = await issue();
    const after = Date.now();
    const { body: employee } = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${NIP}`);
    expect(url).toBe(`${employee.ratingUrl}?t=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{48}$/);
    // Thirty minutes by default, in whole seconds.
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(before + 30 * 60_000 - 1000);
    expect(new Date(expiresAt).getTime()).toBeLessThanOrEqual(after + 30 * 60_000);
  });

  it('refuses a wrong PIN with 401, an employee without a PIN with 403, a malformed PIN with 422', async () => {
    const wrong = await postJson(tokensUrl, { nip: NIP, pin: '111112' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/problem\+json/);
    const noPin = await postJson(tokensUrl, { nip: '199011042015032003', pin: '480213' });
    expect(noPin.status).toBe(403);
    const malformed = await postJson(tokensUrl, { nip: NIP, pin: '12' });
    expect(malformed.status).toBe(422);
    expect((malformed.body.errors as { path: string }[])[0]!.path).toBe('pin');
  });

  it('stores only a scrypt hash of the PIN', async () => {
    const employee = await Employee.findOne({ where: { nip: NIP } });
    expect(employee!.pinHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(employee!.pinHash).not.toContain(PIN);
    expect(await verifyPin(PIN, employee!.pinHash!)).toBe(true);
    expect(await verifyPin('480214', employee!.pinHash!)).toBe(false);
    expect(await hashPin(PIN)).not.toBe(await hashPin(PIN));
  });

  it('locks a NIP after five wrong PINs from any addresses, with 429 and Retry-After, even for the right PIN', async () => {
    const nip = '199405182020122004';
    await setEmployeePin(nip, '602417');
    for (let i = 0; i < 4; i++) expect((await postJson(tokensUrl, { nip, pin: '000001' }, fromAddress())).status).toBe(401);
    const fifth = await postJson(tokensUrl, { nip, pin: '000001' }, fromAddress());
    expect(fifth.status).toBe(429);
    const right = await postJson(tokensUrl, { nip, pin: '602417' }, fromAddress());
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts only failures: a success clears them, and the lock lifts after its time', async () => {
    let now = Date.parse('2026-06-01T02:00:00Z');
    const lockout = new FailureLockout(3, 60, () => new Date(now));
    const key = `test:${Math.random()}`;
    await lockout.fail(key);
    await lockout.fail(key);
    await lockout.succeed(key);
    await lockout.fail(key);
    expect((await lockout.check(key)).allowed).toBe(true);
    await lockout.fail(key);
    expect(await lockout.fail(key)).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    now += 61_000;
    expect((await lockout.check(key)).allowed).toBe(true);
  });

  it('shares the count between server processes: two lockouts on one database lock the key together', async () => {
    const [one, two] = [new FailureLockout(3), new FailureLockout(3)];
    const key = `test:${Math.random()}`;
    await one.fail(key);
    await two.fail(key);
    expect((await two.fail(key)).allowed).toBe(false);
    expect((await one.check(key)).allowed).toBe(false);
  });
});

describe('rating with a one-service code', () => {
  it('stores the rating as verified and spends the code: a second rating with it gets 409', async () => {
    const { token } = await issue();
    const first = await postJson(ratingsUrl, ratingBody({ serviceToken: token, channel: 'qr' }));
    expect(first.status).toBe(201);
    const stored = await Rating.findByPk(first.body.id as number);
    expect(stored).toMatchObject({ verified: true, serviceTokenId: expect.any(String) });

    const before = await Rating.count();
    const second = await postJson(ratingsUrl, ratingBody({ serviceToken: token, channel: 'qr' }));
    expect(second.status).toBe(409);
    expect(second.body.type).toMatch(/service-token-used$/);
    expect(await Rating.count()).toBe(before);
  });

  it('lets exactly one of two ratings sent at the same instant with the same code through', async () => {
    for (let round = 0; round < 5; round++) {
      const { token } = await issue();
      const results = await Promise.all([0, 1].map(() => postJson(ratingsUrl, ratingBody({ serviceToken: token }))));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const [claim] = await Rating.findAll({ where: { id: results.find((r) => r.status === 201)!.body.id as number } });
      expect(await Rating.count({ where: { serviceTokenId: claim!.serviceTokenId } })).toBe(1);
    }
  });

  it('lets exactly one through on the one-transaction-per-rating store that PostgreSQL and MariaDB use', async () => {
    const codec = new ServiceTokenCodec(server.config.jwtSecret);
    const service = new RatingService({
      catalogue: new Catalogue(server.config.publicBaseUrl),
      vault: new PhoneVault(server.config.phoneKey),
      limiter: new MemoryRateLimiter(100, 60_000),
      store: new SequelizeRatingStore(server.sequelize),
      serviceTokens: { check: (token) => codec.read(token, new Date()) },
    });
    const employee = await Employee.findOne({ where: { nip: NIP } });
    const { token } = codec.sign(employee!.id, new Date(Date.now() + 60_000));
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => service.submit(ratingBodySchema.parse(ratingBody({ serviceToken: token })), { ipHash: null })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const refused of results.filter((r) => r.status === 'rejected')) {
      expect(refused.reason).toMatchObject({ problem: { status: 409, type: expect.stringMatching(/service-token-used$/) } });
    }
  });

  it('answers a resent rating (same clientId) with the first answer, not as a second use', async () => {
    const { token } = await issue();
    const body = ratingBody({ serviceToken: token });
    const first = await postJson(ratingsUrl, body);
    const again = await postJson(ratingsUrl, body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it('refuses an expired code with 422 on serviceToken', async () => {
    const employee = await Employee.findOne({ where: { nip: NIP } });
    const { token } = new ServiceTokenCodec(server.config.jwtSecret).sign(employee!.id, new Date(Date.now() - 1000));
    const { status, body } = await postJson(ratingsUrl, ratingBody({ serviceToken: token }));
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'serviceToken', message: expect.stringMatching(/expired/) })]);
  });

  it('refuses a code made for another employee, a forged one and one signed with another key', async () => {
    const { token } = await issue(OTHER_NIP, '735190');
    const employee = await Employee.findOne({ where: { nip: NIP } });
    const foreign = new ServiceTokenCodec('another secret of at least thirty-two chars').sign(employee!.id, new Date(Date.now() + 60_000));
    const tampered = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    for (const [serviceToken, message] of [
      [token, /another employee/],
      [foreign.token, /not a valid/],
      [tampered, /not a valid/],
      ['short', /not a one-service code/],
    ] as const) {
      const { status, body } = await postJson(ratingsUrl, ratingBody({ serviceToken }));
      expect(status).toBe(422);
      expect(body.errors).toEqual([expect.objectContaining({ path: 'serviceToken', message: expect.stringMatching(message) })]);
    }
    // Still unspent: its own employee can use it.
    expect((await postJson(ratingsUrl, ratingBody({ nip: OTHER_NIP, serviceToken: token }))).status).toBe(201);
  });

  it('keeps ratings without a code working, unverified', async () => {
    const { status, body } = await postJson(ratingsUrl, ratingBody({ channel: 'qr' }));
    expect(status).toBe(201);
    expect(await Rating.findByPk(body.id as number)).toMatchObject({ verified: false, serviceTokenId: null });
  });
});

describe('the hosted page with a one-service code', () => {
  it('passes a usable code to the widget and leaves out a spent one', async () => {
    const { url } = await issue();
    const page = await (await fetch(url)).text();
    const token = new URL(url).searchParams.get('t')!;
    expect(page).toContain(`service-token="${token}"`);

    await postJson(ratingsUrl, ratingBody({ serviceToken: token }));
    const spent = await (await fetch(url)).text();
    expect(spent).not.toContain('service-token=');
    expect(spent).toContain('Kode sekali pakai ini sudah tidak berlaku');
    expect(spent).toContain('<pacak-rating');
  });

  it('draws the code as a QR image only while it is valid', async () => {
    const { token } = await issue();
    const image = await fetch(`${server.url}/qr/t/${token}.svg`);
    expect(image.status).toBe(200);
    expect(image.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${server.url}/qr/t/${'A'.repeat(48)}.svg`)).status).toBe(404);
  });
});

// Last: a second server binds the models to its own database, and closing it leaves them unbound.
describe('configuration', () => {
  it('honours SERVICE_TOKEN_MINUTES', async () => {
    const short = await startTestServer({ SERVICE_TOKEN_MINUTES: '2' });
    try {
      await setEmployeePin(NIP, PIN);
      const before = Date.now();
      const { body } = await postJson<Issued>(`${short.url}/api/v1/service-tokens`, { nip: NIP, pin: PIN });
      const after = Date.now();
      expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(before + 2 * 60_000 - 1000);
      expect(new Date(body.expiresAt).getTime()).toBeLessThanOrEqual(after + 2 * 60_000);
    } finally {
      await short.close();
    }
  });
});
