import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { AdminUser, Office, WorkArea } from '../../db/models/index.js';
import type { Role } from '../../domain/roles.js';
import { conflict, invalid } from '../../domain/problem.js';
import { isUniqueViolation } from '../../db/errors.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

/** Sign-in names: lowercase letters, digits, dots, dashes and underscores, 3 to 64 characters. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'may hold only letters, digits, dots, dashes and underscores, starting with a letter or digit');

/** A password a person chose: long rather than clever (NIST SP 800-63B), no composition rules. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'must be at most 256 characters');

export interface NewAccount {
  username: string;
  role: Role;
  officeId: number | null;
  workAreaId: number | null;
  /** Left out: one is generated and returned, to be shown once. */
  password?: string;
}

/**
 * Where an account's role puts it: a superadmin has no office, everyone else one; a coordinator has
 * a work area of that office and nobody else has one. Throws a 422 naming the field otherwise.
 */
export function assertPlacement(account: Pick<NewAccount, 'role' | 'officeId' | 'workAreaId'>): void {
  if (account.role === 'superadmin' && account.officeId !== null) {
    throw invalid([{ path: 'office', message: 'a superadmin belongs to no office', code: 'invalid_placement' }]);
  }
  if (account.role !== 'superadmin' && account.officeId === null) {
    throw invalid([
      { path: 'office', message: `a${account.role === 'admin' ? 'n' : ''} ${account.role} needs an office`, code: 'invalid_placement' },
    ]);
  }
  if (account.role === 'coordinator' && account.workAreaId === null) {
    throw invalid([{ path: 'workArea', message: 'a coordinator needs a work area', code: 'invalid_placement' }]);
  }
  if (account.role !== 'coordinator' && account.workAreaId !== null) {
    throw invalid([{ path: 'workArea', message: 'only a coordinator has a work area', code: 'invalid_placement' }]);
  }
}

/** Creates an account and returns it with its password when that was generated (shown once, never stored). */
export async function createAccount(account: NewAccount, transaction?: Transaction): Promise<{ user: AdminUser; password?: string }> {
  assertPlacement(account);
  const password = account.password ?? generatePassword();
  try {
    const user = await AdminUser.create(
      {
        username: account.username,
        passwordHash: await hashPassword(password),
        role: account.role,
        officeId: account.officeId,
        workAreaId: account.workAreaId,
        passwordChangedAt: new Date(),
        mustChangePassword: !account.password,
      },
      { transaction },
    );
    return { user, ...(account.password ? {} : { password }) };
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('username-taken', 'Username taken', `The username "${account.username}" is already taken.`);
    throw error;
  }
}

/**
 * Sets a new password; tokens issued before now stop working, for good (the token version moves on).
 * Returns it when generated, and then the account must choose its own at its next sign-in (whoever
 * read the generated one knows it).
 */
export async function setPassword(user: AdminUser, password: string | undefined, transaction?: Transaction): Promise<string | undefined> {
  const chosen = password ?? generatePassword();
  await user.update(
    { passwordHash: await hashPassword(chosen), passwordChangedAt: new Date(), mustChangePassword: password === undefined },
    { transaction },
  );
  await user.increment('tokenVersion', { transaction });
  return password ? undefined : chosen;
}

/** An office by code and, when given, one of its active work areas by code, for placing an account. */
export async function placeIn(
  officeCode: string | undefined,
  workAreaCode: string | undefined,
): Promise<{ office: Office | null; workArea: WorkArea | null }> {
  const office = officeCode ? await Office.findOne({ where: { code: officeCode } }) : null;
  if (officeCode && !office) throw invalid([{ path: 'office', message: `no office has the code "${officeCode}"`, code: 'unknown_office' }]);
  if (!workAreaCode) return { office, workArea: null };
  const workArea = office ? await WorkArea.findOne({ where: { officeId: office.id, code: workAreaCode, active: true } }) : null;
  if (!workArea) throw invalid([{ path: 'workArea', message: `is not an active work area of the office`, code: 'unknown_work_area' }]);
  return { office, workArea };
}
