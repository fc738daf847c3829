/**
 * The predikat kinerja (performance rating) from the work-result rating and the behaviour rating, as
 * PermenPANRB 6/2022 (Pengelolaan Kinerja Pegawai ASN) sets it in its matrix: each rating is one of three
 * levels, below, meeting or above expectations (di bawah / sesuai / di atas ekspektasi).
 *
 * Checked against sources: the regulation's own annex text could not be read here. The nine cells were
 * compared with several independent public implementations of the E-Kinerja predikat (PHP and TypeScript
 * code in public repositories, one citing the matrix for the periodic predikat), which all agree with the
 * table below cell for cell. The regulation stays the authority: a difference found later is a bug here.
 */

export const SKP_LEVELS = ['below', 'meeting', 'above'] as const;
export type SkpLevel = (typeof SKP_LEVELS)[number];

export const PREDIKATS = ['sangat-baik', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang'] as const;
export type Predikat = (typeof PREDIKATS)[number];

/** How the regulation names each predikat; English is a translation for readers, not an official name. */
export const PREDIKAT_NAMES: Record<Predikat, { id: string; en: string }> = {
  'sangat-baik': { id: 'Sangat Baik', en: 'Very good' },
  baik: { id: 'Baik', en: 'Good' },
  'butuh-perbaikan': { id: 'Butuh Perbaikan', en: 'Needs improvement' },
  kurang: { id: 'Kurang/Misconduct', en: 'Poor/Misconduct' },
  'sangat-kurang': { id: 'Sangat Kurang', en: 'Very poor' },
};

export const SKP_LEVEL_NAMES: Record<SkpLevel, { id: string; en: string }> = {
  below: { id: 'Di bawah ekspektasi', en: 'Below expectations' },
  meeting: { id: 'Sesuai ekspektasi', en: 'Meets expectations' },
  above: { id: 'Di atas ekspektasi', en: 'Above expectations' },
};

/**
 * PREDIKAT_MATRIX[workResult][behaviour], PermenPANRB 6/2022:
 *
 * | hasil kerja \ perilaku | di bawah          | sesuai          | di atas         |
 * | di atas ekspektasi     | Kurang/Misconduct | Baik            | Sangat Baik     |
 * | sesuai ekspektasi      | Kurang/Misconduct | Baik            | Baik            |
 * | di bawah ekspektasi    | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan |
 */
export const PREDIKAT_MATRIX: Readonly<Record<SkpLevel, Readonly<Record<SkpLevel, Predikat>>>> = {
  above: { below: 'kurang', meeting: 'baik', above: 'sangat-baik' },
  meeting: { below: 'kurang', meeting: 'baik', above: 'baik' },
  below: { below: 'sangat-kurang', meeting: 'butuh-perbaikan', above: 'butuh-perbaikan' },
};

export const isSkpLevel = (value: unknown): value is SkpLevel => SKP_LEVELS.includes(value as SkpLevel);
export const isPredikat = (value: unknown): value is Predikat => PREDIKATS.includes(value as Predikat);

export function predikatOf(workResult: SkpLevel, behaviour: SkpLevel): Predikat {
  return PREDIKAT_MATRIX[workResult][behaviour];
}

/**
 * The predikat of an imported SKP result: by the matrix when both ratings are there, otherwise the
 * predikat E-Kinerja gave as imported, otherwise none.
 */
export function predikatOfResult(result: {
  workResult: string | null;
  behaviour: string | null;
  predikat: string | null;
}): { code: Predikat; source: 'matrix' | 'imported' } | null {
  if (isSkpLevel(result.workResult) && isSkpLevel(result.behaviour)) {
    return { code: predikatOf(result.workResult, result.behaviour), source: 'matrix' };
  }
  return isPredikat(result.predikat) ? { code: result.predikat, source: 'imported' } : null;
}
