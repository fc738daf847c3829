import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AuditEntry, Employee } from '../../server/db/models/index.js';
import { verifyPin } from '../../server/services/qr/pins.js';
import { adminApi, makeUser, newNip, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const api = () => adminApi(server, admin.token);

async function employee(): Promise<string> {
  const nip = newNip();
  const created = await api().post('/employees', { nip, name: 'Petugas Uji', workArea: 'boom-baru', kind: 'asn' });
  expect(created.status).toBe(201);
  return nip;
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Pegawai');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('the PIN of one-service codes through the admin API', () => {
  it('sets a chosen PIN, a random one answered once, and removes it, audited without the PIN', async () => {
    const nip = await employee();
    expect((await api().get(`/employees/${nip}`)).body).toMatchObject({ hasPin: false });

    expect((await api().post(`/employees/${nip}/pin`, { pin: '480193' })).body).toEqual({ hasPin: true });
    expect(await verifyPin('480193', (await Employee.findOne({ where: { nip } }))!.pinHash!)).toBe(true);

    const random = await api().post<{ pin: string }>(`/employees/${nip}/pin`, {});
    expect(random.body.pin).toMatch(/^\d{6}$/);
    expect(await verifyPin(random.body.pin, (await Employee.findOne({ where: { nip } }))!.pinHash!)).toBe(true);
    expect((await api().get(`/employees/${nip}`)).body).toMatchObject({ hasPin: true });

    expect((await api().delete(`/employees/${nip}/pin`)).status).toBe(204);
    expect((await Employee.findOne({ where: { nip } }))!.pinHash).toBeNull();
    const entries = await AuditEntry.findAll({ where: { targetId: nip } });
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['employee.set-pin', 'employee.clear-pin']));
    expect(JSON.stringify(entries)).not.toContain('480193');
    expect(JSON.stringify(entries)).not.toContain(random.body.pin);
  });

  it('refuses a weak or malformed PIN, another role, and another office’s employee, changing nothing', async () => {
    const nip = await employee();
    expect((await api().post(`/employees/${nip}/pin`, { pin: '123456' })).body).toMatchObject({ errors: [{ path: 'pin' }] });
    expect((await api().post(`/employees/${nip}/pin`, { pin: '12ab' })).status).toBe(422);
    expect((await api().post(`/employees/${nip}/pin`, { pin: '480193', extra: 1 })).status).toBe(422);
    const viewer = await makeUser(server, 'viewer');
    expect((await adminApi(server, viewer.token).post(`/employees/${nip}/pin`, {})).status).toBe(403);
    expect((await api().post(`/employees/${newNip()}/pin`, {})).status).toBe(404);
    expect((await Employee.findOne({ where: { nip } }))!.pinHash).toBeNull();
  });
});

describe('importing employees from an Excel workbook', () => {
  it('previews and imports the first sheet as a CSV file would be', async () => {
    const [first, second] = [newNip(), newNip()];
    const rows = [
      ['NIP', 'Nama', 'Jabatan', 'Unit Kerja', 'Jenis'],
      [first, 'Ns. Wulan; Sari', 'Perawat', 'boom-baru', 'PNS'],
      [second, 'Budi "Bud" Santoso', '', 'Kantor Induk', 'ASN'],
    ];
    const preview = await api().csv<{ dryRun: boolean; summary: Record<string, number>; lines: { nip: string }[] }>(
      '/employees/import?dryRun=true',
      await workbook(rows),
      XLSX,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.summary).toMatchObject({ add: 2, refuse: 0 });
    expect(await Employee.count({ where: { nip: [first, second] } })).toBe(0);

    const applied = await api().csv<{ applied: boolean }>('/employees/import', await workbook(rows), XLSX);
    expect(applied.body.applied).toBe(true);
    expect((await Employee.findOne({ where: { nip: first } }))!.name).toBe('Ns. Wulan; Sari');
    expect((await Employee.findOne({ where: { nip: second } }))!.name).toBe('Budi "Bud" Santoso');
  });

  it('refuses a workbook with a bad line whole, each problem on its line, and a file that is no workbook', async () => {
    const good = newNip();
    const rows = [
      ['NIP', 'Nama', 'Unit Kerja', 'Jenis'],
      [good, 'Benar', 'boom-baru', 'PNS'],
      ['12345', 'Salah', 'atlantis', 'PNS'],
      // A NIP typed into a number cell: Excel kept 15 of its 18 digits, so it must not be imported.
      [Number(newNip()), 'Angka', 'boom-baru', 'PNS'],
    ];
    const refused = await api().csv<{ lines: { line: number; action: string; problems?: { column: string }[] }[] }>(
      '/employees/import',
      await workbook(rows),
      XLSX,
    );
    expect(refused.status).toBe(422);
    const bad = refused.body.lines.find((line) => line.line === 3)!;
    expect(bad.action).toBe('refuse');
    expect(bad.problems!.map((problem) => problem.column)).toEqual(['NIP', 'Unit Kerja']);
    expect(refused.body.lines.find((line) => line.line === 4)).toMatchObject({ action: 'refuse', problems: [{ column: 'NIP' }] });
    expect(await Employee.count({ where: { nip: good } })).toBe(0);
    expect((await api().csv('/employees/import', Buffer.from('not a zip at all'), XLSX)).status).toBe(400);
  });
});
