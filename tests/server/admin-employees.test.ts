import { describe, expect, it } from 'vitest';
import { AuditEntry, Employee, Rating, WorkArea } from '../../server/db/models/index.js';
import { adminApi, newNip, rate, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { getJson } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

interface View {
  nip: string;
  name: string;
  kind: string;
  active: boolean;
  workArea: { code: string };
  publicCode: string;
  ratingUrl: string;
}

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const api = () => adminApi(server, admin.token);
const publicEmployee = (nip: string) => getJson(`${server.url}/api/v1/employees/${nip}`);

async function addEmployee(fields: Record<string, unknown> = {}): Promise<View> {
  const response = await api().post<View>('/employees', {
    nip: newNip(),
    name: 'Pegawai Uji',
    position: 'Staf',
    workArea: 'kantor-induk',
    kind: 'asn',
    ...fields,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('adding employees', () => {
  it('adds an employee who can be rated at once, with a QR link', async () => {
    const added = await addEmployee({ nip: '19880412 201503 2 007', name: 'Ns. Wulan Sari, S.Kep', workArea: 'boom-baru' });
    expect(added).toMatchObject({ nip: '198804122015032007', kind: 'asn', active: true, workArea: { code: 'boom-baru' } });
    expect(added.ratingUrl).toBe(`${server.url}/r/${added.publicCode}`);
    expect((await publicEmployee(added.nip)).status).toBe(200);
    expect((await fetch(added.ratingUrl)).status).toBe(200);
    expect((await rate(server, { nip: added.nip })) > 0).toBe(true);
  });

  it('stores an outsourced staff code in capitals and refuses an all-digit one', async () => {
    expect((await addEmployee({ nip: 'os-plg-0101', kind: 'outsourced' })).nip).toBe('OS-PLG-0101');
    const response = await api().post('/employees', { nip: '12345678', name: 'X', workArea: 'kantor-induk', kind: 'outsourced' });
    expect(response.body).toMatchObject({ status: 422, errors: [{ path: 'nip', message: expect.stringMatching(/all digits/) }] });
  });

  it('refuses a NIP that breaks its kind rules, telling why, and writes nothing', async () => {
    const before = await Employee.count();
    for (const [nip, reason] of [
      ['199202302019032001', /real birth date/],
      ['199203152019133001', /appointment month/],
      ['199203152019033001', /gender/],
      ['1992031520190320', /18 digits/],
    ] as const) {
      const response = await api().post('/employees', { nip, name: 'Salah', workArea: 'kantor-induk', kind: 'asn' });
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body)).toMatch(reason);
    }
    expect(await Employee.count()).toBe(before);
  });

  it('refuses a taken NIP with 409 and unknown or hostile fields with 422', async () => {
    const existing = await addEmployee();
    expect((await api().post('/employees', { nip: existing.nip, name: 'Kembar', workArea: 'kantor-induk', kind: 'asn' })).status).toBe(409);
    expect((await api().post('/employees', { nip: newNip(), name: 'X', workArea: 'kantor-induk', kind: 'asn', officeId: 2 })).status).toBe(
      422,
    );
    expect(
      (await api().post('/employees', { nip: newNip(), name: '<script>alert(1)</script>', workArea: 'kantor-induk', kind: 'asn' })).status,
    ).toBe(422);
    expect((await api().post('/employees', { nip: newNip(), name: 'X', workArea: 'kantor-induk', kind: 'honorer' })).status).toBe(422);
    expect(
      (await api().post('/employees', { nip: newNip(), name: 'X', workArea: 'kantor-induk', kind: 'asn', photoUrl: 'javascript:alert(1)' }))
        .status,
    ).toBe(422);
  });
});

describe('editing and moving employees', () => {
  it('edits the name and position and audits what changed', async () => {
    const employee = await addEmployee();
    const edited = await api().patch<View>(`/employees/${employee.nip}`, { name: 'dr. Pegawai Uji, Sp.KP', position: 'Dokter Ahli Madya' });
    expect(edited.body).toMatchObject({ name: 'dr. Pegawai Uji, Sp.KP' });
    const entry = await AuditEntry.findOne({ where: { action: 'employee.update', targetId: employee.nip } });
    expect(JSON.parse(entry!.changes!)).toEqual({
      name: { from: 'Pegawai Uji', to: 'dr. Pegawai Uji, Sp.KP' },
      position: { from: 'Staf', to: 'Dokter Ahli Madya' },
    });
  });

  it('moves an employee; ratings already given stay with the old work area', async () => {
    const employee = await addEmployee();
    const before = await rate(server, { nip: employee.nip });
    const moved = await api().patch<View>(`/employees/${employee.nip}`, { workArea: 'bandara-smb-ii' });
    expect(moved.body.workArea.code).toBe('bandara-smb-ii');
    const after = await rate(server, { nip: employee.nip, serviceType: 'cop' });
    const areaOf = async (id: number) => (await WorkArea.findByPk((await Rating.findByPk(id))!.workAreaId))!.code;
    expect(await areaOf(before)).toBe('kantor-induk');
    expect(await areaOf(after)).toBe('bandara-smb-ii');
    const entry = await AuditEntry.findOne({ where: { action: 'employee.update', targetId: employee.nip } });
    expect(JSON.parse(entry!.changes!)).toEqual({ workArea: { from: 'kantor-induk', to: 'bandara-smb-ii' } });
  });

  it('changes the kind only when the identifier fits the new kind', async () => {
    const employee = await addEmployee();
    expect((await api().patch(`/employees/${employee.nip}`, { kind: 'pppk' })).body).toMatchObject({ kind: 'pppk' });
    const refused = await api().patch(`/employees/${employee.nip}`, { kind: 'outsourced' });
    expect(refused.body).toMatchObject({ status: 422, errors: [{ path: 'kind' }] });
    expect((await Employee.findOne({ where: { nip: employee.nip } }))!.kind).toBe('pppk');
  });

  it('refuses an empty change, the NIP itself, and an unknown work area', async () => {
    const employee = await addEmployee();
    expect((await api().patch(`/employees/${employee.nip}`, {})).status).toBe(422);
    expect((await api().patch(`/employees/${employee.nip}`, { nip: newNip() })).status).toBe(422);
    expect((await api().patch(`/employees/${employee.nip}`, { workArea: 'atlantis' })).body).toMatchObject({
      status: 422,
      errors: [{ path: 'workArea' }],
    });
    expect((await api().patch(`/employees/199001012015011999`, { name: 'Tidak Ada' })).status).toBe(404);
  });
});

describe('deactivating, deleting and new QR codes', () => {
  it('deactivates an employee, who then cannot be rated, and reactivates them', async () => {
    const employee = await addEmployee();
    expect((await api().post<View>(`/employees/${employee.nip}/deactivate`)).body.active).toBe(false);
    expect((await publicEmployee(employee.nip)).status).toBe(404);
    expect((await fetch(employee.ratingUrl)).status).toBe(404);
    expect((await api().post<View>(`/employees/${employee.nip}/reactivate`)).body.active).toBe(true);
    expect((await publicEmployee(employee.nip)).status).toBe(200);
  });

  it('never deletes a rated employee, but deletes one nobody rated', async () => {
    const rated = await addEmployee();
    await rate(server, { nip: rated.nip });
    const refused = await api().delete(`/employees/${rated.nip}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/Deactivate/);
    expect(await Employee.findOne({ where: { nip: rated.nip } })).not.toBeNull();

    const mistyped = await addEmployee();
    expect((await api().delete(`/employees/${mistyped.nip}`)).status).toBe(204);
    expect(await Employee.findOne({ where: { nip: mistyped.nip } })).toBeNull();
    expect(await AuditEntry.findOne({ where: { action: 'employee.delete', targetId: mistyped.nip } })).not.toBeNull();
  });

  it('replaces the public code: the old QR link answers 410, the new one the rating page', async () => {
    const employee = await addEmployee();
    const replaced = await api().post<{ code: string; ratingUrl: string; replaced: string[] }>(`/employees/${employee.nip}/public-code`);
    expect(replaced.status).toBe(201);
    expect(replaced.body.replaced).toEqual([employee.publicCode]);
    expect(replaced.body.code).not.toBe(employee.publicCode);
    expect((await fetch(employee.ratingUrl)).status).toBe(410);
    expect((await fetch(replaced.body.ratingUrl)).status).toBe(200);
    expect((await publicEmployee(employee.nip)).body.ratingUrl).toBe(replaced.body.ratingUrl);
    expect((await api().get<View>(`/employees/${employee.nip}`)).body.publicCode).toBe(replaced.body.code);
  });
});

describe('listing employees', () => {
  it('filters by work area, kind, active and a part of the name or NIP, with paging', async () => {
    const list = (query: string) => api().get<{ employees: View[]; total: number }>(`/employees?${query}`);
    expect((await list('workArea=bandara-silampari')).body.employees.map((e) => e.nip).sort()).toEqual([
      '199509282021122003',
      'OS-PLG-0007',
    ]);
    expect((await list('kind=outsourced&workArea=bandara-silampari')).body.employees.map((e) => e.nip)).toEqual(['OS-PLG-0007']);
    expect((await list('q=kartika')).body.employees.map((e) => e.name)).toEqual(['dr. Rina Kartika, M.Kes']);
    expect((await list('q=19920315')).body.employees.map((e) => e.nip)).toEqual(['199203152019032001']);
    expect((await list('q=%25')).status).toBe(200);
    const page = await list('limit=2&offset=1');
    expect(page.body.employees).toHaveLength(2);
    expect(page.body.total).toBe(await Employee.count({ where: { officeId: 1 } }));
    const inactive = await addEmployee();
    await api().post(`/employees/${inactive.nip}/deactivate`);
    expect((await list('active=false')).body.employees.map((e) => e.nip)).toContain(inactive.nip);
    expect((await list('active=true&limit=500')).body.employees.map((e) => e.nip)).not.toContain(inactive.nip);
  });

  it('refuses unknown or malformed query parameters with 422', async () => {
    expect((await api().get('/employees?sort=name')).status).toBe(422);
    expect((await api().get('/employees?limit=100000')).status).toBe(422);
    expect((await api().get('/employees?active=maybe')).status).toBe(422);
    expect((await api().get('/employees?kind=asn&kind=pppk')).status).toBe(422);
  });

  it('finds an outsourced employee by a lower-case code in the path', async () => {
    expect((await api().get<View>('/employees/os-plg-0007')).body.nip).toBe('OS-PLG-0007');
  });
});
