/**
 * The interval table of PermenPANRB 14/2017, Lampiran, Bab IV ("Pengolahan data survei"), the table
 * "Nilai Persepsi, Interval IKM, Interval Konversi IKM, Mutu Pelayanan dan Kinerja Unit Pelayanan":
 *
 * | nilai persepsi | nilai interval (NI) | nilai interval konversi (NIK) | mutu pelayanan | kinerja unit pelayanan |
 * | 1 | 1,00 - 2,5996   | 25,00 - 64,99  | D | Tidak baik  |
 * | 2 | 2,60 - 3,064    | 65,00 - 76,60  | C | Kurang baik |
 * | 3 | 3,0644 - 3,532  | 76,61 - 88,30  | B | Baik        |
 * | 4 | 3,5324 - 4,00   | 88,31 - 100,00 | A | Sangat baik |
 *
 * The converted column is the index times the base value 25 ("nilai dasar"), written to two
 * decimals, and the 1-4 column is that column divided by 25 (2,5996 = 64,99 / 25; 3,0644 = 76,61 / 25),
 * which is why it has gaps between its rows (3,064 to 3,0644). The grade is therefore read from the
 * converted index as it is published, to two decimals: 76,605 is published as 76,61 and graded B, so
 * the figure a reader sees and its grade never disagree, and no value falls between two rows.
 */
export type SkmGrade = 'A' | 'B' | 'C' | 'D';

export interface SkmInterval {
  grade: SkmGrade;
  /** "Nilai persepsi": the answer (a-d) this row's grade corresponds to. */
  perception: 1 | 2 | 3 | 4;
  /** "Nilai interval" on the 1-4 scale, as the table writes it. */
  interval: readonly [number, number];
  /** "Nilai interval konversi" on the 25-100 scale, as the table writes it. */
  converted: readonly [number, number];
  label: { id: string; en: string };
}

export const SKM_INTERVALS: readonly [SkmInterval, SkmInterval, SkmInterval, SkmInterval] = [
  { grade: 'D', perception: 1, interval: [1.0, 2.5996], converted: [25.0, 64.99], label: { id: 'Tidak Baik', en: 'Poor' } },
  { grade: 'C', perception: 2, interval: [2.6, 3.064], converted: [65.0, 76.6], label: { id: 'Kurang Baik', en: 'Fair' } },
  { grade: 'B', perception: 3, interval: [3.0644, 3.532], converted: [76.61, 88.3], label: { id: 'Baik', en: 'Good' } },
  { grade: 'A', perception: 4, interval: [3.5324, 4.0], converted: [88.31, 100.0], label: { id: 'Sangat Baik', en: 'Very good' } },
];

/** "Nilai dasar": IKM on the 1-4 scale times 25 is the converted IKM on the 25-100 scale (Lampiran, Bab IV). */
export const SKM_BASE_VALUE = 25;

/**
 * A value rounded half up to two decimals, the precision of the converted column. The tiny nudge
 * keeps a value that is exactly on a half (90,505 computed as 90,50499999...) from rounding down.
 */
export function publishedValue(converted: number): number {
  return Math.round(converted * 100 + 1e-7) / 100;
}

/** The row of the interval table a converted IKM (25-100) falls in, by its published two-decimal value. */
export function intervalOf(converted: number): SkmInterval {
  const cents = Math.round(publishedValue(converted) * 100);
  for (const row of [...SKM_INTERVALS].reverse()) {
    if (cents >= Math.round(row.converted[0] * 100)) return row;
  }
  return SKM_INTERVALS[0];
}

export const gradeOfConverted = (converted: number): SkmGrade => intervalOf(converted).grade;

/** The grade of an index on the 1-4 scale: through its conversion, as the table's two columns agree. */
export const gradeOfIndex = (index: number): SkmGrade => gradeOfConverted(index * SKM_BASE_VALUE);
