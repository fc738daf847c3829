type Bilingual = { id: string; en: string };

/** The parts of GET /api/v1/reports/skm the console's SKM screen shows. */
export interface SkmReportView {
  period: { key: string; label: Bilingual };
  result: {
    respondents: number;
    ikm: number | null;
    grade: string | null;
    gradeLabel: Bilingual | null;
    elements: {
      code: string;
      number: number;
      name: Bilingual;
      count: number;
      nrr: number | null;
      weightedNrr: number | null;
      converted: number | null;
      grade: string | null;
    }[];
  };
  profile: Record<'sex' | 'ageGroup' | 'education' | 'occupation', { code: string; label: Bilingual; count: number; percent: number }[]>;
  trend: { period: string; label: Bilingual; respondents: number; ikm: number | null; grade: string | null }[];
  lowest: { code: string; name: Bilingual; nrr: number; followUp: { plan: string; status: string } | null }[];
  sample: { minimum: number; sufficient: boolean; shortBy: number } | null;
}

const id = {
  title: 'Survei Kepuasan Masyarakat (SKM)',
  period: 'Periode',
  periodHint: 'Contoh: 2026-Q1 (triwulan), 2026-H1 (semester), 2026 (tahun)',
  show: 'Tampilkan',
  failed: 'Laporan SKM tidak dapat dimuat.',
  noData: 'belum ada kuesioner',
  respondents: 'responden',
  sampleOk: (n: number) => `Sampel mencukupi (minimum ${n}, tabel Krejcie-Morgan).`,
  sampleShort: (n: number, short: number) => `Sampel belum mencukupi: minimum ${n}, kurang ${short}.`,
  noPopulation: 'Jumlah populasi belum diisi di pengaturan SKM.',
  table: 'IKM per unsur pelayanan',
  element: 'Unsur',
  answers: 'Jawaban',
  weighted: 'NRR tertimbang',
  converted: 'Konversi',
  grade: 'Mutu',
  notApplicable: 'tidak berlaku',
  profile: 'Profil responden',
  trend: 'Tren',
  followUp: 'Rencana tindak lanjut',
  lowest: 'Unsur terendah',
  plan: 'Rencana',
  status: 'Status',
  statuses: { direncanakan: 'Direncanakan', berjalan: 'Sedang berjalan', selesai: 'Selesai' },
  save: 'Simpan rencana',
  noPlan: 'Belum ada rencana tindak lanjut.',
  publish: 'Publikasi hasil',
  publishButton: 'Terbitkan tautan publik',
  publishedAt: 'Terbit di',
};

const en: typeof id = {
  title: 'Public Satisfaction Survey (SKM)',
  period: 'Period',
  periodHint: 'E.g. 2026-Q1 (quarter), 2026-H1 (half), 2026 (year)',
  show: 'Show',
  failed: 'The SKM report could not be loaded.',
  noData: 'no questionnaire yet',
  respondents: 'respondents',
  sampleOk: (n: number) => `The sample suffices (minimum ${n}, Krejcie-Morgan table).`,
  sampleShort: (n: number, short: number) => `The sample falls short: minimum ${n}, ${short} missing.`,
  noPopulation: 'The population is not set in the SKM settings.',
  table: 'IKM per service element',
  element: 'Element',
  answers: 'Answers',
  weighted: 'Weighted NRR',
  converted: 'Converted',
  grade: 'Grade',
  notApplicable: 'not applicable',
  profile: 'Respondent profile',
  trend: 'Trend',
  followUp: 'Follow-up plan',
  lowest: 'Lowest element',
  plan: 'Plan',
  status: 'Status',
  statuses: { direncanakan: 'Planned', berjalan: 'In progress', selesai: 'Done' },
  save: 'Save the plan',
  noPlan: 'No follow-up plan yet.',
  publish: 'Publishing the result',
  publishButton: 'Publish a public link',
  publishedAt: 'Published at',
};

export const skmWords = { id, en };
