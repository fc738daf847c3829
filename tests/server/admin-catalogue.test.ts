import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry, Office, Rating, ServiceType, WorkArea } from '../../server/db/models/index.js';
import { adminApi, makeUser, makeOffice, newNip, rate, type TestUser } from '../helpers/admin.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
let superadmin: TestUser;
beforeAll(async () => {
  server = await startTestServer({ TZ_DEFAULT: 'Asia/Jayapura' });
  admin = await makeUser(server, 'admin');
  superadmin = await makeUser(server, 'superadmin');
});
afterAll(() => server.close());

const lastAudit = async () => (await AuditEntry.findOne({ order: [['id', 'DESC']] }))!;
const publicTypes = async (nip?: string) =>
  (
    await getJson<{ serviceTypes: { code: string }[] }>(`${server.url}/api/v1/service-types${nip ? `?nip=${nip}` : ''}`)
  ).body.serviceTypes.map((type) => type.code);

describe('offices (superadmin)', () => {
  it('creates an office with its time zone, or TZ_DEFAULT, and audits it', async () => {
    const api = adminApi(server, superadmin.token);
    const created = await api.post('/offices', { code: 'BKK-Ambon', name: 'BKK Kelas II Ambon', timezone: 'Asia/Jayapura' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'bkk-ambon',
      name: 'BKK Kelas II Ambon',
      timezone: 'Asia/Jayapura',
      employees: 0,
      admins: 0,
    });
    expect((await api.post('/offices', { code: 'bkk-kupang', name: 'BKK Kupang' })).body.timezone).toBe('Asia/Jayapura');
    expect(await lastAudit()).toMatchObject({
      action: 'office.create',
      targetId: 'bkk-kupang',
      actorId: superadmin.id,
      actorUsername: superadmin.username,
    });
    const list = await api.get<{ offices: { code: string }[] }>('/offices');
    expect(list.body.offices.map((office) => office.code)).toEqual(['bkk-palembang', 'bkk-ambon', 'bkk-kupang']);
  });

  it('refuses a taken code with 409, and a bad code, time zone or unknown field with 422, creating nothing', async () => {
    const api = adminApi(server, superadmin.token);
    const before = await Office.count();
    expect((await api.post('/offices', { code: 'bkk-palembang', name: 'Lagi' })).status).toBe(409);
    expect((await api.post('/offices', { code: 'bkk palembang!', name: 'X' })).status).toBe(422);
    expect((await api.post('/offices', { code: 'bkk-x', name: 'X', timezone: 'Asia/Palembang' })).body).toMatchObject({
      status: 422,
      errors: [{ path: 'timezone' }],
    });
    expect((await api.post('/offices', { code: 'bkk-y', name: 'Y', id: 1 })).body).toMatchObject({
      errors: [{ path: 'id', code: 'unknown_field' }],
    });
    expect((await api.post('/offices', { code: 'bkk-z', name: '<b>Z</b>' })).status).toBe(422);
    expect(await Office.count()).toBe(before);
  });

  it('renames an office but never changes its code', async () => {
    const api = adminApi(server, superadmin.token);
    await api.post('/offices', { code: 'bkk-tarakan', name: 'BKK Tarakan' });
    const renamed = await api.patch('/offices/bkk-tarakan', { name: 'BKK Kelas II Tarakan' });
    expect(renamed.body).toMatchObject({ code: 'bkk-tarakan', name: 'BKK Kelas II Tarakan' });
    expect(await lastAudit()).toMatchObject({
      action: 'office.rename',
      changes: JSON.stringify({ name: { from: 'BKK Tarakan', to: 'BKK Kelas II Tarakan' } }),
    });
    expect((await api.patch('/offices/bkk-tarakan', { code: 'bkk-lain' })).status).toBe(422);
    expect((await api.patch('/offices/bkk-nowhere', { name: 'X' })).status).toBe(404);
  });
});

describe('work areas', () => {
  it('adds, renames, deactivates and reactivates a work area, auditing each', async () => {
    const api = adminApi(server, admin.token);
    expect((await api.post('/work-areas', { code: 'pos-pangkalan-balai', name: 'Pos Pangkalan Balai' })).status).toBe(201);
    expect((await api.post('/work-areas', { code: 'pos-pangkalan-balai', name: 'Lagi' })).status).toBe(409);
    expect((await api.patch('/work-areas/pos-pangkalan-balai', { name: 'Pos Pelabuhan Pangkalan Balai' })).body).toMatchObject({
      name: 'Pos Pelabuhan Pangkalan Balai',
    });
    expect((await api.post('/work-areas/pos-pangkalan-balai/deactivate')).body).toMatchObject({ active: false });
    expect(
      (await api.post('/employees', { nip: newNip(), name: 'Baru', workArea: 'pos-pangkalan-balai', kind: 'asn' })).body,
    ).toMatchObject({ status: 422, errors: [{ path: 'workArea', message: 'is deactivated' }] });
    expect((await api.post('/work-areas/pos-pangkalan-balai/reactivate', {})).body).toMatchObject({ active: true });
    const actions = (await AuditEntry.findAll({ where: { targetId: 'pos-pangkalan-balai' }, order: [['id', 'ASC']] })).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(['work-area.create', 'work-area.rename', 'work-area.deactivate', 'work-area.reactivate']);
  });

  it('refuses to deactivate a work area while staff are placed there', async () => {
    const response = await adminApi(server, admin.token).post('/work-areas/boom-baru/deactivate');
    expect(response.status).toBe(409);
    expect(response.body.detail).toMatch(/2 active employee\(s\)/);
    expect((await WorkArea.findOne({ where: { code: 'boom-baru' } }))!.active).toBe(true);
    const listed = await adminApi(server, admin.token).get<{ workAreas: { code: string; employees: number }[] }>('/work-areas');
    expect(listed.body.workAreas.find((area) => area.code === 'boom-baru')).toMatchObject({ employees: 2 });
  });

  it('refuses a body on an action that takes none, and a non-JSON body', async () => {
    const api = adminApi(server, admin.token);
    expect((await api.post('/work-areas/boom-baru/reactivate', { force: true })).status).toBe(422);
    expect((await api.send('POST', '/work-areas', 'code=x', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await api.send('POST', '/work-areas', '{"code":')).status).toBe(400);
  });
});

describe('service types', () => {
  it('adds a type at the end of the rating form list', async () => {
    const created = await adminApi(server, admin.token).post('/service-types', { code: 'vaksinasi-polio', name: 'Vaksinasi Polio' });
    expect(created).toMatchObject({ status: 201, body: { code: 'vaksinasi-polio', active: true, sortOrder: 21 } });
    expect((await publicTypes()).at(-1)).toBe('vaksinasi-polio');
  });

  it('retires a type: it leaves the form, new ratings cannot use it, earlier ratings keep it', async () => {
    const api = adminApi(server, admin.token);
    const ratingId = await rate(server, { serviceType: 'embarkasi-haji' });
    expect((await api.post('/service-types/embarkasi-haji/retire')).body).toMatchObject({ active: false });
    expect(await publicTypes()).not.toContain('embarkasi-haji');
    expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody({ serviceType: 'embarkasi-haji' }))).status).toBe(422);
    const kept = await Rating.findByPk(ratingId);
    expect(kept!.serviceTypeId).toBe((await ServiceType.findOne({ where: { code: 'embarkasi-haji' } }))!.id);
    const listed = await api.get<{ ratings: { id: number; serviceType: { code: string } }[] }>('/ratings?serviceType=embarkasi-haji');
    expect(listed.body.ratings.map((rating) => rating.id)).toContain(ratingId);
    const all = await api.get<{ serviceTypes: { code: string; active: boolean }[] }>('/service-types');
    expect(all.body.serviceTypes.find((type) => type.code === 'embarkasi-haji')).toMatchObject({ active: false });
    expect((await api.post('/service-types/embarkasi-haji/reactivate')).body).toMatchObject({ active: true });
    expect(await publicTypes()).toContain('embarkasi-haji');
  });

  it('renames a type, and ratings show the new name', async () => {
    const api = adminApi(server, admin.token);
    const ratingId = await rate(server, { serviceType: 'laboratorium' });
    expect((await api.patch('/service-types/laboratorium', { name: 'Laboratorium Kesehatan' })).body).toMatchObject({
      name: 'Laboratorium Kesehatan',
    });
    const listed = await api.get<{ ratings: { id: number; serviceType: { name: string } }[] }>('/ratings?serviceType=laboratorium');
    expect(listed.body.ratings.find((rating) => rating.id === ratingId)?.serviceType.name).toBe('Laboratorium Kesehatan');
  });

  it('reorders the list the rating form shows', async () => {
    const api = adminApi(server, admin.token);
    const codes = (await api.get<{ serviceTypes: { code: string }[] }>('/service-types')).body.serviceTypes.map((type) => type.code);
    const wanted = [...codes].reverse();
    const response = await api.put<{ serviceTypes: { code: string }[] }>('/service-types/order', { codes: wanted });
    expect(response.body.serviceTypes.map((type) => type.code)).toEqual(wanted);
    expect(await publicTypes()).toEqual(wanted);
  });

  it('refuses an order that misses, repeats or invents a type, changing nothing', async () => {
    const api = adminApi(server, admin.token);
    const before = await publicTypes();
    const [first, second, ...rest] = before as [string, string, ...string[]];
    const missing = await api.put('/service-types/order', { codes: [first, ...rest] });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain(second);
    expect((await api.put('/service-types/order', { codes: [first, first, second, ...rest] })).body).toMatchObject({
      errors: [{ path: 'codes.1', message: expect.stringMatching(/twice/) }],
    });
    expect((await api.put('/service-types/order', { codes: [...before, 'pijat'] })).body).toMatchObject({
      errors: [{ path: `codes.${before.length}` }],
    });
    expect(await publicTypes()).toEqual(before);
  });

  it('keeps at least one type active', async () => {
    const { office, type } = await makeOffice('bkk-satu-layanan');
    const officeAdmin = await makeUser(server, 'admin', { office: office.code });
    const response = await adminApi(server, officeAdmin.token).post(`/service-types/${type.code}/retire`);
    expect(response.status).toBe(409);
    expect((await ServiceType.findByPk(type.id))!.active).toBe(true);
  });
});
