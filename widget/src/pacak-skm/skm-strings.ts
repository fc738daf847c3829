/** The words of `<pacak-skm>`, Indonesian first; the questions themselves come from the server in both languages. */
export type SkmLang = 'id' | 'en';

const id = {
  locale: 'id-ID',
  title: 'Survei Kepuasan Masyarakat',
  intro: 'Bantu kami meningkatkan pelayanan: 9 pertanyaan singkat, tanpa nama.',
  loading: 'Memuat…',
  loadFailed: 'Kuesioner tidak dapat dimuat. Periksa koneksi Anda lalu muat ulang halaman.',
  period: 'Periode',
  service: 'Jenis layanan yang diterima',
  chooseService: 'Pilih jenis layanan',
  profile: 'Tentang Anda',
  choose: 'Pilih',
  questions: 'Pendapat Anda tentang pelayanan',
  phone: 'No HP/WA (opsional)',
  phoneHint: 'Hanya untuk memastikan satu kuesioner per orang per triwulan; tidak ditampilkan kepada siapa pun.',
  suggestion: 'Saran dan masukan (opsional)',
  send: 'KIRIM',
  sending: 'Mengirim…',
  required: 'Wajib diisi.',
  checkFields: 'Periksa kembali isian yang ditandai.',
  badPhone: 'Nomor HP/WA tidak valid. Contoh: 0812 3456 7890.',
  thanks: 'Terima kasih atas penilaian Anda!',
  receipt: 'Nomor bukti',
  already: 'Nomor ini sudah mengisi survei kantor ini pada triwulan ini. Terima kasih!',
  tooMany: 'Terlalu banyak kiriman dari jaringan ini. Silakan coba lagi nanti.',
  failed: 'Kuesioner belum terkirim. Periksa koneksi Anda lalu coba lagi.',
};

export type SkmStrings = typeof id;

const en: SkmStrings = {
  locale: 'en-GB',
  title: 'Public Satisfaction Survey',
  intro: 'Help us improve our service: 9 short questions, no name asked.',
  loading: 'Loading…',
  loadFailed: 'The questionnaire could not be loaded. Check your connection and reload the page.',
  period: 'Period',
  service: 'Service you received',
  chooseService: 'Choose a service',
  profile: 'About you',
  choose: 'Choose',
  questions: 'Your view of the service',
  phone: 'Mobile/WhatsApp number (optional)',
  phoneHint: 'Only to keep to one questionnaire per person per quarter; never shown to anyone.',
  suggestion: 'Suggestions (optional)',
  send: 'SEND',
  sending: 'Sending…',
  required: 'Required.',
  checkFields: 'Please check the marked fields.',
  badPhone: 'Not a valid mobile number. Example: 0812 3456 7890.',
  thanks: 'Thank you for your answers!',
  receipt: 'Receipt number',
  already: 'This number has already answered this office’s survey this quarter. Thank you!',
  tooMany: 'Too many submissions from this network. Please try again later.',
  failed: 'The questionnaire was not sent. Check your connection and try again.',
};

export const skmStrings: Record<SkmLang, SkmStrings> = { id, en };

export function pickSkmLang(own: string | null | undefined): SkmLang {
  const tag = own || document.documentElement.lang;
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'id';
}
