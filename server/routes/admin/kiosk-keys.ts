import type Router from '@koa/router';
import { z } from 'zod';
import { actorOf, requireRole } from '../../http/auth.js';
import { plainText, slugCode } from '../../services/admin/fields.js';
import type { Services } from '../../services/index.js';
import { bodyOf, idParam } from './params.js';

const issueSchema = z.strictObject({ workArea: slugCode, label: plainText(100) });

/** Keys for counter tablets in kiosk mode: an admin lists them, issues one per tablet, revokes a lost one. */
export function kioskKeyRoutes(router: Router, services: Services): void {
  const { kioskKeys } = services.admin;
  const admin = requireRole('admin');

  router.get('/kiosk-keys', admin, async (ctx) => {
    ctx.body = await kioskKeys.list(actorOf(ctx, services));
  });

  router.post('/kiosk-keys', admin, async (ctx) => {
    const { workArea, label } = bodyOf(ctx, issueSchema);
    ctx.status = 201;
    ctx.body = await kioskKeys.issue(actorOf(ctx, services), workArea, label);
  });

  router.post('/kiosk-keys/:id/revoke', admin, async (ctx) => {
    await kioskKeys.revoke(actorOf(ctx, services), idParam(ctx));
    ctx.status = 204;
  });
}
