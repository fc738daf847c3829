import type { Role } from '../../domain/roles.js';
import { forbidden, notFound } from '../../domain/problem.js';

/**
 * The signed-in user as every route and service sees it (`ctx.state.user`), loaded from the
 * database on each request. `officeId` and `officeCode` are null only for a superadmin;
 * `workAreaId` and `workAreaCode` are set only for a coordinator.
 */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  officeId: number | null;
  officeCode: string | null;
  workAreaId: number | null;
  workAreaCode: string | null;
}

/** How far a user may read: one office, and for a coordinator one work area of it. */
export interface ReadScope {
  officeId: number;
  workAreaId?: number;
}

/**
 * The widest data a user may read, for the reports code to put in every query's WHERE:
 * an admin or viewer reads their office, a coordinator their work area. A superadmin manages
 * offices but reads no office's ratings, so it gets a 403, as does a user without an office.
 *
 * ```ts
 * const scope = scopeOf(ctx.state.user);
 * const where = { officeId: scope.officeId, ...(scope.workAreaId ? { workAreaId: scope.workAreaId } : {}) };
 * ```
 */
export function scopeOf(user: AuthUser): ReadScope {
  if (user.role === 'superadmin' || user.officeId === null) throw forbidden('This account reads no office’s reports.');
  if (user.role === 'coordinator') {
    if (user.workAreaId === null) throw forbidden('This coordinator has no work area.');
    return { officeId: user.officeId, workAreaId: user.workAreaId };
  }
  return { officeId: user.officeId };
}

/**
 * Refuses reading something that belongs to an office (and maybe a work area) outside the user's
 * scope. Another office's things answer 404, exactly as if they did not exist, so nobody learns
 * what other offices hold by trying ids or codes; another work area of one's own office answers 403.
 * Pass `workAreaId` as undefined for office-wide data (a coordinator may not read that: 403).
 *
 * ```ts
 * const employee = await findEmployee(nip);           // looked up by code or id from the URL
 * assertCanRead(ctx.state.user, employee.officeId, employee.workAreaId);
 * ```
 */
export function assertCanRead(user: AuthUser, officeId: number, workAreaId?: number | null): void {
  const scope = scopeOf(user);
  if (scope.officeId !== officeId) throw notFound('No such resource.');
  if (scope.workAreaId !== undefined && scope.workAreaId !== workAreaId) {
    throw forbidden('This data belongs to another work area than yours.');
  }
}

/** True when the user may read data of that office and work area (see assertCanRead), without throwing. */
export function canRead(user: AuthUser, officeId: number, workAreaId?: number | null): boolean {
  try {
    assertCanRead(user, officeId, workAreaId);
    return true;
  } catch {
    return false;
  }
}

/** The office an admin manages; anyone else gets a 403. Services call it before any office write. */
export function managedOfficeId(user: AuthUser): number {
  if (user.role !== 'admin' || user.officeId === null) throw forbidden('Only an administrator of an office may do this.');
  return user.officeId;
}

/** Refuses unless the user has one of the roles. */
export function assertRole(user: AuthUser, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) throw forbidden(`This needs the role ${roles.join(' or ')}.`);
}
