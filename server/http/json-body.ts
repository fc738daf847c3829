import type { Context, Middleware } from 'koa';
import { badRequest, ProblemError, problemType } from '../domain/problem.js';

declare module 'koa' {
  interface Request {
    body?: unknown;
  }
}

/**
 * Reads a JSON body of at most `limit` bytes. A body that is not JSON is a 400, one that is too large
 * a 413 (the reading stops at the limit, so a huge body costs little), a wrong content type a 415.
 */
export function jsonBody(limit: number): Middleware {
  return async (ctx, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(ctx.method)) return next();
    if (!ctx.is('application/json')) {
      throw new ProblemError({
        type: problemType('unsupported-media-type'),
        title: 'Unsupported media type',
        status: 415,
        detail: 'Send the body as application/json.',
      });
    }
    const text = (await readLimited(ctx, limit)).toString('utf8');
    try {
      ctx.request.body = JSON.parse(text);
    } catch {
      throw badRequest('The body is not valid JSON.');
    }
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
