import type Router from '@koa/router';
import { z } from 'zod';
import { ORIGIN_MESSAGES, parseOrigin } from '../../domain/origins.js';
import { actorOf, requireRole } from '../../http/auth.js';
import { officeOf, plainText } from '../../services/admin/fields.js';
import type { Services } from '../../services/index.js';
import { bodyOf, idParam } from './params.js';

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
