import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { authenticateEmployee, currentEmployee } from '../http/employee-auth.js';
import { parseOr422 } from '../http/validate.js';
import { employeeSignInSchema } from '../services/employee/sessions.js';
import { commentsQuerySchema, figuresQuerySchema } from '../services/employee/own-page.js';
import type { Services } from '../services/index.js';
import { reportQuerySchema } from '../services/reports/report-query.js';

/** The evidence PDF's period and language; nothing else of a report may be chosen (no other employee, no filter). */
const evidenceQuerySchema = z.strictObject({
  period: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  lang: z.string().optional(),
});

/** Query parameters as strings only: a repeated parameter (an array) is refused by the schema. */
const queryOf = <S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> => parseOr422(schema, { ...ctx.query });

/**
 * An employee's own page, mounted at /api/v1/employee. Sign-in takes a NIP or staff code and the PIN;
 * every other route answers about the employee of the session token and takes no identifier at all,
 * so there is nobody else's data to ask for.
 *
 * - `POST /session` `{ nip, pin }` → 201 `{ token, expiresAt }` (30 minutes); wrong PIN 401, no PIN 403, 429 while locked;
 * - `DELETE /session` → 204: signs out, ending every session of the employee;
 * - `GET /me`, `GET /me/figures?months=12`, `GET /me/comments?limit=20&offset=0`, `GET /me/evidence.pdf?period=2026-Q3`.
 */
export function employeeSelfRouter(services: Services): Router {
  const router = new Router();
  const { sessions, page } = services.employee;

  router.post('/session', async (ctx) => {
    const body = parseOr422(employeeSignInSchema, ctx.request.body);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 201;
    ctx.body = await sessions.signIn(body, services.addressHash(ctx.ip));
  });

  const signedIn = authenticateEmployee(sessions);

  // Signing out ends every session of the employee, on every device: the token is worth nothing after.
  router.delete('/session', signedIn, async (ctx) => {
    await sessions.signOut(currentEmployee(ctx));
    ctx.status = 204;
  });

  router.get('/me', signedIn, async (ctx) => {
    ctx.body = await page.profile(currentEmployee(ctx));
  });

  router.get('/me/figures', signedIn, async (ctx) => {
    const { months } = queryOf(ctx, figuresQuerySchema);
    ctx.body = await page.figures(currentEmployee(ctx), months);
  });

  router.get('/me/comments', signedIn, async (ctx) => {
    const { limit, offset } = queryOf(ctx, commentsQuerySchema);
    ctx.body = await page.comments(currentEmployee(ctx), limit, offset);
  });

  router.get('/me/evidence.pdf', signedIn, async (ctx) => {
    const me = currentEmployee(ctx);
    const params = Object.fromEntries(
      Object.entries(queryOf(ctx, evidenceQuerySchema)).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    const query = parseOr422(reportQuerySchema, params);
    const { fileName, pdf } = await services.appraisal.documents.render({
      scope: { officeId: me.officeId },
      nip: me.nip,
      query,
      params,
      createdBy: null,
    });
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
    ctx.body = pdf;
  });

  return router;
}
