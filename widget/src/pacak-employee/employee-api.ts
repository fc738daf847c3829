import type { EmployeeSession, OwnComments, OwnFigures, OwnProfile, ProblemDetails } from '../../../contract/index.js';

/** A failed call: `status` 0 when the server could not be reached; `retryAfter` from a 429. */
export class EmployeeApiError extends Error {
  override name = 'EmployeeApiError';

  constructor(
    readonly status: number,
    readonly problem: Partial<ProblemDetails>,
  ) {
    super(problem.title ?? `HTTP ${status}`);
  }
}

async function call(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout?.(30_000) });
  } catch {
    throw new EmployeeApiError(0, { title: 'Network error' });
  }
  if (!res.ok) throw new EmployeeApiError(res.status, ((await res.json().catch(() => ({}))) ?? {}) as Partial<ProblemDetails>);
  return res;
}

/**
 * The calls of the employee's own page. Every call but sign-in carries the session token; none names
 * an employee: the server answers about the one the token was issued to.
 */
export function employeeApi(origin: string, token = '') {
  const base = `${origin}/api/v1/employee`;
  const headers = { authorization: `Bearer ${token}` };
  const get = async <T>(path: string): Promise<T> => (await call(`${base}${path}`, { headers })).json() as Promise<T>;
  return {
    signIn: async (nip: string, pin: string): Promise<EmployeeSession> =>
      (
        await call(`${base}/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ nip, pin }),
        })
      ).json() as Promise<EmployeeSession>,
    /** Ends every session of the employee on the server, this one included. */
    signOut: async (): Promise<void> => {
      await call(`${base}/session`, { method: 'DELETE', headers });
    },
    me: () => get<OwnProfile>('/me'),
    figures: (months: number) => get<OwnFigures>(`/me/figures?months=${months}`),
    comments: (limit: number, offset: number) => get<OwnComments>(`/me/comments?limit=${limit}&offset=${offset}`),
    evidence: async (params: string): Promise<{ blob: Blob; fileName: string }> => {
      const res = await call(`${base}/me/evidence.pdf?${params}`, { headers });
      const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'pacak.pdf';
      return { blob: await res.blob(), fileName };
    },
  };
}

export type EmployeeApi = ReturnType<typeof employeeApi>;
