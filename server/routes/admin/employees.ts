import type Router from '@koa/router';
import { z } from 'zod';
import { csvBody } from '../../http/csv-body.js';
import { readLimited, unsupportedMediaType } from '../../http/json-body.js';
import { actorOf, requireRole } from '../../http/auth.js';
import { employeeCreateSchema, employeeListSchema, employeeUpdateSchema } from '../../services/admin/employee-schemas.js';
import { PHOTO_LIMIT, PHOTO_TYPES } from '../../services/admin/employee-photos.js';
import { emptyBody, queryBoolean } from '../../services/admin/fields.js';
import type { Services } from '../../services/index.js';
import { sheetToCsv } from '../../services/admin/sheet-to-csv.js';
import { bodyOf, codeParam, queryOf } from './params.js';

/** Largest employee import accepted: a personnel export of a few thousand staff is far below it. */
export const IMPORT_LIMIT = 1024 * 1024;

const importQuerySchema = z.strictObject({ dryRun: queryBoolean.default(false) });

/** The staff of the admin's office: list, add, edit and move, (de)activate, delete if never rated, new QR code. */
export function employeeRoutes(router: Router, services: Services): void {
  const { employees } = services.admin;
  const admin = requireRole('admin');

  router.get('/employees', admin, async (ctx) => {
    ctx.body = await employees.list(actorOf(ctx, services), queryOf(ctx, employeeListSchema));
  });
  router.post('/employees', admin, async (ctx) => {
    const body = bodyOf(ctx, employeeCreateSchema);
    ctx.status = 201;
    ctx.body = await employees.create(actorOf(ctx, services), body);
  });
  router.get('/employees/:nip', admin, async (ctx) => {
    ctx.body = await employees.get(actorOf(ctx, services), codeParam(ctx, 'nip'));
  });
  router.patch('/employees/:nip', admin, async (ctx) => {
    const body = bodyOf(ctx, employeeUpdateSchema);
    ctx.body = await employees.update(actorOf(ctx, services), codeParam(ctx, 'nip'), body);
  });
  router.delete('/employees/:nip', admin, async (ctx) => {
    await employees.remove(actorOf(ctx, services), codeParam(ctx, 'nip'));
    ctx.status = 204;
  });
  router.post('/employees/:nip/deactivate', admin, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.body = await employees.setActive(actorOf(ctx, services), codeParam(ctx, 'nip'), false);
  });
  router.post('/employees/:nip/reactivate', admin, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.body = await employees.setActive(actorOf(ctx, services), codeParam(ctx, 'nip'), true);
  });
  router.delete('/employees/:nip/photo', admin, async (ctx) => {
    ctx.body = await services.admin.photos.remove(actorOf(ctx, services), codeParam(ctx, 'nip'));
  });
  router.post('/employees/:nip/public-code', admin, async (ctx) => {
    bodyOf(ctx, emptyBody);
    ctx.status = 201;
    ctx.body = await employees.replacePublicCode(actorOf(ctx, services), codeParam(ctx, 'nip'));
  });
}

/**
 * The CSV (or Excel .xlsx) import, on a router of its own: its body is text/csv or a workbook up to 1 MB, read only after the
 * sign-in and role are checked, where every other admin route takes small JSON.
 */
export function importRoutes(router: Router, services: Services): void {
  router.post('/employees/import', requireRole('admin'), csvBody(IMPORT_LIMIT, true), async (ctx) => {
    const { dryRun } = queryOf(ctx, importQuerySchema);
    const body = ctx.request.body as string | Buffer;
    const csv = typeof body === 'string' ? body : await sheetToCsv(body);
    ctx.body = await services.admin.importer.run(actorOf(ctx, services), csv, dryRun);
  });
}

/** What a photo may be sent as: its own type, or plain bytes (the server tells the type from them either way). */
const PHOTO_BODY_TYPES: readonly string[] = [...PHOTO_TYPES, 'application/octet-stream'];

/**
 * The employee's photo, sent as the image's bytes (JPEG, PNG or WebP, at most 1 MB), on the router that
 * reads raw bodies: read only after the sign-in and the role are checked.
 */
export function employeePhotoRoute(router: Router, services: Services): void {
  router.put('/employees/:nip/photo', requireRole('admin'), async (ctx) => {
    const declared = ctx.get('content-type').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!PHOTO_BODY_TYPES.includes(declared))
      throw unsupportedMediaType('Send the photo as its bytes with Content-Type image/jpeg, image/png or image/webp.');
    const bytes = await readLimited(ctx, PHOTO_LIMIT);
    ctx.body = await services.admin.photos.set(actorOf(ctx, services), codeParam(ctx, 'nip'), bytes);
  });
}
