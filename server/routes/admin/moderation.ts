import type Router from '@koa/router';
import { actorOf, currentUser, requireRole } from '../../http/auth.js';
import { phoneEraseSchema, phoneReadSchema, ratingListSchema, unvoidSchema, voidSchema } from '../../services/admin/moderation.js';
import { auditQuerySchema } from '../../services/admin/audit.js';
import type { Services } from '../../services/index.js';
import { bodyOf, idParam, queryOf } from './params.js';

/** Moderation of the office's ratings, and the audit log. */
export function moderationRoutes(router: Router, services: Services): void {
  const { moderation } = services.admin;
  const admin = requireRole('admin');

  router.get('/ratings', admin, async (ctx) => {
    ctx.body = await moderation.list(actorOf(ctx, services), queryOf(ctx, ratingListSchema));
  });
  router.post('/ratings/:id/void', admin, async (ctx) => {
    const { reason } = bodyOf(ctx, voidSchema);
    ctx.body = await moderation.void(actorOf(ctx, services), idParam(ctx), reason);
  });
  router.post('/ratings/:id/unvoid', admin, async (ctx) => {
    const body = bodyOf(ctx, unvoidSchema);
    ctx.body = await moderation.unvoid(actorOf(ctx, services), idParam(ctx), body?.reason);
  });
  router.post('/ratings/erase-phone', admin, async (ctx) => {
    const { phone, reason } = bodyOf(ctx, phoneEraseSchema);
    ctx.body = await moderation.erasePhone(actorOf(ctx, services), phone, reason);
  });
  router.post('/ratings/:id/phone', admin, async (ctx) => {
    const { reason } = bodyOf(ctx, phoneReadSchema);
    ctx.body = await moderation.readPhone(actorOf(ctx, services), idParam(ctx), reason);
  });

  router.get('/audit', requireRole('admin', 'superadmin'), async (ctx) => {
    ctx.body = await services.audit.list(currentUser(ctx), queryOf(ctx, auditQuerySchema));
  });
}
