import type Router from '@koa/router';
import { z } from 'zod';
import { ORIGIN_MESSAGES, parseOrigin } from '../../domain/origins.js';
import { actorOf, requireRole } from '../../http/auth.js';
import { officeOf, plainText } from '../../services/admin/fields.js';
import type { Services } from '../../services/index.js';
import { bodyOf, idParam, queryOf } from './params.js';

/** An origin as typed: checked and normalised here, so the table holds exactly what browsers send. */
const originField = z
  .string()
  .max(300, 'must be at most 300 characters')
  .transform((text, context) => {
    const parsed = parseOrigin(text);
    if ('origin' in parsed) return parsed.origin;
    context.addIssue({ code: 'custom', message: ORIGIN_MESSAGES[parsed.refusal] });
    return z.NEVER;
  });

const addSchema = z.strictObject({ origin: originField, note: plainText(200).optional() });
const checkSchema = z.strictObject({ origin: originField });

/**
 * The sites whose pages may send ratings to this office (the rating form embedded on the office's
 * website, a partner's portal). An admin lists, adds and removes them; adding and removing are audited.
 * Every server process follows within the reference cache time (REFERENCE_CACHE_SECONDS).
 */
export function allowedOriginRoutes(router: Router, services: Services): void {
  const admin = requireRole('admin');

  router.get('/allowed-origins', admin, async (ctx) => {
    ctx.body = { origins: await services.origins.list(officeOf(actorOf(ctx, services))) };
  });

  // Whether pages of a site may send ratings to this office now: by the office's own list, or by the
  // installation's CORS_ORIGINS (which the office's admin cannot change), as the widget would be told.
  router.get('/allowed-origins/check', admin, async (ctx) => {
    const { origin } = queryOf(ctx, checkSchema);
    const verdict = await services.origins.verdict(origin, officeOf(actorOf(ctx, services)));
    ctx.body = { origin, allowed: verdict.allowed, installWide: services.origins.installWide(origin) };
  });

  router.post('/allowed-origins', admin, async (ctx) => {
    const actor = actorOf(ctx, services);
    const { origin, note } = bodyOf(ctx, addSchema);
    ctx.status = 201;
    ctx.body = await services.origins.add(actor, officeOf(actor), origin, note ?? null);
  });

  router.delete('/allowed-origins/:id', admin, async (ctx) => {
    const actor = actorOf(ctx, services);
    await services.origins.remove(actor, officeOf(actor), idParam(ctx));
    ctx.status = 204;
  });
}
