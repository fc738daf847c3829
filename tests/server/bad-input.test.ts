import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let ratingsUrl: string;
beforeAll(async () => {
  server = await startTestServer();
  ratingsUrl = `${server.url}/api/v1/ratings`;
});
afterAll(() => server.close());

/** Sends a bad request and checks the answer is a clear problem and that no row was written. */
async function expectRefused(body: unknown, status: number, path?: string, headers: Record<string, string> = {}) {
  const before = await Rating.count();
  const response = await postJson(ratingsUrl, body, headers);
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  if (path !== undefined) {
    const errors = response.body.errors as { path: string; message: string }[];
    expect(errors.map((error) => error.path)).toContain(path);
    for (const error of errors) expect(error.message.length).toBeGreaterThan(3);
  }
  expect(await Rating.count()).toBe(before);
  return response;
}

const SQL = "' OR 1=1; DROP TABLE ratings; --";
const SCRIPT = '<script>alert(1)</script>';

describe('bad input is refused with a clear problem and writes nothing', () => {
  it('answers 400 to malformed JSON', async () => {
    for (const text of ['{', '{"nip": }', 'not json', '{"a":1}}', '']) await expectRefused(text, 400);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const before = await Rating.count();
    const response = await fetch(ratingsUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(ratingBody()),
    });
    expect(response.status).toBe(415);
    expect(await Rating.count()).toBe(before);
  });

  it('answers 413 to a huge body without reading all of it', async () => {
    await expectRefused(ratingBody({ comment: 'x'.repeat(2_000_000) }), 413);
  });

  it('answers 422 when the body is not an object', async () => {
    for (const body of ['null', '[]', '42', '"text"', 'true']) await expectRefused(body, 422);
  });

  it('refuses wrong types field by field', async () => {
    // eslint-disable-next-line no-loss-of-precision -- a NIP sent as a JSON number, as a careless client would
    await expectRefused(ratingBody({ nip: 199203152019032001 }), 422, 'nip');
    await expectRefused(ratingBody({ serviceType: ['cop'] }), 422, 'serviceType');
    await expectRefused(ratingBody({ scores: 'all fives' }), 422, 'scores');
    await expectRefused(ratingBody({ phone: 81234567890 }), 422, 'phone');
    await expectRefused(ratingBody({ comment: { text: 'hi' } }), 422, 'comment');
    await expectRefused(ratingBody({ clientId: 12 }), 422, 'clientId');
  });

  it('refuses scores out of range, fractional, as strings or missing', async () => {
    const scores = { profesional: 5, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4 };
    for (const bad of [0, 6, -1, 4.5, '5', null, true, 1e308, Number.NaN]) {
      await expectRefused(ratingBody({ scores: { ...scores, cakap: bad } }), 422, 'scores.cakap');
    }
    const { kolaboratif: _dropped, ...four } = scores;
    await expectRefused(ratingBody({ scores: four }), 422, 'scores.kolaboratif');
  });

  it('refuses unknown fields at the top level and among the scores', async () => {
    await expectRefused(ratingBody({ admin: true }), 422, 'admin');
    await expectRefused(
      ratingBody({ scores: { profesional: 5, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4, ramah: 5 } }),
      422,
      'scores.ramah',
    );
    await expectRefused(ratingBody({ verified: true }), 422, 'verified');
  });

  it('refuses missing required fields', async () => {
    for (const field of ['nip', 'serviceType', 'scores', 'phone']) {
      const body = ratingBody();
      delete body[field];
      await expectRefused(body, 422, field);
    }
  });

  it('refuses phone numbers that are not Indonesian mobile numbers', async () => {
    for (const phone of ['', '0211234567', '+14155552671', '0812', '08123456789012345', 'abc', '+62 21 5551234', '0812-3456-789x']) {
      await expectRefused(ratingBody({ phone }), 422, 'phone');
    }
  });

  it('refuses an unknown employee, an unknown service type and an unknown channel', async () => {
    await expectRefused(ratingBody({ nip: '199001012015011999' }), 422, 'nip');
    await expectRefused(ratingBody({ serviceType: 'pijat-refleksi' }), 422, 'serviceType');
    await expectRefused(ratingBody({ channel: 'email' }), 422, 'channel');
  });

  it('refuses a filled honeypot', async () => {
    await expectRefused(ratingBody({ website: 'http://spam.example' }), 422, 'website');
  });

  it('refuses a comment longer than 1000 characters, or with markup or control characters', async () => {
    await expectRefused(ratingBody({ comment: 'a'.repeat(1001) }), 422, 'comment');
    await expectRefused(ratingBody({ comment: SCRIPT }), 422, 'comment');
    await expectRefused(ratingBody({ comment: 'ok\u0000hidden' }), 422, 'comment');
  });

  it('refuses SQL and script in every identifying string', async () => {
    for (const hostile of [SQL, SCRIPT, '${7*7}', '../../etc/passwd', '\u202Eevil']) {
      await expectRefused(ratingBody({ nip: hostile }), 422, 'nip');
      await expectRefused(ratingBody({ serviceType: hostile }), 422, 'serviceType');
      await expectRefused(ratingBody({ phone: hostile }), 422, 'phone');
      await expectRefused(ratingBody({ channel: hostile }), 422, 'channel');
      await expectRefused(ratingBody({ clientId: hostile }), 422, 'clientId');
      await expectRefused(ratingBody({ website: hostile }), 422, 'website');
    }
    expect((await postJson(ratingsUrl, ratingBody())).status).toBe(201);
  });

  it('answers a prototype-pollution attempt like any other unknown field', async () => {
    await expectRefused('{"__proto__":{"admin":true},"nip":"199203152019032001"}', 422);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
