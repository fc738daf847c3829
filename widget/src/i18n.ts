/**
 * Every word a customer reads, in Indonesian (the default) and English, kept in one place so a
 * translator edits one file. Names that come from the server (service types, indicators) are not here.
 */
export type Lang = 'id' | 'en';

const id = {
  locale: 'id-ID',
  loading: 'Memuat…',
  prompt: 'Silahkan berikan rating pelayanan kami.',
  serviceType: 'Jenis Pelayanan',
  choose: 'Pilih jenis pelayanan',
  star: (n: number) => `${n} dari 5`,
  phone: 'No HP/WA',
  phoneHint: 'Contoh: 0812 3456 7890',
  privacy: 'Untuk apa nomor HP/WA saya?',
  privacyText: (days: number, contact: string) =>
    `Nomor Anda hanya dipakai untuk memastikan rating ini asli (satu rating per petugas per hari) dan untuk menindaklanjuti keluhan Anda. Nomor disimpan terenkripsi, tidak terlihat oleh petugas yang Anda nilai, dan dihapus setelah ${days} hari; yang tersisa hanya sidik tersandi untuk menghitung rating. Dasar pemrosesan: pelaksanaan tugas pelayanan publik (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi). Pertanyaan atau permintaan penghapusan data: ${contact}.`,
  privacyDesk: 'petugas layanan kantor kami',
  comment: 'Komentar (opsional)',
  improve: 'Apa yang perlu kami perbaiki? (opsional)',
  complain: 'Untuk pengaduan resmi, gunakan kanal pengaduan kami:',
  send: 'KIRIM',
  sending: 'Mengirim…',
  needService: 'Pilih jenis pelayanan.',
  needScore: 'Pilih 1 sampai 5 bintang.',
  needPhone: 'Isi nomor HP/WA Anda.',
  badPhone: 'Nomor HP/WA tidak valid. Contoh: 0812 3456 7890.',
  badComment: 'Periksa komentar Anda: paling banyak 1000 karakter, tanpa kode HTML.',
  checkFields: 'Periksa kembali isian yang ditandai.',
  tokenUsed: 'Kode QR sekali pakai ini sudah dipakai. Mintalah kode baru kepada petugas, atau pindai kode QR petugas yang tercetak.',
  tokenInvalid:
    'Kode QR sekali pakai ini sudah tidak berlaku. Mintalah kode baru kepada petugas, atau pindai kode QR petugas yang tercetak.',
  already:
    'Anda sudah memberi rating untuk petugas dan jenis pelayanan ini hari ini. Terima kasih, satu rating per hari sudah cukup.',
  tooMany: (wait: string) => `Terlalu banyak percobaan. Silakan coba lagi ${wait}.`,
  phoneLimit: 'Nomor ini sudah memberi rating sebanyak yang diperbolehkan hari ini. Silakan coba lagi besok.',
  later: 'beberapa saat lagi',
  seconds: (n: number) => `dalam ${n} detik`,
  minutes: (n: number) => `dalam ${n} menit`,
  offline: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.',
  queued: 'Rating tersimpan, akan dikirim',
  queuedText: 'Koneksi internet terputus. Rating Anda disimpan di perangkat ini dan dikirim otomatis begitu koneksi kembali.',
  expired: 'Satu rating yang tersimpan di perangkat ini lebih dari 7 hari tidak terkirim dan telah dihapus.',
  serverDown: 'Server sedang mengalami gangguan. Silakan coba lagi beberapa saat lagi. Isian Anda tetap tersimpan di formulir.',
  failed: 'Rating belum terkirim.',
  loadFailed: 'Formulir rating tidak dapat dimuat. Periksa koneksi internet Anda, lalu coba lagi.',
  retry: 'Coba lagi',
  notFound: 'Petugas tidak ditemukan',
  notFoundHint: 'Periksa kembali tautan atau kode QR yang Anda gunakan, atau tanyakan kepada petugas.',
  thanks: 'Terima kasih atas penilaian Anda!',
  receipt: 'Kode tanda terima',
  sentAt: 'Dikirim',
  again: 'Beri rating lagi',
  pick: 'Siapa yang melayani Anda?',
  change: 'Ganti petugas',
  next: 'Pelanggan berikutnya',
  badKey: 'Kunci kios tidak berlaku. Hubungi administrator.',
  notAllowed: 'Penilaian tidak dapat dikirim dari situs ini.',
  notAllowedHint: 'Silakan beri penilaian di halaman PACAK:',
  hostedLink: 'Beri penilaian di halaman PACAK',
  resetIn: (n: number) => `Formulir kembali ke awal dalam ${n} detik.`,
};

export type Strings = typeof id;

const en: Strings = {
  locale: 'en-GB',
  loading: 'Loading…',
  prompt: 'Please rate our service.',
  serviceType: 'Service type',
  choose: 'Choose a service type',
  star: (n) => `${n} of 5`,
  phone: 'Mobile/WhatsApp number',
  phoneHint: 'For example: 0812 3456 7890',
  privacy: 'What is my number for?',
  privacyText: (days, contact) =>
    `Your number is used only to check that this rating is genuine (one rating per officer per day) and to follow up your complaint. It is stored encrypted, never shown to the officer you rate, and erased after ${days} days; only a coded fingerprint stays, for counting ratings. Legal basis: performing a public-service task (Law No. 27 of 2022 on Personal Data Protection). Questions or requests to erase your data: ${contact}.`,
  privacyDesk: 'the service desk at our office',
  comment: 'Comment (optional)',
  improve: 'What should we do better? (optional)',
  complain: 'For a formal complaint, use our complaint channel:',
  send: 'SEND',
  sending: 'Sending…',
  needService: 'Choose the service type.',
  needScore: 'Choose 1 to 5 stars.',
  needPhone: 'Enter your mobile/WhatsApp number.',
  badPhone: 'Not a valid Indonesian mobile number. For example: 0812 3456 7890.',
  badComment: 'Please check your comment: at most 1000 characters, without HTML code.',
  checkFields: 'Please check the marked fields.',
  tokenUsed: "This one-time QR code has already been used. Ask the officer for a new one, or scan the officer's printed QR code.",
  tokenInvalid: "This one-time QR code is no longer valid. Ask the officer for a new one, or scan the officer's printed QR code.",
  already: 'You have already rated this officer for this service today. Thank you, one rating a day is enough.',
  tooMany: (wait) => `Too many attempts. Please try again ${wait}.`,
  phoneLimit: 'This number has sent as many ratings as allowed today. Please try again tomorrow.',
  later: 'in a little while',
  seconds: (n) => `in ${n} seconds`,
  minutes: (n) => `in ${n} minutes`,
  offline: 'Cannot reach the server. Check your internet connection and try again.',
  queued: 'Rating saved, it will be sent',
  queuedText: 'The connection is down. Your rating is kept on this device and sent as soon as the connection returns.',
  expired: 'A rating kept on this device for more than 7 days could not be sent and was removed.',
  serverDown: 'The server is having trouble. Please try again in a little while. What you entered is still in the form.',
  failed: 'Your rating was not sent.',
  loadFailed: 'The rating form could not be loaded. Check your internet connection and try again.',
  retry: 'Try again',
  notFound: 'Officer not found',
  notFoundHint: 'Check the link or QR code you used, or ask the officer.',
  thanks: 'Thank you for your rating!',
  receipt: 'Receipt code',
  sentAt: 'Sent',
  again: 'Rate again',
  pick: 'Who served you?',
  change: 'Choose another officer',
  next: 'Next customer',
  badKey: 'This kiosk key is not valid. Please contact the administrator.',
  notAllowed: 'Ratings cannot be sent from this site.',
  notAllowedHint: 'Please rate our service on the PACAK page:',
  hostedLink: 'Rate our service on the PACAK page',
  resetIn: (n) => `The form starts again in ${n} seconds.`,
};

export const strings: Record<Lang, Strings> = { id, en };

/** The element's own `lang` wins; otherwise an English page gets English and every other page Indonesian. */
export function pickLang(own: string | null | undefined): Lang {
  const tag = own || document.documentElement.lang;
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'id';
}
