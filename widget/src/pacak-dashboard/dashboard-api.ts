import { ApiError } from '../api.js';
import type { Problem } from '../api.js';
import type { ReportName, ShareLink } from '../../../contract/index.js';

/** The period and filters every report takes; empty filters are left out of the URL. */
export interface ReportParams {
  from: string;
  to: string;
  workArea?: string;
  serviceType?: string;
  verified?: boolean;
  /** The ranking's order; the Bayesian average unless `combined`. */
  orderBy?: 'bayesian' | 'combined';
}

/** A downloaded export, whole, ready to be saved under the name the server gave it. */
export interface Download {
  blob: Blob;
  fileName: string;
}

const TIMEOUT_MS = 60_000;

/** Query parameters as the report API reads them: strings, `verified=true` only when asked. */
export function paramsOf(params: ReportParams, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { from: params.from, to: params.to };
  if (params.workArea) out.workArea = params.workArea;
  if (params.serviceType) out.serviceType = params.serviceType;
  if (params.verified) out.verified = 'true';
  if (params.orderBy === 'combined') out.orderBy = 'combined';
  return { ...out, ...extra };
}

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as Problem | undefined;
  return new ApiError(
    response.status,
    body?.status ? body : { title: response.statusText, status: response.status },
    Number(response.headers.get('Retry-After')) || undefined,
  );
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout?.(TIMEOUT_MS) });
  } catch (error) {
    if ((error as DOMException).name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'Network error', status: 0 });
  }
  if (!response.ok) throw await failure(response);
  return response;
}

/**
 * POST /api/v1/auth/token: `{ token, expiresAt, mustChangePassword }`, or an ApiError (401 wrong, 429
 * locked for a while).
 */
export async function signIn(
  origin: string,
  username: string,
  password: string,
): Promise<{ token: string; expiresAt: string; mustChangePassword?: boolean }> {
  const response = await send(`${origin}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.json();
}

/**
 * The report API with one token. Every failure is an ApiError; a 401 (the token expired, the account
 * changed) is also told to `onUnauthorized` first, so the element sends the person back to sign-in
 * from wherever the request was made.
 */
export class ReportsApi {
  constructor(
    private readonly origin: string,
    private readonly token: string,
    private readonly onUnauthorized: (error: ApiError) => void,
  ) {}

  url(path: string, query: Record<string, string> = {}): string {
    const search = new URLSearchParams(query).toString();
    return `${this.origin}/api/v1${path}${search ? `?${search}` : ''}`;
  }

  private async call(url: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await send(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${this.token}` } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onUnauthorized(error);
      throw error;
    }
  }

  async report<T>(
    name: Exclude<ReportName, 'employee'>,
    params: ReportParams,
    signal?: AbortSignal,
    extra?: Record<string, string>,
  ): Promise<T> {
    return (await this.call(this.url(`/reports/${name}`, paramsOf(params, extra)), { signal })).json();
  }

  async employee<T>(nip: string, params: ReportParams, signal?: AbortSignal): Promise<T> {
    return (await this.call(this.url(`/reports/employees/${encodeURIComponent(nip)}`, paramsOf(params)), { signal })).json();
  }

  async share(report: ReportName, params: ReportParams, days: number, nip?: string): Promise<ShareLink> {
    const body = { report, params: paramsOf(params), days, ...(nip ? { nip } : {}) };
    const response = await this.call(this.url('/reports/share-links'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.json();
  }

  /** A work area's printable QR board (GET /board/:code, staff only), as HTML. */
  async board(code: string): Promise<string> {
    return (await this.call(`${this.origin}/board/${encodeURIComponent(code)}`)).text();
  }

  /**
   * Fetches an export with the token (a plain link could not send it), reading the body as it streams
   * in and telling `onProgress` the bytes so far and the total when the server sent one (0 otherwise:
   * exports are streamed as they are made, so usually 0).
   */
  async download(url: string, onProgress: (received: number, total: number) => void, fallbackName: string): Promise<Download> {
    const response = await this.call(url);
    const total = Number(response.headers.get('Content-Length')) || 0;
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body?.getReader();
    if (!reader) throw new ApiError(0, { title: 'Network error', status: 0 });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(received, total);
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
    return { blob: new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? '' }), fileName: name ?? fallbackName };
  }
}

/** Saves a blob as a file the way a download link would, then lets the memory go. */
export function saveFile({ blob, fileName }: Download): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
