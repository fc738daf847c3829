import type Router from '@koa/router';
import { z } from 'zod';
import { WorkArea } from '../../db/models/index.js';
import { actorOf, requireRole } from '../../http/auth.js';
import { invalid, notFound } from '../../domain/problem.js';
import { officeOf, plainText, slugCode } from '../../services/admin/fields.js';
import type { Services } from '../../services/index.js';
import { KioskKeys } from '../../services/access/kiosk-keys.js';
import { bodyOf, idParam } from './params.js';

const issueSchema = z.strictObject({ workArea: slugCode, label: plainText(100) });

/**
 * Keys for counter tablets in kiosk mode: an admin issues one per tablet (the key is shown once),
 * lists them and revokes a lost one. Issuing and revoking are audited; the key itself never is.
 */
export function kioskKeyRoutes(router: Router, services: Services, keys = new KioskKeys(services.vault)): void {
  const admin = requireRole('admin');

  router.get('/kiosk-keys', admin, async (ctx) => {
    const officeId = officeOf(actorOf(ctx, services));
    const areas = new Map((await WorkArea.findAll({ where: { officeId } })).map((area) => [area.id, area.code]));
    ctx.body = {
      keys: (await keys.list(officeId)).map(({ workAreaId, ...key }) => ({ ...key, workArea: areas.get(workAreaId) ?? null })),
    };
  });

  router.post('/kiosk-keys', admin, async (ctx) => {
    const actor = actorOf(ctx, services);
    const officeId = officeOf(actor);
    const { workArea, label } = bodyOf(ctx, issueSchema);
    const area = await WorkArea.findOne({ where: { officeId, code: workArea, active: true } });
    if (!area) throw invalid([{ path: 'workArea', message: 'is not an active work area of your office', code: 'unknown_work_area' }]);
    const issued = await keys.issueKioskKey(officeId, area.id, label);
    await services.audit.record(actor, { officeId, action: 'kiosk-key.issue', targetType: 'kiosk_key', targetId: issued.id, changes: { workArea, label } });
    ctx.status = 201;
    ctx.body = { id: issued.id, key: issued.key, workArea, label };
  });

  router.post('/kiosk-keys/:id/revoke', admin, async (ctx) => {
    const actor = actorOf(ctx, services);
    const officeId = officeOf(actor);
    const id = idParam(ctx);
    if (!(await keys.list(officeId)).some((key) => key.id === id)) throw notFound('Your office has no kiosk key with that id.');
    await keys.revokeKioskKey(id);
    await services.audit.record(actor, { officeId, action: 'kiosk-key.revoke', targetType: 'kiosk_key', targetId: id });
    ctx.status = 204;
  });
}
