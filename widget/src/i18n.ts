/**
 * The words of the form, in Indonesian (the default) and English (i18n-en.ts). Words only a sent rating
 * needs are in its lazy chunk: the failure messages in explain-problem.ts, the receipt in
 * pacak-rating/rating-receipt.ts, its summary in pacak-rating/after-send.ts. Names that come from the server (service types, indicators) are not here.
 */
export type Lang = 'id' | 'en';

const id = {
  locale: 'id-ID',
  loading: 'Memuat…',
  prompt: 'Silakan nilai pelayanan petugas ini.',
  serviceType: 'Jenis Pelayanan',
  choose: 'Pilih jenis pelayanan',
  star: (n: number) => `${n} dari 5`,
  // The word of each star, 1 to 5: shown under it and read with its name.
  words: ['Sangat buruk', 'Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  phone: 'No HP/WA',
  required: 'wajib',
  phoneHint: 'Untuk mencegah penilaian ganda. Contoh: 0812 3456 7890',
  privacy: 'Untuk apa nomor HP/WA saya?',
  privacyText: (days: number, contact: string) =>
    `Nomor Anda hanya dipakai untuk memastikan penilaian ini asli (satu penilaian per petugas per hari) dan untuk menindaklanjuti keluhan Anda. Nomor disimpan terenkripsi, tidak terlihat oleh petugas yang Anda nilai, dan dihapus setelah ${days} hari; yang tersisa hanya kode pengganti yang tidak dapat diubah kembali menjadi nomor, untuk menghitung penilaian. Dasar pemrosesan: pelaksanaan tugas pelayanan publik (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi). Pertanyaan atau permintaan penghapusan data: ${contact}.`,
  privacyDesk: 'petugas layanan kantor kami',
  comment: 'Komentar (opsional)',
  improve: 'Apa yang perlu diperbaiki? (opsional)',
  complain: 'Untuk pengaduan resmi, gunakan kanal pengaduan kantor:',
  send: 'KIRIM',
  sending: 'Mengirim…',
  offline: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.',
  queued: 'Penilaian tersimpan, akan dikirim',
  queuedText: 'Koneksi internet terputus. Penilaian Anda disimpan di perangkat ini dan dikirim otomatis begitu koneksi kembali.',
  loadFailed: 'Formulir penilaian tidak dapat dimuat. Periksa koneksi internet Anda, lalu coba lagi.',
  retry: 'Coba lagi',
  again: 'Beri penilaian lagi',
  consent: 'Boleh dihubungi untuk tindak lanjut',
  consentNote: 'Bila Anda mencentang "boleh dihubungi" setelah nilai rendah, petugas dapat menghubungi nomor ini untuk tindak lanjut.',
};

export type Strings = typeof id;

// English comes as a chunk of its own (i18n-en.ts), fetched only by an English page: the first load stays small.
let en: Strings | undefined;

/** The strings of a language: Indonesian at once, English once `loadStrings('en')` has brought it. */
export function stringsFor(lang: Lang): Strings {
  return lang === 'en' && en ? en : id;
}

/** Fetches the English chunk when it is needed; Indonesian is always there. */
export async function loadStrings(lang: Lang): Promise<Strings> {
  if (lang === 'en' && !en) en = (await import('./i18n-en.js')).en;
  return stringsFor(lang);
}

/** The element's own `lang` wins; otherwise an English page gets English and every other page Indonesian. */
export function pickLang(own: string | null | undefined): Lang {
  const tag = own || document.documentElement.lang;
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'id';
}
