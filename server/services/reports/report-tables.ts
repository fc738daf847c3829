import { INDICATORS } from '../../domain/indicators.js';
import type { Figures } from './figures.js';
import type { EmployeeReport, GroupReport, RankingReport, SummaryReport } from './report-builders.js';
import type { ReportHeader } from './reports.js';

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Width in characters for spreadsheets. */
  width: number;
  kind: 'text' | 'integer' | 'decimal';
}

/** One table of an exported report: a CSV file holds the first, a workbook one sheet each. */
export interface Table {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

const text = (header: string, width = 24): Column => ({ header, width, kind: 'text' });
const integer = (header: string): Column => ({ header, width: 10, kind: 'integer' });
const decimal = (header: string): Column => ({ header, width: 11, kind: 'decimal' });

const FIGURE_COLUMNS: Column[] = [
  integer('Jumlah penilaian'),
  integer('Terverifikasi'),
  ...INDICATORS.map((indicator) => decimal(indicator.name)),
  decimal('Rata-rata'),
  decimal('Skor'),
  text('Predikat', 14),
];

const figureCells = (f: Figures): Cell[] => [
  f.count,
  f.verifiedCount,
  ...INDICATORS.map((indicator) => f.averages[indicator.code]),
  f.overall,
  f.score,
  f.grade ? `${f.grade} (${f.gradeLabel})` : null,
];

/** What the report is: period, filters, method and time made, as a sheet of its own. */
function aboutTable(report: ReportHeader): Table {
  return {
    name: 'Keterangan',
    columns: [text('Keterangan', 22), text('Nilai', 100)],
    rows: [
      ['Laporan', report.report],
      ['Kantor', report.office.name],
      ['Periode', `${report.period.from} s.d. ${report.period.to} (${report.office.timeZone})`],
      ['Wilayah kerja', report.filters.workArea ?? 'semua'],
      ['Jenis pelayanan', report.filters.serviceType ?? 'semua'],
      ['Hanya terverifikasi', report.filters.verifiedOnly ? 'ya' : 'tidak'],
      ['Metode', report.method.id],
      ['Dibuat', report.generatedAt],
    ],
  };
}

/** How many of each star every indicator got. */
function starTable(stars: SummaryReport['stars']): Table {
  return {
    name: 'Sebaran bintang',
    columns: [text('Indikator', 16), ...[1, 2, 3, 4, 5].map((star) => integer(`${star} bintang`))],
    rows: INDICATORS.map((indicator) => [indicator.name, ...(stars[indicator.code] ?? [])]),
  };
}

function monthTable(byMonth: SummaryReport['byMonth']): Table {
  return { name: 'Per bulan', columns: [text('Bulan', 10), ...FIGURE_COLUMNS], rows: byMonth.map((row) => [row.month, ...figureCells(row)]) };
}

export function summaryTables(report: SummaryReport): Table[] {
  return [
    {
      name: 'Ringkasan',
      columns: [text('NIP', 20), text('Nama', 32), text('Wilayah kerja', 30), ...FIGURE_COLUMNS],
      rows: report.rows.map((row) => [row.nip, row.name, row.workArea.name, ...figureCells(row)]),
    },
    starTable(report.stars),
    monthTable(report.byMonth),
    aboutTable(report),
  ];
}

export function groupTables(report: GroupReport, label: string): Table[] {
  return [
    {
      name: label,
      columns: [text('Kode', 24), text('Nama', 40), ...FIGURE_COLUMNS],
      rows: report.rows.map((row) => [row.code, row.name, ...figureCells(row)]),
    },
    aboutTable(report),
  ];
}

export function rankingTables(report: RankingReport): Table[] {
  const base = [text('NIP', 20), text('Nama', 32), text('Wilayah kerja', 30)];
  return [
    {
      name: 'Peringkat',
      columns: [integer('Peringkat'), ...base, decimal('Rata-rata Bayes'), ...FIGURE_COLUMNS],
      rows: report.ranked.map((row) => [row.rank, row.nip, row.name, row.workArea.name, row.bayesian, ...figureCells(row)]),
    },
    {
      name: 'Belum diperingkat',
      columns: [...base, ...FIGURE_COLUMNS],
      rows: report.notYetRanked.map((row) => [row.nip, row.name, row.workArea.name, ...figureCells(row)]),
    },
    { ...aboutTable(report), rows: [...aboutTable(report).rows, ['Metode peringkat', report.rankingMethod.explanation]] },
  ];
}

export function employeeTables(report: EmployeeReport): Table[] {
  const { employee } = report;
  return [
    {
      name: 'Ringkasan',
      columns: [text('NIP', 20), text('Nama', 32), text('Wilayah kerja', 30), ...FIGURE_COLUMNS],
      rows: [[employee.nip, employee.name, employee.workArea.name, ...figureCells(report.figures)]],
    },
    starTable(report.stars),
    {
      name: 'Per jenis pelayanan',
      columns: [text('Kode', 24), text('Jenis pelayanan', 40), ...FIGURE_COLUMNS],
      rows: report.byServiceType.map((row) => [row.code, row.name, ...figureCells(row)]),
    },
    monthTable(report.byMonth),
    {
      name: 'Komentar',
      columns: [text('Tanggal', 12), text('Jenis pelayanan', 36), text('No HP', 16), text('Terverifikasi', 12), text('Komentar', 80)],
      rows: report.comments.map((c) => [c.date, c.serviceType, c.phone, c.verified ? 'ya' : 'tidak', c.comment]),
    },
    aboutTable(report),
  ];
}
