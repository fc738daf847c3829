import type { RankingResult } from '../reports/ranking.js';

export type BehaviourLevel = 'below' | 'meeting' | 'above';

/** The three levels of PermenPANRB 6/2022, as the evidence names them. */
export const LEVEL_NAMES: Record<BehaviourLevel, { id: string; en: string }> = {
  below: { id: 'Di bawah ekspektasi', en: 'Below expectations' },
  meeting: { id: 'Sesuai ekspektasi', en: 'Meeting expectations' },
  above: { id: 'Di atas ekspektasi', en: 'Above expectations' },
};

export interface BehaviourSuggestion {
  /** Null when there is not enough to go on: too few ratings, or too few colleagues to compare with. */
  level: BehaviourLevel | null;
  label: { id: string; en: string };
  ratings: number;
  minRatings: number;
  /** The employee's Bayesian average (1-5), the office's mean and spread of them, and how many employees those cover. */
  bayesian: number | null;
  officeMean: number | null;
  officeSpread: number | null;
  compared: number;
  explanation: { id: string; en: string };
}

/** Fewer ranked colleagues than this make no distribution worth comparing with. */
export const MIN_COMPARED = 3;

const r3 = (value: number) => Math.round(value * 1000) / 1000;
const id3 = (value: number) => value.toFixed(3).replace('.', ',');

/**
 * A suggestion for the leader, never a rating: the employee's Bayesian average (the ranking's) set
 * against the office's ranked employees in the same period. More than one standard deviation under
 * their mean suggests below expectations, more than one above suggests above, anything between
 * meeting. It needs the office's minimum number of ratings and at least three ranked employees.
 */
export function suggestBehaviour(nip: string, ranking: RankingResult, ratings: number, minRatings: number): BehaviourSuggestion {
  const values = ranking.ranked.map((row) => row.bayesian);
  const mine = ranking.ranked.find((row) => row.nip === nip);
  const base = { ratings, minRatings, compared: values.length };
  if (!mine || ratings < minRatings) {
    return {
      ...base,
      level: null,
      bayesian: null,
      officeMean: null,
      officeSpread: null,
      label: { id: 'Penilaian belum cukup', en: 'Not enough ratings' },
      explanation: {
        id: `Pegawai ini mendapat ${ratings} penilaian; saran perilaku memerlukan sedikitnya ${minRatings} penilaian pada periode ini.`,
        en: `This employee has ${ratings} ratings; a behaviour suggestion needs at least ${minRatings} in the period.`,
      },
    };
  }
  if (values.length < MIN_COMPARED) {
    return {
      ...base,
      level: null,
      bayesian: mine.bayesian,
      officeMean: null,
      officeSpread: null,
      label: { id: 'Pembanding belum cukup', en: 'Too few colleagues to compare' },
      explanation: {
        id: `Hanya ${values.length} pegawai kantor ini yang mencapai ${minRatings} penilaian; perbandingan memerlukan sedikitnya ${MIN_COMPARED}.`,
        en: `Only ${values.length} employees of this office reached ${minRatings} ratings; a comparison needs at least ${MIN_COMPARED}.`,
      },
    };
  }
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const spread = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
  const level: BehaviourLevel = mine.bayesian < mean - spread ? 'below' : mine.bayesian > mean + spread ? 'above' : 'meeting';
  const low = mean - spread;
  const high = mean + spread;
  return {
    ...base,
    level,
    bayesian: mine.bayesian,
    officeMean: r3(mean),
    officeSpread: r3(spread),
    label: LEVEL_NAMES[level],
    explanation: {
      id:
        `Rata-rata Bayes pegawai ${id3(mine.bayesian)} dari ${ratings} penilaian. Rata-rata ${values.length} pegawai kantor yang diperingkat ${id3(mean)}, ` +
        `simpangan baku ${id3(spread)}. Di bawah ${id3(low)} disarankan "di bawah ekspektasi", di atas ${id3(high)} "di atas ekspektasi", ` +
        `di antaranya "sesuai ekspektasi". Ini saran bagi atasan, bukan penilaian.`,
      en:
        `The employee's Bayesian average is ${mine.bayesian.toFixed(3)} from ${ratings} ratings. The ${values.length} ranked employees of the office average ` +
        `${mean.toFixed(3)}, standard deviation ${spread.toFixed(3)}. Below ${low.toFixed(3)} suggests "below expectations", above ${high.toFixed(3)} ` +
        `"above expectations", between them "meeting expectations". A suggestion for the leader, not a rating.`,
    },
  };
}
