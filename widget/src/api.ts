/** The slice of the public API, version 1, that the rating widget uses (see DESIGN.md). */

import type { Employee, FormAnswer, FormTokenAnswer, Indicator, Named, ProblemDetails, RatingBody, Receipt } from '../../contract/index.js';

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
    body?.status ? body : { title: res.statusText || 'Unexpected response', status: res.status },
    Number(res.headers.get('Retry-After')) || undefined,
  );
}

/**
 * An employee reference: a NIP, or `code:<public code>` for a form addressed by its QR code's public
 * code (the hosted page), whose calls then carry the code and never the NIP.
 */
export const CODE_REF = 'code:';
const byCode = (ref: string): string | null => (ref.startsWith(CODE_REF) ? ref.slice(CODE_REF.length) : null);
const refQuery = (ref: string): string => {
  const code = byCode(ref);
  return code ? `code=${encodeURIComponent(code)}` : `nip=${encodeURIComponent(ref)}`;
};
/** The employee fields of a rating body for a reference. */
export const employeeFields = (ref: string): { nip: string } | { code: string } => {
  const code = byCode(ref);
  return code ? { code } : { nip: ref };
};

/** `GET /api/v1/employees/:nip` (`<pacak-qr>`); the rating form asks for its whole form at once instead. */
export const fetchEmployee = (origin: string, nip: string) =>
  call<Employee>(`${origin.replace(/\/+$/, '')}/api/v1/employees/${encodeURIComponent(nip)}`);

/**
 * The answer of `url` when the page carries it (the hosted page `/r/<code>` does, so its form needs no
 * request at all): `<script type="application/json" data-pacak-form="<url>">`. Used once: a form loaded
 * again (a retry, the next rating) asks the server for a fresh token.
 */
function inlined(url: string): FormAnswer | undefined {
  const data = document.querySelector<HTMLScriptElement>('script[data-pacak-form]');
  if (!data || new URL(data.dataset.pacakForm ?? '', location.href).href !== url) return undefined;
  data.remove();
  return JSON.parse(data.text) as FormAnswer;
}

/** The calls bound to one server origin (and, on a counter tablet, its kiosk key). */
export function apiClient(origin: string, kioskKey?: string) {
  const base = `${origin.replace(/\/+$/, '')}/api/v1`;
  return {
    /**
     * The employee, service types, indicators, a form token and whether this page may send, in one call.
     * The form keys everything by the reference: asked by code, the employee's `nip` is the reference.
     */
    form: (ref: string) => {
      const code = byCode(ref);
      const url = `${base}/employees/${code ? `by-code/${encodeURIComponent(code)}` : encodeURIComponent(ref)}/form`;
      const given = inlined(url);
      return (given ? Promise.resolve(given) : call<FormAnswer>(url)).then((a): FormDetails => [
        { ...a.employee, nip: ref, sending: a.sending },
        a.serviceTypes,
        a.indicators as Indicator[],
        a.formToken && { ...a.formToken, nip: ref, at: Date.now() },
      ]);
    },
    formToken: (nip: string) =>
      call<FormTokenAnswer>(`${base}/form-token?${refQuery(nip)}`).then((t): FormToken => ({ ...t, nip, at: Date.now() })),
    rate: (body: RatingBody) =>
      call<Receipt>(`${base}/ratings`, {
        method: 'POST',
        // A kiosk rating proves its tablet with the kiosk key; the server refuses the kiosk channel without it.
        headers: { 'Content-Type': 'application/json', ...(kioskKey ? { 'X-Kiosk-Key': kioskKey } : {}) },
        body: JSON.stringify(body),
      }),
  };
}

type Client = ReturnType<typeof apiClient>;

/** Resolves once a rating may carry the token (MIN_FORM_SECONDS after it was issued). */
export const tokenReady = (t: FormToken) => new Promise((resolve) => setTimeout(resolve, t.at + t.minSeconds * 1e3 - Date.now()));

/** Older than this, a token is replaced before sending: a minute's margin on its lifetime. */
export const tokenStale = (t: FormToken | undefined, nip: string) => !t || t.nip !== nip || Date.now() - t.at > (t.maxSeconds - 60) * 1e3;

/**
 * Sends a rating. When the server refuses nothing but its form token (expired on a page left open, or a
 * rating kept offline for hours, or kept without one), a fresh token is fetched, its minimum age waited
 * out, and the rating sent once more under the same clientId.
 */
export async function rateFresh(client: Client, body: RatingBody): Promise<Receipt> {
  try {
    return await client.rate(body);
  } catch (error) {
    const errors = (error as ApiError).problem?.errors;
    if ((error as ApiError).status !== 422 || !errors?.length || errors.some((e) => e.path !== 'formToken')) throw error;
    const fresh = await client.formToken(body.nip ?? `${CODE_REF}${body.code}`);
    await tokenReady(fresh);
    return client.rate({ ...body, formToken: fresh.token });
  }
}

/** A UUID v4; `crypto.randomUUID` exists only on https pages, and office sites are not all https. */
export function newClientId(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
