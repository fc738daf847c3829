import type Router from '@koa/router';
import { actorOf, currentUser, requireRole } from '../../http/auth.js';
import { emptyBody } from '../../services/admin/fields.js';
import { meUpdateSchema, passwordChangeSchema, userCreateSchema, userListSchema, userUpdateSchema } from '../../services/admin/users.js';
import type { Services } from '../../services/index.js';
import { bodyOf, idParam, queryOf } from './params.js';

/** The signed-in user's own account, and the users an admin (or a superadmin) manages. */
export function userRoutes(router: Router, services: Services): void {
  const { users } = services.admin;
  const managers = requireRole('admin', 'superadmin');

  router.get('/me', async (ctx) => {
    ctx.body = await users.me(currentUser(ctx));
  });
  router.patch('/me', async (ctx) => {
    const body = bodyOf(ctx, meUpdateSchema);
    ctx.body = await users.updateMe(actorOf(ctx, services), body);
  });
  router.post('/me/password', async (ctx) => {
    const body = bodyOf(ctx, passwordChangeSchema);
    await users.changeOwnPassword(actorOf(ctx, services), body);
    ctx.status = 204;
  });

  router.get('/users', managers, async (ctx) => {
    const { office } = queryOf(ctx, userListSchema);
    ctx.body = { users: await users.list(actorOf(ctx, services), office) };
  });
  router.post('/users', managers, async (ctx) => {
    const body = bodyOf(ctx, userCreateSchema);
    ctx.status = 201;
    ctx.body = await users.create(actorOf(ctx, services), body);
  });
  router.patch('/users/:id', managers, async (ctx) => {
    const body = bodyOf(ctx, userUpdateSchema);
    ctx.body = await users.update(actorOf(ctx, services), idParam(ctx), body);
  });
  router.post('/users/:id/deactivate', managers, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.body = await users.setActive(actorOf(ctx, services), idParam(ctx), false);
  });
  router.post('/users/:id/reactivate', managers, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.body = await users.setActive(actorOf(ctx, services), idParam(ctx), true);
  });
  router.post('/users/:id/password', managers, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.body = await users.resetPassword(actorOf(ctx, services), idParam(ctx));
  });
}
