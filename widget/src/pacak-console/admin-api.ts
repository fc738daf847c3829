import { ApiError } from '../api.js';
import type { Problem } from '../api.js';
import type { Session } from '../pacak-dashboard/session.js';
import { problemIn } from './problem-text.js';

const TIMEOUT_MS = 60_000;

type Query = Record<string, string | number | boolean | undefined | null>;

/** Query parameters as the API reads them: strings, with empty and missing values left out. */
function searchOf(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The admin API (`/api/v1/admin/...` and friends) with one session's token, for the console's screens.
 * Every failure is an ApiError carrying the server's problem details (field errors included), in the
 * console's language where they are known, so a screen can show each error next to its field; a 401 is
 * also told to `onUnauthorized` first, so the console sends the person back to sign-in from wherever
 * the request was made.
 */
export class AdminApi {
  constructor(
    readonly origin: string,
    private readonly token: string,
    private readonly onUnauthorized: (error: ApiError) => void,
    /** The console's language: a known problem's details are told in it (see problem-text.ts). */
    private readonly lang: 'id' | 'en' = 'id',
  ) {}

  /** The absolute address of an API path (`/admin/employees`), with its query. */
  url(path: string, query: Query = {}): string {
    return `${this.origin}/api/v1${path}${searchOf(query)}`;
  }

  get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    return this.json<T>(this.url(path, query), { signal });
  }

  post<T>(path: string, body?: unknown, query: Query = {}): Promise<T> {
    return this.json<T>(this.url(path, query), withBody('POST', body));
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>(this.url(path), withBody('PATCH', body));
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>(this.url(path), withBody('PUT', body));
  }

  delete<T = void>(path: string, body?: unknown): Promise<T> {
    return this.json<T>(this.url(path), withBody('DELETE', body));
  }

  /** Sends a file as it is (a CSV or XLSX import, a photo), with its own content type. */
  upload<T>(path: string, file: Blob, query: Query = {}, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
    return this.json<T>(this.url(path, query), {
      method,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      body: file,
    });
  }

  /** A response as it is (a PDF, an HTML card), for what is not JSON. */
  async raw(path: string, query: Query = {}): Promise<Response> {
    return this.call(this.url(path, query));
  }

  private async json<T>(url: string, init: RequestInit): Promise<T> {
    const response = await this.call(url, init);
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('Content-Type') ?? '';
    return (type.includes('json') ? response.json() : response.text()) as Promise<T>;
  }

  private async call(url: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${this.token}` },
        signal: init.signal ?? AbortSignal.timeout?.(TIMEOUT_MS),
      });
    } catch (error) {
      if ((error as DOMException).name === 'AbortError') throw error;
      throw new ApiError(0, { title: 'Network error', status: 0 });
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => undefined)) as Problem | undefined;
    const error = new ApiError(
      response.status,
      problemIn(this.lang, body?.status ? body : { title: response.statusText, status: response.status }),
      Number(response.headers.get('Retry-After')) || undefined,
    );
    if (error.status === 401) this.onUnauthorized(error);
    throw error;
  }
}

function withBody(method: string, body: unknown): RequestInit {
  return body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/**
 * What the console hands every screen (a lazily loaded element `pacak-console-<screen>` under
 * `sections/`): the API with the signed-in session's token, who is signed in (a screen offers only what
 * the role may do; the server refuses the rest anyway), the language, and a way to move to another of the
 * console's addresses (history routing, so Back and Forward work).
 */
export interface ConsoleContext {
  api: AdminApi;
  session: Session;
  lang: 'id' | 'en';
  /** The part of the address after the screen's own path (`/admin/employees/<id>` gives `<id>`), or ''. */
  subpath: string;
  navigate(path: string): void;
}
