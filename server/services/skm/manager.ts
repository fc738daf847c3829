import { forbidden } from '../../domain/problem.js';
import { managedOfficeId, type AuthUser } from '../access/scope.js';
import type { Actor } from '../admin/audit.js';

/**
 * The signed-in administrator an SKM change is made by, and the office they administer. The routes
 * authenticate first, so a missing user is refused here as it would be at the door.
 */
export function managerOf(actor: Actor): { user: AuthUser; officeId: number } {
  if (!actor.user) throw forbidden('Sign in as an administrator of an office.');
  return { user: actor.user, officeId: managedOfficeId(actor.user) };
}
