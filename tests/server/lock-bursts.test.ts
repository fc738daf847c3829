import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../server/db/models/index.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { setEmployeePin } from '../../server/services/qr/pins.js';
import { makeUser, newNip } from '../helpers/admin.js';
import { postJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Employee } from '../../server/db/models/index.js';

// Every failure counter claims its attempt before the secret is checked, so a burst sent at one
// instant checks no more secrets than the lock allows, on every database.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: '1', SIGNIN_MAX_FAILURES: '5', SIGNIN_MAX_FAILURES_PER_ADDRESS: '6' });
});
afterAll(() => server.close());

let addressCounter = 1;
const newAddress = () => `203.0.113.${addressCounter++}`;
const statuses = (results: { status: number }[]) => results.map(({ status }) => status);
const countOf = (list: number[], status: number) => list.filter((s) => s === status).length;

function signInFrom(address: string, username: string, password: string) {
  return postJson(`${server.url}/api/v1/auth/token`, { username, password }, { 'x-forwarded-for': address });
}

describe('a burst of sign-ins at one instant', () => {
  it('checks at most five passwords of one username, the right one among thirty included', async () => {
    const user = await makeUser(server, 'viewer');
    // Each from its own address, so only the username's lock is at work.
    const burst = Array.from({ length: 30 }, (_, i) => signInFrom(newAddress(), user.username, i === 29 ? user.password : `wrong ${i}`));
    const answers = statuses(await Promise.all(burst));
    expect(countOf(answers, 401) + countOf(answers, 200)).toBeLessThanOrEqual(5);
    expect(countOf(answers, 429)).toBeGreaterThanOrEqual(25);
    expect(answers.every((status) => [200, 401, 429].includes(status))).toBe(true);
  });

  it('counts twelve simultaneous wrong guesses as five checks and seven refusals', async () => {
    const user = await makeUser(server, 'viewer');
    const answers = statuses(
      await Promise.all(Array.from({ length: 12 }, (_, i) => signInFrom(newAddress(), user.username, `wrong ${i}`))),
    );
    expect(countOf(answers, 401)).toBe(5);
    expect(countOf(answers, 429)).toBe(7);
    expect((await signInFrom(newAddress(), user.username, user.password)).status).toBe(429);
  });

  it('checks at most six passwords from one address trying many usernames at once', async () => {
    const address = newAddress();
    const answers = statuses(
      await Promise.all(Array.from({ length: 20 }, (_, i) => signInFrom(address, `nobody-${i}-${address}`, 'password123456'))),
    );
    expect(countOf(answers, 401)).toBe(6);
    expect(countOf(answers, 429)).toBe(14);
  });
});

describe('a burst of wrong PINs at one instant', () => {
  const tokensUrl = () => `${server.url}/api/v1/service-tokens`;

  it('checks at most five PINs of one NIP and counts five failures', async () => {
    const nip = (await Employee.findOne({ where: { kind: 'asn', active: true }, order: [['id', 'DESC']] }))!.nip;
    await setEmployeePin(nip, '602417');
    const burst = Array.from({ length: 20 }, (_, i) =>
      postJson(tokensUrl(), { nip, pin: `${300100 + i * 7}` }, { 'x-forwarded-for': newAddress() }),
    );
    const results = await Promise.all(burst);
    const answers = statuses(results);
    // Four wrong PINs answer 401; the fifth wrong one uses the last try and answers 429 like the rest.
    expect(countOf(answers, 401)).toBe(4);
    expect(countOf(answers, 429)).toBe(16);
    const key = new PhoneVault(server.config.phoneKey).hash(`pin:${nip}`);
    expect((await SignInThrottle.findByPk(key))!.failures).toBe(5);
    expect((await postJson(tokensUrl(), { nip, pin: '602417' }, { 'x-forwarded-for': newAddress() })).status).toBe(429);
  });

  it('never issues a code when nineteen wrong PINs and the right one arrive together after four failures', async () => {
    const employee = await Employee.findOne({ where: { kind: 'asn', active: true }, order: [['id', 'ASC']] });
    await setEmployeePin(employee!.nip, '602417');
    for (let i = 0; i < 4; i++) await postJson(tokensUrl(), { nip: employee!.nip, pin: '000001' }, { 'x-forwarded-for': newAddress() });
    const burst = Array.from({ length: 20 }, (_, i) =>
      postJson(tokensUrl(), { nip: employee!.nip, pin: i === 19 ? '602417' : `${400100 + i * 7}` }, { 'x-forwarded-for': newAddress() }),
    );
    const answers = statuses(await Promise.all(burst));
    // One try was left: whichever request claimed it was checked, all others refused.
    expect(countOf(answers, 201) + countOf(answers, 401)).toBeLessThanOrEqual(1);
    expect(countOf(answers, 429)).toBeGreaterThanOrEqual(19);
  });
});

describe('wrong current passwords when changing one’s own password', () => {
  const change = (token: string, currentPassword: string) =>
    postJson(
      `${server.url}/api/v1/admin/me/password`,
      { currentPassword, newPassword: 'a brand new passphrase' },
      { authorization: `Bearer ${token}` },
    );

  it('are counted like failed sign-ins and lock the account, the right one then refused too', async () => {
    const user = await makeUser(server, 'viewer');
    const answers = statuses(await Promise.all(Array.from({ length: 12 }, (_, i) => change(user.token, `wrong ${i}`))));
    expect(countOf(answers, 422)).toBe(5);
    expect(countOf(answers, 429)).toBe(7);
    expect((await change(user.token, user.password)).status).toBe(429);
    // The same lock as sign-in: the stolen token cannot reach the account by guessing, nor can anyone sign in meanwhile.
    expect((await signInFrom(newAddress(), user.username, user.password)).status).toBe(429);
  });

  it('still lets the right current password through before any lock', async () => {
    const user = await makeUser(server, 'viewer');
    expect((await change(user.token, 'wrong once')).status).toBe(422);
    expect((await change(user.token, user.password)).status).toBe(204);
  });
});

export { newNip };
