import type { Context } from 'koa';
import { notFound } from '../../domain/problem.js';
import { parseOr422 } from '../../http/validate.js';
import type { z } from 'zod';

/** A numeric id from the path; anything else names nothing, so it is a 404 rather than a 422. */
export function idParam(ctx: Context, name = 'id'): number {
  const raw = (ctx.params as Record<string, string | undefined>)[name] ?? '';
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound('No such resource.');
  return id;
}

/** A code or NIP from the path, as written (the services look it up within the user's office). */
export function codeParam(ctx: Context, name: string): string {
  const raw = (ctx.params as Record<string, string | undefined>)[name] ?? '';
  if (!raw || raw.length > 64) throw notFound('No such resource.');
  return raw;
}

/** The query string checked by a schema; unknown parameters are refused like unknown body fields. */
export function queryOf<Schema extends z.ZodType>(ctx: Context, schema: Schema): z.infer<Schema> {
  return parseOr422(schema, { ...ctx.query });
}

/** The request body checked by a schema (a 422 naming each bad field). */
export function bodyOf<Schema extends z.ZodType>(ctx: Context, schema: Schema): z.infer<Schema> {
  return parseOr422(schema, ctx.request.body);
}
