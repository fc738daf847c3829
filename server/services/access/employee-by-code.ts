import { invalid, notFound } from '../../domain/problem.js';
import type { Catalogue, EmployeeRecord, PublicEmployee } from '../catalogue/catalogue.js';

/** What a public code looks like (catalogue codes are upper-case letters and digits). */
const CODE_SHAPE = /^[0-9A-Z]{4,16}$/;

/**
 * The employee behind a public code, the name the hosted page `/r/<code>` and its widget use instead
 * of the NIP (which spells a birth date): the QR code avoids the NIP, so the page and its calls must too.
 * A code that is unknown, replaced by a newer one, or of an inactive employee finds nobody.
 */
export async function employeeByCode(catalogue: Catalogue, typed: string): Promise<EmployeeRecord | null> {
  const code = typed.trim().toUpperCase();
  if (!CODE_SHAPE.test(code)) return null;
  const found = await catalogue.resolveCode(code);
  return found === null || found === 'replaced' ? null : found;
}

export async function requireEmployeeByCode(catalogue: Catalogue, typed: string): Promise<EmployeeRecord> {
  const record = await employeeByCode(catalogue, typed);
  if (!record) throw notFound('No active employee has this code. Scan the employee’s current QR code again.');
  return record;
}

/** The public view of an employee found by code: everything the form shows, but no NIP. */
export function publicByCode(catalogue: Catalogue, record: EmployeeRecord): Omit<PublicEmployee, 'nip'> & { code: string } {
  const { nip: _nip, ...rest } = catalogue.toPublic(record);
  return { ...rest, code: record.code };
}

/**
 * A rating body that names its employee by `code` (and not by `nip`) gets the NIP put in its place on
 * the server, before the usual rating schema reads it; an unknown code is a 422 on `code`.
 */
export async function withNipForCode(catalogue: Catalogue, body: unknown): Promise<unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const { code, ...rest } = body as Record<string, unknown>;
  if (code === undefined || 'nip' in rest) return body;
  const record = typeof code === 'string' ? await employeeByCode(catalogue, code) : null;
  if (!record) throw invalid([{ path: 'code', message: 'no active employee has this public code', code: 'unknown_employee' }]);
  return { ...rest, nip: record.employee.nip };
}
