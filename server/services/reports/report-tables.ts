import type { KinerjaCells } from '../../domain/appraisal/combined.js';
import { PREDIKAT_NAMES, SKP_LEVEL_NAMES } from '../../domain/appraisal/predikat.js';
import { INDICATORS } from '../../domain/indicators.js';
import type { Figures } from './figures.js';
import type { EmployeeReport, GroupReport, RankingReport, SummaryReport } from './report-builders.js';
import type { ReportHeader } from './reports.js';

export type Cell = string | number | null;
export type ExportLang = 'id' | 'en';

export interface Column {
  header: string;
  /** Width in characters for spreadsheets. */
  width: number;
  /**
   * `id` is text that looks like a number (a NIP, a staff code): a spreadsheet must keep it as text,
   * or an 18-digit NIP loses its last digits to floating point.
   */
  kind: 'text' | 'id' | 'integer' | 'decimal';
  /** Decimal places, always written in full (4,50 not 4,5), so a column reads in one style. */
  places?: number;
}

/** One table of an exported report: a CSV file holds the first, a workbook one sheet each. */
export interface Table {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

/** Indonesian first; English when the reader asked for `lang=en`. */
export type Say = (id: string, en: string) => string;
export const sayIn =
  (lang: ExportLang): Say =>
  (id, en) =>
    lang === 'en' ? en : id;

export const text = (header: string, width = 24): Column => ({ header, width, kind: 'text' });
export const id = (header: string, width = 22): Column => ({ header, width, kind: 'id' });
export const integer = (header: string): Column => ({ header, width: 10, kind: 'integer' });
export const decimal = (header: string, places = 2): Column => ({ header, width: 11, kind: 'decimal', places });

/** The report's own name, as file and sheet names and the about sheet give it. */
export const REPORT_NAMES: Record<string, { id: string; en: string }> = {
  summary: { id: 'ringkasan', en: 'summary' },
  'work-areas': { id: 'wilayah-kerja', en: 'work-areas' },
  'service-types': { id: 'jenis-pelayanan', en: 'service-types' },
  ranking: { id: 'peringkat', en: 'ranking' },
  employee: { id: 'pegawai', en: 'employee' },
};

export const figureColumns = (say: Say): Column[] => [
  integer(say('Jumlah penilaian', 'Ratings')),
  integer(say('Terverifikasi', 'Verified')),
  ...INDICATORS.map((indicator) => decimal(indicator.name)),
  decimal(say('Rata-rata', 'Overall')),
  decimal(say('Skor', 'Score'), 1),
  text(say('Predikat', 'Grade'), 14),
];

export const figureCells = (f: Figures): Cell[] => [
  f.count,
  f.verifiedCount,
  ...INDICATORS.map((indicator) => f.averages[indicator.code]),
  f.overall,
  f.score,
  f.grade ? `${f.grade} (${f.gradeLabel})` : null,
];

/** Attendance, SKP, combined score and predikat, after the customers' figures, when the report carries them. */
export const kinerjaColumns = (say: Say, rows: { kinerja?: KinerjaCells }[]): Column[] =>
  rows.some((row) => row.kinerja)
    ? [
        decimal(say('Kehadiran (%)', 'Attendance (%)'), 1),
        text(say('Hasil kerja SKP', 'SKP work result'), 20),
        decimal(say('Nilai gabungan', 'Combined score'), 1),
        text(say('Predikat kinerja', 'Performance rating'), 18),
      ]
    : [];

export const kinerjaCells = (say: Say, row: { kinerja?: KinerjaCells }, shown: boolean): Cell[] => {
  if (!shown) return [];
  const k = row.kinerja;
  const level = k?.skpWorkResult ? SKP_LEVEL_NAMES[k.skpWorkResult] : null;
  // The predikat keeps its regulation name in both languages, with a translation in English.
  const predikat = k?.predikat ? PREDIKAT_NAMES[k.predikat] : null;
  return [
    k?.attendanceRate ?? null,
    level ? say(level.id, level.en) : null,
    k?.combinedScore ?? null,
    predikat ? say(predikat.id, `${predikat.id} (${predikat.en})`) : null,
  ];
};

/** What the report is: period, filters, method and time made, as a sheet of its own. */
export function aboutTable(report: ReportHeader, say: Say): Table {
  const all = say('semua', 'all');
  const period = `${report.period.from} s.d. ${report.period.to} (${report.office.timeZone})`;
  return {
    name: say('Keterangan', 'About'),
    columns: [text(say('Keterangan', 'Item'), 22), text(say('Nilai', 'Value'), 100)],
    rows: [
      [say('Laporan', 'Report'), say(REPORT_NAMES[report.report]?.id ?? report.report, REPORT_NAMES[report.report]?.en ?? report.report)],
      [say('Kantor', 'Office'), report.office.name],
      [say('Periode', 'Period'), report.period.name ? `${say(report.period.name.id, report.period.name.en)}: ${period}` : period],
      [say('Wilayah kerja', 'Work area'), report.filters.workArea ?? all],
      [say('Jenis pelayanan', 'Service type'), report.filters.serviceType ?? all],
      [say('Hanya terverifikasi', 'Verified only'), report.filters.verifiedOnly ? say('ya', 'yes') : say('tidak', 'no')],
      [say('Metode', 'Method'), say(report.method.id, report.method.en)],
      [say('Dibuat', 'Made'), report.generatedAt],
    ],
  };
}

/** How many of each star every indicator got. */
function starTable(stars: SummaryReport['stars'], say: Say): Table {
  return {
    name: say('Sebaran bintang', 'Stars'),
    columns: [text(say('Indikator', 'Indicator'), 16), ...[1, 2, 3, 4, 5].map((star) => integer(say(`${star} bintang`, `${star} stars`)))],
    rows: INDICATORS.map((indicator) => [indicator.name, ...(stars[indicator.code] ?? [])]),
  };
}

function monthTable(byMonth: SummaryReport['byMonth'], say: Say): Table {
  return {
    name: say('Per bulan', 'By month'),
    columns: [text(say('Bulan', 'Month'), 10), ...figureColumns(say)],
    rows: byMonth.map((row) => [row.month, ...figureCells(row)]),
  };
}

const personColumns = (say: Say) => [id('NIP'), text(say('Nama', 'Name'), 32), text(say('Wilayah kerja', 'Work area'), 30)];

export function summaryTables(report: SummaryReport, lang: ExportLang = 'id'): Table[] {
  const say = sayIn(lang);
  const extra = kinerjaColumns(say, report.rows);
  const shown = extra.length > 0;
  return [
    {
      name: say('Ringkasan', 'Summary'),
      columns: [...personColumns(say), ...figureColumns(say), ...extra],
      rows: report.rows.map((row) => [row.nip, row.name, row.workArea.name, ...figureCells(row), ...kinerjaCells(say, row, shown)]),
    },
    starTable(report.stars, say),
    monthTable(report.byMonth, say),
    aboutTable(report, say),
  ];
}

export function groupTables(report: GroupReport, lang: ExportLang = 'id'): Table[] {
  const say = sayIn(lang);
  const label = report.report === 'work-areas' ? say('Wilayah kerja', 'Work areas') : say('Jenis pelayanan', 'Service types');
  return [
    {
      name: label,
      columns: [text(say('Kode', 'Code'), 24), text(say('Nama', 'Name'), 40), ...figureColumns(say)],
      rows: report.rows.map((row) => [row.code, row.name, ...figureCells(row)]),
    },
    aboutTable(report, say),
  ];
}

export function rankingTables(report: RankingReport, lang: ExportLang = 'id'): Table[] {
  const say = sayIn(lang);
  const about = aboutTable(report, say);
  const extra = kinerjaColumns(say, [...report.ranked, ...report.notYetRanked]);
  const shown = extra.length > 0;
  return [
    {
      name: say('Peringkat', 'Ranking'),
      columns: [
        integer(say('Peringkat', 'Rank')),
        ...personColumns(say),
        decimal(say('Rata-rata Bayes', 'Bayesian average'), 3),
        ...figureColumns(say),
        ...extra,
      ],
      rows: report.ranked.map((row) => [
        row.rank,
        row.nip,
        row.name,
        row.workArea.name,
        row.bayesian,
        ...figureCells(row),
        ...kinerjaCells(say, row, shown),
      ]),
    },
    {
      name: say('Belum diperingkat', 'Not yet ranked'),
      columns: [...personColumns(say), ...figureColumns(say), ...extra],
      rows: report.notYetRanked.map((row) => [row.nip, row.name, row.workArea.name, ...figureCells(row), ...kinerjaCells(say, row, shown)]),
    },
    { ...about, rows: [...about.rows, [say('Metode peringkat', 'Ranking method'), report.rankingMethod.explanation]] },
  ];
}

export function employeeTables(report: EmployeeReport, lang: ExportLang = 'id'): Table[] {
  const say = sayIn(lang);
  const { employee } = report;
  const extra = kinerjaColumns(say, [report]);
  return [
    {
      name: say('Ringkasan', 'Summary'),
      columns: [...personColumns(say), ...figureColumns(say), ...extra],
      rows: [
        [
          employee.nip,
          employee.name,
          employee.workArea.name,
          ...figureCells(report.figures),
          ...kinerjaCells(say, report, extra.length > 0),
        ],
      ],
    },
    starTable(report.stars, say),
    {
      name: say('Per jenis pelayanan', 'By service type'),
      columns: [text(say('Kode', 'Code'), 24), text(say('Jenis pelayanan', 'Service type'), 40), ...figureColumns(say)],
      rows: report.byServiceType.map((row) => [row.code, row.name, ...figureCells(row)]),
    },
    monthTable(report.byMonth, say),
    {
      name: say('Komentar', 'Comments'),
      columns: [
        text(say('Tanggal', 'Date'), 12),
        text(say('Jenis pelayanan', 'Service type'), 36),
        text(say('No HP', 'Phone'), 16),
        text(say('Terverifikasi', 'Verified'), 12),
        text(say('Komentar', 'Comment'), 80),
      ],
      rows: report.comments.map((c) => [c.date, c.serviceType, c.phone, c.verified ? say('ya', 'yes') : say('tidak', 'no'), c.comment]),
    },
    aboutTable(report, say),
  ];
}
