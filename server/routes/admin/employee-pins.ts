import type Router from '@koa/router';
import { actorOf, requireRole } from '../../http/auth.js';
import { pinBodySchema } from '../../services/admin/employee-pins.js';
import type { Services } from '../../services/index.js';
import { bodyOf, codeParam } from './params.js';

/**
 * `POST /employees/:nip/pin` `{ pin? }`: sets the PIN of one-service codes (a random one, answered
 * once, without `pin`); `DELETE /employees/:nip/pin` removes it. Admins of the employee's office.
 */
export function employeePinRoutes(router: Router, services: Services): void {
  const admin = requireRole('admin');
  router.post('/employees/:nip/pin', admin, async (ctx) => {
    const body = bodyOf(ctx, pinBodySchema);
    ctx.body = await services.admin.pins.set(actorOf(ctx, services), codeParam(ctx, 'nip'), body);
  });
  router.delete('/employees/:nip/pin', admin, async (ctx) => {
    await services.admin.pins.clear(actorOf(ctx, services), codeParam(ctx, 'nip'));
    ctx.status = 204;
  });
}
