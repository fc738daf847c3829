import { INDICATOR_CODES } from '../../domain/indicators.js';
import type { Totals } from './figures.js';
import type { EmployeeRow } from './reports.js';

export interface RankedRow extends EmployeeRow {
  rank: number;
  /** The Bayesian average of the overall score, 1 to 5, rounded to three decimals for display. */
  bayesian: number;
}

export interface RankingResult {
  rankingMethod: {
    minRatings: number;
    weight: number;
    prior: number | null;
    explanation: string;
    /** Set when the appraisal figures were added: what orders `ranked`. */
    orderBy?: 'bayesian' | 'combined';
  };
  ranked: RankedRow[];
  notYetRanked: EmployeeRow[];
}

/**
 * Orders employees for awards by a Bayesian average: each employee's overall mean is pulled towards
 * the office mean (the prior) as if they had `weight` more ratings at that mean, so one five-star
 * rating cannot beat forty good ones. Employees with fewer than `minRatings` ratings are listed
 * apart as not yet ranked. Ties go to the employee with more ratings, then by name.
 */
export function rank(
  rows: EmployeeRow[],
  totals: Map<string, Totals>,
  { minRatings, weight }: { minRatings: number; weight: number },
): RankingResult {
  const rated = rows.filter((row) => row.count > 0);
  // Exact star sums, not the rounded figures shown: the order must not depend on display rounding.
  const stars = (row: EmployeeRow) => {
    const t = totals.get(row.nip);
    return t ? INDICATOR_CODES.reduce((sum, code) => sum + t[code], 0) : 0;
  };
  const countTotal = rated.reduce((sum, row) => sum + row.count, 0);
  const prior = countTotal ? rated.reduce((sum, row) => sum + stars(row), 0) / (5 * countTotal) : null;
  const exact = (row: EmployeeRow) => ((prior ?? 0) * weight + stars(row) / 5) / (weight + row.count);
  const ranked = rated
    .filter((row) => row.count >= minRatings)
    .map((row) => ({ row, value: exact(row) }))
    .sort((a, b) => b.value - a.value || b.row.count - a.row.count || a.row.name.localeCompare(b.row.name))
    .map(({ row, value }, index) => ({ ...row, rank: index + 1, bayesian: Math.round(value * 1000) / 1000 }));
  return {
    rankingMethod: {
      minRatings,
      weight,
      prior: prior === null ? null : Math.round(prior * 1000) / 1000,
      explanation:
        `Peringkat memakai rata-rata Bayes: (${weight} x rata-rata kantor + jumlah penilaian x rata-rata pegawai) / (${weight} + jumlah penilaian). ` +
        `Pegawai dengan kurang dari ${minRatings} penilaian belum diberi peringkat.`,
    },
    ranked,
    notYetRanked: rows.filter((row) => row.count < minRatings),
  };
}
