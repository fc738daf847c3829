import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, Office, Rating, ServiceType, WorkArea } from '../../server/db/models/index.js';
import type { Role } from '../../server/domain/roles.js';
import { API_PREFIX, apiRouter } from '../../server/routes/api.js';
import { createAccount } from '../../server/services/access/accounts.js';
import { issuePublicCode } from '../../server/services/catalogue/catalogue.js';
import { KioskKeys } from '../../server/services/access/kiosk-keys.js';
import { adminApi, makeUser, newNip, rate, type TestUser } from '../helpers/admin.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

type Principal = Role | 'anonymous';
const PRINCIPALS: Principal[] = ['superadmin', 'admin', 'coordinator', 'viewer', 'anonymous'];

let server: TestServer;
const users = {} as Record<Role, TestUser>;
let officeId: number;
let homeAreaId: number;

beforeAll(async () => {
  server = await startTestServer();
  users.superadmin = await makeUser(server, 'superadmin');
  users.admin = await makeUser(server, 'admin');
  users.coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
  users.viewer = await makeUser(server, 'viewer');
  officeId = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!.id;
  homeAreaId = (await WorkArea.findOne({ where: { officeId, code: 'kantor-induk' } }))!.id;
});
afterAll(() => server.close());

// Fresh data for each request, so what one principal does never decides another's answer.
let n = 0;
const freshArea = async () => (await WorkArea.create({ officeId, code: `wa-${++n}`, name: `Pos ${n}` })).code;
const freshType = async () => (await ServiceType.create({ officeId, code: `st-${++n}`, name: `Layanan ${n}`, sortOrder: 100 + n })).code;
async function freshEmployee(): Promise<string> {
  const employee = await Employee.create({
    officeId,
    workAreaId: homeAreaId,
    nip: newNip(),
    name: `Pegawai ${++n}`,
    position: 'Staf',
    kind: 'asn',
  });
  await issuePublicCode(employee.id);
  return employee.nip;
}
async function freshRating(voided = false): Promise<number> {
  const id = await rate(server, { nip: await freshEmployee() });
  if (voided) await Rating.update({ voidedAt: new Date(), voidReason: 'test' }, { where: { id } });
  return id;
}
async function freshViewer(active = true): Promise<number> {
  const { user } = await createAccount({
    username: `target-${++n}`,
    role: 'viewer',
    officeId,
    workAreaId: null,
    password: 'a long test password',
  });
  if (!active) await user.update({ active: false });
  return user.id;
}

interface Request {
  path: string;
  body?: unknown;
  csv?: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  route: string;
  /** Roles that may; everyone else signed in gets 403, the anonymous 401. */
  roles: Role[];
  ok: number;
  prepare: (who: Principal) => Promise<Request>;
}

const ALL: Role[] = ['superadmin', 'admin', 'coordinator', 'viewer'];
const path = (value: string) => async () => ({ path: value });

/** A fresh rating with a comment in the coordinator's work area, so the inbox's workers all reach it. */
async function freshFeedback(contactConsent = false): Promise<number> {
  const area = (await WorkArea.findOne({ where: { officeId, code: 'boom-baru' } }))!;
  const employee = await Employee.create({
    officeId,
    workAreaId: area.id,
    nip: newNip(),
    name: `Pegawai ${++n}`,
    position: 'Staf',
    kind: 'asn',
  });
  await issuePublicCode(employee.id);
  return rate(server, { nip: employee.nip, comment: 'Perlu tindak lanjut', contactConsent });
}

const ROUTES: Row[] = [
  // The feedback inbox: admins and coordinators; the delivery of its alerts: admins.
  { method: 'GET', route: '/alerts', roles: ['admin'], ok: 200, prepare: path('/alerts') },
  { method: 'GET', route: '/feedback', roles: ['admin', 'coordinator'], ok: 200, prepare: path('/feedback') },
  { method: 'GET', route: '/feedback/assignees', roles: ['admin', 'coordinator'], ok: 200, prepare: path('/feedback/assignees') },
  {
    method: 'POST',
    route: '/feedback/:id/status',
    roles: ['admin', 'coordinator'],
    ok: 200,
    prepare: async () => ({ path: `/feedback/${await freshFeedback()}/status`, body: { status: 'ditangani' } }),
  },
  {
    method: 'POST',
    route: '/feedback/:id/assign',
    roles: ['admin', 'coordinator'],
    ok: 200,
    prepare: async () => ({ path: `/feedback/${await freshFeedback()}/assign`, body: { assignee: null } }),
  },
  {
    method: 'POST',
    route: '/feedback/:id/phone',
    roles: ['admin', 'coordinator'],
    ok: 200,
    prepare: async () => ({ path: `/feedback/${await freshFeedback(true)}/phone`, body: { reason: 'Tindak lanjut' } }),
  },
  // Sites allowed to send ratings, PINs, appraisal rules and letterhead, imports, and the SKM settings: a
  // request that reaches the route past the role check is enough here (their own suites test what they do).
  { method: 'GET', route: '/allowed-origins', roles: ['admin'], ok: 200, prepare: path('/allowed-origins') },
  {
    method: 'POST',
    route: '/allowed-origins',
    roles: ['admin'],
    ok: 201,
    prepare: async () => ({ path: '/allowed-origins', body: { origin: `https://situs-${++n}.example.go.id` } }),
  },
  { method: 'DELETE', route: '/allowed-origins/:id', roles: ['admin'], ok: 404, prepare: path('/allowed-origins/999999') },
  {
    method: 'POST',
    route: '/employees/:nip/pin',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}/pin`, body: {} }),
  },
  {
    method: 'DELETE',
    route: '/employees/:nip/pin',
    roles: ['admin'],
    ok: 204,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}/pin` }),
  },
  // An employee's photo: a JSON body is refused for its type (415) past the role check.
  {
    method: 'PUT',
    route: '/employees/:nip/photo',
    roles: ['admin'],
    ok: 415,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}/photo`, body: {} }),
  },
  {
    method: 'DELETE',
    route: '/employees/:nip/photo',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}/photo` }),
  },
  {
    method: 'GET',
    route: '/allowed-origins/check',
    roles: ['admin'],
    ok: 200,
    prepare: path('/allowed-origins/check?origin=https://contoh.go.id'),
  },
  { method: 'GET', route: '/appraisal-imports', roles: ['admin'], ok: 200, prepare: path('/appraisal-imports') },
  { method: 'GET', route: '/appraisal-periods', roles: ['admin'], ok: 200, prepare: path('/appraisal-periods?year=2026') },
  { method: 'GET', route: '/appraisal-rules', roles: ['admin'], ok: 200, prepare: path('/appraisal-rules') },
  { method: 'POST', route: '/appraisal-rules', roles: ['admin'], ok: 422, prepare: async () => ({ path: '/appraisal-rules', body: {} }) },
  { method: 'GET', route: '/appraisal-weights', roles: ['admin'], ok: 200, prepare: path('/appraisal-weights') },
  {
    method: 'PUT',
    route: '/appraisal-weights',
    roles: ['admin'],
    ok: 422,
    prepare: async () => ({
      path: '/appraisal-weights',
      body: { effectiveFrom: '2026-01-01', weights: { customers: 0, attendance: 0, skp: 0 } },
    }),
  },
  { method: 'GET', route: '/letterhead', roles: ['admin'], ok: 200, prepare: path('/letterhead') },
  {
    method: 'PUT',
    route: '/letterhead',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: '/letterhead', body: { address: 'Jl. Contoh No. 1\nPalembang' } }),
  },
  { method: 'GET', route: '/letterhead/logo', roles: ['admin'], ok: 404, prepare: path('/letterhead/logo') },
  { method: 'PUT', route: '/letterhead/logo', roles: ['admin'], ok: 422, prepare: async () => ({ path: '/letterhead/logo', body: {} }) },
  { method: 'DELETE', route: '/letterhead/logo', roles: ['admin'], ok: 200, prepare: path('/letterhead/logo') },
  {
    method: 'POST',
    route: '/attendance/import',
    roles: ['admin'],
    ok: 422,
    prepare: async () => ({ path: '/attendance/import?dryRun=true', csv: 'NIP;Bulan\n' }),
  },
  {
    method: 'POST',
    route: '/skp/import',
    roles: ['admin'],
    ok: 422,
    prepare: async () => ({ path: '/skp/import?dryRun=true', csv: 'NIP;Periode\n' }),
  },
  { method: 'GET', route: '/skm/settings', roles: ['admin', 'coordinator', 'viewer'], ok: 200, prepare: path('/skm/settings') },
  { method: 'PUT', route: '/skm/settings', roles: ['admin'], ok: 422, prepare: async () => ({ path: '/skm/settings', body: {} }) },
  {
    method: 'GET',
    route: '/skm/follow-ups',
    roles: ['admin', 'coordinator', 'viewer'],
    ok: 200,
    prepare: path('/skm/follow-ups?period=2026-Q1'),
  },
  { method: 'PUT', route: '/skm/follow-ups', roles: ['admin'], ok: 422, prepare: async () => ({ path: '/skm/follow-ups', body: {} }) },
  { method: 'GET', route: '/skm/publications', roles: ['admin', 'coordinator', 'viewer'], ok: 200, prepare: path('/skm/publications') },
  { method: 'POST', route: '/skm/publications', roles: ['admin'], ok: 422, prepare: async () => ({ path: '/skm/publications', body: {} }) },
  { method: 'DELETE', route: '/skm/publications/:publicId', roles: ['admin'], ok: 404, prepare: path('/skm/publications/tidak-ada') },
  { method: 'GET', route: '/me', roles: ALL, ok: 200, prepare: path('/me') },
  {
    method: 'GET',
    route: '/report-subscriptions',
    roles: ['admin', 'coordinator', 'viewer'],
    ok: 200,
    prepare: path('/report-subscriptions'),
  },
  {
    method: 'POST',
    route: '/report-subscriptions',
    roles: ['admin', 'coordinator', 'viewer'],
    ok: 201,
    // Each principal's own: a coordinator's work area is boom-baru.
    prepare: async (who) => ({
      path: '/report-subscriptions',
      body: { workArea: 'boom-baru', cadence: who === 'viewer' ? 'quarterly' : 'monthly' },
    }),
  },
  {
    method: 'DELETE',
    route: '/report-subscriptions/:id',
    roles: ['admin', 'coordinator', 'viewer'],
    ok: 404,
    prepare: path('/report-subscriptions/999999'),
  },
  { method: 'PATCH', route: '/me', roles: ALL, ok: 200, prepare: async () => ({ path: '/me', body: { alertMail: true } }) },
  { method: 'GET', route: '/offices', roles: ['superadmin'], ok: 200, prepare: path('/offices') },
  {
    method: 'POST',
    route: '/offices',
    roles: ['superadmin'],
    ok: 201,
    prepare: async () => ({ path: '/offices', body: { code: `bkk-${++n}`, name: 'BKK Baru', timezone: 'Asia/Makassar' } }),
  },
  {
    method: 'PATCH',
    route: '/offices/:code',
    roles: ['superadmin'],
    ok: 200,
    prepare: async () => ({
      path: `/offices/${(await Office.create({ code: `bkk-${++n}`, name: 'Lama', timezone: 'Asia/Jakarta' })).code}`,
      body: { name: 'Baru' },
    }),
  },
  { method: 'GET', route: '/office', roles: ['admin'], ok: 200, prepare: path('/office') },
  {
    method: 'PATCH',
    route: '/office',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: '/office', body: { privacyContact: `ppid-${++n}@example.go.id` } }),
  },
  { method: 'GET', route: '/work-areas', roles: ['admin'], ok: 200, prepare: path('/work-areas') },
  {
    method: 'POST',
    route: '/work-areas',
    roles: ['admin'],
    ok: 201,
    prepare: async () => ({ path: '/work-areas', body: { code: `wa-${++n}`, name: 'Pos Baru' } }),
  },
  {
    method: 'PATCH',
    route: '/work-areas/:code',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/work-areas/${await freshArea()}`, body: { name: 'Nama Baru' } }),
  },
  {
    method: 'POST',
    route: '/work-areas/:code/deactivate',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/work-areas/${await freshArea()}/deactivate` }),
  },
  {
    method: 'POST',
    route: '/work-areas/:code/reactivate',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/work-areas/${await freshArea()}/reactivate` }),
  },
  { method: 'GET', route: '/service-types', roles: ['admin'], ok: 200, prepare: path('/service-types') },
  {
    method: 'POST',
    route: '/service-types',
    roles: ['admin'],
    ok: 201,
    prepare: async () => ({ path: '/service-types', body: { code: `st-${++n}`, name: 'Layanan Baru' } }),
  },
  {
    method: 'PUT',
    route: '/service-types/order',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({
      path: '/service-types/order',
      body: { codes: (await ServiceType.findAll({ where: { officeId }, order: [['id', 'DESC']] })).map((type) => type.code) },
    }),
  },
  {
    method: 'PATCH',
    route: '/service-types/:code',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/service-types/${await freshType()}`, body: { name: 'Nama Baru' } }),
  },
  {
    method: 'POST',
    route: '/service-types/:code/retire',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/service-types/${await freshType()}/retire` }),
  },
  {
    method: 'POST',
    route: '/service-types/:code/reactivate',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/service-types/${await freshType()}/reactivate` }),
  },
  { method: 'GET', route: '/employees', roles: ['admin'], ok: 200, prepare: path('/employees?workArea=kantor-induk&active=true') },
  {
    method: 'POST',
    route: '/employees',
    roles: ['admin'],
    ok: 201,
    prepare: async () => ({ path: '/employees', body: { nip: newNip(), name: 'Pegawai Baru', workArea: 'boom-baru', kind: 'asn' } }),
  },
  {
    method: 'GET',
    route: '/employees/:nip',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}` }),
  },
  {
    method: 'PATCH',
    route: '/employees/:nip',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}`, body: { workArea: 'boom-baru' } }),
  },
  {
    method: 'DELETE',
    route: '/employees/:nip',
    roles: ['admin'],
    ok: 204,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}` }),
  },
  {
    method: 'POST',
    route: '/employees/:nip/deactivate',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}/deactivate` }),
  },
  {
    method: 'POST',
    route: '/employees/:nip/reactivate',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}/reactivate` }),
  },
  {
    method: 'POST',
    route: '/employees/:nip/public-code',
    roles: ['admin'],
    ok: 201,
    prepare: async () => ({ path: `/employees/${await freshEmployee()}/public-code` }),
  },
  {
    method: 'POST',
    route: '/employees/import',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: '/employees/import', csv: `NIP,Nama,Unit Kerja,Jenis\n${newNip()},Pegawai Impor,kantor-induk,PNS\n` }),
  },
  { method: 'GET', route: '/users', roles: ['admin', 'superadmin'], ok: 200, prepare: path('/users') },
  {
    method: 'POST',
    route: '/users',
    roles: ['admin', 'superadmin'],
    ok: 201,
    prepare: async (who) => ({
      path: '/users',
      body:
        who === 'superadmin'
          ? { username: `new-${++n}`, role: 'admin', office: 'bkk-palembang' }
          : { username: `new-${++n}`, role: 'viewer' },
    }),
  },
  {
    method: 'PATCH',
    route: '/users/:id',
    roles: ['admin', 'superadmin'],
    ok: 200,
    prepare: async () => ({ path: `/users/${await freshViewer()}`, body: { role: 'coordinator', workArea: 'boom-baru' } }),
  },
  {
    method: 'POST',
    route: '/users/:id/deactivate',
    roles: ['admin', 'superadmin'],
    ok: 200,
    prepare: async () => ({ path: `/users/${await freshViewer()}/deactivate` }),
  },
  {
    method: 'POST',
    route: '/users/:id/reactivate',
    roles: ['admin', 'superadmin'],
    ok: 200,
    prepare: async () => ({ path: `/users/${await freshViewer(false)}/reactivate` }),
  },
  {
    method: 'POST',
    route: '/users/:id/password',
    roles: ['admin', 'superadmin'],
    ok: 200,
    prepare: async () => ({ path: `/users/${await freshViewer()}/password` }),
  },
  { method: 'GET', route: '/ratings', roles: ['admin'], ok: 200, prepare: path('/ratings?voided=false') },
  {
    method: 'POST',
    route: '/ratings/:id/void',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/ratings/${await freshRating()}/void`, body: { reason: 'Penilaian ganda' } }),
  },
  {
    method: 'POST',
    route: '/ratings/:id/unvoid',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/ratings/${await freshRating(true)}/unvoid` }),
  },
  {
    method: 'POST',
    route: '/ratings/erase-phone',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: '/ratings/erase-phone', body: { phone: '0812-0000-0001', reason: 'Permintaan pelanggan' } }),
  },
  {
    method: 'POST',
    route: '/ratings/:id/phone',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({ path: `/ratings/${await freshRating()}/phone`, body: { reason: 'Tindak lanjut keluhan' } }),
  },
  { method: 'GET', route: '/kiosk-keys', roles: ['admin'], ok: 200, prepare: path('/kiosk-keys') },
  {
    method: 'POST',
    route: '/kiosk-keys',
    roles: ['admin'],
    ok: 201,
    prepare: async () => ({ path: '/kiosk-keys', body: { workArea: 'kantor-induk', label: `Loket ${++n}` } }),
  },
  {
    method: 'PATCH',
    route: '/kiosk-keys/:id',
    roles: ['admin'],
    ok: 200,
    prepare: async () => ({
      path: `/kiosk-keys/${(await new KioskKeys({ hash: (v: string) => v }).issueKioskKey(officeId, (await WorkArea.findOne({ where: { officeId } }))!.id, 'Loket')).id}`,
      body: { label: `Loket ${++n}` },
    }),
  },
  {
    method: 'POST',
    route: '/kiosk-keys/:id/revoke',
    roles: ['admin'],
    ok: 204,
    prepare: async () => ({
      path: `/kiosk-keys/${(await new KioskKeys({ hash: (v: string) => v }).issueKioskKey(officeId, (await WorkArea.findOne({ where: { officeId } }))!.id, 'Loket')).id}/revoke`,
    }),
  },
  { method: 'GET', route: '/audit', roles: ['admin', 'superadmin'], ok: 200, prepare: path('/audit') },
  // Last: a password change ends the tokens issued before it.
  {
    method: 'POST',
    route: '/me/password',
    roles: ALL,
    ok: 204,
    prepare: async (who) => {
      const password = who === 'anonymous' ? 'whatever password' : users[who].password;
      return { path: '/me/password', body: { currentPassword: password, newPassword: password } };
    },
  },
];

const expected = (row: Row, who: Principal): number => (who === 'anonymous' ? 401 : row.roles.includes(who) ? row.ok : 403);

describe('who may call which admin route', () => {
  it('covers every admin route the server has', () => {
    const admin = `${API_PREFIX}/admin/`;
    const served = apiRouter(server.services, 'http://localhost')
      .stack.filter((layer) => String(layer.path).startsWith(admin))
      .flatMap((layer) =>
        layer.methods.filter((method) => method !== 'HEAD').map((method) => `${method} ${String(layer.path).slice(admin.length - 1)}`),
      );
    expect(ROUTES.map((row) => `${row.method} ${row.route}`).sort()).toEqual(served.sort());
  });

  for (const row of ROUTES) {
    it(`${row.method} ${row.route}: ${PRINCIPALS.map((who) => `${who} ${expected(row, who)}`).join(', ')}`, async () => {
      for (const who of PRINCIPALS) {
        const request = await row.prepare(who);
        const api = adminApi(server, who === 'anonymous' ? undefined : users[who].token);
        const response =
          request.csv !== undefined ? await api.csv(request.path, request.csv) : await api.send(row.method, request.path, request.body);
        expect(response.status, `${who}: ${JSON.stringify(response.body)}`).toBe(expected(row, who));
        if (response.status >= 400) expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      }
    });
  }
});
