import type { Context, Middleware } from 'koa';
import type { Role } from '../domain/roles.js';
import type { Actor } from '../services/admin/audit.js';
import type { AuthService } from '../services/access/auth.js';
import type { Services } from '../services/index.js';
import { assertRole, type AuthUser } from '../services/access/scope.js';
import { unauthorized } from '../domain/problem.js';

declare module 'koa' {
  interface DefaultState {
    /** The signed-in user, set by `authenticate` on every route that needs a sign-in. */
    user?: AuthUser;
  }
}

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * Needs `Authorization: Bearer <token>` from POST /api/v1/auth/token and puts the user it belongs to
 * in `ctx.state.user`. The token's algorithm (HS256 only), signature, issuer, audience and expiry are
 * checked, then the user is loaded: a deactivated user or a changed role is a 401 as well.
 * Answers to signed-in requests are never cached: they hold one office's data.
 */
export function authenticate(auth: AuthService): Middleware {
  return async (ctx, next) => {
    ctx.set('Cache-Control', 'no-store');
    const header = ctx.get('authorization');
    if (!header) throw unauthorized('Sign in first: send Authorization: Bearer <token>, the token coming from POST /api/v1/auth/token.');
    const token = BEARER.exec(header.trim())?.[1];
    if (!token) throw unauthorized('The Authorization header must be "Bearer" followed by a token.');
    ctx.state.user = await auth.authenticate(token);
    return next();
  };
}

/** Lets through only users with one of the roles (403 otherwise); put it after `authenticate`. */
export function requireRole(...roles: Role[]): Middleware {
  return async (ctx, next) => {
    assertRole(currentUser(ctx), roles);
    return next();
  };
}

/** The signed-in user; a 401 when the route forgot `authenticate`, so a mistake fails closed. */
export function currentUser(ctx: Context): AuthUser {
  const user = ctx.state.user;
  if (!user) throw unauthorized('Sign in first.');
  return user;
}

/** Who is acting, for services and the audit log: the user and the keyed hash of their address. */
export function actorOf(ctx: Context, services: Pick<Services, 'addressHash'>): Actor {
  return { user: currentUser(ctx), ipHash: services.addressHash(ctx.ip) };
}
