import Router from '@koa/router';
import { badRequest } from '../domain/problem.js';
import { parseOr422 } from '../http/validate.js';
import type { Services } from '../services/index.js';
import { skmResponseBodySchema } from '../services/skm/schema.js';

/** The public side of the SKM: an office's questionnaire and the answered questionnaire, no sign-in. */
export function skmPublicRouter(services: Services): Router {
  const router = new Router();

  // The questionnaire carries a fresh form token, so no cache may keep it.
  router.get('/skm/questionnaire', async (ctx) => {
    const office = ctx.query.office;
    if (typeof office !== 'string' || !office) throw badRequest('Name the office: ?office=<office code>.');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await services.skm.intake.questionnaire(office);
  });

  router.post('/skm/responses', async (ctx) => {
    const body = parseOr422(skmResponseBodySchema, ctx.request.body);
    const { receipt, replayed } = await services.skm.intake.submit(body, { ipHash: services.addressHash(ctx.ip) });
    ctx.status = 201;
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    ctx.body = receipt;
  });

  return router;
}
