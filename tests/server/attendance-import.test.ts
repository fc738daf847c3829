import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AttendanceMonth } from '../../server/db/models/index.js';
import { makeUser, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const AGUS = '198507222010121002';
const RINA = '199203152019032001';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportAnswer {
  applied: boolean;
  summary: Record<string, number>;
  lines: { line: number; nip: string; month: string; action: string }[];
  errors?: { path: string; message: string }[];
}

const send = async (body: string | Buffer, { dryRun = false, type = 'text/csv; charset=utf-8', token = admin.token } = {}) => {
  const response = await fetch(`${server.url}/api/v1/admin/attendance/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as ImportAnswer };
};

const HEADER = 'NIP;Bulan;Hari Kerja;Hadir;Cuti;Tanpa Keterangan;Terlambat (menit);Pulang Cepat (menit)';

describe('attendance import', () => {
  it('refuses the whole file when a line names an unknown NIP, a month out of range or days that do not add up', async () => {
    const csv = [
      HEADER,
      `${AGUS};2026-07;23;21;2;0;35;0`,
      `199999999999999999;2026-07;23;23;0;0;0;0`,
      `${RINA};2026-13;23;23;0;0;0;0`,
      `${RINA};2026-08;21;18;1;1;0;10`,
      `${RINA};2026-09;32;32;0;0;0;0`,
    ].join('\r\n');
    for (const dryRun of [true, false]) {
      const { status, body } = await send(csv, { dryRun });
      expect(status).toBe(422);
      expect(body.summary).toEqual({ add: 1, change: 0, unchanged: 0, refuse: 4 });
      const paths = body.errors!.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['line.3.NIP', 'line.4.Bulan', 'line.5.Hari kerja', 'line.6.Hari kerja']));
      expect(body.errors!.find((e) => e.path === 'line.5.Hari kerja')!.message).toMatch(/do not add up/);
    }
    expect(await AttendanceMonth.count()).toBe(0);
  });

  it('previews a dry run without writing, then imports every line in one go, and knows an unchanged month', async () => {
    const csv = [HEADER, `${AGUS};2026-07;23;21;2;0;35;0`, `${RINA};07/2026;23;22;0;1;0;15`].join('\n');
    const preview = await send(csv, { dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ applied: false, summary: { add: 2, refuse: 0 } });
    expect(await AttendanceMonth.count()).toBe(0);
    const applied = await send(csv);
    expect(applied.body).toMatchObject({ applied: true, summary: { add: 2 } });
    expect(applied.body.lines.map((l) => l.month)).toEqual(['2026-07', '2026-07']);
    const again = await send(csv, { dryRun: true });
    expect(again.body.summary).toMatchObject({ add: 0, unchanged: 2 });
  });

  it('reads an XLSX export with the month as a number beside a year column, and changes what differs', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Rekap');
    sheet.addRow(['NIP', 'Tahun', 'Bulan', 'Jumlah Hari Kerja', 'Jumlah Hadir', 'Izin', 'TK', 'TL', 'PSW']);
    sheet.addRow([AGUS, 2026, 7, 23, 20, 2, 1, 40, 5]);
    sheet.addRow([RINA, 2026, 8, 21, 21, 0, 0, 0, 0]);
    const { status, body } = await send(Buffer.from(await workbook.xlsx.writeBuffer()), { type: XLSX });
    expect(status).toBe(200);
    expect(body).toMatchObject({ applied: true, summary: { change: 1, add: 1 } });
    const july = await AttendanceMonth.findOne({ where: { month: '2026-07', lateMinutes: 40 } });
    expect(july?.get({ plain: true })).toMatchObject({ presentDays: 20, leaveDays: 2, absentDays: 1, earlyLeaveMinutes: 5 });
  });

  it('answers 415 to another file type and 403 to a viewer', async () => {
    expect((await send('{}', { type: 'application/json' })).status).toBe(415);
    const viewer = await makeUser(server, 'viewer');
    expect((await send(`${HEADER}\n${AGUS};2026-07;23;23;0;0;0;0`, { token: viewer.token })).status).toBe(403);
  });

  it('lists the imported months newest first with their number of employees, and no SKP period before one is imported', async () => {
    expect((await send([HEADER, `${AGUS};2025-01;22;22;0;0;0;0`, `${RINA};2025-01;22;21;1;0;0;0`].join('\n'))).status).toBe(200);
    const response = await fetch(`${server.url}/api/v1/admin/appraisal-imports`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { attendance: { code: string; employees: number; updatedAt: string }[]; skp: unknown[] };
    const codes = body.attendance.map((group) => group.code);
    expect(codes).toEqual([...codes].sort().reverse());
    expect(body.attendance.find((group) => group.code === '2025-01')).toMatchObject({
      name: { id: 'Januari 2025', en: 'January 2025' },
      employees: 2,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(body.skp).toEqual([]);
  });
});
