/** The JSON of an employee's own page (`/saya`): `/api/v1/employee/...`. */
import type { Employee, Named } from './api.js';
import type { Figures, MonthRow } from './reports.js';

/** `POST /api/v1/employee/session` `{ nip, pin }` → 201. */
export interface EmployeeSession {
  token: string;
  expiresAt: string;
}

/** `GET /api/v1/employee/me`: who is signed in, with the addresses of their QR code and printable card. */
export interface OwnProfile extends Pick<Employee, 'nip' | 'name' | 'position' | 'workArea' | 'ratingUrl'> {
  office: Named;
  /** Their current public code and its address without the scheme, as printed on the card. */
  code: string;
  shortLink: string;
  qr: { svg: string; png: string };
  card: string;
}

/** `GET /api/v1/employee/me/figures?months=12`. */
export interface OwnFigures {
  period: { from: string; to: string };
  method: { id: string; en: string };
  totals: Figures;
  /** Every month of the period, oldest first, months without ratings included (count 0). */
  byMonth: MonthRow[];
  /** The Bayesian average used for awards (1 to 5); null while fewer than `minRatings` ratings count. */
  bayesian: { value: number | null; minRatings: number; weight: number };
}

/** One customer comment as its employee reads it: no phone number, no time of day, nothing of the customer. */
export interface OwnComment {
  date: string;
  serviceType: string;
  /** Stars per indicator code (profesional, amanah, cakap, akuntabel, kolaboratif), 1 to 5. */
  scores: Record<string, number>;
  comment: string;
}

/** `GET /api/v1/employee/me/comments?limit=20&offset=0`: newest first. */
export interface OwnComments {
  comments: OwnComment[];
  total: number;
  limit: number;
  offset: number;
}
