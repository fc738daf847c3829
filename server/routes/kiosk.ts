import Router from '@koa/router';
import { ProblemError, problemType } from '../domain/problem.js';
import type { Services } from '../services/index.js';
import { KioskKeys } from '../services/access/kiosk-keys.js';

const missingKey = (detail: string) =>
  new ProblemError({ type: problemType('kiosk-key'), title: 'Kiosk key required', status: 401, detail });

/**
 * What a counter tablet in kiosk mode reads: the employees of its work area, chosen by its
 * `X-Kiosk-Key`. Ratings from the tablet go to the usual `POST /api/v1/ratings` with `channel: 'kiosk'`.
 */
export function kioskRouter(services: Services, keys = new KioskKeys(services.vault)): Router {
  const router = new Router({ prefix: '/api/v1/kiosk' });

  router.get('/employees', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.vary('X-Kiosk-Key');
    const key = ctx.get('x-kiosk-key').trim();
    if (!key) throw missingKey('Send the kiosk key of this tablet in the X-Kiosk-Key header.');
    const roster = await keys.roster(key);
    if (!roster) throw missingKey('This kiosk key is unknown or has been revoked. Ask an administrator for a new one.');
    ctx.body = roster;
  });

  return router;
}
