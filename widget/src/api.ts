/** The slice of the public API, version 1, that the rating widget uses (see DESIGN.md). */

import type { Employee, FormAnswer, FormTokenAnswer, Indicator, Named, ProblemDetails } from '../../contract/index.js';

export type { Employee, Indicator, Named, RatingBody, Receipt, Roster, RosterEntry } from '../../contract/index.js';

/**
 * A form token and when this device received it. A rating may carry it from `minSeconds` after it was
 * issued until `maxSeconds`; the device's own clock measures the wait from receipt, which is never
 * shorter than the server's, so no clock needs to agree with the server's.
 */
export interface FormToken extends FormTokenAnswer {
  nip: string;
  at: number;
}

/** What a form shows of one employee, and the token it was loaded with. */
export type FormDetails = [Employee, Named[], Indicator[], FormToken | undefined];

/** Problem details as the widget reads them: a network failure (status 0) has no type. */
export type Problem = Partial<ProblemDetails> & Pick<ProblemDetails, 'status'>;

/**
 * Every failed call, the network included (status 0), becomes one error type, so the element has a
 * single place that turns a failure into words for the customer.
 */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** Seconds from `Retry-After`; a cross-origin page sees it only if the server exposes the header. */
    readonly retryAfter?: number,
  ) {
    super(problem.title ?? `HTTP ${status}`);
  }
}

/** Anything thrown while calling, as an ApiError; a bug of ours reads to the customer like a lost connection. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, { title: String(error), status: 0 });
}

// Weak port and airport connections can stall forever; after this the customer can retry instead.
const TIMEOUT_MS = 30_000;

export async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout?.(TIMEOUT_MS) });
  } catch {
    throw new ApiError(0, { title: 'Network error', status: 0 });
  }
  const body = await res.json().catch(() => undefined);
  if (res.ok && body) return body as T;
  throw new ApiError(
    res.status,
    // Not problem+json (a proxy's page): the status line's text, if any; the customer is told in their own words.
    body?.status ? body : { title: res.statusText, status: res.status },
    Number(res.headers.get('Retry-After')) || undefined,
  );
}

/**
 * An employee reference: a NIP, or `code:<public code>` for a form addressed by its QR code's public
 * code (the hosted page), whose calls then carry the code and never the NIP.
 */
export const CODE_REF = 'code:';
export const byCode = (ref: string): string | null => (ref.startsWith(CODE_REF) ? ref.slice(CODE_REF.length) : null);
/** The employee fields of a rating body for a reference. */
export const employeeFields = (ref: string): { nip: string } | { code: string } => {
  const code = byCode(ref);
  return code ? { code } : { nip: ref };
};

/** The API's base address on a server. */
export const apiBase = (origin: string) => `${origin.replace(/\/+$/, '')}/api/v1`;

/** `GET /api/v1/employees/:nip` (`<pacak-qr>`); the rating form asks for its whole form at once instead. */
export const fetchEmployee = (origin: string, nip: string) => call<Employee>(`${apiBase(origin)}/employees/${encodeURIComponent(nip)}`);

/**
 * The employee, service types, indicators, a form token and whether this page may send, in one call.
 * The form keys everything by the reference: asked by code, the employee's `nip` is the reference.
 */
export function fetchForm(origin: string, ref: string): Promise<FormDetails> {
  const code = byCode(ref);
  return call<FormAnswer>(
    `${apiBase(origin)}/employees/${code ? `by-code/${encodeURIComponent(code)}` : encodeURIComponent(ref)}/form`,
  ).then((a): FormDetails => [
    { ...a.employee, nip: ref, sending: a.sending },
    a.serviceTypes,
    a.indicators as Indicator[],
    a.formToken && { ...a.formToken, nip: ref, at: Date.now() },
  ]);
}

/** A UUID v4; `crypto.randomUUID` exists only on https pages, and office sites are not all https. */
export function newClientId(): string {
  return (
    crypto.randomUUID?.() ??
    // Each 0, 1 and 8 of the pattern becomes a random hex digit (8: one of 8 to b, the variant); the 4 stays.
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
      (Number(c) ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (Number(c) / 4)))).toString(16),
    )
  );
}
