/** The five PACAK indicators, in the office's order. Their codes are column names and API keys. */
export const INDICATORS = [
  {
    code: 'profesional',
    name: 'Profesional',
    description: { id: 'Petugas bekerja sesuai dengan standar yang telah ditetapkan.', en: 'Works to the set standards.' },
  },
  {
    code: 'amanah',
    name: 'Amanah',
    description: {
      id: 'Petugas dapat dipercaya dan bertanggung jawab dalam memberikan pelayanan.',
      en: 'Trustworthy and responsible in giving service.',
    },
  },
  {
    code: 'cakap',
    name: 'Cakap',
    description: { id: 'Petugas dinilai kompeten dalam memberikan pelayanan.', en: 'Competent in giving service.' },
  },
  {
    code: 'akuntabel',
    name: 'Akuntabel',
    description: {
      id: 'Petugas memiliki integritas yang tinggi dalam memberikan pelayanan.',
      en: 'Shows high integrity in giving service.',
    },
  },
  {
    code: 'kolaboratif',
    name: 'Kolaboratif',
    description: { id: 'Petugas mampu bekerja sama dalam memberikan pelayanan.', en: 'Works well with others in giving service.' },
  },
] as const;

export type IndicatorCode = (typeof INDICATORS)[number]['code'];
export const INDICATOR_CODES = INDICATORS.map((indicator) => indicator.code) as [IndicatorCode, ...IndicatorCode[]];

/**
 * The highest star count an office may call a low score (its feedback inbox and alerts): a rating whose
 * every indicator got more than this is never low, whatever the office has set.
 */
export const HIGHEST_LOW_SCORE = 4;
