import { describe, expect, it } from 'vitest';
import { AttendanceMonth, Employee, Office, WorkArea } from '../../server/db/models/index.js';
import { adminApi, makeUser, type TestUser } from '../helpers/admin.js';
import { openWithCalc, sofficePath, type CalcCell, type CalcSheet } from '../helpers/calc.js';
import { addRatings } from '../helpers/rating-fixtures.js';
import { announceMissing } from '../helpers/requirements.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { afterAll, beforeAll } from 'vitest';

/**
 * Exports opened the way an office opens them: LibreOffice Calc, Indonesian locale, the CSV's
 * semicolons. An 18-digit NIP must come back as the same 18 digits of text, and every figure as a number.
 */
const soffice = sofficePath();
const suite = soffice ? describe : describe.skip;
if (!soffice) announceMissing('the spreadsheet suite (LibreOffice Calc)', 'install it with `apt-get install -y libreoffice-calc-nogui`');

interface SummaryRow {
  nip: string;
  count: number;
  verifiedCount: number;
  averages: Record<string, number | null>;
  overall: number | null;
  score: number | null;
}

const AGUS = '198507222010121002';
const RINA = '199203152019032001';
const STAFF = '000417';

let server: TestServer;
let admin: TestUser;

const download = async (path: string) => {
  const response = await fetch(`${server.url}/api/v1/reports/${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
  expect(response.status).toBe(200);
  return {
    bytes: Buffer.from(await response.arrayBuffer()),
    name: /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1],
  };
};
const json = async <T>(path: string): Promise<T> =>
  (await (await fetch(`${server.url}/api/v1/reports/${path}`, { headers: { authorization: `Bearer ${admin.token}` } })).json()) as T;

/** Checks each Calc row against the JSON row of the same NIP: NIP as text, every figure a number. */
function expectRowsIntact(sheet: CalcSheet, rows: SummaryRow[], nipColumn = 0, firstFigure = 3) {
  const body = sheet.rows.slice(1);
  expect(body.map((cells) => cells[nipColumn])).toEqual(rows.map((row): CalcCell => ({ type: 'string', value: row.nip })));
  body.forEach((cells, i) => {
    const row = rows[i] as SummaryRow;
    const figures = [row.count, row.verifiedCount, ...Object.values(row.averages), row.overall, row.score];
    figures.forEach((figure, j) => {
      const cell = cells[firstFigure + j] as CalcCell;
      if (figure === null) expect(cell?.type ?? 'empty').toBe('empty');
      else expect(cell).toEqual({ type: 'float', value: figure });
    });
  });
}

suite('exports opened in LibreOffice Calc', () => {
  beforeAll(async () => {
    server = await startTestServer();
    admin = await makeUser(server, 'admin');
    const office = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!;
    const area = (await WorkArea.findOne({ where: { officeId: office.id } }))!;
    // A staff code of digits with leading zeros: as fragile in a spreadsheet as a NIP.
    await Employee.create({
      officeId: office.id,
      workAreaId: area.id,
      nip: STAFF,
      name: 'Petugas Alih Daya',
      position: 'Satpam',
      kind: 'pppk',
    });
    await addRatings(server.sequelize, [
      { nip: AGUS, scores: [5, 4, 4, 5, 3], at: new Date('2026-07-10T03:00:00Z') },
      { nip: AGUS, scores: [4, 4, 5, 4, 4], at: new Date('2026-08-11T03:00:00Z') },
      { nip: AGUS, scores: [3, 5, 4, 4, 5], at: new Date('2026-09-12T03:00:00Z') },
      { nip: RINA, scores: [5, 5, 5, 5, 4], at: new Date('2026-07-20T03:00:00Z'), verified: true },
      { nip: STAFF, scores: [4, 4, 4, 4, 4], at: new Date('2026-09-01T03:00:00Z') },
    ]);
    // Attendance counts in the combined score, which then needs no customers' part: Agus's is his attendance.
    const agus = (await Employee.findOne({ where: { nip: AGUS } }))!;
    await AttendanceMonth.create({
      officeId: office.id,
      employeeId: agus.id,
      month: '2026-07',
      workingDays: 21,
      presentDays: 20,
      leaveDays: 1,
      absentDays: 0,
      lateMinutes: 0,
      earlyLeaveMinutes: 0,
    } as never);
    const combined = {
      required: [],
      attendancePenalty: { latePerHour: 0.5, earlyLeavePerHour: 0.5 },
      skpValues: { below: 60, meeting: 80, above: 100 },
    };
    const weights = { effectiveFrom: '2026-01-01', weights: { customers: 50, attendance: 50, skp: 0 }, combined };
    expect((await adminApi(server, admin.token).put('/appraisal-weights', weights)).status).toBe(201);
  }, 60_000);
  afterAll(() => server?.close());

  it('keeps every NIP whole and every figure a number when the CSV is opened with the Indonesian locale', async () => {
    const { bytes, name } = await download('summary?period=2026-Q3&format=csv');
    expect(name).toBe('laporan-pacak-ringkasan-triwulan-iii-2026.csv');
    const [sheet] = await openWithCalc(bytes, 'csv');
    const report = await json<{ rows: SummaryRow[] }>('summary?period=2026-Q3');
    expect(report.rows.map((row) => row.nip)).toEqual(expect.arrayContaining([AGUS, RINA, STAFF]));
    expect(sheet!.rows[0]!.slice(0, 4).map((cell) => cell.value)).toEqual(['NIP', 'Nama', 'Wilayah kerja', 'Jumlah penilaian']);
    expectRowsIntact(sheet!, report.rows);
    // The appraisal columns after the customers' figures: numbers stay numbers.
    const header = sheet!.rows[0]!.map((cell) => cell.value);
    expect(header.slice(-4)).toEqual(['Kehadiran (%)', 'Hasil kerja SKP', 'Nilai gabungan', 'Predikat kinerja']);
    const agus = sheet!.rows.find((cells) => cells[0]?.value === AGUS)!;
    expect(agus[header.length - 4]).toEqual({ type: 'float', value: 100 });
    expect(agus[header.length - 2]).toEqual({ type: 'float', value: 100 });
  }, 240_000);

  it('keeps every NIP whole in every sheet of the XLSX, with Indonesian sheet names', async () => {
    const { bytes, name } = await download('ranking?period=2026-Q3&format=xlsx&minRatings=2');
    expect(name).toBe('laporan-pacak-peringkat-triwulan-iii-2026.xlsx');
    const sheets = await openWithCalc(bytes, 'xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Peringkat', 'Belum diperingkat', 'Keterangan']);
    const report = await json<{ ranked: SummaryRow[]; notYetRanked: SummaryRow[] }>('ranking?period=2026-Q3&minRatings=2');
    expect(report.ranked.map((row) => row.nip)).toEqual([AGUS]);
    expectRowsIntact(sheets[0]!, report.ranked, 1, 5);
    expect(sheets[0]!.rows[1]![4]!.type).toBe('float');
    expectRowsIntact(sheets[1]!, report.notYetRanked);
    const about = new Map(sheets[2]!.rows.map((cells) => [cells[0]!.value, cells[1]!.value]));
    expect(about.get('Laporan')).toBe('peringkat');
    expect(String(about.get('Periode'))).toMatch(/^Triwulan III 2026: 2026-07-01 s\.d\. 2026-09-30/);
  }, 240_000);

  it('names the file, the sheets and the columns in English with lang=en', async () => {
    const { bytes, name } = await download(`employees/${AGUS}?period=2026-Q3&format=xlsx&lang=en`);
    expect(name).toBe(`pacak-report-employee-${AGUS}-quarter-iii-2026.xlsx`);
    const sheets = await openWithCalc(bytes, 'xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Stars', 'By service type', 'By month', 'Comments', 'About']);
    expect(sheets[0]!.rows[0]!.slice(0, 4).map((cell) => cell.value)).toEqual(['NIP', 'Name', 'Work area', 'Ratings']);
    expect(sheets[0]!.rows[1]![0]).toEqual({ type: 'string', value: AGUS });
    // 3 ratings, stars 21 + 21 + 21 = 63 of 75: overall 4.2, score 84.0.
    expect(sheets[0]!.rows[1]!.slice(3, 5)).toEqual([
      { type: 'float', value: 3 },
      { type: 'float', value: 0 },
    ]);
    expect(sheets[0]!.rows[1]![10]).toEqual({ type: 'float', value: 4.2 });
    expect(sheets[0]!.rows[1]![11]).toEqual({ type: 'float', value: 84 });
  }, 240_000);
});
