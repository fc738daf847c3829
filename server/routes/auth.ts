import Router from '@koa/router';
import { parseOr422 } from '../http/validate.js';
import { signInSchema } from '../services/access/auth.js';
import type { Services } from '../services/index.js';

/**
 * Sign-in: a username and password for a one-hour token that the admin and report routes need.
 *
 * - 200 `{ token, expiresAt }`: send the token as `Authorization: Bearer <token>`;
 * - 401 for a wrong username, a wrong password or a deactivated account, all answered alike;
 * - 429 with Retry-After while the username or the client address is locked after repeated failures;
 * - 400 / 415 / 422 for a body that is not JSON or not `{ username, password }`.
 */
export function authRouter(services: Services): Router {
  const router = new Router();

  router.post('/auth/token', async (ctx) => {
    const body = parseOr422(signInSchema, ctx.request.body);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await services.auth.signIn(body, services.addressHash(ctx.ip));
  });

  return router;
}
