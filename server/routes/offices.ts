import { createHash } from 'node:crypto';
import Router from '@koa/router';
import { z } from 'zod';
import { nameMatches } from '../../contract/index.js';
import { notFound, tooManyRequests } from '../domain/problem.js';
import { parseOr422 } from '../http/validate.js';
import type { Services } from '../services/index.js';

const listQuery = z.object({
  q: z
    .string()
    .max(100, 'must be at most 100 characters')
    // eslint-disable-next-line no-control-regex -- the pattern matches control characters on purpose, to refuse them
    .refine((value) => !/[\u0000-\u001F\u007F]/.test(value), 'must not contain control characters')
    .optional(),
  workArea: z
    .string()
    .max(64, 'must be at most 64 characters')
    .regex(/^[a-z0-9-]*$/, 'is a work area code: lowercase letters, digits and dashes')
    .optional(),
});

/**
 * `GET /api/v1/offices/:office/employees`: the people an office shows customers to choose from (its
 * public page `/o/<code>` and `<pacak-rating office>`), read-only and without sign-in. Each by public
 * code, never the NIP; active employees only. Counted per address with the other employee lookups.
 */
export function officesRouter(services: Services): Router {
  const router = new Router();

  router.get('/offices/:office/employees', async (ctx) => {
    const lookup = await services.qr.limits.employees.hit(services.addressHash(ctx.ip));
    if (!lookup.allowed)
      throw tooManyRequests(lookup.retryAfterSeconds, 'Too many employee lookups from this connection. Please try again later.');
    // A repeated parameter (?q=a&q=b) is an array, which the schema refuses by name.
    const { q, workArea } = parseOr422(listQuery, { q: ctx.query.q, workArea: ctx.query.workArea });
    const list = await services.catalogue.officeEmployees(ctx.params.office ?? '');
    if (!list) throw notFound('No office has this code.');
    const employees = list.employees.filter(
      (employee) => (!workArea || employee.workArea.code === workArea) && (!q || nameMatches(employee.name, q)),
    );
    const body = { ...list, employees };
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.set('ETag', `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`);
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.body = body;
  });

  return router;
}
