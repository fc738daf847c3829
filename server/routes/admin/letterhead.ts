import type Router from '@koa/router';
import { actorOf, requireRole } from '../../http/auth.js';
import { readLimited } from '../../http/json-body.js';
import { officeOf } from '../../services/admin/fields.js';
import { letterheadSchema, LOGO_LIMIT } from '../../services/appraisal/letterhead.js';
import type { Services } from '../../services/index.js';
import { bodyOf } from './params.js';

/** The letterhead's address as JSON, on the JSON router. */
export function letterheadRoutes(router: Router, services: Services): void {
  const { letterhead } = services.appraisal;
  router.get('/letterhead', requireRole('admin'), async (ctx) => {
    ctx.body = await letterhead.view(actorOf(ctx, services));
  });
  router.put('/letterhead', requireRole('admin'), async (ctx) => {
    const { address } = bodyOf(ctx, letterheadSchema);
    ctx.body = await letterhead.setAddress(actorOf(ctx, services), address);
  });
  router.delete('/letterhead/logo', requireRole('admin'), async (ctx) => {
    ctx.body = await letterhead.setLogo(actorOf(ctx, services), null);
  });
  router.get('/letterhead/logo', requireRole('admin'), async (ctx) => {
    const { logo } = await letterhead.of(officeOf(actorOf(ctx, services)));
    if (!logo) return;
    ctx.type = logo.type;
    ctx.body = logo.bytes;
  });
}

/** The logo itself, sent as the image's bytes (image/png or image/jpeg), on the router that reads raw bodies. */
export function letterheadLogoRoute(router: Router, services: Services): void {
  router.put('/letterhead/logo', requireRole('admin'), async (ctx) => {
    const bytes = await readLimited(ctx, LOGO_LIMIT);
    ctx.body = await services.appraisal.letterhead.setLogo(actorOf(ctx, services), bytes, ctx.get('content-type').split(';')[0]?.trim());
  });
}
