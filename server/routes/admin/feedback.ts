import type Router from '@koa/router';
import { actorOf, currentUser, requireRole } from '../../http/auth.js';
import {
  feedbackAssignSchema,
  feedbackListSchema,
  feedbackPhoneSchema,
  feedbackStatusSchema,
  FEEDBACK_ROLES,
} from '../../services/feedback/inbox.js';
import { alertListSchema } from '../../services/alerts/alert-status.js';
import type { Services } from '../../services/index.js';
import { bodyOf, idParam, queryOf } from './params.js';

/** The feedback inbox: comments and low scores to follow up, for admins (office) and coordinators (work area). */
export function feedbackRoutes(router: Router, services: Services): void {
  const { feedback } = services;
  const workers = requireRole(...FEEDBACK_ROLES);

  router.get('/feedback', workers, async (ctx) => {
    ctx.body = await feedback.list(currentUser(ctx), queryOf(ctx, feedbackListSchema));
  });
  router.get('/feedback/assignees', workers, async (ctx) => {
    ctx.body = { assignees: await feedback.assignees(currentUser(ctx)) };
  });
  router.post('/feedback/:id/status', workers, async (ctx) => {
    ctx.body = await feedback.setStatus(actorOf(ctx, services), idParam(ctx), bodyOf(ctx, feedbackStatusSchema));
  });
  router.post('/feedback/:id/assign', workers, async (ctx) => {
    const { assignee } = bodyOf(ctx, feedbackAssignSchema);
    ctx.body = await feedback.assign(actorOf(ctx, services), idParam(ctx), assignee);
  });
  router.get('/alerts', requireRole('admin'), async (ctx) => {
    ctx.body = await services.alerts.list(actorOf(ctx, services), queryOf(ctx, alertListSchema));
  });
  router.post('/feedback/:id/phone', workers, async (ctx) => {
    const { reason } = bodyOf(ctx, feedbackPhoneSchema);
    ctx.body = await feedback.readPhone(actorOf(ctx, services), idParam(ctx), reason);
  });
}
