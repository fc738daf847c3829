import type { ApiError } from './api.js';
import type { FieldErrors } from './check-rating.js';
import type { Strings } from './i18n.js';

/**
 * The words for a form to fix and for a failed send, which only a customer who sends reads (and the notice
 * of a kept rating dropped after a week): they live here, in the chunk that the first touch of the form
 * fetches, rather than in every page's first load.
 */
const WORDS = {
  id: {
    tokenUsed: 'Kode QR sekali pakai ini sudah dipakai. Mintalah kode baru kepada petugas, atau pindai kode QR petugas yang tercetak.',
    tokenInvalid:
      'Kode QR sekali pakai ini sudah tidak berlaku. Mintalah kode baru kepada petugas, atau pindai kode QR petugas yang tercetak.',
    already: 'Anda sudah menilai petugas ini untuk jenis pelayanan ini hari ini. Terima kasih, satu penilaian per hari sudah cukup.',
    tooMany: (wait: string) => `Banyak penilaian dikirim dari jaringan ini. Silakan kirim lagi ${wait}.`,
    sendNow: 'Silakan kirim lagi sekarang.',
    phoneLimit: 'Nomor ini sudah mengirim penilaian sebanyak yang diperbolehkan hari ini. Silakan coba lagi besok.',
    later: 'beberapa saat lagi',
    seconds: (n: number) => `dalam ${n} detik`,
    minutes: (n: number) => `dalam ${n} menit`,
    serverDown: 'Server sedang mengalami gangguan. Silakan coba lagi beberapa saat lagi. Isian Anda tetap tersimpan di formulir.',
    failed: 'Penilaian belum terkirim.',
    badComment: 'Periksa komentar Anda: paling banyak 1000 karakter, tanpa kode HTML.',
    expired: 'Satu penilaian yang tersimpan di perangkat ini lebih dari 7 hari tidak terkirim dan telah dihapus.',
    needService: 'Pilih jenis pelayanan.',
    needScore: 'Pilih 1 sampai 5 bintang.',
    needPhone: 'Isi nomor HP/WA Anda.',
    badPhone: 'Nomor HP/WA tidak valid. Contoh: 0812 3456 7890.',
    checkFields: 'Periksa kembali isian yang ditandai.',
    notFound: 'Petugas tidak ditemukan. Periksa kembali tautan atau kode QR yang Anda gunakan, atau tanyakan kepada petugas.',
  },
  en: {
    tokenUsed: "This one-time QR code has already been used. Ask the officer for a new one, or scan the officer's printed QR code.",
    tokenInvalid: "This one-time QR code is no longer valid. Ask the officer for a new one, or scan the officer's printed QR code.",
    already: 'You have already rated this officer for this service today. Thank you, one rating a day is enough.',
    tooMany: (wait: string) => `Many ratings were sent from this network. Please send again ${wait}.`,
    sendNow: 'Please send again now.',
    phoneLimit: 'This number has sent as many ratings as allowed today. Please try again tomorrow.',
    later: 'in a little while',
    seconds: (n: number) => `in ${n} seconds`,
    minutes: (n: number) => `in ${n} minutes`,
    serverDown: 'The server is having trouble. Please try again in a little while. What you entered is still in the form.',
    failed: 'Your rating was not sent.',
    badComment: 'Please check your comment: at most 1000 characters, without HTML code.',
    expired: 'A rating kept on this device for more than 7 days could not be sent and was removed.',
    needService: 'Choose the service type.',
    needScore: 'Choose 1 to 5 stars.',
    needPhone: 'Enter your mobile/WhatsApp number.',
    badPhone: 'Not a valid Indonesian mobile number. For example: 0812 3456 7890.',
    checkFields: 'Please check the marked fields.',
    notFound: 'Officer not found. Check the link or QR code you used, or ask the officer.',
  },
};

export type FailureWords = (typeof WORDS)['id'];

/** The failure words in the language of the form's strings. */
export const failureWords = (t: Strings): FailureWords => WORDS[t.locale === 'id-ID' ? 'id' : 'en'];

/** What the customer is told about a failed send: one status line and any messages beside fields. */
export interface Explanation {
  message: string;
  fields: FieldErrors;
}

// Our own words for the fields we know, so the message matches the page language; the server's as fallback.
function fieldMessage(path: string, w: FailureWords): string | undefined {
  if (path === 'serviceType') return w.needService;
  if (path.startsWith('scores.')) return w.needScore;
  if (path === 'phone') return w.badPhone;
  if (path === 'comment') return w.badComment;
  return undefined;
}

function waitWords(seconds: number | undefined, w: FailureWords): string {
  if (!seconds) return w.later;
  return seconds < 60 ? w.seconds(seconds) : w.minutes(Math.ceil(seconds / 60));
}

export function explainProblem(error: ApiError, t: Strings): Explanation {
  const { status, problem } = error;
  const w = failureWords(t);
  const fields: FieldErrors = {};
  if (status === 422 && problem.errors?.length) {
    const unplaced: string[] = [];
    for (const { path, message } of problem.errors) {
      // The form token is the form's own business: the widget already fetched another and tried again.
      if (path === 'formToken') {
        unplaced.push(w.failed);
        continue;
      }
      // The one-service code has no field of its own: its message goes in the status line.
      if (path === 'serviceToken') {
        unplaced.push(w.tokenInvalid);
        continue;
      }
      const own = fieldMessage(path, w);
      if (own) fields[path] = own;
      else unplaced.push(message);
    }
    return { message: [w.checkFields, ...unplaced].join(' '), fields };
  }
  if (status === 409) return { message: problem.type?.endsWith('/service-token-used') ? w.tokenUsed : w.already, fields };
  if (status === 429) return { message: problem.limit === 'phone' ? w.phoneLimit : w.tooMany(waitWords(error.retryAfter, w)), fields };
  if (status === 0) return { message: t.offline, fields };
  if (status >= 500) return { message: w.serverDown, fields };
  if (status === 404) return { message: w.notFound, fields };
  return { message: [w.failed, problem.detail ?? problem.title].filter(Boolean).join(' '), fields };
}
