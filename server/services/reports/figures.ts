import { GRADE_BANDS, type Figures as ContractFigures, type Grade, type Satisfies } from '../../../contract/index.js';
import { INDICATOR_CODES, type IndicatorCode } from '../../domain/indicators.js';

export type { Grade };

/** The bands of the public satisfaction survey (PermenPANRB 14/2017), borrowed for the 0-100 PACAK score. */
export const GRADE_LABELS = Object.fromEntries(GRADE_BANDS.map((band) => [band.grade, band.label])) as Record<Grade, string>;

export const SCORE_METHOD = {
  id:
    'Setiap indikator dinilai 1-5 bintang. Rata-rata keseluruhan = rata-rata kelima indikator. ' +
    'Skor = rata-rata keseluruhan / 5 x 100 (satu desimal). Predikat memakai rentang SKM (PermenPANRB 14/2017): ' +
    'A Sangat Baik 88,31-100; B Baik 76,61-88,30; C Kurang Baik 65,00-76,60; D Tidak Baik di bawah 65,00. ' +
    'Skor PACAK bukan Indeks Kepuasan Masyarakat (IKM); ia hanya memakai rentang yang sama. Penilaian yang dibatalkan tidak dihitung.',
  en:
    'Each indicator is rated 1-5 stars. Overall = mean of the five indicators. Score = overall / 5 x 100 (one decimal). ' +
    'Grades use the bands of the public satisfaction survey (PermenPANRB 14/2017): A 88.31-100, B 76.61-88.30, ' +
    'C 65.00-76.60, D below 65.00. The PACAK score is not the survey index (IKM); it borrows its bands. Voided ratings never count.',
} as const;

/** Counts and score sums of a group of ratings, as SQL aggregates return them. */
export interface Totals extends Record<IndicatorCode, number> {
  count: number;
  verifiedCount: number;
}

export interface Figures {
  count: number;
  verifiedCount: number;
  averages: Record<IndicatorCode, number | null>;
  overall: number | null;
  score: number | null;
  grade: Grade | null;
  gradeLabel: string | null;
}

/** The report API answers with the contract's figures. */
export type FiguresContract = Satisfies<Figures, ContractFigures>;

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * The grade of a group from its exact totals: the first band whose lowest score it reaches. With S the
 * sum of every star given and n the number of ratings, the score is S / (5n) / 5 x 100 = 4S / n, so
 * each band edge is compared in whole numbers (400 S >= 8831 n for "88.31 or more") and no rounding
 * can move a group across an edge.
 */
export function gradeOf(starSum: number, count: number): Grade {
  const band = GRADE_BANDS.find(({ from }) => 400 * starSum >= Math.round(from * 100) * count);
  return (band ?? GRADE_BANDS[GRADE_BANDS.length - 1]).grade;
}

export function figuresOf(totals: Totals): Figures {
  const { count, verifiedCount } = totals;
  if (count === 0) {
    const averages = Object.fromEntries(INDICATOR_CODES.map((code) => [code, null])) as Figures['averages'];
    return { count, verifiedCount, averages, overall: null, score: null, grade: null, gradeLabel: null };
  }
  const starSum = INDICATOR_CODES.reduce((sum, code) => sum + totals[code], 0);
  const averages = Object.fromEntries(INDICATOR_CODES.map((code) => [code, round(totals[code] / count, 2)])) as Figures['averages'];
  const grade = gradeOf(starSum, count);
  return {
    count,
    verifiedCount,
    averages,
    overall: round(starSum / (5 * count), 2),
    score: round((4 * starSum) / count, 1),
    grade,
    gradeLabel: GRADE_LABELS[grade],
  };
}

/** Reads a row of SQL aggregates (which PostgreSQL returns as strings for big sums) into totals. */
export function totalsOf(row: Record<string, unknown>): Totals {
  const totals = { count: Number(row.n ?? 0), verifiedCount: Number(row.verified_n ?? 0) } as Totals;
  for (const code of INDICATOR_CODES) totals[code] = Number(row[`s_${code}`] ?? 0);
  return totals;
}

export function addTotals(into: Totals, more: Totals): Totals {
  into.count += more.count;
  into.verifiedCount += more.verifiedCount;
  for (const code of INDICATOR_CODES) into[code] += more[code];
  return into;
}

export const emptyTotals = (): Totals => totalsOf({});
