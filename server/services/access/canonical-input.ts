import { canonicalName, canonicalStaffId } from '../../domain/canonical.js';
import { invalid } from '../../domain/problem.js';

function orUnprocessable(canonical: (raw: string) => string, raw: string, path: string): string {
  try {
    return canonical(raw);
  } catch (error) {
    if (error instanceof RangeError) throw invalid([{ path, message: error.message, code: 'not_canonical' }]);
    throw error;
  }
}

/** The canonical form of a typed username, or a 422 on the field when it has none. */
export const canonicalUsernameOr422 = (raw: string, path = 'username'): string => orUnprocessable(canonicalName, raw, path);

/** The canonical form of a typed NIP or staff code, or a 422 on the field when it has none. */
export const canonicalStaffIdOr422 = (raw: string, path = 'nip'): string => orUnprocessable(canonicalStaffId, raw, path);
