import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SkpResult } from '../../server/db/models/index.js';
import { periodCodeOf } from '../../server/services/appraisal/imports/skp-import.js';
import { type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const AGUS = '198507222010121002';
const RINA = '199203152019032001';

const send = async (body: string | Buffer, { dryRun = false, type = 'text/csv' } = {}) => {
  const response = await fetch(`${server.url}/api/v1/admin/skp/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': type },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { applied: boolean; summary: Record<string, number>; errors?: { path: string }[] },
  };
};

describe('SKP results import', () => {
  it('reads periods by code and by the names E-Kinerja writes', () => {
    expect(periodCodeOf('2026-Q3')).toBe('2026-Q3');
    expect(periodCodeOf('Triwulan III 2026')).toBe('2026-Q3');
    expect(periodCodeOf('Semester I 2026')).toBe('2026-S1');
    expect(periodCodeOf('Oktober 2026')).toBe('2026-10');
    expect(periodCodeOf('Tahun 2026')).toBe('2026');
    expect(periodCodeOf('Triwulan V 2026')).toBeNull();
  });

  it('refuses the whole file for an unknown NIP, an unknown period, a rating that is not a level or one rating without the other', async () => {
    const csv = [
      'NIP;Periode;Hasil Kerja;Perilaku Kerja;Predikat',
      `${AGUS};Triwulan III 2026;Sesuai Ekspektasi;Di Atas Ekspektasi;`,
      `199999999999999999;2026-Q3;Sesuai Ekspektasi;Sesuai Ekspektasi;`,
      `${RINA};Triwulan V 2026;Sesuai Ekspektasi;Sesuai Ekspektasi;`,
      `${RINA};2026-Q3;Luar biasa;Sesuai Ekspektasi;`,
      `${RINA};2026-Q2;Sesuai Ekspektasi;;`,
    ].join('\n');
    const { status, body } = await send(csv);
    expect(status).toBe(422);
    expect(body.summary).toMatchObject({ add: 1, refuse: 4 });
    expect(body.errors!.map((e) => e.path)).toEqual(
      expect.arrayContaining(['line.3.NIP', 'line.4.Periode', 'line.5.Hasil kerja', 'line.6.Hasil kerja']),
    );
    expect(await SkpResult.count()).toBe(0);
  });

  it('imports ratings and predikat from an XLSX after a dry run, all at once', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('SKP');
    sheet.addRow(['NIP', 'Periode Penilaian', 'Rating Hasil Kerja', 'Rating Perilaku Kerja', 'Predikat Kinerja']);
    sheet.addRow([AGUS, 'Triwulan III 2026', 'Di Atas Ekspektasi', 'Sesuai Ekspektasi', '']);
    sheet.addRow([RINA, 'Tahun 2025', '', '', 'Sangat Baik']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect((await send(file, { dryRun: true, type })).body).toMatchObject({ applied: false, summary: { add: 2 } });
    expect(await SkpResult.count()).toBe(0);
    expect((await send(file, { type })).body).toMatchObject({ applied: true, summary: { add: 2 } });
    const rows = (await SkpResult.findAll({ order: [['period', 'ASC']] })).map((r) => r.get({ plain: true }));
    expect(rows).toMatchObject([
      { period: '2025', workResult: null, behaviour: null, predikat: 'sangat-baik' },
      { period: '2026-Q3', workResult: 'above', behaviour: 'meeting', predikat: null },
    ]);
    expect((await send(file, { dryRun: true, type })).body.summary).toMatchObject({ unchanged: 2 });
  });
});
