import type Router from '@koa/router';
import { actorOf, requireRole } from '../../http/auth.js';
import { emptyBody } from '../../services/admin/fields.js';
import { kioskKeyIssueSchema, kioskKeyRenameSchema } from '../../services/admin/kiosk-key-admin.js';
import type { Services } from '../../services/index.js';
import { bodyOf, idParam } from './params.js';

/**
 * Keys for counter tablets in kiosk mode: an admin issues one per tablet (the key, the tablet's
 * address and its QR code are shown once), names, lists and revokes them. Every write is audited;
 * the key itself never is.
 */
export function kioskKeyRoutes(router: Router, services: Services): void {
  const { kioskKeys } = services.admin;
  const admin = requireRole('admin');

  router.get('/kiosk-keys', admin, async (ctx) => {
    ctx.body = { keys: await kioskKeys.list(actorOf(ctx, services)) };
  });
  router.post('/kiosk-keys', admin, async (ctx) => {
    const body = bodyOf(ctx, kioskKeyIssueSchema);
    ctx.status = 201;
    ctx.body = await kioskKeys.issue(actorOf(ctx, services), body);
  });
  router.patch('/kiosk-keys/:id', admin, async (ctx) => {
    const { label } = bodyOf(ctx, kioskKeyRenameSchema);
    ctx.body = await kioskKeys.rename(actorOf(ctx, services), idParam(ctx), label);
  });
  router.post('/kiosk-keys/:id/revoke', admin, async (ctx) => {
    bodyOf(ctx, emptyBody);
    await kioskKeys.revoke(actorOf(ctx, services), idParam(ctx));
    ctx.status = 204;
  });
}
