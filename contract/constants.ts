/**
 * The few values of the public API that the server, the widget and the dashboard each need, written
 * once. They are `as const` so their types follow from them; the bundles only carry the ones they use.
 */

/** Who may sign in to the admin API (see server/domain/roles.ts for what each may do). */
export const ROLES = ['superadmin', 'admin', 'coordinator', 'viewer'] as const;

/** Where a rating was given: the embedded widget, the hosted QR page, or a counter tablet. */
export const CHANNELS = ['widget', 'qr', 'kiosk'] as const;

/**
 * The bands of the public satisfaction survey (PermenPANRB 14/2017), borrowed for the 0-100 PACAK
 * score, highest first. `from` is a band's lowest score as the rule publishes it (two decimals); a
 * score belongs to the first band whose `from` it reaches.
 */
export const GRADE_BANDS = [
  { grade: 'A', label: 'Sangat Baik', from: 88.31 },
  { grade: 'B', label: 'Baik', from: 76.61 },
  { grade: 'C', label: 'Kurang Baik', from: 65 },
  { grade: 'D', label: 'Tidak Baik', from: 0 },
] as const;

/** Problem details name their kind as `PROBLEM_TYPE_BASE + slug` (RFC 9457 `type`). */
export const PROBLEM_TYPE_BASE = 'https://pacak.kemkes.go.id/problems/';

/** The follow-up of a rating's feedback: new, being handled, closed (with a note). */
export const FEEDBACK_STATUSES = ['baru', 'ditangani', 'selesai'] as const;

/** Every problem type slug the API answers with. */
export const PROBLEM_TYPES = [
  'already-exists',
  'already-rated',
  'already-voided',
  'employee-rated',
  'feedback-closed',
  'feedback-status',
  'forbidden',
  'import-refused',
  'kiosk-key',
  'last-admin',
  'last-service-type',
  'malformed-request',
  'misdirected-request',
  'no-contact-consent',
  'not-found',
  'not-voided',
  'origin-not-allowed',
  'own-account',
  'own-role',
  'password-change-required',
  'payload-too-large',
  'phone-erased',
  'phone-unreadable',
  'pin-not-set',
  'rate-limited',
  'rules-dated-before-latest',
  'service-token-used',
  'skm-already-answered',
  'share-link-gone',
  'unauthorized',
  'unavailable',
  'unsupported-media-type',
  'username-taken',
  'validation',
  'work-area-in-use',
  'work-area-inactive',
  'wrong-pin',
] as const;
