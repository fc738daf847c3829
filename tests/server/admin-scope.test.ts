import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, PublicCode, Rating, WorkArea } from '../../server/db/models/index.js';
import { assertCanRead, canRead, scopeOf } from '../../server/services/access/scope.js';
import { adminApi, makeUser, newNip, rate, signIn, type TestUser } from '../helpers/admin.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let home: TestUser;
let other: { token: string; userId: number; nip: string; ratingId: number; areaCode: string };

/** A second office set up the way a superadmin and its first admin would, through the API. */
async function secondOffice() {
  const superadmin = await makeUser(server, 'superadmin');
  const asSuper = adminApi(server, superadmin.token);
  expect((await asSuper.post('/offices', { code: 'bkk-makassar', name: 'BKK Kelas I Makassar', timezone: 'Asia/Makassar' })).status).toBe(
    201,
  );
  const first = await asSuper.post<{ user: { id: number; username: string }; password: string }>('/users', {
    username: 'admin.makassar',
    role: 'admin',
    office: 'bkk-makassar',
  });
  expect(first.status).toBe(201);
  // A generated password is replaced by the admin's own before anything else.
  await adminApi(server, await signIn(server, 'admin.makassar', first.body.password)).post('/me/password', {
    currentPassword: first.body.password,
    newPassword: 'makassar punya sendiri',
  });
  const token = await signIn(server, 'admin.makassar', 'makassar punya sendiri');
  const api = adminApi(server, token);
  expect((await api.post('/work-areas', { code: 'soekarno-hatta', name: 'Wilker Pelabuhan Soekarno-Hatta' })).status).toBe(201);
  expect((await api.post('/work-areas', { code: 'kantor-induk', name: 'Kantor Induk Makassar' })).status).toBe(201);
  expect((await api.post('/service-types', { code: 'cop', name: 'Penerbitan COP' })).status).toBe(201);
  const nip = newNip();
  expect((await api.post('/employees', { nip, name: 'Petugas Makassar', workArea: 'soekarno-hatta', kind: 'asn' })).status).toBe(201);
  const ratingId = await rate(server, { nip, serviceType: 'cop' });
  return { token, userId: first.body.user.id, nip, ratingId, areaCode: 'soekarno-hatta' };
}

beforeAll(async () => {
  server = await startTestServer();
  home = await makeUser(server, 'admin');
  other = await secondOffice();
});
afterAll(() => server.close());

describe('an admin never reaches another office', () => {
  it('answers 404 for every action on the other office employee, and changes nothing', async () => {
    const api = adminApi(server, home.token);
    const codeBefore = await PublicCode.findOne({
      where: { replacedAt: null },
      include: [{ model: Employee, as: 'employee', where: { nip: other.nip } }],
    });
    for (const response of [
      await api.get(`/employees/${other.nip}`),
      await api.patch(`/employees/${other.nip}`, { name: 'Diubah' }),
      await api.post(`/employees/${other.nip}/deactivate`),
      await api.post(`/employees/${other.nip}/public-code`),
      await api.delete(`/employees/${other.nip}`),
    ]) {
      expect(response.status).toBe(404);
    }
    const employee = await Employee.findOne({ where: { nip: other.nip } });
    expect(employee).toMatchObject({ name: 'Petugas Makassar', active: true });
    expect((await PublicCode.findOne({ where: { employeeId: employee!.id, replacedAt: null } }))!.code).toBe(codeBefore!.code);
  });

  it('leaves the other office staff out of lists and searches', async () => {
    const list = await adminApi(server, home.token).get<{ employees: { nip: string }[] }>(`/employees?q=${other.nip}&limit=500`);
    expect(list.body.employees).toEqual([]);
    const all = await adminApi(server, home.token).get<{ employees: { nip: string }[] }>('/employees?limit=500');
    expect(all.body.employees.map((employee) => employee.nip)).not.toContain(other.nip);
  });

  it('refuses to take over the other office NIP by creating or importing it', async () => {
    const api = adminApi(server, home.token);
    expect((await api.post('/employees', { nip: other.nip, name: 'Penyusup', workArea: 'kantor-induk', kind: 'asn' })).status).toBe(409);
    const imported = await api.csv('/employees/import', `NIP,Nama,Unit Kerja,Jenis\n${other.nip},Penyusup,kantor-induk,ASN\n`);
    expect(imported.status).toBe(422);
    expect(JSON.stringify(imported.body)).toMatch(/registered with another office/);
    expect((await Employee.findOne({ where: { nip: other.nip } }))!.name).toBe('Petugas Makassar');
  });

  it('treats a work area or service type code that only the other office has as unknown', async () => {
    const api = adminApi(server, home.token);
    expect((await api.patch(`/work-areas/${other.areaCode}`, { name: 'Diubah' })).status).toBe(404);
    expect((await api.post(`/work-areas/${other.areaCode}/deactivate`)).status).toBe(404);
    expect((await api.post('/employees', { nip: newNip(), name: 'Pegawai', workArea: other.areaCode, kind: 'asn' })).status).toBe(422);
    expect((await api.get(`/employees?workArea=${other.areaCode}`)).status).toBe(404);
    expect((await WorkArea.findOne({ where: { code: other.areaCode } }))!.name).toBe('Wilker Pelabuhan Soekarno-Hatta');
  });

  it('changes its own work area when both offices use the same code', async () => {
    expect((await adminApi(server, home.token).patch('/work-areas/kantor-induk', { name: 'Kantor Induk Palembang' })).status).toBe(200);
    const names = (await WorkArea.findAll({ where: { code: 'kantor-induk' }, order: [['id', 'ASC']] })).map((area) => area.name);
    expect(names).toEqual(['Kantor Induk Palembang', 'Kantor Induk Makassar']);
  });

  it('answers 404 for the other office ratings and shows none of them', async () => {
    const api = adminApi(server, home.token);
    expect((await api.post(`/ratings/${other.ratingId}/void`, { reason: 'Coba' })).status).toBe(404);
    expect((await api.post(`/ratings/${other.ratingId}/unvoid`)).status).toBe(404);
    expect((await api.post(`/ratings/${other.ratingId}/phone`, { reason: 'Coba' })).status).toBe(404);
    expect((await Rating.findByPk(other.ratingId))!.voidedAt).toBeNull();
    const list = await api.get<{ ratings: { id: number }[] }>(`/ratings?nip=${other.nip}`);
    expect(list.body.ratings).toEqual([]);
    const all = await api.get<{ ratings: { id: number }[] }>('/ratings?limit=500');
    expect(all.body.ratings.map((rating) => rating.id)).not.toContain(other.ratingId);
  });

  it('answers 404 for the other office users and refuses to create users there', async () => {
    const api = adminApi(server, home.token);
    expect((await api.patch(`/users/${other.userId}`, { role: 'viewer' })).status).toBe(404);
    expect((await api.post(`/users/${other.userId}/deactivate`)).status).toBe(404);
    expect((await api.post(`/users/${other.userId}/password`)).status).toBe(404);
    expect((await api.post('/users', { username: 'sneaky', role: 'admin', office: 'bkk-makassar' })).status).toBe(404);
    const users = await api.get<{ users: { office: string }[] }>('/users');
    expect(new Set(users.body.users.map((user) => user.office))).toEqual(new Set(['bkk-palembang']));
  });

  it('shows each office admin only its own audit entries, and the superadmin all', async () => {
    const mine = await adminApi(server, home.token).get<{ entries: { office: string }[] }>('/audit?limit=500');
    const theirs = await adminApi(server, other.token).get<{ entries: { office: string }[] }>('/audit?limit=500');
    expect(new Set(mine.body.entries.map((entry) => entry.office))).toEqual(new Set(['bkk-palembang']));
    expect(new Set(theirs.body.entries.map((entry) => entry.office))).toEqual(new Set(['bkk-makassar']));
    const superadmin = await makeUser(server, 'superadmin');
    const all = await adminApi(server, superadmin.token).get<{ entries: { office: string }[] }>('/audit?limit=500');
    expect(new Set(all.body.entries.map((entry) => entry.office))).toEqual(new Set(['bkk-palembang', 'bkk-makassar']));
    const one = await adminApi(server, superadmin.token).get<{ entries: { office: string }[] }>('/audit?office=bkk-makassar');
    expect(new Set(one.body.entries.map((entry) => entry.office))).toEqual(new Set(['bkk-makassar']));
  });
});

describe('read scope for reports', () => {
  /** The user exactly as the auth middleware puts it in ctx.state.user. */
  const authUser = (token: string) => server.services.auth.authenticate(token);

  it('gives an admin and a viewer their office, a coordinator their work area, and a superadmin nothing', async () => {
    const admin = await authUser(home.token);
    const viewer = await authUser((await makeUser(server, 'viewer')).token);
    const coordinator = await authUser((await makeUser(server, 'coordinator', { workArea: 'boom-baru' })).token);
    const superadmin = await authUser((await makeUser(server, 'superadmin')).token);
    const officeId = admin.officeId as number;
    const boomBaru = (await WorkArea.findOne({ where: { officeId, code: 'boom-baru' } }))!.id;
    expect(scopeOf(admin)).toEqual({ officeId });
    expect(scopeOf(viewer)).toEqual({ officeId });
    expect(scopeOf(coordinator)).toEqual({ officeId, workAreaId: boomBaru });
    expect(coordinator).toMatchObject({
      role: 'coordinator',
      officeCode: 'bkk-palembang',
      workAreaId: boomBaru,
      workAreaCode: 'boom-baru',
    });
    expect(() => scopeOf(superadmin)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 403 }) }));
  });

  it('refuses another office with 404 and another work area of the office with 403', async () => {
    const coordinator = await authUser((await makeUser(server, 'coordinator', { workArea: 'boom-baru' })).token);
    const officeId = coordinator.officeId as number;
    const otherOfficeId = (await Employee.findOne({ where: { nip: other.nip } }))!.officeId;
    const kantorInduk = (await WorkArea.findOne({ where: { officeId, code: 'kantor-induk' } }))!.id;
    expect(() => assertCanRead(coordinator, officeId, coordinator.workAreaId)).not.toThrow();
    expect(() => assertCanRead(coordinator, officeId, kantorInduk)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 403 }) }),
    );
    expect(() => assertCanRead(coordinator, officeId)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 403 }) }),
    );
    expect(() => assertCanRead(coordinator, otherOfficeId, coordinator.workAreaId)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 404 }) }),
    );
    const viewer = await authUser((await makeUser(server, 'viewer')).token);
    expect(canRead(viewer, officeId, kantorInduk)).toBe(true);
    expect(canRead(viewer, officeId)).toBe(true);
    expect(canRead(viewer, otherOfficeId)).toBe(false);
  });

  it('keeps a coordinator out of every management route, their own work area included', async () => {
    const coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    const api = adminApi(server, coordinator.token);
    expect((await api.get('/employees?workArea=boom-baru')).status).toBe(403);
    expect((await api.patch('/work-areas/boom-baru', { name: 'Diubah' })).status).toBe(403);
    expect((await api.get('/ratings?workArea=boom-baru')).status).toBe(403);
  });
});
