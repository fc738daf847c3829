import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUser, Employee } from '../../server/db/models/index.js';
import { setEmployeePin } from '../../server/services/qr/pins.js';
import { makeUser } from '../helpers/admin.js';
import { getJson, postJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// A name written another way is the same name under the same lock, or another name that finds nobody:
// never the locked account by way of the database's collation (MariaDB's utf8mb4_unicode_520_ci).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: '1' });
});
afterAll(() => server.close());

let addressCounter = 1;
const newAddress = () => ({ 'x-forwarded-for': `192.0.2.${addressCounter++}` });
const signIn = (username: string, password: string) => postJson(`${server.url}/api/v1/auth/token`, { username, password }, newAddress());

/** Look-alikes of a name with an "i" and an "e" in it (viewer-N-PID): accents, a dotted capital I. */
const variants = (name: string) => [
  name.replace('i', 'í'),
  name.replace('i', 'ì'),
  name.replace('e', 'é'),
  name.toUpperCase().replace('I', 'İ'),
];

describe('look-alike usernames', () => {
  it('find no account with accents or a dotted capital I, even with the right password', async () => {
    const user = await makeUser(server, 'viewer');
    for (const name of variants(user.username)) {
      const answer = await signIn(name, user.password);
      expect(answer.status, name).toBe(401);
    }
  });

  it('are the same account in full width or capitals, under the same lock', async () => {
    const user = await makeUser(server, 'viewer');
    const wide = [...user.username].map((c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('');
    expect((await signIn(wide, user.password)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signIn(user.username, `wrong ${i}`)).status).toBe(401);
    for (const name of [wide, user.username.toUpperCase(), ...variants(user.username)]) {
      expect((await signIn(name, user.password)).status, name).not.toBe(200);
    }
    expect((await signIn(wide, user.password)).status).toBe(429);
  });

  it('refuse a name with a broken character with 422', async () => {
    const answer = await signIn('admin\ud800', 'whatever password');
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'username' })]);
  });

  it('are stored in binary comparison: a look-alike of a stored name is another row', async () => {
    const user = await makeUser(server, 'viewer');
    expect(await AdminUser.count({ where: { username: `á${user.username.slice(1)}` } })).toBe(0);
    expect(await AdminUser.count({ where: { username: user.username.toUpperCase() } })).toBe(0);
  });
});

describe('look-alike NIPs and staff codes', () => {
  const tokens = () => `${server.url}/api/v1/service-tokens`;
  const wideDigits = (nip: string) => nip.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));

  it('are the same NIP in full-width or other digits, under the same PIN lock', async () => {
    const { nip } = (await Employee.findOne({ where: { kind: 'asn', active: true }, order: [['id', 'ASC']] }))!;
    await setEmployeePin(nip, '602417');
    expect((await postJson(tokens(), { nip: wideDigits(nip), pin: '602417' }, newAddress())).status).toBe(201);
    for (let i = 0; i < 5; i++) await postJson(tokens(), { nip, pin: '000001' }, newAddress());
    expect((await postJson(tokens(), { nip: wideDigits(nip), pin: '602417' }, newAddress())).status).toBe(429);
    const arabic = nip.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));
    expect((await postJson(tokens(), { nip: arabic, pin: '602417' }, newAddress())).status).toBe(429);
  });

  it('are the same staff code in lower case, under the same PIN lock', async () => {
    const { nip } = (await Employee.findOne({ where: { kind: 'outsourced' } }))!;
    await setEmployeePin(nip, '602417');
    for (let i = 0; i < 5; i++) await postJson(tokens(), { nip, pin: '000001' }, newAddress());
    expect((await postJson(tokens(), { nip: nip.toLowerCase(), pin: '602417' }, newAddress())).status).toBe(429);
  });

  it('find the employee the same way on every database', async () => {
    const { nip } = (await Employee.findOne({ where: { kind: 'asn', active: true } }))!;
    expect((await getJson(`${server.url}/api/v1/employees/${encodeURIComponent(wideDigits(nip))}`)).status).toBe(200);
    const outsourced = (await Employee.findOne({ where: { kind: 'outsourced', active: true } }))!;
    expect((await getJson(`${server.url}/api/v1/employees/${outsourced.nip.toLowerCase()}`)).status).toBe(200);
  });
});
