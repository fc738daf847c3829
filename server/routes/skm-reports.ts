import Router from '@koa/router';
import { actorOf, authenticate, currentUser, requireRole } from '../http/auth.js';
import { jsonBody } from '../http/json-body.js';
import { parseOr422 } from '../http/validate.js';
import type { Services } from '../services/index.js';
import { scopeOf } from '../services/access/scope.js';
import { skmFollowUpQuerySchema } from '../services/skm/admin.js';
import { skmFollowUpBodySchema } from '../services/skm/follow-ups.js';
import { skmReportQuerySchema } from '../services/skm/reports.js';
import { skmSettingsBodySchema } from '../services/skm/settings-service.js';
import { sendSkmReport } from './skm-output.js';

/** GET /api/v1/reports/skm: the SKM report of the reader's office (JSON, CSV or XLSX). */
export function skmReportsRouter(services: Services): Router {
  const router = new Router({ prefix: '/reports/skm' });
  router.use(authenticate(services.auth), requireRole('admin', 'coordinator', 'viewer'));
  router.get('/', async (ctx) => {
    const query = parseOr422(skmReportQuerySchema, { ...ctx.query });
    // The SKM is the office's survey, not a work area's: a coordinator reads the office's figures too.
    await sendSkmReport(ctx, await services.skm.reports.build(scopeOf(currentUser(ctx)).officeId, query), query.format);
  });
  return router;
}

/** /api/v1/admin/skm: the office's SKM settings (by date) and follow-up plans. */
export function skmAdminRouter(services: Services, bodyLimit: number): Router {
  const router = new Router({ prefix: '/admin/skm' });
  router.use(authenticate(services.auth), requireRole('admin', 'coordinator', 'viewer'), jsonBody({ limit: bodyLimit, optional: true }));
  const { admin } = services.skm;
  router.get('/settings', async (ctx) => {
    ctx.body = { versions: await admin.listSettings(currentUser(ctx)) };
  });
  router.put('/settings', requireRole('admin'), async (ctx) => {
    ctx.body = await admin.putSettings(actorOf(ctx, services), parseOr422(skmSettingsBodySchema, ctx.request.body));
  });
  router.get('/follow-ups', async (ctx) => {
    ctx.body = { followUps: await admin.listFollowUps(currentUser(ctx), parseOr422(skmFollowUpQuerySchema, { ...ctx.query })) };
  });
  router.put('/follow-ups', requireRole('admin'), async (ctx) => {
    ctx.body = await admin.putFollowUp(actorOf(ctx, services), parseOr422(skmFollowUpBodySchema, ctx.request.body));
  });
  return router;
}
