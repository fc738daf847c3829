/**
 * The respondent profile the example questionnaire of PermenPANRB 14/2017 (Lampiran, "Contoh
 * kuesioner", heading "Profil") asks before the questions: sex, age, last education, main occupation,
 * and the service received ("Jenis layanan yang diterima", here a service type of the office).
 *
 * The questionnaire asks the age in years; it is kept only as a group, the way SKM reports present
 * the profile, because a group is all a report needs and an exact age says more about a person. The
 * education and occupation lists are the questionnaire's boxes; "lainnya" (other) is the box that
 * the paper form leaves for writing in, and is not written in here (no free text about a person).
 */
export const SKM_PROFILE = {
  sex: {
    label: { id: 'Jenis kelamin', en: 'Sex' },
    options: [
      { code: 'L', label: { id: 'Laki-laki', en: 'Male' } },
      { code: 'P', label: { id: 'Perempuan', en: 'Female' } },
    ],
  },
  ageGroup: {
    label: { id: 'Usia', en: 'Age' },
    options: [
      { code: 'lt20', label: { id: 'Di bawah 20 tahun', en: 'Under 20' } },
      { code: '20-29', label: { id: '20-29 tahun', en: '20-29' } },
      { code: '30-39', label: { id: '30-39 tahun', en: '30-39' } },
      { code: '40-49', label: { id: '40-49 tahun', en: '40-49' } },
      { code: '50-59', label: { id: '50-59 tahun', en: '50-59' } },
      { code: 'ge60', label: { id: '60 tahun ke atas', en: '60 or over' } },
    ],
  },
  education: {
    label: { id: 'Pendidikan terakhir', en: 'Last education' },
    options: [
      { code: 'sd', label: { id: 'SD ke bawah', en: 'Primary school or less' } },
      { code: 'smp', label: { id: 'SMP', en: 'Junior high school' } },
      { code: 'sma', label: { id: 'SMA', en: 'Senior high school' } },
      { code: 'd1-d3', label: { id: 'D1-D2-D3', en: 'Diploma (D1-D3)' } },
      { code: 'd4-s1', label: { id: 'D4/S1', en: 'Bachelor (D4/S1)' } },
      { code: 's2', label: { id: 'S2', en: 'Master (S2)' } },
      { code: 's3', label: { id: 'S3', en: 'Doctorate (S3)' } },
    ],
  },
  occupation: {
    label: { id: 'Pekerjaan utama', en: 'Main occupation' },
    options: [
      { code: 'pns', label: { id: 'PNS', en: 'Civil servant' } },
      { code: 'tni', label: { id: 'TNI', en: 'Armed forces' } },
      { code: 'polri', label: { id: 'POLRI', en: 'Police' } },
      { code: 'swasta', label: { id: 'Swasta', en: 'Private sector' } },
      { code: 'wirausaha', label: { id: 'Wirausaha', en: 'Self-employed' } },
      { code: 'pelajar', label: { id: 'Pelajar/Mahasiswa', en: 'Student' } },
      { code: 'lainnya', label: { id: 'Lainnya', en: 'Other' } },
    ],
  },
} as const;

export type SkmProfileField = keyof typeof SKM_PROFILE;
export const SKM_PROFILE_FIELDS = Object.keys(SKM_PROFILE) as SkmProfileField[];

type CodesOf<F extends SkmProfileField> = (typeof SKM_PROFILE)[F]['options'][number]['code'];
export type SkmSex = CodesOf<'sex'>;
export type SkmAgeGroup = CodesOf<'ageGroup'>;
export type SkmEducation = CodesOf<'education'>;
export type SkmOccupation = CodesOf<'occupation'>;

export interface SkmProfile {
  sex: SkmSex;
  ageGroup: SkmAgeGroup;
  education: SkmEducation;
  occupation: SkmOccupation;
}

/** The codes of one profile field, in the questionnaire's order, as a zod enum wants them. */
export function profileCodes<F extends SkmProfileField>(field: F): [CodesOf<F>, ...CodesOf<F>[]] {
  return SKM_PROFILE[field].options.map((option) => option.code) as unknown as [CodesOf<F>, ...CodesOf<F>[]];
}
