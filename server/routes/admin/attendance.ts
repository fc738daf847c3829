import type Router from '@koa/router';
import { z } from 'zod';
import { actorOf, requireRole } from '../../http/auth.js';
import { readLimited } from '../../http/json-body.js';
import { ProblemError, problemType } from '../../domain/problem.js';
import { queryBoolean } from '../../services/admin/fields.js';
import { XLSX_TYPE } from '../../services/appraisal/imports/table-reader.js';
import type { Services } from '../../services/index.js';
import { queryOf } from './params.js';

const IMPORT_LIMIT = 2 * 1024 * 1024;
const importQuerySchema = z.strictObject({ dryRun: queryBoolean.default(false) });

/** CSV (text/csv, UTF-8) or XLSX, by the request's content type; anything else is a 415. */
function fileTypeOf(contentType: string): 'csv' | 'xlsx' {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  throw new ProblemError({
    type: problemType('unsupported-media-type'),
    title: 'Unsupported media type',
    status: 415,
    detail: `Send the file as text/csv (UTF-8) or ${XLSX_TYPE}.`,
  });
}

/**
 * Attendance per employee per month from the attendance system's export, on the router that reads
 * raw bodies: `?dryRun=true` answers what would happen, without it everything or nothing is written.
 */
export function attendanceImportRoute(router: Router, services: Services): void {
  router.post('/attendance/import', requireRole('admin'), async (ctx) => {
    const { dryRun } = queryOf(ctx, importQuerySchema);
    const type = fileTypeOf(ctx.get('content-type'));
    const body = await readLimited(ctx, IMPORT_LIMIT);
    ctx.body = await services.appraisal.attendance.run(actorOf(ctx, services), body, type, dryRun);
  });
  // SKP results per employee per period from E-Kinerja, the same way.
  router.post('/skp/import', requireRole('admin'), async (ctx) => {
    const { dryRun } = queryOf(ctx, importQuerySchema);
    const type = fileTypeOf(ctx.get('content-type'));
    const body = await readLimited(ctx, IMPORT_LIMIT);
    ctx.body = await services.appraisal.skp.run(actorOf(ctx, services), body, type, dryRun);
  });
}
