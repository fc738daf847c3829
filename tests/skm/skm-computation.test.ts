import { describe, expect, it } from 'vitest';
import { SKM_ELEMENT_CODES, type SkmElementCode } from '../../server/domain/skm/elements.js';
import { gradeOfConverted, gradeOfIndex, SKM_INTERVALS } from '../../server/domain/skm/grades.js';
import { computeIkm, tallyAnswers } from '../../server/domain/skm/ikm.js';

type Answers = Partial<Record<SkmElementCode, number | null>>;

/** Questionnaires from one column of scores per element (respondent r answers column[r]). */
function questionnaires(columns: Partial<Record<SkmElementCode, (number | null)[]>>, respondents: number): Answers[] {
  return Array.from(
    { length: respondents },
    (_, r) => Object.fromEntries(Object.entries(columns).map(([code, column]) => [code, column![r] ?? null])) as Answers,
  );
}

/** A column of n answers with the given sum, made of 3s and 4s (sum - 3n fours first). */
const column = (n: number, sum: number): number[] => Array.from({ length: n }, (_, i) => (i < sum - 3 * n ? 4 : 3));

describe('the SKM computation of PermenPANRB 14/2017', () => {
  it('computes a worked example the way the Lampiran does, checked by hand', () => {
    // Ten questionnaires, nine elements. Sums by hand, then NRR = sum / 10:
    //   persyaratan 4+4+3+3+3+4+3+3+4+3 = 34 -> 3,40    produk     3+3+4+3+3+3+4+3+3+3 = 32 -> 3,20
    //   prosedur    3 x 10             = 30 -> 3,00    kompetensi 4+4+4+3+3+3+3+4+4+4 = 36 -> 3,60
    //   waktu       2+3+3+3+2+3+3+3+3+3 = 28 -> 2,80    perilaku   4+4+4+4+4+3+3+4+4+4 = 38 -> 3,80
    //   biaya       4 x 10             = 40 -> 4,00    pengaduan  3+3+3+2+3+3+3+3+3+3 = 29 -> 2,90
    //   sarana      3+3+3+3+3+3+4+3+3+4 = 32 -> 3,20
    // Sum of the NRRs = 29,90; weight 1/9 each, so IKM = 29,90 / 9 = 3,32222...;
    // converted IKM = 3,32222... x 25 = 83,0555... -> 83,06, in 76,61-88,30: B, Baik.
    // (With the Lampiran's rounded weight 0,111 the sum would be 3,3189 and 82,97: also B; the
    // exact weight 1/9 is used so that equal answers give exactly their own value.)
    // The lowest element is Waktu Penyelesaian, 2,80.
    const answers = questionnaires(
      {
        persyaratan: [4, 4, 3, 3, 3, 4, 3, 3, 4, 3],
        prosedur: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
        waktu: [2, 3, 3, 3, 2, 3, 3, 3, 3, 3],
        biaya: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
        produk: [3, 3, 4, 3, 3, 3, 4, 3, 3, 3],
        kompetensi: [4, 4, 4, 3, 3, 3, 3, 4, 4, 4],
        perilaku: [4, 4, 4, 4, 4, 3, 3, 4, 4, 4],
        pengaduan: [3, 3, 3, 2, 3, 3, 3, 3, 3, 3],
        sarana: [3, 3, 3, 3, 3, 3, 4, 3, 3, 4],
      },
      10,
    );
    const result = computeIkm(tallyAnswers(answers), answers.length);
    const nrr = Object.fromEntries(result.elements.map((element) => [element.code, element.nrr]));
    expect(nrr).toEqual({
      persyaratan: 3.4,
      prosedur: 3,
      waktu: 2.8,
      biaya: 4,
      produk: 3.2,
      kompetensi: 3.6,
      perilaku: 3.8,
      pengaduan: 2.9,
      sarana: 3.2,
    });
    expect(result.elementsUsed).toBe(9);
    expect(result.elements.every((element) => element.weight === 1 / 9)).toBe(true);
    expect(result.index).toBeCloseTo(29.9 / 9, 12);
    expect(result.converted).toBeCloseTo(83.0555555, 6);
    expect(result.ikm).toBe(83.06);
    expect(result.grade).toBe('B');
    expect(result.gradeLabel).toEqual({ id: 'Baik', en: 'Good' });
    expect(result.lowest).toEqual(['waktu']);
  });

  it("gives the office's 90,5 and grade A from a constructed quarter of 50 questionnaires", () => {
    // Sums per element out of 50 (each answer 3 or 4): 185, 180, 170, 182, 181, 183, 190, 178, 180.
    // Total 1629; NRRs 3,70 3,60 3,40 3,64 3,62 3,66 3,80 3,56 3,60, whose sum is 1629 / 50 = 32,58;
    // IKM = 32,58 / 9 = 3,62; converted 3,62 x 25 = 90,50: in 88,31-100,00, A, Sangat Baik.
    const sums = [185, 180, 170, 182, 181, 183, 190, 178, 180];
    const answers = questionnaires(Object.fromEntries(SKM_ELEMENT_CODES.map((code, i) => [code, column(50, sums[i]!)])), 50);
    const result = computeIkm(tallyAnswers(answers), 50);
    expect(result.elements.map((element) => element.sum)).toEqual(sums);
    expect(result.index).toBeCloseTo(3.62, 12);
    expect(result.ikm).toBe(90.5);
    expect(result.grade).toBe('A');
    expect(result.gradeLabel?.id).toBe('Sangat Baik');
    expect(result.lowest).toEqual(['waktu']);
  });

  it('leaves a not-applicable element out and shares the weight over the elements used', () => {
    // Biaya/Tarif not asked (a free service): eight elements, weight 1/8. Every other element is
    // answered 3 by four people and 4 by one: NRR 3,2 each, IKM 3,2, converted 80,00, B.
    const columns = Object.fromEntries(
      SKM_ELEMENT_CODES.map((code) => [code, code === 'biaya' ? [null, null, null, null, null] : [4, 3, 3, 3, 3]]),
    );
    const result = computeIkm(tallyAnswers(questionnaires(columns, 5)), 5);
    const biaya = result.elements.find((element) => element.code === 'biaya')!;
    expect(biaya).toMatchObject({ used: false, count: 0, nrr: null, weight: 0, weightedNrr: null });
    expect(result.elementsUsed).toBe(8);
    expect(result.elements.filter((element) => element.used).every((element) => element.weight === 1 / 8)).toBe(true);
    expect(result.ikm).toBe(80);
    expect(result.grade).toBe('B');
    // Had Biaya been counted as 0 or at the regulation's nine weights, the index would be lower.
    expect(result.index).toBeCloseTo(3.2, 12);
  });

  it('averages an element over the questionnaires that answered it', () => {
    // Two questionnaires answer Biaya (4 and 2), three leave it out: its NRR is 6 / 2 = 3,00.
    const result = computeIkm(
      tallyAnswers([{ biaya: 4, waktu: 4 }, { biaya: 2, waktu: 4 }, { waktu: 4 }, { waktu: 4, biaya: null }, { waktu: 4 }]),
      5,
    );
    expect(result.elements.find((element) => element.code === 'biaya')).toMatchObject({ count: 2, nrr: 3 });
    // Two elements used, weight 1/2: IKM (3 + 4) / 2 = 3,5; converted 87,50, B.
    expect(result.ikm).toBe(87.5);
    expect(result.grade).toBe('B');
    expect(result.lowest).toEqual(['biaya']);
  });

  it('has no index and no grade without any answer', () => {
    expect(computeIkm({}, 0)).toMatchObject({ index: null, ikm: null, grade: null, lowest: [], elementsUsed: 0 });
  });
});

describe('the interval table', () => {
  it('grades the boundaries 88,30/88,31, 76,60/76,61 and 64,99/65,00 as the table writes them', () => {
    expect(gradeOfConverted(100)).toBe('A');
    expect(gradeOfConverted(88.31)).toBe('A');
    expect(gradeOfConverted(88.3)).toBe('B');
    expect(gradeOfConverted(76.61)).toBe('B');
    expect(gradeOfConverted(76.6)).toBe('C');
    expect(gradeOfConverted(65)).toBe('C');
    expect(gradeOfConverted(64.99)).toBe('D');
    expect(gradeOfConverted(25)).toBe('D');
  });

  it('reaches the same boundaries from answers, through NRR and the conversion', () => {
    // One element used, so IKM = its NRR: 883/250 = 3,532 -> 88,30; 8831/2500 = 3,5324 -> 88,31;
    // 383/125 = 3,064 -> 76,60; 7661/2500 = 3,0644 -> 76,61; 6499/2500 = 2,5996 -> 64,99; 13/5 = 2,60 -> 65,00.
    const graded = (sum: number, count: number) => {
      const result = computeIkm({ waktu: { sum, count } }, count);
      return [result.ikm, result.grade];
    };
    expect(graded(883, 250)).toEqual([88.3, 'B']);
    expect(graded(8831, 2500)).toEqual([88.31, 'A']);
    expect(graded(383, 125)).toEqual([76.6, 'C']);
    expect(graded(7661, 2500)).toEqual([76.61, 'B']);
    expect(graded(6499, 2500)).toEqual([64.99, 'D']);
    expect(graded(13, 5)).toEqual([65, 'C']);
  });

  it('grades a value between two rows by its published two decimals', () => {
    // 76,605 is published as 76,61 (B); 76,6049 as 76,60 (C): the shown figure and its grade agree.
    expect(gradeOfConverted(76.605)).toBe('B');
    expect(gradeOfConverted(76.6049)).toBe('C');
    expect(gradeOfConverted(88.305)).toBe('A');
  });

  it('agrees with the 1-4 column of the table at its edges', () => {
    for (const row of SKM_INTERVALS) {
      expect(gradeOfIndex(row.interval[0])).toBe(row.grade);
      expect(gradeOfIndex(row.interval[1])).toBe(row.grade);
    }
  });
});
