import { PROBLEM_TYPE_BASE, type FieldError, type ProblemDetails, type ProblemType } from '../../contract/index.js';

export type { FieldError, ProblemDetails };

/**
 * An expected failure that the client is told about as application/problem+json (RFC 9457).
 * Routes and services throw it; the error middleware writes it. Anything else thrown is unexpected
 * and reaches the client only as a generic 500 without its message.
 */
export class ProblemError extends Error {
  override name = 'ProblemError';
  readonly headers: Record<string, string>;

  constructor(
    readonly problem: ProblemDetails,
    headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
    this.headers = headers;
  }
}

export const problemType = (slug: ProblemType): string => `${PROBLEM_TYPE_BASE}${slug}`;

export const badRequest = (detail: string): ProblemError =>
  new ProblemError({ type: problemType('malformed-request'), title: 'Malformed request', status: 400, detail });

export const notFound = (detail: string): ProblemError =>
  new ProblemError({ type: problemType('not-found'), title: 'Not found', status: 404, detail });

export const invalid = (errors: FieldError[], detail = 'The request has invalid fields.'): ProblemError =>
  new ProblemError({ type: problemType('validation'), title: 'Invalid request', status: 422, detail, errors });

export const conflict = (slug: ProblemType, title: string, detail: string): ProblemError =>
  new ProblemError({ type: problemType(slug), title, status: 409, detail });

export const tooManyRequests = (retryAfterSeconds: number, detail: string): ProblemError =>
  new ProblemError(
    { type: problemType('rate-limited'), title: 'Too many requests', status: 429, detail, retryAfter: retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );

export const unavailable = (detail: string): ProblemError =>
  new ProblemError({ type: problemType('unavailable'), title: 'Service unavailable', status: 503, detail }, { 'Retry-After': '5' });

/** No or a bad sign-in: the client should sign in (again). */
export const unauthorized = (detail: string): ProblemError =>
  new ProblemError(
    { type: problemType('unauthorized'), title: 'Unauthorized', status: 401, detail },
    { 'WWW-Authenticate': 'Bearer realm="pacak-api"' },
  );

/** Signed in, but this role or scope may not do this. */
export const forbidden = (detail: string): ProblemError =>
  new ProblemError({ type: problemType('forbidden'), title: 'Forbidden', status: 403, detail });

export const gone = (slug: ProblemType, title: string, detail: string): ProblemError =>
  new ProblemError({ type: problemType(slug), title, status: 410, detail });
