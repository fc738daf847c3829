import Router from '@koa/router';
import { z } from 'zod';
import { ORIGIN_MESSAGES, parseOrigin } from '../domain/origins.js';
import { parseOr422 } from '../http/validate.js';
import type { Services } from '../services/index.js';
import { SERVER_VERSION } from '../paths.js';

const checkSchema = z.strictObject({
  origin: z
    .string()
    .max(300, 'must be at most 300 characters')
    .transform((text, context) => {
      const parsed = parseOrigin(text);
      if ('origin' in parsed) return parsed.origin;
      context.addIssue({ code: 'custom', message: ORIGIN_MESSAGES[parsed.refusal] });
      return z.NEVER;
    }),
  nip: z.string().max(64).optional(),
});

/**
 * `GET /api/v1/sites/check?origin=…[&nip=…]`: may pages of that site send ratings to the office of
 * that employee (without `nip`: the first office)? For the webmaster's /embed page and the WordPress
 * plugin's connection check, which ask for a site that is not the page they run on. Public: whether a
 * site is allowed is no secret (its pages find out on their own), and the answer holds nothing else.
 */
export function siteCheckRouter(services: Services): Router {
  const router = new Router();
  router.get('/sites/check', async (ctx) => {
    const { origin, nip } = parseOr422(checkSchema, { ...ctx.query });
    const office = nip ? (await services.catalogue.requireActiveEmployee(nip)).office : await services.catalogue.defaultOffice();
    const verdict = await services.origins.verdict(origin, office.id);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { version: SERVER_VERSION, origin, allowed: verdict.allowed, office: { code: office.code, name: office.name } };
  });
  return router;
}
