import Router from '@koa/router';
import { z } from 'zod';
import { parseOr422 } from '../http/validate.js';
import type { Services } from '../services/index.js';
import { PIN_PATTERN } from '../services/qr/pins.js';

export const serviceTokenBodySchema = z.strictObject({
  nip: z.string().trim().min(1, 'is required').max(40, 'must be at most 40 characters'),
  pin: z.string().regex(PIN_PATTERN, 'must be 6 to 12 digits'),
});

/**
 * `POST /api/v1/service-tokens` `{ nip, pin }` → 201 `{ token, url, expiresAt }`: a one-service code
 * for the customer in front of the employee. Wrong PIN 401, no PIN set 403, too many tries 429.
 */
export function serviceTokensRouter(services: Services): Router {
  const router = new Router();
  router.post('/service-tokens', async (ctx) => {
    const { nip, pin } = parseOr422(serviceTokenBodySchema, ctx.request.body);
    ctx.set('Cache-Control', 'no-store');
    const issued = await services.qr.serviceTokens.issue(nip.replace(/\s+/g, ''), pin, services.addressHash(ctx.ip));
    ctx.status = 201;
    ctx.body = issued;
  });
  return router;
}
