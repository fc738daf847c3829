import { buffer, text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Office } from '../../server/db/models/index.js';
import { csvStream, xlsxStream } from '../../server/services/reports/exports.js';
import { ReportBuilders, type SummaryReport } from '../../server/services/reports/report-builders.js';
import { reportQuerySchema } from '../../server/services/reports/report-query.js';
import { employeeTables, summaryTables } from '../../server/services/reports/report-tables.js';
import { ReportService } from '../../server/services/reports/reports.js';
import { addRatings } from '../helpers/rating-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let summary: SummaryReport;
let reports: ReportBuilders;
let officeId: number;
const period = reportQuerySchema.parse({ from: '2025-01-01', to: '2025-01-31' });

beforeAll(async () => {
  server = await startTestServer();
  officeId = (await Office.findOne())!.id;
  await addRatings(server.sequelize, [
    {
      nip: '199203152019032001',
      scores: [5, 4, 4, 5, 3],
      at: new Date('2025-01-10T03:00:00Z'),
      comment: '=HYPERLINK("http://x") "kutip"; titik koma',
    },
    { nip: '199203152019032001', scores: [4, 4, 4, 4, 5], at: new Date('2025-01-11T03:00:00Z') },
    { nip: '198507222010121002', scores: [2, 3, 2, 3, 1], at: new Date('2025-01-12T03:00:00Z') },
  ]);
  reports = new ReportBuilders(new ReportService(server.sequelize));
  summary = await reports.summary({ officeId }, period);
});
afterAll(() => server.close());

/** The summary rows as the JSON gives them, in the order and form of the export's columns. */
const expectedRows = (report: SummaryReport) =>
  report.rows.map((row) => [
    row.nip,
    row.name,
    row.workArea.name,
    row.count,
    row.verifiedCount,
    row.averages.profesional,
    row.averages.amanah,
    row.averages.cakap,
    row.averages.akuntabel,
    row.averages.kolaboratif,
    row.overall,
    row.score,
    row.grade ? `${row.grade} (${row.gradeLabel})` : null,
  ]);

describe('report exports', () => {
  it('writes CSV that Excel in Indonesia opens as columns, and that reads back equal to the JSON', async () => {
    const bytes = await buffer(csvStream(summaryTables(summary)[0]!));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('NIP;Nama;Wilayah kerja;Jumlah penilaian');
    const records = parse(csv.slice(1), { delimiter: ';', from_line: 2, relax_column_count: false }) as string[][];
    const numberOrText = (cell: string) => (cell === '' ? null : /^-?\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell);
    // The NIP is written as a formula whose result is its text, so spreadsheets keep all 18 digits.
    const nipOf = (cell: string) => /^="(.+)"$/.exec(cell)?.[1] ?? cell;
    const read = records.map((record) => record.map((cell, i) => (i === 0 ? nipOf(cell) : i < 3 ? cell : numberOrText(cell))));
    expect(read).toEqual(expectedRows(summary));
    // One decimal style: every average with two places, the score with one.
    for (const record of records) {
      for (const average of record.slice(5, 11)) expect(average).toMatch(/^(\d,\d\d)?$/);
      expect(record[11]).toMatch(/^(\d+,\d)?$/);
    }
  });

  it('writes an XLSX workbook with a frozen header and numbers as numbers, equal to the JSON', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buffer(xlsxStream(summaryTables(summary)))) as never);
    const sheet = workbook.getWorksheet('Ringkasan')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('NIP');
    const rows: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) rows.push(Array.from({ length: 13 }, (_, i) => row.getCell(i + 1).value ?? null));
    });
    expect(rows).toEqual(expectedRows(summary));
    expect(typeof sheet.getRow(2).getCell(12).value).toBe('number');
    expect(workbook.getWorksheet('Keterangan')!.getRow(5).getCell(2).value).toBe('semua');
  });

  it('keeps a comment that looks like a formula from running in a spreadsheet', async () => {
    const detail = await reports.employee({ officeId }, '199203152019032001', period);
    const comments = employeeTables(detail).find((table) => table.name === 'Komentar')!;
    const csv = await text(csvStream(comments));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"") ""kutip""; titik koma"`);
  });
});
