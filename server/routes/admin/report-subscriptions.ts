import type Router from '@koa/router';
import { currentUser, requireRole } from '../../http/auth.js';
import { subscriptionCreateSchema } from '../../services/reports/report-subscriptions.js';
import type { Services } from '../../services/index.js';
import { bodyOf, idParam } from './params.js';

/** A signed-in reader's own scheduled reports by mail. */
export function reportSubscriptionRoutes(router: Router, services: Services): void {
  const { subscriptions } = services.reports;
  const readers = requireRole('admin', 'coordinator', 'viewer');

  router.get('/report-subscriptions', readers, async (ctx) => {
    ctx.body = { subscriptions: await subscriptions.list(currentUser(ctx)) };
  });
  router.post('/report-subscriptions', readers, async (ctx) => {
    const body = bodyOf(ctx, subscriptionCreateSchema);
    ctx.status = 201;
    ctx.body = await subscriptions.create(currentUser(ctx), body);
  });
  router.delete('/report-subscriptions/:id', readers, async (ctx) => {
    await subscriptions.remove(currentUser(ctx), idParam(ctx));
    ctx.status = 204;
  });
}
