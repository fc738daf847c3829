import { describe, expect, it } from 'vitest';
import { AuditEntry, Rating } from '../../server/db/models/index.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { adminApi, makeOffice, makeUser, rate, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { getJson, postJson, ratingBody, uniquePhone } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

const RINA = '199203152019032001';
const AGUS = '198507222010121002';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

describe("erasing one customer's phone number on request", () => {
  it("erases the readable and masked number of every rating of that number in the admin's office, and audits only the count", async () => {
    const phone = uniquePhone();
    const mine = [await rate(server, { nip: RINA, phone }), await rate(server, { nip: AGUS, phone: phone.replace(/^0/, '+62 ') })];
    const someoneElse = await rate(server, { nip: RINA });
    const other = await makeOffice('bkk-lain-privasi');
    const elsewhere = await postJson(`${server.url}/api/v1/ratings`, ratingBody({ nip: other.employee.nip, serviceType: 'umum', phone }));
    expect(elsewhere.status).toBe(201);

    const api = adminApi(server, admin.token);
    const erased = await api.post('/ratings/erase-phone', {
      phone: phone.replace(/^0(\d{3})(\d{4})/, '0$1-$2-'),
      reason: `Permintaan pelanggan ${phone}`,
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ erased: 2, ratings: 2 });

    const hash = new PhoneVault(server.config.phoneKey).hash(`+62${phone.slice(1)}`);
    for (const id of mine) expect(await Rating.findByPk(id)).toMatchObject({ phoneCipher: null, phoneMasked: '****', phoneHash: hash });
    expect((await Rating.findByPk(someoneElse))!.phoneCipher).not.toBeNull();
    expect((await Rating.findByPk(elsewhere.body.id as number))!.phoneCipher).not.toBeNull();

    const entry = await AuditEntry.findOne({ where: { action: 'rating.erase-phone' }, order: [['id', 'DESC']] });
    expect(JSON.parse(entry!.changes!)).toEqual({ erased: 2, ratings: 2, reason: 'Permintaan pelanggan [nomor]' });
    expect(JSON.stringify(entry!.get())).not.toContain(phone.slice(1));

    // The moderation list and reading the number show the erasure.
    const list = await api.get<{ ratings: { id: number; phone: string }[] }>(`/ratings?nip=${AGUS}`);
    expect(list.body.ratings.find((r) => r.id === mine[1])?.phone).toBe('****');
    expect((await api.post(`/ratings/${mine[0]}/phone`, { reason: 'Keluhan' })).status).toBe(410);

    // Asking again changes nothing; the one-a-day rule still knows the number.
    expect((await api.post('/ratings/erase-phone', { phone, reason: 'Sekali lagi' })).body).toEqual({ erased: 0, ratings: 2 });
    expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody({ nip: RINA, phone }))).status).toBe(409);
  });

  it('refuses a number that is not a mobile number, a missing reason, and anyone but an admin', async () => {
    const api = adminApi(server, admin.token);
    const bad = await api.post<{ errors: { path: string }[] }>('/ratings/erase-phone', { phone: '021-555-1234', reason: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['phone']);
    expect(
      (await api.post<{ errors: { path: string }[] }>('/ratings/erase-phone', { phone: uniquePhone() })).body.errors.map((e) => e.path),
    ).toEqual(['reason']);
    const viewer = await makeUser(server, 'viewer');
    expect((await adminApi(server, viewer.token).post('/ratings/erase-phone', { phone: uniquePhone(), reason: 'x' })).status).toBe(403);
    expect((await adminApi(server).post('/ratings/erase-phone', { phone: uniquePhone(), reason: 'x' })).status).toBe(401);
  });
});

describe("the office's data protection contact", () => {
  it('is set by the office admin and shown to the rating form with the retention period', async () => {
    const before = await getJson<{ office: Record<string, unknown> }>(`${server.url}/api/v1/employees/${RINA}`);
    expect(before.body.office).toMatchObject({ privacyContact: null, retentionDays: 365 });
    const api = adminApi(server, admin.token);
    const set = await api.patch('/office', { privacyContact: 'ppid@bkkpalembang.example.go.id, WA 0811-0000-0000' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ privacyContact: 'ppid@bkkpalembang.example.go.id, WA 0811-0000-0000' });
    const after = await getJson<{ office: Record<string, unknown> }>(`${server.url}/api/v1/employees/${RINA}`);
    expect(after.body.office).toMatchObject({ privacyContact: 'ppid@bkkpalembang.example.go.id, WA 0811-0000-0000' });
    expect((await api.patch('/office', { privacyContact: '<script>x</script>' })).status).toBe(422);
    expect((await api.patch('/office', { privacyContact: null })).body).toMatchObject({ privacyContact: null });
  });

  it('is set by a superadmin for any office', async () => {
    const superadmin = await makeUser(server, 'superadmin');
    const response = await adminApi(server, superadmin.token).patch('/offices/bkk-palembang', {
      privacyContact: 'Petugas PDP, loket informasi',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: expect.any(String), privacyContact: 'Petugas PDP, loket informasi' });
    expect((await adminApi(server, superadmin.token).patch('/offices/bkk-palembang', {})).status).toBe(422);
  });
});

describe("a work area's service hours", () => {
  it('are set, shown and cleared through the work-area API, and checked', async () => {
    const api = adminApi(server, admin.token);
    expect((await api.patch('/work-areas/boom-baru', { serviceHours: '07:30-16:00' })).body).toMatchObject({
      code: 'boom-baru',
      serviceHours: '07:30-16:00',
    });
    expect((await api.patch('/work-areas/boom-baru', { name: 'Wilker Boom Baru' })).body).toMatchObject({
      serviceHours: '07:30-16:00',
      name: 'Wilker Boom Baru',
    });
    const areas = await api.get<{ workAreas: { code: string; serviceHours: string | null }[] }>('/work-areas');
    expect(areas.body.workAreas.find((a) => a.code === 'boom-baru')?.serviceHours).toBe('07:30-16:00');
    for (const bad of ['7:30-16:00', '07:30-24:00', '07:30', '08:00-08:00', 'pagi']) {
      expect((await api.patch('/work-areas/boom-baru', { serviceHours: bad })).status, bad).toBe(422);
    }
    expect((await api.patch('/work-areas/boom-baru', { serviceHours: '22:00-06:00' })).body).toMatchObject({ serviceHours: '22:00-06:00' });
    expect((await api.patch('/work-areas/boom-baru', { serviceHours: null })).body).toMatchObject({ serviceHours: null });
    const created = await api.post('/work-areas', { code: 'pos-baru', name: 'Pos Baru', serviceHours: '08:00-15:00' });
    expect(created.body).toMatchObject({ code: 'pos-baru', serviceHours: '08:00-15:00' });
  });
});
