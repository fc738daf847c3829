/** The words every file import shares (employees, attendance, SKP results), Indonesian first. */
const id = {
  file: 'Berkas',
  check: 'Periksa berkas',
  checking: 'Memeriksa…',
  applyImport: (n: number) => `Simpan ${n} baris`,
  applying: 'Menyimpan…',
  template: 'Unduh templat CSV',
  lines: 'Isi berkas',
  line: 'Baris',
  nip: 'NIP / kode pegawai',
  action: 'Hasil',
  problems: 'Masalah',
  actions: { add: 'Tambah', change: 'Ubah', unchanged: 'Tetap', refuse: 'Ditolak' } as Record<string, string>,
  importRefused: (n: number) => `${n} baris bermasalah. Perbaiki berkasnya, lalu periksa lagi. Belum ada yang disimpan.`,
  importReady: 'Semua baris dapat disimpan. Belum ada yang disimpan sampai Anda menekan tombol simpan.',
  imported: (summary: string) => `Impor selesai: ${summary}.`,
  summary: (s: Record<string, number>) => `${s.add ?? 0} ditambah, ${s.change ?? 0} diubah, ${s.unchanged ?? 0} tetap`,
  ignored: (columns: string) => `Kolom yang diabaikan: ${columns}`,
  headerProblem: 'Berkas tidak dapat dibaca:',
  fileChanged: 'Berkas diganti: periksa lagi sebelum menyimpan.',
  offline: 'Tidak dapat terhubung ke server. Coba lagi.',
  failed: 'Gagal.',
};

export type ImportStrings = typeof id;

const en: ImportStrings = {
  file: 'File',
  check: 'Check the file',
  checking: 'Checking…',
  applyImport: (n) => `Save ${n} lines`,
  applying: 'Saving…',
  template: 'Download a CSV template',
  lines: 'The file’s lines',
  line: 'Line',
  nip: 'NIP / staff code',
  action: 'Result',
  problems: 'Problems',
  actions: { add: 'Add', change: 'Change', unchanged: 'Unchanged', refuse: 'Refused' },
  importRefused: (n) => `${n} line${n === 1 ? ' has' : 's have'} problems. Fix the file, then check it again. Nothing has been saved.`,
  importReady: 'Every line can be saved. Nothing is saved until you press save.',
  imported: (summary) => `Import done: ${summary}.`,
  summary: (s) => `${s.add ?? 0} added, ${s.change ?? 0} changed, ${s.unchanged ?? 0} unchanged`,
  ignored: (columns) => `Columns ignored: ${columns}`,
  headerProblem: 'The file cannot be read:',
  fileChanged: 'The file changed: check it again before saving.',
  offline: 'Cannot reach the server. Try again.',
  failed: 'Failed.',
};

export const importStrings = { id, en };
