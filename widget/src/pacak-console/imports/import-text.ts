import { fieldMessage } from '../problem-text.js';

/**
 * The imports' line and header problems in Indonesian: the server words them in English, each with
 * the column's Indonesian name, and the console tells a refused row in the page's language.
 */
const MESSAGES: [RegExp, string][] = [
  [/^is not an employee of this office$/, 'bukan pegawai kantor ini'],
  [/^is not a month: /, 'bukan bulan: tulis 2026-07, 07/2026, atau 1-12 dengan kolom Tahun'],
  [/^must be a whole number, 0 or more$/, 'harus bilangan bulat, 0 atau lebih'],
  [/^is more than the (\d+) days of (\S+)$/, 'lebih dari $1 hari dalam bulan $2'],
  [
    /^do not add up: hadir (\d+) \+ cuti (\d+) \+ tanpa keterangan (\d+) is not (\d+)$/,
    'tidak cocok: hadir $1 + cuti $2 + tanpa keterangan $3 tidak sama dengan $4',
  ],
  [/^repeats line (\d+) for the same employee and month$/, 'mengulang baris $1 (pegawai dan bulan yang sama)'],
  [/^repeats line (\d+) for the same employee and period$/, 'mengulang baris $1 (pegawai dan periode yang sama)'],
  [/^is not a period: /, 'bukan periode: tulis 2026-Q3, Triwulan III 2026, Semester I 2026, Oktober 2026 atau Tahun 2026'],
  [
    /^must be Di bawah ekspektasi, Sesuai ekspektasi or Di atas ekspektasi$/,
    'harus Di bawah ekspektasi, Sesuai ekspektasi atau Di atas ekspektasi',
  ],
  [
    /^must be Sangat Baik, Baik, Butuh Perbaikan, Kurang or Sangat Kurang$/,
    'harus Sangat Baik, Baik, Butuh Perbaikan, Kurang atau Sangat Kurang',
  ],
  [/^and Perilaku kerja come together, or neither$/, 'dan Perilaku kerja diisi keduanya, atau keduanya kosong'],
  [/^or the two ratings are needed$/, 'atau kedua penilaian (Hasil kerja dan Perilaku kerja) harus diisi'],
  [/^has no (.+) column$/, 'tidak memiliki kolom $1'],
  [/^names the (.+) column twice$/, 'menyebut kolom $1 dua kali'],
  [/^needs a header line and at least one (?:data|employee) line$/, 'harus memuat baris judul dan paling sedikit satu baris data'],
  [/^may hold at most (\d+) (?:employee )?lines$/, 'paling banyak $1 baris'],
  [/^"(.*)" is not ASN, PPPK or outsourced \(Alih Daya\)$/, '"$1" bukan ASN, PPPK atau alih daya'],
  [/^"(.*)" is not a work area of this office/, '"$1" bukan wilayah kerja kantor ini (tulis kode atau namanya)'],
  [/^"(.*)" is deactivated$/, '"$1" sudah dinonaktifkan'],
  [/^appears already on line (\d+)$/, 'sudah ada di baris $1'],
  [/^is registered with another office/, 'terdaftar di kantor lain; kantor itu harus menonaktifkan dan melepaskannya dahulu'],
  [/^has (\d+) fields but the header has (\d+)/, 'memuat $1 isian, padahal baris judul $2: ada pemisah di dalam isian tanpa tanda kutip?'],
];

/** A line's or the header's problem in the console's language (as the server wrote it on English pages). */
export function importMessage(lang: 'id' | 'en', message: string): string {
  if (lang === 'en') return message;
  for (const [pattern, words] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return words.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '');
  }
  return fieldMessage(undefined, message);
}
