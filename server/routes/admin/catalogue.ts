import type Router from '@koa/router';
import { actorOf, requireRole } from '../../http/auth.js';
import { emptyBody } from '../../services/admin/fields.js';
import { officeCreateSchema, officeOwnSchema, officeRenameSchema } from '../../services/admin/offices.js';
import { serviceTypeCreateSchema, serviceTypeOrderSchema, serviceTypeRenameSchema } from '../../services/admin/service-types.js';
import { workAreaCreateSchema, workAreaRenameSchema } from '../../services/admin/work-areas.js';
import type { Services } from '../../services/index.js';
import { bodyOf, codeParam } from './params.js';

/** Offices (superadmin), and the work areas and service types of the admin's own office. */
export function catalogueRoutes(router: Router, services: Services): void {
  const { offices, workAreas, serviceTypes } = services.admin;
  const superadmin = requireRole('superadmin');
  const admin = requireRole('admin');

  router.get('/offices', superadmin, async (ctx) => {
    ctx.body = { offices: await offices.list(actorOf(ctx, services)) };
  });
  router.post('/offices', superadmin, async (ctx) => {
    const body = bodyOf(ctx, officeCreateSchema);
    ctx.status = 201;
    ctx.body = await offices.create(actorOf(ctx, services), body);
  });
  router.patch('/offices/:code', superadmin, async (ctx) => {
    const body = bodyOf(ctx, officeRenameSchema);
    ctx.body = await offices.rename(actorOf(ctx, services), codeParam(ctx, 'code'), body);
  });

  // An admin's own office: its data protection contact and complaint link (shown in the rating form), its time zone.
  router.get('/office', admin, async (ctx) => {
    ctx.body = await offices.own(actorOf(ctx, services));
  });
  router.patch('/office', admin, async (ctx) => {
    const body = bodyOf(ctx, officeOwnSchema);
    ctx.body = await offices.updateOwn(actorOf(ctx, services), body);
  });

  router.get('/work-areas', admin, async (ctx) => {
    ctx.body = { workAreas: await workAreas.list(actorOf(ctx, services)) };
  });
  router.post('/work-areas', admin, async (ctx) => {
    const body = bodyOf(ctx, workAreaCreateSchema);
    ctx.status = 201;
    ctx.body = await workAreas.create(actorOf(ctx, services), body);
  });
  router.patch('/work-areas/:code', admin, async (ctx) => {
    const body = bodyOf(ctx, workAreaRenameSchema);
    ctx.body = await workAreas.rename(actorOf(ctx, services), codeParam(ctx, 'code'), body);
  });
  router.post('/work-areas/:code/deactivate', admin, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.body = await workAreas.deactivate(actorOf(ctx, services), codeParam(ctx, 'code'));
  });
  router.post('/work-areas/:code/reactivate', admin, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.body = await workAreas.reactivate(actorOf(ctx, services), codeParam(ctx, 'code'));
  });

  router.get('/service-types', admin, async (ctx) => {
    ctx.body = { serviceTypes: await serviceTypes.list(actorOf(ctx, services)) };
  });
  router.post('/service-types', admin, async (ctx) => {
    const body = bodyOf(ctx, serviceTypeCreateSchema);
    ctx.status = 201;
    ctx.body = await serviceTypes.create(actorOf(ctx, services), body);
  });
  // Registered before '/service-types/:code' routes so "order" is never read as a code.
  router.put('/service-types/order', admin, async (ctx) => {
    const body = bodyOf(ctx, serviceTypeOrderSchema);
    ctx.body = { serviceTypes: await serviceTypes.reorder(actorOf(ctx, services), body) };
  });
  router.patch('/service-types/:code', admin, async (ctx) => {
    const body = bodyOf(ctx, serviceTypeRenameSchema);
    ctx.body = await serviceTypes.rename(actorOf(ctx, services), codeParam(ctx, 'code'), body);
  });
  router.post('/service-types/:code/retire', admin, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.body = await serviceTypes.retire(actorOf(ctx, services), codeParam(ctx, 'code'));
  });
  router.post('/service-types/:code/reactivate', admin, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.body = await serviceTypes.reactivate(actorOf(ctx, services), codeParam(ctx, 'code'));
  });
}
