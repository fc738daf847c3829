import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Middleware } from 'koa';
import { isTransientDatabaseError } from '../db/errors.js';
import type { Logger } from '../logger.js';
import { ProblemError, problemType, unavailable, type ProblemDetails } from '../domain/problem.js';

declare module 'koa' {
  interface DefaultState {
    requestId: string;
  }
}

const REQUEST_ID = /^[\w-]{8,64}$/;

function write(ctx: Parameters<Middleware>[0], problem: ProblemDetails, headers: Record<string, string> = {}): void {
  ctx.status = problem.status;
  ctx.set(headers);
  ctx.type = 'application/problem+json';
  ctx.body = problem;
}

/**
 * First in the chain: gives every request an id, logs it when done, and turns every failure into
 * problem+json. Expected failures carry their message; unexpected ones are logged and answered
 * with a generic 500, and a lost database with 503, so no internals reach the client.
 */
export function errorMiddleware(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = performance.now();
    const incoming = ctx.get('x-request-id');
    ctx.state.requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.set('X-Request-Id', ctx.state.requestId);
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        write(ctx, { type: problemType('not-found'), title: 'Not found', status: 404, detail: 'No such resource.' });
      } else if (ctx.status >= 400 && (ctx.body === undefined || ctx.body === null || ctx.response.is('text/plain'))) {
        // Koa's and the router's own refusals (405 with Allow, 501) come as plain text: make them problems too.
        write(ctx, { type: 'about:blank', title: STATUS_CODES[ctx.status] ?? 'Error', status: ctx.status });
      }
    } catch (error) {
      if (error instanceof ProblemError) {
        write(ctx, error.problem, error.headers);
      } else if (isTransientDatabaseError(error)) {
        const problem = unavailable('The database is not answering. Please try again shortly.');
        logger.error('database unavailable', { requestId: ctx.state.requestId, error: describe(error) });
        write(ctx, problem.problem, problem.headers);
      } else if (isClientHttpError(error)) {
        write(ctx, { type: 'about:blank', title: error.message, status: error.status });
      } else {
        logger.error('unexpected error', { requestId: ctx.state.requestId, error: describe(error) });
        write(ctx, { type: 'about:blank', title: 'Internal server error', status: 500, detail: 'Something went wrong on our side.' });
      }
    } finally {
      logger.info('request', {
        requestId: ctx.state.requestId,
        method: ctx.method,
        // The matched pattern, not the path: paths carry NIPs and codes, which logs do not need.
        route: (ctx as { _matchedRoute?: string })._matchedRoute ?? 'unmatched',
        status: ctx.status,
        ms: Math.round(performance.now() - started),
      });
    }
  };
}

function isClientHttpError(error: unknown): error is { status: number; message: string } {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: boolean }).expose === true;
}

/**
 * An error for the log. Driver messages may quote the values of a statement, so runs of nine or more
 * digits (phone numbers, NIPs) are masked: logs never hold personal data.
 */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\+?\d(?:[\s.-]?\d){8,}/g, '[digits]');
}
