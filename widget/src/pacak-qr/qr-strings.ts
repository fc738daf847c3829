import type { Lang } from '../i18n.js';

/** The few words of `<pacak-qr>`, in Indonesian (default) and English. */
export const qrStrings = {
  id: {
    loading: 'Memuat kode QR…',
    alt: (name: string) => `Kode QR penilaian pelayanan ${name}`,
    downloadSvg: 'Unduh SVG',
    downloadPng: 'Unduh PNG',
    share: 'Bagikan tautan',
    copied: 'Tautan disalin. Tempelkan di WhatsApp atau pesan lain.',
    copyByHand: 'Salin tautan di atas secara manual (tekan lama, lalu Salin).',
    notFound: 'Pegawai tidak ditemukan atau tidak aktif.',
    loadFailed: 'Kode QR tidak dapat dimuat. Periksa koneksi internet Anda.',
    retry: 'Coba lagi',
  },
  en: {
    loading: 'Loading the QR code…',
    alt: (name: string) => `QR code to rate the service of ${name}`,
    downloadSvg: 'Download SVG',
    downloadPng: 'Download PNG',
    share: 'Share link',
    copied: 'Link copied. Paste it into WhatsApp or any message.',
    copyByHand: 'Copy the link above by hand (long-press, then Copy).',
    notFound: 'Employee not found or not active.',
    loadFailed: 'The QR code could not be loaded. Check your internet connection.',
    retry: 'Try again',
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type QrStrings = (typeof qrStrings)['id'];
