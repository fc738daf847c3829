import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { FormTokenCodec } from '../../server/services/intake/form-tokens.js';
import { formToken, getJson, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const OTHER_NIP = '198507222010121002';

let server: TestServer;
let ratingsUrl: string;
beforeAll(async () => {
  server = await startTestServer({ MIN_FORM_SECONDS: '2', FORM_TOKEN_MAX_MINUTES: '120' });
  ratingsUrl = `${server.url}/api/v1/ratings`;
});
afterAll(() => server.close());

/** Posts a rating with exactly this form token (or none) and checks it is refused on `formToken` with `code`. */
async function expectTokenRefused(token: string | undefined, code: string, nip = DEMO_NIP) {
  const before = await Rating.count();
  const response = await postJson(ratingsUrl, ratingBody({ nip, formToken: token }));
  expect(response.status, JSON.stringify(response.body)).toBe(422);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body.errors).toEqual([{ path: 'formToken', message: expect.any(String), code }]);
  expect(await Rating.count()).toBe(before);
  return (response.body.errors as { message: string }[])[0]!.message;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codec = () => new FormTokenCodec(server.config.jwtSecret);

describe('GET /api/v1/form-token', () => {
  it('gives a signed token for an active employee, not to be cached, readable from any site', async () => {
    const response = await getJson(`${server.url}/api/v1/form-token?nip=${DEMO_NIP}`, { headers: { origin: 'https://any.example' } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      token: expect.stringMatching(/^v1\./),
      minSeconds: 2,
      maxSeconds: 7200,
      sending: { origin: 'https://any.example', allowed: false },
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const read = codec().read(response.body.token as string);
    expect(read).toMatchObject({ nip: DEMO_NIP, issuedAt: expect.any(Number) });
  });

  it('answers 404 as problem+json for an unknown or missing NIP', async () => {
    for (const query of ['?nip=199001012020121999', '?nip=', '']) {
      const response = await getJson(`${server.url}/api/v1/form-token${query}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('a rating must carry the token of its form', () => {
  it('stores a rating whose token is at least MIN_FORM_SECONDS old', async () => {
    const token = await formToken(server.url, DEMO_NIP);
    await wait(2_050);
    const response = await postJson(ratingsUrl, ratingBody({ formToken: token }));
    expect(response.status).toBe(201);
  });

  it('lets one form token serve a second rating of the same employee while it lives', async () => {
    const token = codec().sign(DEMO_NIP, new Date(Date.now() - 60_000));
    for (let i = 0; i < 2; i++) expect((await postJson(ratingsUrl, ratingBody({ formToken: token }))).status).toBe(201);
  });

  it('refuses a rating without a token', async () => {
    expect(await expectTokenRefused(undefined, 'form_token_missing')).toMatch(/required/);
  });

  it('refuses a rating sent sooner than MIN_FORM_SECONDS after its form was shown', async () => {
    const token = await formToken(server.url, DEMO_NIP);
    expect(await expectTokenRefused(token!, 'form_token_too_early')).toMatch(/too soon/);
  });

  it('refuses a token older than FORM_TOKEN_MAX_MINUTES', async () => {
    const old = codec().sign(DEMO_NIP, new Date(Date.now() - 121 * 60_000));
    expect(await expectTokenRefused(old, 'form_token_expired')).toMatch(/expired/);
    const justInTime = codec().sign(DEMO_NIP, new Date(Date.now() - 119 * 60_000));
    expect((await postJson(ratingsUrl, ratingBody({ formToken: justInTime }))).status).toBe(201);
  });

  it("refuses another employee's token", async () => {
    const others = codec().sign(OTHER_NIP, new Date(Date.now() - 60_000));
    expect(await expectTokenRefused(others, 'form_token_other_employee')).toMatch(/another employee/);
  });

  it('refuses forged and malformed tokens', async () => {
    const genuine = codec().sign(DEMO_NIP, new Date(Date.now() - 60_000));
    const [v, issued, nip, mac] = genuine.split('.');
    // Another time, NIP or key under the same signature, a flipped signature, a token of another secret.
    const forged = [
      `${v}.${(Date.now() - 90_000).toString(36)}.${nip}.${mac}`,
      `${v}.${issued}.${Buffer.from(OTHER_NIP).toString('base64url')}.${mac}`,
      `${v}.${issued}.${nip}.${mac!.startsWith('A') ? 'B' : 'A'}${mac!.slice(1)}`,
      new FormTokenCodec('another-secret-'.padEnd(40, 'z')).sign(DEMO_NIP, new Date(Date.now() - 60_000)),
    ];
    for (const token of forged) await expectTokenRefused(token, 'form_token_forged');
    for (const token of [
      '',
      'x',
      'v2.abc.def.ghi',
      `${genuine}.extra`,
      'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
      'v1..MTk5.AAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      if (token === '') await expectTokenRefused(token, 'form_token_missing');
      else await expectTokenRefused(token, 'form_token_malformed');
    }
  });
});

describe('REQUIRE_FORM_TOKEN=0', () => {
  it('stores a rating without a token, and still refuses a bad one', async () => {
    const lenient = await startTestServer({ REQUIRE_FORM_TOKEN: '0' });
    try {
      const url = `${lenient.url}/api/v1/ratings`;
      expect((await postJson(url, ratingBody({ formToken: undefined }))).status).toBe(201);
      const bad = await postJson(url, ratingBody({ formToken: 'v1.abc.def.ghijklmnopqrstuvwxyz012' }));
      expect(bad.status).toBe(422);
      expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'formToken' })]);
    } finally {
      await lenient.close();
    }
  });
});
