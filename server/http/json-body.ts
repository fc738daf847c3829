import type { Context, Middleware } from 'koa';
import { badRequest, ProblemError, problemType } from '../domain/problem.js';
import { assertNoControlCharacters } from './control-characters.js';

declare module 'koa' {
  interface Request {
    body?: unknown;
  }
}

export interface JsonBodyOptions {
  /** Largest body accepted, in bytes; the reading stops there (a 413). */
  limit: number;
  /**
   * Whether a write may come without a body. Where it may (the admin API, whose actions such as
   * `POST …/deactivate` take no fields), every write method including DELETE may carry JSON, and
   * `ctx.request.body` stays undefined without one: the route's schema decides whether that is
   * enough. Where it may not (the public contract), a POST, PUT or PATCH must carry JSON (a 415
   * otherwise, an empty one included) and a DELETE's body is not read.
   */
  optional?: boolean;
}

const REQUIRED_ON = ['POST', 'PUT', 'PATCH'];
const OPTIONAL_ON = [...REQUIRED_ON, 'DELETE'];

/** The answer to a body in another format than the route reads. */
export const unsupportedMediaType = (detail: string): ProblemError =>
  new ProblemError({ type: problemType('unsupported-media-type'), title: 'Unsupported media type', status: 415, detail });

/**
 * Whether JSON text can decode to a control character other than tab and the line breaks: only through
 * an escape (`\b`, `\f`, `\u0000`-`\u001f`, `\u007f`-`\u009f`) or a raw DEL or C1 character (raw C0
 * characters are not JSON). Anything else cannot, and the walk through the parsed body is spared. A
 * false alarm (`\u0070`, an escaped backslash before `b`) only costs that walk.
 */
const MAY_HOLD_CONTROL_CHARACTER = /\\[bf]|\\u00[0-17-9]|[\u007f-\u009f]/;

/** True when the request carries a body at all (a length above zero, or a chunked one). */
const hasBody = (ctx: Context): boolean => Number(ctx.get('content-length') || 0) > 0 || Boolean(ctx.get('transfer-encoding'));

/**
 * The API's one JSON body reader; a route group picks its options. A body that is not JSON is a
 * 400, one that is too large a 413 (the reading stops at the limit, so a huge body costs little),
 * a wrong content type a 415.
 */
export function jsonBody({ limit, optional = false }: JsonBodyOptions): Middleware {
  const methods = optional ? OPTIONAL_ON : REQUIRED_ON;
  return async (ctx, next) => {
    if (!methods.includes(ctx.method) || (optional && !hasBody(ctx))) return next();
    if (!ctx.is('application/json')) throw unsupportedMediaType('Send the body as application/json.');
    const text = (await readLimited(ctx, limit)).toString('utf8');
    if (optional && !text.trim()) return next();
    try {
      ctx.request.body = JSON.parse(text);
    } catch {
      throw badRequest('The body is not valid JSON.');
    }
    if (MAY_HOLD_CONTROL_CHARACTER.test(text)) assertNoControlCharacters(ctx.request.body);
    return next();
  };
}

/**
 * Reads the request body, stopping as soon as it passes `limit` bytes (a 413): a huge body costs
 * little. The declared length is checked first, so an honest client learns before sending it all.
 */
export async function readLimited(ctx: Context, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      ctx.req.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function tooLarge(limit: number): ProblemError {
  return new ProblemError({
    type: problemType('payload-too-large'),
    title: 'Payload too large',
    status: 413,
    detail: `The body may be at most ${limit} bytes.`,
  });
}
