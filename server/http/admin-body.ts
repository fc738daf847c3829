import type { Context, Middleware } from 'koa';
import { badRequest, ProblemError, problemType } from '../domain/problem.js';
import { readLimited } from './json-body.js';

const unsupported = (detail: string): ProblemError =>
  new ProblemError({ type: problemType('unsupported-media-type'), title: 'Unsupported media type', status: 415, detail });

/** True when the request carries a body at all (a length above zero, or a chunked one). */
const hasBody = (ctx: Context): boolean => Number(ctx.get('content-length') || 0) > 0 || Boolean(ctx.get('transfer-encoding'));

/**
 * The admin API's JSON bodies. Like jsonBody, but an action that takes no fields (`POST
 * …/deactivate`) may come with no body at all: `ctx.request.body` is then undefined and the route's
 * schema decides whether that is enough.
 */
export function adminJsonBody(limit: number): Middleware {
  return async (ctx, next) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(ctx.method) || !hasBody(ctx)) return next();
    if (!ctx.is('application/json')) throw unsupported('Send the body as application/json.');
    const text = (await readLimited(ctx, limit)).toString('utf8');
    if (!text.trim()) return next();
    try {
      ctx.request.body = JSON.parse(text);
    } catch {
      throw badRequest('The body is not valid JSON.');
    }
    return next();
  };
}

/**
 * A CSV body (`Content-Type: text/csv`) of at most `limit` bytes, as text in `ctx.request.body`.
 * Only UTF-8 is read (a byte order mark is fine): a file in a Windows code page would turn names
 * with accents into garbage, so it is refused with a hint how to save it as UTF-8.
 */
export function csvBody(limit: number): Middleware {
  return async (ctx, next) => {
    if (!ctx.is('text/csv')) throw unsupported('Send the file as text/csv (UTF-8).');
    const charset = /charset="?([\w-]+)/i.exec(ctx.get('content-type'))?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') throw unsupported('Send the file in UTF-8 (charset=utf-8).');
    const bytes = await readLimited(ctx, limit);
    try {
      ctx.request.body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw badRequest('The file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (Comma delimited)".');
    }
    return next();
  };
}
