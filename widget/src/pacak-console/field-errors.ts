import type { ApiError } from '../api.js';

/**
 * A 422's `errors` as one message per field (the first part of each path), for showing each problem
 * beside its field. Other failures give an empty record.
 */
export function fieldErrors(failure: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  const errors = failure.problem.errors ?? [];
  for (const error of errors) {
    const field = error.path.split('.')[0] ?? '';
    if (field && !out[field]) out[field] = error.message;
  }
  return out;
}
