/** The slice of the public API, version 1, that the rating widget uses (see DESIGN.md). */

export interface Named {
  code: string;
  name: string;
}

export interface Employee {
  nip: string;
  name: string;
  position: string;
  workArea: Named;
  /** `complaintUrl`: the office's complaint channel, shown after a low score; null when it has none. */
  office: Named & { complaintUrl?: string | null };
  photoUrl: string | null;
  ratingUrl: string;
}

/** One person a counter tablet (kiosk mode) offers to rate. */
export type RosterEntry = Pick<Employee, 'nip' | 'name' | 'position' | 'photoUrl'>;

/** The employees of the work area a kiosk key opens. */
export interface Roster {
  workArea: Named;
  employees: RosterEntry[];
}

export interface Indicator extends Named {
  description: { id: string; en: string };
}

export interface RatingBody {
  nip: string;
  serviceType: string;
  scores: Record<string, number>;
  phone: string;
  comment?: string;
  channel: string;
  clientId: string;
  website: string;
  /** A one-service code from the employee's keypass page; the rating is then verified. */
  serviceToken?: string;
}

export interface Receipt {
  id: string | number;
  receipt: string;
  createdAt: string;
}

/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string; code?: string }[];
}

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

async function call<T>(url: string, init?: RequestInit): Promise<T> {
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

/** The calls bound to one server origin. */
export function apiClient(origin: string) {
  const base = `${origin.replace(/\/+$/, '')}/api/v1`;
  return {
    employee: (nip: string) => call<Employee>(`${base}/employees/${encodeURIComponent(nip)}`),
    serviceTypes: (nip: string) =>
      call<{ serviceTypes: Named[] }>(`${base}/service-types?nip=${encodeURIComponent(nip)}`),
    indicators: () => call<{ indicators: Indicator[] }>(`${base}/indicators`),
    roster: (key: string) => call<Roster>(`${base}/kiosk/employees`, { headers: { 'X-Kiosk-Key': key } }),
    rate: (body: RatingBody) =>
      call<Receipt>(`${base}/ratings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
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
