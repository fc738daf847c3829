import Router from '@koa/router';
import type { Context } from 'koa';
import { INDICATORS } from '../domain/indicators.js';
import { tooManyRequests } from '../domain/problem.js';
import { foreignOrigin } from '../http/cors.js';
import { sendCompressed } from '../http/compressed.js';
import { publicByCode, requireEmployeeByCode } from '../services/access/employee-by-code.js';
import type { Services } from '../services/index.js';
import type { EmployeeRecord } from '../services/catalogue/catalogue.js';
import { formAnswer } from './form-answer.js';
import { ratingIntake } from './rating-intake.js';

/** The public contract v1: what the widget and other sites' pages call, no sign-in needed. */
export function publicApiRouter(services: Services, publicBaseUrl: string): Router {
  const router = new Router();
  /** Whether the asking page may send ratings to this office: the widget knows before anyone types. */
  const sendingFor = (ctx: Context, officeId: number) => services.origins.verdict(foreignOrigin(ctx, publicBaseUrl), officeId);

  /** Counted per address like /keypass: the NIP-to-name answer must not be enumerable in bulk. */
  const countLookup = async (ctx: Context) => {
    const lookup = await services.qr.limits.employees.hit(services.addressHash(ctx.ip));
    if (!lookup.allowed)
      throw tooManyRequests(lookup.retryAfterSeconds, 'Too many employee lookups from this connection. Please try again later.');
  };

  /** One answer with everything a rating form needs, so a page is one round trip from a usable form. */
  const sendFormAnswer = async (ctx: Context, record: EmployeeRecord, byCode: boolean) => {
    const answer = await formAnswer(services, record, byCode, foreignOrigin(ctx, publicBaseUrl));
    ctx.set('Cache-Control', 'no-store');
    // Compressed: on a slow line its bytes share the way with the widget's script, which waits for them.
    ctx.type = 'json';
    sendCompressed(ctx, JSON.stringify(answer));
  };

  router.get('/indicators', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = { indicators: INDICATORS };
  });

  router.get('/service-types', async (ctx) => {
    const nip = typeof ctx.query.nip === 'string' ? ctx.query.nip : undefined;
    const code = typeof ctx.query.code === 'string' ? ctx.query.code : undefined;
    const officeId = code
      ? (await requireEmployeeByCode(services.catalogue, code)).office.id
      : nip
        ? (await services.catalogue.requireActiveEmployee(nip)).office.id
        : (await services.catalogue.defaultOffice()).id;
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = { serviceTypes: await services.catalogue.activeServiceTypes(officeId) };
  });

  router.get('/employees/by-code/:code/form', async (ctx) => {
    await countLookup(ctx);
    await sendFormAnswer(ctx, await requireEmployeeByCode(services.catalogue, ctx.params.code ?? ''), true);
  });

  router.get('/employees/:nip/form', async (ctx) => {
    await countLookup(ctx);
    await sendFormAnswer(ctx, await services.catalogue.requireActiveEmployee(ctx.params.nip ?? ''), false);
  });

  // The hosted page's widget asks by public code: the answer has everything the form shows but the NIP.
  router.get('/employees/by-code/:code', async (ctx) => {
    await countLookup(ctx);
    const record = await requireEmployeeByCode(services.catalogue, ctx.params.code ?? '');
    const sending = await sendingFor(ctx, record.office.id);
    ctx.set('Cache-Control', sending.allowed ? 'public, max-age=300' : 'no-store');
    ctx.body = { ...publicByCode(services.catalogue, record), sending };
  });

  router.get('/employees/:nip', async (ctx) => {
    await countLookup(ctx);
    const record = await services.catalogue.requireActiveEmployee(ctx.params.nip ?? '');
    const sending = await sendingFor(ctx, record.office.id);
    // The answer depends on the page's origin (Vary: Origin). A refusal is not kept, so a site the
    // office has just allowed works at the next load; the form token's answer is never cached anyway.
    ctx.set('Cache-Control', sending.allowed ? 'public, max-age=300' : 'no-store');
    ctx.body = { ...services.catalogue.toPublic(record), sending };
  });

  // The signed token of a rating form for one employee: the widget fetches it with the employee and
  // sends it with the rating (formToken), which may come MIN_FORM_SECONDS later at the earliest.
  router.get('/form-token', async (ctx) => {
    if (typeof ctx.query.code === 'string') {
      // Bound to the code, not the NIP: the token travels in the hosted page's calls, readable by anyone.
      const record = await requireEmployeeByCode(services.catalogue, ctx.query.code);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { ...services.formTokens.issue(`code:${record.code}`), sending: await sendingFor(ctx, record.office.id) };
      return;
    }
    const nip = typeof ctx.query.nip === 'string' ? ctx.query.nip : '';
    const record = await services.catalogue.requireActiveEmployee(nip);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { ...services.formTokens.issue(record.employee.nip), sending: await sendingFor(ctx, record.office.id) };
  });

  router.post('/ratings', ratingIntake(services, publicBaseUrl));

  return router;
}
