import type { Lang } from '../i18n.js';

/**
 * The console shell's words, in Indonesian (the default) and English. Each screen keeps its own words
 * beside it; names from the server (office, work areas, staff) are not here.
 */
const id = {
  locale: 'id-ID',
  title: 'Konsol PACAK',
  signInTitle: 'Masuk ke konsol',
  signInHint: 'Gunakan akun PACAK Anda: administrator, koordinator wilayah kerja, atau peninjau.',
  username: 'Nama pengguna',
  password: 'Kata sandi',
  signIn: 'Masuk',
  signingIn: 'Memeriksa…',
  signOut: 'Keluar',
  wrongPassword: 'Nama pengguna atau kata sandi salah.',
  locked: (minutes: number) => `Terlalu banyak percobaan yang gagal. Coba lagi dalam ${minutes} menit.`,
  expired: 'Sesi Anda telah berakhir (setelah satu jam, atau akun Anda diubah). Silakan masuk lagi; Anda akan kembali ke halaman ini.',
  signedOut: 'Anda sudah keluar.',
  expiresAt: (time: string) => `Sesi berakhir pukul ${time}`,
  expiringSoon: (minutes: number) =>
    `Sesi Anda berakhir dalam ${minutes} menit. Simpan isian Anda, lalu keluar dan masuk lagi agar tidak terputus.`,
  roles: { admin: 'Administrator', coordinator: 'Koordinator wilayah kerja', viewer: 'Peninjau', superadmin: 'Superadmin' },
  nav: 'Menu konsol',
  account: 'Akun saya',
  switchLang: 'English',
  switchLangLabel: 'Switch to English',
  skip: 'Langsung ke isi',
  loadingScreen: 'Memuat halaman…',
  loadFailed: 'Halaman ini tidak dapat dimuat. Periksa koneksi Anda, lalu muat ulang.',
  reload: 'Muat ulang',
  notFound: 'Alamat ini tidak ada di konsol.',
  notAllowed: 'Peran Anda tidak dapat membuka halaman ini.',
  home: 'Ke halaman awal',
  mustChange: 'Akun Anda masih memakai kata sandi yang dibuat sistem. Pilih kata sandi Anda sendiri sebelum melanjutkan.',
  nothingHere: 'Tidak ada halaman konsol untuk peran Anda.',
};

export type ConsoleStrings = typeof id;

const en: ConsoleStrings = {
  locale: 'en-GB',
  title: 'PACAK console',
  signInTitle: 'Sign in to the console',
  signInHint: 'Use your PACAK account: administrator, work-area coordinator or viewer.',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Checking…',
  signOut: 'Sign out',
  wrongPassword: 'The username or password is wrong.',
  locked: (minutes) => `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  expired: 'Your session has ended (after an hour, or your account was changed). Please sign in again; you will come back to this page.',
  signedOut: 'You have signed out.',
  expiresAt: (time) => `Session ends at ${time}`,
  expiringSoon: (minutes) =>
    `Your session ends in ${minutes} minute${minutes === 1 ? '' : 's'}. Save your changes, then sign out and in again to carry on.`,
  roles: { admin: 'Administrator', coordinator: 'Work-area coordinator', viewer: 'Viewer', superadmin: 'Superadmin' },
  nav: 'Console menu',
  account: 'My account',
  switchLang: 'Bahasa Indonesia',
  switchLangLabel: 'Ganti ke Bahasa Indonesia',
  skip: 'Skip to content',
  loadingScreen: 'Loading the page…',
  loadFailed: 'This page could not be loaded. Check your connection, then reload.',
  reload: 'Reload',
  notFound: 'The console has no such address.',
  notAllowed: 'Your role cannot open this page.',
  home: 'To the first page',
  mustChange: 'Your account still has a password the system made. Choose your own password before you go on.',
  nothingHere: 'The console has no page for your role.',
};

export const consoleStrings: Record<Lang, ConsoleStrings> = { id, en };
