/**
 * The nine elements (unsur) of the public satisfaction survey, Survei Kepuasan Masyarakat (SKM), as
 * PermenPANRB 14/2017 sets them out: Lampiran, Bab II ("Ruang lingkup"), letters a to i, in that
 * order. Each is asked once, on the four-point scale of the Lampiran's example questionnaire ("Contoh
 * kuesioner"), whose answers a-d score 1 to 4 ("Nilai persepsi" column of the interval table, Bab IV).
 *
 * The order here is the element list of Bab II, the order the issue and most unit reports use (U1 to
 * U9). The example questionnaire asks Sarana before Penanganan Pengaduan; the order of questions on a
 * form does not change any figure, so the form follows this list too.
 *
 * Wording: the Indonesian questions and answers are the example questionnaire's; the English is a
 * gloss for readers who use the English form. The Lampiran presents the questionnaire as an example
 * that a unit fits to its kind of service, so an office may adjust the wording (see settings.ts).
 */
export const SKM_ELEMENTS = [
  {
    code: 'persyaratan',
    number: 1,
    name: { id: 'Persyaratan', en: 'Requirements' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      en: 'How well do the service requirements fit the kind of service?',
    },
    options: {
      id: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
      en: ['Not fitting', 'Barely fitting', 'Fitting', 'Very fitting'],
    },
  },
  {
    code: 'prosedur',
    number: 2,
    name: { id: 'Sistem, Mekanisme dan Prosedur', en: 'System, mechanism and procedure' },
    question: {
      id: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      en: 'How easy is the service procedure of this unit?',
    },
    options: {
      id: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
      en: ['Not easy', 'Not very easy', 'Easy', 'Very easy'],
    },
  },
  {
    code: 'waktu',
    number: 3,
    name: { id: 'Waktu Penyelesaian', en: 'Completion time' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      en: 'How fast was the service given?',
    },
    options: {
      id: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
      en: ['Not fast', 'Not very fast', 'Fast', 'Very fast'],
    },
  },
  {
    code: 'biaya',
    number: 4,
    name: { id: 'Biaya/Tarif', en: 'Cost/fee' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      en: 'How fair is the cost or fee of the service?',
    },
    options: {
      id: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
      en: ['Very expensive', 'Rather expensive', 'Cheap', 'Free'],
    },
  },
  {
    code: 'produk',
    number: 5,
    name: { id: 'Produk Spesifikasi Jenis Pelayanan', en: 'Product of the service' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      en: 'How well does what you received match what the service standard promises?',
    },
    options: {
      id: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
      en: ['Not matching', 'Barely matching', 'Matching', 'Fully matching'],
    },
  },
  {
    code: 'kompetensi',
    number: 6,
    name: { id: 'Kompetensi Pelaksana', en: 'Competence of the staff' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      en: 'How competent were the staff who served you?',
    },
    options: {
      id: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
      en: ['Not competent', 'Barely competent', 'Competent', 'Very competent'],
    },
  },
  {
    code: 'perilaku',
    number: 7,
    name: { id: 'Perilaku Pelaksana', en: 'Conduct of the staff' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      en: 'How polite and friendly were the staff?',
    },
    options: {
      id: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
      en: ['Not polite or friendly', 'Barely polite and friendly', 'Polite and friendly', 'Very polite and friendly'],
    },
  },
  {
    code: 'pengaduan',
    number: 8,
    name: { id: 'Penanganan Pengaduan, Saran dan Masukan', en: 'Handling of complaints and suggestions' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      en: 'How are complaints from service users handled?',
    },
    options: {
      id: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
      en: ['There is none', 'It exists but does not work', 'It works, not fully', 'It is handled well'],
    },
  },
  {
    code: 'sarana',
    number: 9,
    name: { id: 'Sarana dan Prasarana', en: 'Facilities' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      en: 'What is the quality of the facilities?',
    },
    options: {
      id: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
      en: ['Poor', 'Fair', 'Good', 'Very good'],
    },
  },
] as const;

export type SkmElementCode = (typeof SKM_ELEMENTS)[number]['code'];
export const SKM_ELEMENT_CODES = SKM_ELEMENTS.map((element) => element.code) as [SkmElementCode, ...SkmElementCode[]];

/** An answer on the element's scale: 1 (a) to 4 (d), as the questionnaire scores them. */
export type SkmScore = 1 | 2 | 3 | 4;
export const SKM_MIN_SCORE = 1;
export const SKM_MAX_SCORE = 4;

export const isSkmElementCode = (value: string): value is SkmElementCode => (SKM_ELEMENT_CODES as readonly string[]).includes(value);
