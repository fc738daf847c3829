import type { ImportKind, ImportLine } from './import-kind.js';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const valueOf = (line: ImportLine, key: string): unknown => (line.values as Record<string, unknown> | undefined)?.[key];

/** Staff from a personnel export: `/admin/employees/import`. */
export const EMPLOYEE_IMPORT: ImportKind = {
  path: '/admin/employees/import',
  name: 'pegawai',
  title: { id: 'Impor pegawai', en: 'Import employees' },
  hint: {
    id: 'Berkas CSV (UTF-8; pemisah titik koma, koma atau tab) atau Excel (.xlsx) dengan kolom NIP, Nama, Jabatan (opsional), Unit Kerja atau Wilker, dan Jenis. Pertama diperiksa saja; tidak ada yang disimpan sebelum semua baris benar.',
    en: 'A CSV file (UTF-8; semicolon, comma or tab separated) or an Excel workbook (.xlsx) with the columns NIP, Nama, Jabatan (optional), Unit Kerja or Wilker, and Jenis. It is checked first; nothing is saved until every line is right.',
  },
  columns: [{ label: { id: 'Nama', en: 'Name' }, value: (line) => text(line.name) }],
  detail: (line) =>
    Object.entries((line.changes ?? {}) as Record<string, { from: unknown; to: unknown }>)
      .map(([field, { from, to }]) => `${field}: ${text(from)} → ${text(to)}`)
      .join('; '),
  template: ['NIP;Nama;Jabatan;Unit Kerja;Jenis'],
};

const ATTENDANCE_COLUMNS: [string, string, string][] = [
  ['workingDays', 'Hari kerja', 'Working days'],
  ['presentDays', 'Hadir', 'Present'],
  ['leaveDays', 'Cuti', 'Leave'],
  ['absentDays', 'Tanpa keterangan', 'Absent without reason'],
  ['lateMinutes', 'Terlambat (menit)', 'Late (minutes)'],
  ['earlyLeaveMinutes', 'Pulang cepat (menit)', 'Left early (minutes)'],
];

/** Attendance per employee per month from the attendance system: `/admin/attendance/import`. */
export const ATTENDANCE_IMPORT: ImportKind = {
  path: '/admin/attendance/import',
  name: 'kehadiran',
  title: { id: 'Impor kehadiran', en: 'Import attendance' },
  hint: {
    id: 'Rekap bulanan dari sistem presensi, CSV (UTF-8) atau Excel (.xlsx), satu baris per pegawai per bulan: NIP, Bulan (2026-07, 07/2026, atau 1-12 dengan kolom Tahun), Hari kerja, Hadir, Cuti, Tanpa keterangan, Terlambat (menit), Pulang cepat (menit). Hadir + Cuti + Tanpa keterangan harus sama dengan Hari kerja. Bulan yang sudah ada diganti. Pertama diperiksa saja; tidak ada yang disimpan sebelum semua baris benar.',
    en: 'The monthly summary of the attendance system, CSV (UTF-8) or Excel (.xlsx), one line per employee per month: NIP, Bulan (2026-07, 07/2026, or 1-12 with a Tahun column), Hari kerja, Hadir, Cuti, Tanpa keterangan, Terlambat (minutes), Pulang cepat (minutes). Hadir + Cuti + Tanpa keterangan must equal Hari kerja. A month already there is replaced. It is checked first; nothing is saved until every line is right.',
  },
  columns: [
    { label: { id: 'Bulan', en: 'Month' }, value: (line) => text(line.month) },
    ...ATTENDANCE_COLUMNS.map(([key, id, en]) => ({ label: { id, en }, value: (line: ImportLine) => text(valueOf(line, key)) })),
  ],
  template: ['NIP;Bulan;Hari kerja;Hadir;Cuti;Tanpa keterangan;Terlambat (menit);Pulang cepat (menit)'],
};

const LEVELS: Record<string, [string, string]> = {
  below: ['Di bawah ekspektasi', 'Below expectations'],
  meeting: ['Sesuai ekspektasi', 'Meeting expectations'],
  above: ['Di atas ekspektasi', 'Above expectations'],
};
const PREDIKAT: Record<string, [string, string]> = {
  'sangat-baik': ['Sangat Baik', 'Very good'],
  baik: ['Baik', 'Good'],
  'butuh-perbaikan': ['Butuh Perbaikan', 'Needs improvement'],
  kurang: ['Kurang/Misconduct', 'Poor/Misconduct'],
  'sangat-kurang': ['Sangat Kurang', 'Very poor'],
};
const named = (names: Record<string, [string, string]>, key: string) => (line: ImportLine, lang: 'id' | 'en') => {
  const code = text(valueOf(line, key));
  return names[code]?.[lang === 'en' ? 1 : 0] ?? code;
};

/** SKP results per employee per period from E-Kinerja: `/admin/skp/import`. */
export const SKP_IMPORT: ImportKind = {
  path: '/admin/skp/import',
  name: 'skp',
  title: { id: 'Impor hasil SKP', en: 'Import SKP results' },
  hint: {
    id: 'Hasil SKP dari E-Kinerja, CSV (UTF-8) atau Excel (.xlsx), satu baris per pegawai per periode: NIP, Periode (2026-Q3, Triwulan III 2026, Semester I 2026, Oktober 2026 atau Tahun 2026), Hasil kerja dan Perilaku kerja (Di bawah / Sesuai / Di atas ekspektasi; keduanya atau tidak sama sekali) dan/atau Predikat. Pertama diperiksa saja; tidak ada yang disimpan sebelum semua baris benar.',
    en: 'SKP results from E-Kinerja, CSV (UTF-8) or Excel (.xlsx), one line per employee per period: NIP, Periode (2026-Q3, Triwulan III 2026, Semester I 2026, Oktober 2026 or Tahun 2026), Hasil kerja and Perilaku kerja (Di bawah / Sesuai / Di atas ekspektasi; both or neither) and/or Predikat. It is checked first; nothing is saved until every line is right.',
  },
  columns: [
    { label: { id: 'Periode', en: 'Period' }, value: (line) => text(line.period) },
    { label: { id: 'Hasil kerja', en: 'Work result' }, value: named(LEVELS, 'workResult') },
    { label: { id: 'Perilaku kerja', en: 'Work behaviour' }, value: named(LEVELS, 'behaviour') },
    { label: { id: 'Predikat', en: 'Predikat' }, value: named(PREDIKAT, 'predikat') },
  ],
  template: ['NIP;Periode;Hasil kerja;Perilaku kerja;Predikat'],
};
