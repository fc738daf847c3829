import { SKM_ELEMENTS, SKM_ELEMENT_CODES, type SkmElementCode } from './elements.js';
import { intervalOf, publishedValue, SKM_BASE_VALUE, type SkmGrade } from './grades.js';

/**
 * The SKM computation of PermenPANRB 14/2017, Lampiran, Bab IV ("Pengolahan data survei"):
 *
 * 1. NRR per element (nilai rata-rata per unsur) = the sum of the element's answers (1-4) / the number
 *    of questionnaires that answered it.
 * 2. Weighted NRR (NRR tertimbang) = NRR x the weight, with equal weights "bobot nilai rata-rata
 *    tertimbang = jumlah bobot / jumlah unsur = 1 / X": 1/9 = 0,111 for nine elements, and 1/k over the
 *    k elements actually used when some are not applicable (the formula's "total unsur yang terisi").
 * 3. IKM (1-4) = the sum of the weighted NRRs.
 * 4. Converted IKM (25-100) = IKM x 25, the base value ("nilai dasar"), graded by the interval table
 *    (grades.ts).
 *
 * Everything is computed exactly from the sums; only the published figures are rounded (NRR to two
 * decimals, the converted IKM to two), and the grade is read from the published converted IKM.
 */

/** The sum and the number of answers of one element over a set of questionnaires. */
export interface SkmElementTotal {
  sum: number;
  count: number;
}

export type SkmTotals = Partial<Record<SkmElementCode, SkmElementTotal>>;

export interface SkmElementResult {
  code: SkmElementCode;
  number: number;
  name: { id: string; en: string };
  /** False when no questionnaire answered it (the element was not applicable): it has no weight. */
  used: boolean;
  count: number;
  sum: number;
  nrr: number | null;
  weight: number;
  weightedNrr: number | null;
  /** NRR x 25, for reading one element on the same scale as the converted IKM. */
  converted: number | null;
  grade: SkmGrade | null;
}

/** A used element: answered by at least one questionnaire, so its NRR is known. */
export const isUsedElement = (element: SkmElementResult): element is SkmElementResult & { nrr: number } =>
  element.used && element.nrr !== null;

export interface SkmResult {
  respondents: number;
  elements: SkmElementResult[];
  elementsUsed: number;
  /** IKM on the 1-4 scale (sum of the weighted NRRs), exact; null without any answer. */
  index: number | null;
  /** IKM x 25, exact. */
  converted: number | null;
  /** The converted IKM as published, two decimals. */
  ikm: number | null;
  grade: SkmGrade | null;
  gradeLabel: { id: string; en: string } | null;
  /** The used element(s) with the lowest NRR: where the follow-up plan starts. */
  lowest: SkmElementCode[];
}

/** Sums and counts per element of answered questionnaires; a missing or null answer is not applicable. */
export function tallyAnswers(answers: readonly Partial<Record<SkmElementCode, number | null>>[]): SkmTotals {
  const totals: SkmTotals = {};
  for (const answer of answers) {
    for (const code of SKM_ELEMENT_CODES) {
      const score = answer[code];
      if (score === null || score === undefined) continue;
      const total = (totals[code] ??= { sum: 0, count: 0 });
      total.sum += score;
      total.count += 1;
    }
  }
  return totals;
}

export function computeIkm(totals: SkmTotals, respondents: number): SkmResult {
  const used = SKM_ELEMENTS.filter((element) => (totals[element.code]?.count ?? 0) > 0);
  const weight = used.length ? 1 / used.length : 0;
  const elements: SkmElementResult[] = SKM_ELEMENTS.map((element) => {
    const total = totals[element.code] ?? { sum: 0, count: 0 };
    const isUsed = total.count > 0;
    const nrr = isUsed ? total.sum / total.count : null;
    return {
      code: element.code,
      number: element.number,
      name: element.name,
      used: isUsed,
      count: total.count,
      sum: total.sum,
      nrr,
      weight: isUsed ? weight : 0,
      weightedNrr: nrr === null ? null : nrr * weight,
      converted: nrr === null ? null : nrr * SKM_BASE_VALUE,
      grade: nrr === null ? null : intervalOf(nrr * SKM_BASE_VALUE).grade,
    };
  });
  if (!used.length) {
    return { respondents, elements, elementsUsed: 0, index: null, converted: null, ikm: null, grade: null, gradeLabel: null, lowest: [] };
  }
  // The mean of the NRRs equals the sum of the weighted NRRs; summed from the NRRs so no 0,111 creeps in.
  const usedResults = elements.filter(isUsedElement);
  const index = usedResults.reduce((sum, element) => sum + element.nrr, 0) / usedResults.length;
  const converted = index * SKM_BASE_VALUE;
  const row = intervalOf(converted);
  const lowestNrr = Math.min(...usedResults.map((element) => element.nrr));
  // NRRs equal as fractions may differ in the last bit as floats; the published two decimals decide.
  const lowest = usedResults.filter((element) => publishedValue(element.nrr) === publishedValue(lowestNrr)).map((element) => element.code);
  return {
    respondents,
    elements,
    elementsUsed: usedResults.length,
    index,
    converted,
    ikm: publishedValue(converted),
    grade: row.grade,
    gradeLabel: row.label,
    lowest,
  };
}
