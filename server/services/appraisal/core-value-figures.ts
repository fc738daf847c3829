import { CORE_VALUES, type CoreValueCode, type CoreValueMapping } from '../../domain/appraisal/core-values.js';
import { INDICATORS, INDICATOR_CODES, type IndicatorCode } from '../../domain/indicators.js';

export interface CoreValueFigure {
  code: CoreValueCode;
  name: string;
  en: string;
  /** The PACAK indicators that feed it under the office's mapping (empty: no customer evidence). */
  indicators: { code: IndicatorCode; name: string; average: number | null }[];
  /** Mean of those indicators' stars, 1-5, two decimals; null without indicators or ratings. */
  average: number | null;
  /** The same as a 0-100 score, one decimal, as the PACAK score is written. */
  score: number | null;
}

/** Exact mean stars of an indicator from its star counts (index 0 is one star). */
const meanOf = (counts: number[]) => {
  const n = counts.reduce((sum, c) => sum + c, 0);
  return n ? counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / n : null;
};

/**
 * The customers' figures behind each BerAKHLAK core value: the indicators the office maps to it and
 * their mean, computed exactly from the star counts and rounded only for display.
 */
export function coreValueFigures(stars: Record<IndicatorCode, number[]>, mapping: CoreValueMapping): CoreValueFigure[] {
  const exact = new Map(INDICATOR_CODES.map((code) => [code, meanOf(stars[code] ?? [])]));
  return CORE_VALUES.map((value) => {
    const fed = INDICATORS.filter((indicator) => mapping[indicator.code]?.includes(value.code));
    const means = fed.map((indicator) => exact.get(indicator.code)).filter((mean): mean is number => mean !== null && mean !== undefined);
    const average = means.length ? means.reduce((sum, m) => sum + m, 0) / means.length : null;
    return {
      code: value.code,
      name: value.name,
      en: value.en,
      indicators: fed.map((indicator) => {
        const mean = exact.get(indicator.code) ?? null;
        return { code: indicator.code, name: indicator.name, average: mean === null ? null : Math.round(mean * 100) / 100 };
      }),
      average: average === null ? null : Math.round(average * 100) / 100,
      score: average === null ? null : Math.round((average / 5) * 1000) / 10,
    };
  });
}
