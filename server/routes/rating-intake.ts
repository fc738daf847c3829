import type { Middleware } from 'koa';
import { ratingBodySchema } from '../domain/rating-schema.js';
import { foreignOrigin, originNotAllowed } from '../http/cors.js';
import { jsonBody } from '../http/json-body.js';
import { parseOr422 } from '../http/validate.js';
import { withNipForCode } from '../services/access/employee-by-code.js';
import { assertKioskChannel } from '../services/access/kiosk-channel.js';
import { KioskKeys } from '../services/access/kiosk-keys.js';
import type { Services } from '../services/index.js';

/** Where ratings arrive: the busiest address of the API by far. */
export const RATINGS_PATH = '/api/v1/ratings';

/** `POST /api/v1/ratings` once its JSON body has been read (`ctx.request.body`). */
export function ratingIntake(services: Services, publicBaseUrl: string): Middleware {
  const kioskKeys = new KioskKeys(services.vault);
  return async (ctx) => {
    const body = parseOr422(ratingBodySchema, await withNipForCode(services.catalogue, ctx.request.body));
    // A counter tablet's rating proves it with its key, and counts against the key's limits, not the shared address's.
    const kiosk =
      body.channel === 'kiosk' ? await assertKioskChannel(kioskKeys, services.catalogue, body.nip, ctx.get('x-kiosk-key').trim()) : null;
    // CORS let the site through because some office allows it; this office must be one of them.
    const origin = foreignOrigin(ctx, publicBaseUrl);
    const record = origin ? await services.catalogue.findActiveEmployee(body.nip) : null;
    if (origin && record && !(await services.origins.verdict(origin, record.office.id)).allowed) throw originNotAllowed(origin);
    const { receipt, replayed } = await services.ratings.submit(body, {
      ipHash: services.addressHash(ctx.ip),
      kioskKeyId: kiosk?.id ?? null,
    });
    ctx.status = 201;
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    ctx.body = receipt;
  };
}

/**
 * The same route answered ahead of the routers, for app.ts: matching a path against every route of
 * the API cost more CPU per rating than validating it. The body reader and the route are the API's
 * own, so the answers are the same as through the router (which keeps the route for its 405s).
 */
export function ratingIntakeFastPath(services: Services, publicBaseUrl: string, bodyLimit: number): Middleware {
  const readBody = jsonBody({ limit: bodyLimit });
  const intake = ratingIntake(services, publicBaseUrl);
  return (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== RATINGS_PATH) return next();
    // What the request log names, as the router would have set it.
    (ctx as { _matchedRoute?: string })._matchedRoute = RATINGS_PATH;
    return readBody(ctx, () => intake(ctx, next));
  };
}
