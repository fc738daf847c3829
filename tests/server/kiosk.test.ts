import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, KioskKey, Office, WorkArea } from '../../server/db/models/index.js';
import { MIGRATIONS } from '../../server/db/migrations/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { KioskKeys } from '../../server/services/access/kiosk-keys.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let keys: KioskKeys;
let officeId: number;
const area = async (code: string) => (await WorkArea.findOne({ where: { officeId, code } }))!;

beforeAll(async () => {
  server = await startTestServer();
  keys = new KioskKeys(new PhoneVault(server.config.phoneKey));
  officeId = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!.id;
});
afterAll(() => server.close());

const roster = (key?: string, headers: Record<string, string> = {}) =>
  getJson<Record<string, unknown>>(`${server.url}/api/v1/kiosk/employees`, {
    headers: { ...(key === undefined ? {} : { 'X-Kiosk-Key': key }), ...headers },
  });

describe('kiosk keys', () => {
  it('issues a random 32-byte key shown once and stores only its keyed hash', async () => {
    const { id, key } = await keys.issueKioskKey(officeId, (await area('kantor-induk')).id, 'Loket 1');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    const row = (await KioskKey.findByPk(id))!;
    expect(row.label).toBe('Loket 1');
    expect(row.keyHash).not.toContain(key);
    expect(row.keyHash).toBe(new PhoneVault(server.config.phoneKey).hash(`kiosk:${key}`));
    const other = await keys.issueKioskKey(officeId, (await area('kantor-induk')).id, 'Loket 2');
    expect(other.key).not.toBe(key);
  });

  it('refuses a work area of another office and an empty label', async () => {
    await expect(keys.issueKioskKey(officeId + 99, (await area('boom-baru')).id, 'x')).rejects.toThrow(/not a work area/);
    await expect(keys.issueKioskKey(officeId, (await area('boom-baru')).id, '   ')).rejects.toThrow(/label/);
  });

  it('lists only the active employees of the key work area, with nothing beyond what the picker shows', async () => {
    const { key } = await keys.issueKioskKey(officeId, (await area('boom-baru')).id, 'Loket Boom Baru');
    const leaver = await Employee.findOne({ where: { nip: '198812302014021001' } });
    await leaver!.update({ active: false });
    try {
      const { status, body, headers } = await roster(key);
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(body).toEqual({
        workArea: { code: 'boom-baru', name: 'Wilker Pelabuhan Boom Baru' },
        employees: [{ nip: '199011042015032003', name: 'Ns. Dewi Lestari, S.Kep', position: 'Perawat Ahli Pertama', photoUrl: null }],
      });
    } finally {
      await leaver!.update({ active: true });
    }
  });

  it('answers 401 problem+json for a missing, unknown, malformed or revoked key', async () => {
    const { id, key } = await keys.issueKioskKey(officeId, (await area('kantor-induk')).id, 'Loket 3');
    expect((await roster(key)).status).toBe(200);
    expect(await keys.revokeKioskKey(id)).toBe(true);
    expect(await keys.revokeKioskKey(id)).toBe(false);
    for (const bad of [undefined, '', 'x'.repeat(43), key, "' OR 1=1 --"]) {
      const { status, headers, body } = await roster(bad);
      expect(status).toBe(401);
      expect(headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(body).toMatchObject({ status: 401, title: 'Kiosk key required' });
    }
    expect(await keys.findValidKey(key)).toBeNull();
  });

  it('lets any site read the roster, X-Kiosk-Key allowed in the preflight', async () => {
    const { key } = await keys.issueKioskKey(officeId, (await area('kantor-induk')).id, 'Loket 4');
    const preflight = await fetch(`${server.url}/api/v1/kiosk/employees`, {
      method: 'OPTIONS',
      headers: { origin: 'https://any.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-kiosk-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Kiosk-Key/i);
    const read = await roster(key, { origin: 'https://any.example' });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('takes ratings sent from a kiosk with channel kiosk and the kiosk key of the employee’s work area', async () => {
    const demoArea = (await Employee.findOne({ where: { nip: DEMO_NIP } }))!.workAreaId;
    const { key } = await keys.issueKioskKey(officeId, demoArea, 'Loket rating');
    const { status } = await postJson(`${server.url}/api/v1/ratings`, ratingBody({ channel: 'kiosk' }), { 'X-Kiosk-Key': key });
    expect(status).toBe(201);
  });

  it('refuses the kiosk channel without a key, with an unknown or revoked one, or one of another work area', async () => {
    const demoArea = (await Employee.findOne({ where: { nip: DEMO_NIP } }))!.workAreaId;
    const otherArea = (await WorkArea.findOne({ where: { officeId, code: 'boom-baru' } }))!;
    const elsewhere = await keys.issueKioskKey(
      officeId,
      otherArea.id === demoArea ? (await area('kantor-induk')).id : otherArea.id,
      'Loket lain',
    );
    const revoked = await keys.issueKioskKey(officeId, demoArea, 'Loket lama');
    await keys.revokeKioskKey(revoked.id);
    for (const headers of [
      {} as Record<string, string>,
      { 'X-Kiosk-Key': 'x'.repeat(43) },
      { 'X-Kiosk-Key': revoked.key },
      { 'X-Kiosk-Key': elsewhere.key },
    ]) {
      const answer = await postJson<{ errors: { path: string }[] }>(
        `${server.url}/api/v1/ratings`,
        ratingBody({ channel: 'kiosk' }),
        headers,
      );
      expect(answer.status, JSON.stringify(headers)).toBe(422);
      expect(answer.body.errors.map((e) => e.path)).toEqual(['channel']);
    }
    // Other channels need no key.
    expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody({ channel: 'qr' }))).status).toBe(201);
  });
});

describe('the office complaint channel', () => {
  it('is set by the migration on a database seeded before it, and the migration undoes cleanly', async () => {
    const migration = MIGRATIONS.find((m) => m.name === '2026.11.29T09.40.00.kiosk-keys')!;
    const qi = server.sequelize.getQueryInterface();
    await KioskKey.destroy({ where: {} });
    await migration.down({ context: qi });
    expect(Object.keys(await qi.describeTable('offices'))).not.toContain('complaint_url');
    await migration.up({ context: qi });
    const [rows] = await server.sequelize.query("SELECT complaint_url FROM offices WHERE code = 'bkk-palembang'");
    expect(rows).toEqual([{ complaint_url: 'https://www.lapor.go.id' }]);
  });

  it('gives the office complaintUrl in the public employee payload, SP4N-LAPOR! for the first office', async () => {
    const { body } = await getJson<{ office: Record<string, unknown> }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    expect(body.office).toEqual({
      code: 'bkk-palembang',
      name: 'Balai Kekarantinaan Kesehatan Kelas I Palembang',
      complaintUrl: 'https://www.lapor.go.id',
      privacyContact: null,
      retentionDays: 365,
    });
  });
});

describe('kiosk keys through the admin API', () => {
  it('lets an admin issue a key shown once, list it without the key, and revoke it', async () => {
    const { makeUser } = await import('../helpers/admin.js');
    const admin = await makeUser(server, 'admin');
    const auth = { authorization: `Bearer ${admin.token}` };
    const issued = await postJson<{ id: number; key: string }>(
      `${server.url}/api/v1/admin/kiosk-keys`,
      { workArea: 'boom-baru', label: 'Loket Boom Baru' },
      auth,
    );
    expect(issued.status).toBe(201);
    expect((await roster(issued.body.key)).body).toMatchObject({ workArea: { code: 'boom-baru' } });

    const listed = await getJson<{ keys: Record<string, unknown>[] }>(`${server.url}/api/v1/admin/kiosk-keys`, { headers: auth });
    const row = listed.body.keys.find((key) => key.id === issued.body.id)!;
    expect(row).toMatchObject({ label: 'Loket Boom Baru', workArea: 'boom-baru', revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.key);

    const revoked = await fetch(`${server.url}/api/v1/admin/kiosk-keys/${issued.body.id}/revoke`, { method: 'POST', headers: auth });
    expect(revoked.status).toBe(204);
    expect((await roster(issued.body.key)).status).toBe(401);
    expect((await postJson(`${server.url}/api/v1/admin/kiosk-keys`, { workArea: 'tidak-ada', label: 'X' }, auth)).status).toBe(422);
  });
});
