import type Router from '@koa/router';
import { actorOf, requireRole } from '../../http/auth.js';
import { appraisalRulesSchema } from '../../domain/appraisal/rules.js';
import { periodListSchema, weightsChangeSchema } from '../../services/appraisal/rules.js';
import type { Services } from '../../services/index.js';
import { bodyOf, queryOf } from './params.js';

/** The office's appraisal rules (period kind, BerAKHLAK mapping, weights, minimum ratings) and its periods. */
export function appraisalRoutes(router: Router, services: Services): void {
  const { rules } = services.appraisal;
  const admins = requireRole('admin');

  router.get('/appraisal-rules', admins, async (ctx) => {
    ctx.body = await rules.list(actorOf(ctx, services));
  });
  router.post('/appraisal-rules', admins, async (ctx) => {
    const body = bodyOf(ctx, appraisalRulesSchema);
    ctx.status = 201;
    ctx.body = await rules.add(actorOf(ctx, services), body);
  });
  // The combined score's weights: read the ones in force, or set new ones from a day (a new rule set).
  router.get('/appraisal-weights', admins, async (ctx) => {
    ctx.body = await rules.weights(actorOf(ctx, services));
  });
  router.put('/appraisal-weights', admins, async (ctx) => {
    const body = bodyOf(ctx, weightsChangeSchema);
    ctx.status = 201;
    ctx.body = await rules.setWeights(actorOf(ctx, services), body);
  });
  // What the attendance and SKP imports hold: months and periods with their number of employees.
  router.get('/appraisal-imports', admins, async (ctx) => {
    ctx.body = await services.appraisal.imported.list(actorOf(ctx, services));
  });
  router.get('/appraisal-periods', admins, async (ctx) => {
    const { year } = queryOf(ctx, periodListSchema);
    ctx.body = await rules.periods(actorOf(ctx, services), year);
  });
}
