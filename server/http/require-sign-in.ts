import type { Middleware } from 'koa';
import { ProblemError, problemType } from '../domain/problem.js';

/**
 * Who is looking at a sign-in-only page, in the shape the admin sign-in puts in `ctx.state.user`:
 * a coordinator has a work area, other roles see their whole office.
 */
export interface SignedInViewer {
  officeId: number | null;
  workAreaCode: string | null;
}

/**
 * Placeholder for the sign-in that another branch is building (JWT, roles admin/coordinator/viewer):
 * until it is wired in, every route behind this answers 401, so nothing meant for staff leaks out
 * in the meantime. Routes take their guard as a parameter, so wiring the real one is a one-line change.
 */
export const requireSignIn: Middleware = async (ctx) => {
  ctx.set('Cache-Control', 'no-store');
  throw new ProblemError(
    {
      type: problemType('unauthorized'),
      title: 'Unauthorized',
      status: 401,
      detail: 'Sign in first: this page is for office staff.',
    },
    { 'WWW-Authenticate': 'Bearer realm="pacak-api"' },
  );
};

/** The viewer a guard left in `ctx.state.user`, or null when the guard let an anonymous request through. */
export function signedInViewer(state: unknown): SignedInViewer | null {
  const user = (state as { user?: Partial<SignedInViewer> }).user;
  if (!user || typeof user.officeId !== 'number') return null;
  return { officeId: user.officeId, workAreaCode: user.workAreaCode ?? null };
}
