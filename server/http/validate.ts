import type { z } from 'zod';
import { invalid, type FieldError } from '../domain/problem.js';

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues
    .map((issue) => {
      // An unknown field is reported at its own path, so the client sees which field to drop.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          path: [...issue.path, key].join('.'),
          message: 'Unknown field',
          code: 'unknown_field',
        }));
      }
      return [{ path: issue.path.join('.'), message: issue.message, code: issue.code }];
    })
    .flat();
}

/** Parses a value with a zod schema, or throws a 422 problem naming every failing field. */
export function parseOr422<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(fieldErrors(result.error));
  return result.data;
}
