import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.js';
import { conflict, forbidden } from '../../domain/problem.js';
import type { Actor } from './audit.js';
import { managedOfficeId } from '../access/scope.js';

/** Text a person types: no control characters (NUL breaks PostgreSQL) and no markup, trimmed. */
export const plainText = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex -- the pattern matches control characters on purpose, to refuse them
    .refine((value) => !/[\u0000-\u001F\u007F]/.test(value), 'must not contain control characters')
    .refine((value) => !/<\s*\/?\s*[a-z!?]/i.test(value), 'must not contain HTML tags');

/**
 * A stable identifier used in URLs, exports and tests (office, work area, service type): lowercase
 * letters and digits in words joined by single dashes, e.g. `boom-baru`.
 */
export const slugCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'must be at least 2 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'may hold only lowercase letters, digits and single dashes, e.g. boom-baru');

/** Query flags arrive as text: `true`/`false` (and `1`/`0`) only. */
export const queryBoolean = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** An action on a resource that takes no fields: no body, or an empty object. */
export const emptyBody = z.strictObject({}).optional();

/** The same action with a reason for the audit log, optional. */
export const reasonBody = z.strictObject({ reason: plainText(500).optional() }).optional();

/**
 * Runs a write that may break a unique index and turns that into a 409 naming what is taken. Any
 * other error is not this helper's business and goes on up.
 */
export async function uniqueOr409<T>(work: () => Promise<T>, what: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('already-exists', 'Already exists', `${what} is already taken.`);
    throw error;
  }
}

/** What changed between a row and an update, as `{ field: { from, to } }`, for answers and the audit log. */
export function diff<T extends object>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = (before as Record<string, unknown>)[key];
    if (to !== undefined && to !== from) changes[key] = { from, to };
  }
  return changes;
}

/** The office an actor administers: only a signed-in admin of an office has one (the CLI and others get 403). */
export function officeOf(actor: Actor): number {
  if (!actor.user) throw forbidden('Sign in as an administrator of an office.');
  return managedOfficeId(actor.user);
}
