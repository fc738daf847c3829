import { PROBLEM_TYPE_BASE } from '../../../contract/index.js';
import type { ProblemType } from '../../../contract/index.js';
import type { Problem } from '../api.js';

/**
 * The API writes its problem details in English (RFC 9457 is for programs as much as people). The console
 * speaks Indonesian first: a problem of a known type gets its Indonesian sentence, and a field's error
 * its Indonesian words by code or by the server's wording; what is not known here stays as the server said.
 */
const DETAILS: Record<ProblemType, string> = {
  'already-exists': 'Data itu sudah ada.',
  'already-rated': 'Pegawai ini sudah dinilai dari sambungan ini hari ini.',
  'already-voided': 'Penilaian ini sudah dibatalkan.',
  'employee-rated': 'Pegawai yang sudah dinilai tidak pernah dihapus. Nonaktifkan pegawai ini.',
  'feedback-closed': 'Masukan ini sudah ditutup.',
  'feedback-status': 'Status masukan ini sudah diubah orang lain. Muat ulang, lalu coba lagi.',
  forbidden: 'Akses ditolak untuk akun ini.',
  'import-refused': 'Impor ditolak: perbaiki baris yang bermasalah, lalu coba lagi.',
  'kiosk-key': 'Kunci kios tidak berlaku.',
  'last-admin': 'Admin terakhir kantor tidak dapat dinonaktifkan atau diturunkan perannya.',
  'last-service-type': 'Jenis pelayanan aktif terakhir tidak dapat dihentikan.',
  'malformed-request': 'Permintaan tidak dapat dibaca.',
  'misdirected-request': 'Permintaan ditujukan ke alamat yang salah.',
  'not-found': 'Data yang diminta tidak ada di kantor ini.',
  'no-contact-consent': 'Pelanggan tidak bersedia dihubungi untuk tindak lanjut.',
  'not-voided': 'Penilaian ini tidak dibatalkan.',
  'origin-not-allowed': 'Situs ini tidak diizinkan mengirim penilaian.',
  'own-account': 'Akun Anda sendiri tidak dapat diubah dengan cara ini.',
  'own-role': 'Anda tidak dapat mengubah peran Anda sendiri.',
  'password-change-required': 'Ganti kata sandi Anda dahulu.',
  'payload-too-large': 'Berkas atau isian terlalu besar.',
  'phone-erased': 'Nomor telepon penilaian ini sudah dihapus.',
  'phone-unreadable': 'Nomor telepon penilaian ini tidak dapat dibaca.',
  'pin-not-set': 'Pegawai ini belum memiliki PIN.',
  'rate-limited': 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
  'rules-dated-before-latest': 'Aturan baru harus berlaku sesudah aturan terakhir.',
  'service-token-used': 'Kode sekali pakai ini sudah digunakan.',
  'skm-already-answered': 'Survei ini sudah dijawab.',
  'share-link-gone': 'Tautan berbagi ini sudah tidak berlaku.',
  unauthorized: 'Sesi Anda berakhir. Masuk lagi.',
  unavailable: 'Server sedang tidak tersedia. Coba lagi sebentar lagi.',
  'unsupported-media-type': 'Jenis berkas ini tidak diterima.',
  'username-taken': 'Nama pengguna itu sudah dipakai.',
  validation: 'Ada isian yang tidak valid.',
  'work-area-in-use': 'Wilayah kerja ini masih dipakai.',
  'work-area-inactive': 'Wilayah kerja pegawai ini nonaktif. Pindahkan pegawai ke wilayah kerja yang aktif dahulu.',
  'wrong-pin': 'PIN salah.',
};

/** A field's error by its code, where the code alone says it. */
const BY_CODE: Record<string, string> = {
  not_an_image: 'harus gambar JPEG, PNG atau WebP',
  image_dimensions: 'tiap sisi gambar harus 32 sampai 4096 piksel',
  unknown_work_area: 'bukan wilayah kerja aktif kantor ini',
  unknown_service_type: 'bukan jenis pelayanan kantor ini',
  unknown_employee: 'tidak ada pegawai aktif dengan kode ini',
  unknown_field: 'isian ini tidak dikenal',
  control_character: 'tidak boleh memuat karakter kendali',
  wrong_password: 'bukan kata sandi saat ini',
  weak_pin: 'PIN terlalu mudah ditebak',
  invalid_phone: 'harus nomor ponsel Indonesia, misalnya 0812-3456-7890',
  kind_mismatch: 'NIP atau kode pegawai tidak cocok dengan jenis ini',
  required: 'wajib diisi',
};

/** A field's error by the server's words, where the code is a generic one. */
const BY_MESSAGE: [RegExp, string][] = [
  [/^must be at most (\d+) characters$/, 'paling banyak $1 karakter'],
  [/^must be at least (\d+) characters?$/, 'paling sedikit $1 karakter'],
  [/^is required$|^Required$/, 'wajib diisi'],
  [/^is empty$/, 'kosong'],
  [/^is listed twice$/, 'tercantum dua kali'],
  [/^is deactivated$/, 'sudah dinonaktifkan'],
  [/^is not a work area of this office$|^is not an active work area of your office$/, 'bukan wilayah kerja aktif kantor ini'],
  [/^is not a service type of this office$/, 'bukan jenis pelayanan kantor ini'],
  [/^is not a web address/, 'bukan alamat web, misalnya https://bkkpalembang.go.id'],
  [/^must start with https:\/\//, 'harus diawali https:// (atau http://)'],
  [/^must not hold a user name or password$/, 'tidak boleh memuat nama pengguna atau kata sandi'],
  [/^must be the site only/, 'cukup alamat situsnya (skema, host dan port) tanpa jalur, misalnya https://bkkpalembang.go.id'],
  [/^must be an http\(s\) address$|^must be a web address starting with https:\/\/$/, 'harus alamat web yang diawali https://'],
  [/^must not contain HTML tags$/, 'tidak boleh memuat tag HTML'],
  [/^must not contain control characters/, 'tidak boleh memuat karakter kendali'],
  [/^must be an Indonesian mobile number/, 'harus nomor ponsel Indonesia, misalnya 0812-3456-7890'],
  [/^must be 6 to 12 digits$/, 'harus 6 sampai 12 angka'],
  [/^must be a date YYYY-MM-DD$/, 'harus tanggal berformat TTTT-BB-HH'],
  [/^must be asn, pppk or outsourced$/, 'harus ASN, PPPK atau alih daya'],
  [/^must be admin, coordinator or viewer$/, 'harus admin, koordinator atau pembaca'],
  [/^may hold only lowercase letters, digits and single dashes/, 'hanya huruf kecil, angka dan tanda hubung tunggal, misalnya boom-baru'],
  [/^is not the current password$/, 'bukan kata sandi saat ini'],
];

/** The slug of a problem's type, when it is one of this API's. */
const slugOf = (type: string | undefined): string => (type?.startsWith(PROBLEM_TYPE_BASE) ? type.slice(PROBLEM_TYPE_BASE.length) : '');

export function fieldMessage(code: string | undefined, message: string): string {
  if (code && BY_CODE[code]) return BY_CODE[code];
  for (const [pattern, words] of BY_MESSAGE) {
    const match = pattern.exec(message);
    if (match) return words.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '');
  }
  return message;
}

/** The problem in the console's language: as it came for English, its known parts in Indonesian for Indonesian. */
export function problemIn(lang: 'id' | 'en', problem: Problem): Problem {
  if (lang === 'en') return problem;
  const detail = DETAILS[slugOf(problem.type) as ProblemType];
  return {
    ...problem,
    ...(detail ? { detail } : {}),
    ...(problem.errors ? { errors: problem.errors.map((error) => ({ ...error, message: fieldMessage(error.code, error.message) })) } : {}),
  };
}
