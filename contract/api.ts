/** The public API, version 1, that the rating widget and the hosted pages call (README, "Public API"). */
import type { CHANNELS, FEEDBACK_STATUSES, GRADE_BANDS, PROBLEM_TYPES, ROLES } from './constants.js';

export type Role = (typeof ROLES)[number];
export type Channel = (typeof CHANNELS)[number];
export type Grade = (typeof GRADE_BANDS)[number]['grade'];
export type ProblemType = (typeof PROBLEM_TYPES)[number];
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export interface Named {
  code: string;
  name: string;
}

/**
 * Whether the page that asked may send ratings to the employee's office: `origin` is the page's site
 * (null for the server's own pages and clients that send no Origin). Servers before 0.2 leave it out.
 */
export interface SendingVerdict {
  origin: string | null;
  allowed: boolean;
}

/** `GET /api/v1/employees/:nip`. */
export interface Employee {
  nip: string;
  name: string;
  position: string;
  workArea: Named;
  /**
   * `complaintUrl`: the office's complaint channel, shown after a low score; null when it has none.
   * `privacyContact` and `retentionDays` fill the privacy notice under the phone field.
   */
  office: Named & { complaintUrl?: string | null; privacyContact?: string | null; retentionDays?: number };
  /**
   * The employee's photo: for one uploaded in the console a path on the API's own server
   * (`/api/v1/employee-photos/<key>`, to be resolved against the API's origin), else an http(s) address; null when none.
   */
  photoUrl: string | null;
  ratingUrl: string;
  sending?: SendingVerdict;
}

/** One person a counter tablet (kiosk mode) offers to rate. */
export type RosterEntry = Pick<Employee, 'nip' | 'name' | 'position' | 'photoUrl'>;

/** `GET /api/v1/kiosk/employees`: the employees of the work area a kiosk key opens. */
export interface Roster {
  workArea: Named;
  employees: RosterEntry[];
}

/** One of `GET /api/v1/offices/:office/employees`: a person the office shows for customers to pick, by public code, never NIP. */
export interface OfficeEmployee {
  code: string;
  name: string;
  position: string;
  workArea: Named;
  photoUrl: string | null;
}

/** `GET /api/v1/offices/:office/employees`: the office's active employees, by name, and its work areas that have any. */
export interface OfficeEmployees {
  office: Named;
  workAreas: Named[];
  employees: OfficeEmployee[];
}

/** One of `GET /api/v1/indicators`. */
export interface Indicator extends Named {
  description: { id: string; en: string };
}

/** `POST /api/v1/ratings`: the body as a client sends it (the server normalises phone and comment). */
export interface RatingBody {
  /** The employee: by NIP, or (the hosted page) by public code, never both. */
  nip?: string;
  code?: string;
  serviceType: string;
  /** One whole number from 1 to 5 per indicator code of `GET /api/v1/indicators`. */
  scores: Record<string, number>;
  phone: string;
  comment?: string;
  /** `widget` when left out. */
  channel?: Channel;
  /** A UUID the client keeps across retries: the server answers a known one with the first answer. */
  clientId?: string;
  /** The honeypot: always empty. */
  website?: string;
  /** A one-service code from the employee's keypass page; the rating is then verified. */
  serviceToken?: string;
  /** The signed token of the form, from `GET /api/v1/form-token`. */
  formToken?: string;
  /** The customer may be contacted for follow-up (the form offers it after a low score); false when left out. */
  contactConsent?: boolean;
}

/** `GET /api/v1/form-token`: a rating may carry `token` from `minSeconds` after it was issued until `maxSeconds`. */
export interface FormTokenAnswer {
  token: string;
  minSeconds: number;
  maxSeconds: number;
  sending?: SendingVerdict;
}

/**
 * `GET /api/v1/employees/:nip/form` (or `…/by-code/:code/form`): everything a rating form needs in one
 * answer. By code, `employee` has `code` and no `nip`. Not cached (`no-store`): the form token is new
 * in every answer, and `sending` depends on the asking page's origin.
 */
export interface FormAnswer {
  employee: Omit<Employee, 'nip' | 'sending'> & { nip?: string; code?: string };
  serviceTypes: Named[];
  indicators: readonly Indicator[];
  formToken: Omit<FormTokenAnswer, 'sending'>;
  sending: SendingVerdict;
}

/** `POST /api/v1/ratings` answers 201 (or 200 for a resent clientId) with this. */
export interface Receipt {
  id: string | number;
  receipt: string;
  createdAt: string;
}

/** One field's complaint in a 422: `path` is the dot path of the field in the request body. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

/** RFC 9457 problem details (application/problem+json), as every failure is answered. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** On a 429 for ratings: which limit (`phone`, `address`, `burst`). */
  limit?: string;
  [extension: string]: unknown;
}

/** One rating in the feedback inbox, `GET /api/v1/admin/feedback` (admins and coordinators). */
export interface FeedbackItem {
  /** The rating's id, which the inbox's actions name. */
  id: number;
  receipt: string;
  createdAt: string;
  employee: { nip: string; name: string };
  workArea: Named;
  serviceType: Named;
  scores: Record<string, number>;
  lowest: number;
  /** Some indicator is at or below the office's low score. */
  low: boolean;
  comment: string | null;
  /** The customer agreed to be contacted for follow-up. */
  contactConsent: boolean;
  /** The masked number (0812****7890) when they agreed and it is still readable, else null. */
  phone: string | null;
  status: FeedbackStatus;
  assignedTo: { id: number; username: string } | null;
  /** The latest follow-up note, phone numbers masked. */
  note: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  /** When the office's target days run out; `overdue` once past it and not closed. */
  dueAt: string;
  overdue: boolean;
}
