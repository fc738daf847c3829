import type { Context } from 'koa';
import Router from '@koa/router';
import { z } from 'zod';
import { actorOf, authenticate, currentUser, requireRole } from '../http/auth.js';
import { jsonBody } from '../http/json-body.js';
import { badRequest } from '../domain/problem.js';
import { parseOr422 } from '../http/validate.js';
import type { Services } from '../services/index.js';
import { anomalyQuerySchema } from '../services/reports/anomaly-query.js';
import type { ReportBuilders } from '../services/reports/report-builders.js';
import { reportQuerySchema, type ReportQuery, type ReportScope } from '../services/reports/report-query.js';
import { MAX_SHARE_DAYS, SHARED_REPORTS, type ShareGrant, type SharedReport } from '../services/reports/share-links.js';
import { scopeOf } from '../services/access/scope.js';
import { sendReport } from './report-output.js';
import { sendSharedPage, wantsPage } from './shared-pages.js';

const NIP = /^[0-9A-Za-z][0-9A-Za-z-]{2,31}$/;

/** Query parameters as strings only: a repeated parameter (an array) is refused by the schema. */
const queryOf = (ctx: Context): ReportQuery => parseOr422(reportQuerySchema, { ...ctx.query });

/** Builds one report for a scope; shared by the signed-in routes and the shared links. */
export async function buildReport(builders: ReportBuilders, report: SharedReport, scope: ReportScope, query: ReportQuery, nip?: string) {
  switch (report) {
    case 'summary':
      return builders.summary(scope, query);
    case 'work-areas':
      return builders.workAreas(scope, query);
    case 'service-types':
      return builders.serviceTypes(scope, query);
    case 'ranking':
      return builders.ranking(scope, query);
    case 'employee':
      return builders.employee(scope, nip ?? '', query);
  }
}

const shareSchema = z.strictObject({
  report: z.enum(SHARED_REPORTS),
  nip: z.string().regex(NIP, 'is not a NIP or staff code').optional(),
  params: z.record(z.string(), z.string()),
  days: z.number().int().min(1).max(MAX_SHARE_DAYS, `a link lives at most ${MAX_SHARE_DAYS} days`),
});

/** The report API: every route needs a sign-in, and the reader's scope narrows every query. */
export function reportsRouter(services: Services, bodyLimit: number): Router {
  const router = new Router({ prefix: '/api/v1/reports' });
  router.use(jsonBody(bodyLimit));
  const { builders, shareLinks } = services.reports;
  router.use(authenticate(services.auth));
  router.use(requireRole('admin', 'coordinator', 'viewer'));

  for (const report of ['summary', 'work-areas', 'service-types', 'ranking'] as const) {
    router.get(`/${report}`, async (ctx) => {
      const query = queryOf(ctx);
      await sendReport(ctx, await buildReport(builders, report, scopeOf(currentUser(ctx)), query), query.format);
    });
  }

  // Patterns that suggest made-up ratings, each with the ratings behind it; admins only, their office.
  router.get('/anomalies', requireRole('admin'), async (ctx) => {
    const query = parseOr422(anomalyQuerySchema, { ...ctx.query });
    ctx.body = await services.reports.anomalies.build(scopeOf(currentUser(ctx)), query);
  });

  router.get('/employees/:nip', async (ctx) => {
    const query = queryOf(ctx);
    await sendReport(ctx, await builders.employee(scopeOf(currentUser(ctx)), ctx.params.nip ?? '', query), query.format);
  });

  router.get('/employees/:nip/evidence.pdf', async (ctx) => {
    const user = currentUser(ctx);
    const query = queryOf(ctx);
    const scope = scopeOf(user);
    const report = await builders.employee(scope, ctx.params.nip ?? '', query);
    // The PDF's verification link is a share link to the same report, valid for the longest time allowed.
    const { format: _format, ...params } = ctx.query as Record<string, string>;
    const link = await shareLinks.create({
      report: 'employee',
      params: { ...params, nip: report.employee.nip },
      scope,
      createdBy: user.id,
      days: MAX_SHARE_DAYS,
    });
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `inline; filename="bukti-pacak-${report.employee.nip}-${query.from}_${query.to}.pdf"`);
    ctx.body = services.reports.evidencePdf(report, {
      code: link.publicId.slice(0, 8).toUpperCase(),
      url: shareLinks.verifyUrl(link.publicId),
    });
  });

  router.get('/share-links', requireRole('admin'), async (ctx) => {
    ctx.body = { links: await shareLinks.list(scopeOf(currentUser(ctx)).officeId) };
  });

  router.post('/share-links', requireRole('admin'), async (ctx) => {
    const user = currentUser(ctx);
    const body = parseOr422(shareSchema, ctx.request.body);
    if ((body.report === 'employee') !== Boolean(body.nip)) throw badRequest('Give `nip` for an employee report, and only then.');
    const params = { ...body.params, ...(body.nip ? { nip: body.nip } : {}) };
    const { nip: _nip, ...query } = params;
    const scope = scopeOf(user);
    // Build it once now: a link to a report its maker could not read is refused here, not later.
    await buildReport(builders, body.report, scope, parseOr422(reportQuerySchema, query), body.nip);
    const link = await shareLinks.create({ report: body.report, params, scope, createdBy: user.id, days: body.days });
    await services.audit.record(actorOf(ctx, services), {
      officeId: scope.officeId,
      action: 'share-link.create',
      targetType: 'share_link',
      targetId: link.id,
      changes: { report: body.report, params, days: body.days },
    });
    ctx.status = 201;
    ctx.body = link;
  });

  router.delete('/share-links/:id', requireRole('admin'), async (ctx) => {
    const user = currentUser(ctx);
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || id < 1) throw badRequest('The link id must be a positive whole number.');
    const { officeId } = scopeOf(user);
    await shareLinks.revoke(officeId, id);
    await services.audit.record(actorOf(ctx, services), { officeId, action: 'share-link.revoke', targetType: 'share_link', targetId: id });
    ctx.status = 204;
  });

  return router;
}

/** A shared link: no sign-in, the report and its parameters fixed by the token; only the format may be chosen. */
export function sharedReportsRouter(services: Services): Router {
  const router = new Router({ prefix: '/api/v1/shared' });
  const { builders, shareLinks } = services.reports;

  const build = (grant: ShareGrant, format: string) => {
    const { nip, ...params } = grant.params;
    const query = parseOr422(reportQuerySchema, { ...params, format });
    return { query, report: buildReport(builders, grant.report, grant.scope, query, nip) };
  };
  const answer = async (ctx: Context, kind: 'verify' | 'share', open: () => Promise<ShareGrant>) => {
    const page = wantsPage(ctx);
    const extra = Object.keys(ctx.query).filter((key) => key !== (page ? 'lang' : 'format'));
    if (extra.length) throw badRequest(`A shared report's parameters cannot be changed (${extra.join(', ')}).`);
    // A browser gets a page: the verdict and the report, readable and printable (routes/shared-pages.ts).
    if (page) return sendSharedPage(ctx, kind, open, (grant) => build(grant, 'json').report);
    const grant = await open();
    const { query, report } = build(grant, typeof ctx.query.format === 'string' ? ctx.query.format : 'json');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.vary('Accept');
    await sendReport(ctx, await report, query.format);
  };

  // The short address printed on evidence PDFs: the link's random public id.
  router.get('/verify/:publicId', (ctx) => answer(ctx, 'verify', () => shareLinks.openById(ctx.params.publicId ?? '')));
  router.get('/:token', (ctx) => answer(ctx, 'share', () => shareLinks.open(ctx.params.token ?? '')));
  return router;
}
