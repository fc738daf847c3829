import type { Context } from 'koa';
import Router from '@koa/router';
import { z } from 'zod';
import { actorOf, authenticate, currentUser, requireRole } from '../http/auth.js';
import { badRequest, notFound } from '../domain/problem.js';
import { parseOr422 } from '../http/validate.js';
import type { Services } from '../services/index.js';
import { anomalyQuerySchema } from '../services/reports/anomaly-query.js';
import { reportQuerySchema, type ReportQuery, type ReportScope } from '../services/reports/report-query.js';
import { evidenceVerification } from '../services/reports/evidence-verification.js';
import { MAX_SHARE_DAYS, SHARED_REPORTS, type ShareGrant, type SharedReport } from '../services/reports/share-links.js';
import { scopeOf } from '../services/access/scope.js';
import { withKinerja } from '../services/appraisal/kinerja.js';
import { sendReport } from './report-output.js';
import { sendSharedPage, wantsPage } from './shared-pages.js';

const NIP = /^[0-9A-Za-z][0-9A-Za-z-]{2,31}$/;

/** Query parameters as strings only: a repeated parameter (an array) is refused by the schema. */
const queryOf = (ctx: Context): ReportQuery => parseOr422(reportQuerySchema, { ...ctx.query });

/** Builds one report for a scope; shared by the signed-in routes and the shared links. */
export async function buildReport(services: Services, report: SharedReport, scope: ReportScope, query: ReportQuery, nip?: string) {
  const { builders } = services.reports;
  // Employee reports carry attendance, SKP, the combined score and the predikat beside the customers' figures.
  const withAppraisal = <R extends Parameters<typeof withKinerja>[2]>(built: R) =>
    withKinerja(services.appraisal.kinerja, scope.officeId, built, query);
  switch (report) {
    case 'summary':
      return withAppraisal(await builders.summary(scope, query));
    case 'work-areas':
      return builders.workAreas(scope, query);
    case 'service-types':
      return builders.serviceTypes(scope, query);
    case 'ranking':
      return withAppraisal(await builders.ranking(scope, query));
    case 'employee':
      return withAppraisal(await builders.employee(scope, nip ?? '', query));
  }
}

const shareSchema = z.strictObject({
  report: z.enum(SHARED_REPORTS),
  nip: z.string().regex(NIP, 'is not a NIP or staff code').optional(),
  params: z.record(z.string(), z.string()),
  days: z.number().int().min(1).max(MAX_SHARE_DAYS, `a link lives at most ${MAX_SHARE_DAYS} days`),
});

/**
 * The report API, mounted at /api/v1/reports: every route needs a sign-in, and the reader's scope
 * narrows every query. Its one body (a new share link) is read by the API's JSON reader.
 */
export function reportsRouter(services: Services): Router {
  const router = new Router();
  const { shareLinks } = services.reports;
  router.use(authenticate(services.auth));
  router.use(requireRole('admin', 'coordinator', 'viewer'));

  for (const report of ['summary', 'work-areas', 'service-types', 'ranking'] as const) {
    router.get(`/${report}`, async (ctx) => {
      const query = queryOf(ctx);
      await sendReport(ctx, await buildReport(services, report, scopeOf(currentUser(ctx)), query), query.format, query.lang);
    });
  }

  // Patterns that suggest made-up ratings, each with the ratings behind it; admins only, their office.
  router.get('/anomalies', requireRole('admin'), async (ctx) => {
    const query = parseOr422(anomalyQuerySchema, { ...ctx.query });
    ctx.body = await services.reports.anomalies.build(scopeOf(currentUser(ctx)), query);
  });

  router.get('/employees/:nip', async (ctx) => {
    const query = queryOf(ctx);
    await sendReport(
      ctx,
      await buildReport(services, 'employee', scopeOf(currentUser(ctx)), query, ctx.params.nip ?? ''),
      query.format,
      query.lang,
    );
  });

  // The appraisal evidence as data: core values, behaviour suggestion, the office's rules of the period.
  router.get('/employees/:nip/appraisal', async (ctx) => {
    const query = queryOf(ctx);
    ctx.body = await services.appraisal.evidence.employee(scopeOf(currentUser(ctx)), ctx.params.nip ?? '', query);
  });

  // `superior` (a NIP of the same office) names who signs; it is not part of the report, so not of its link.
  router.get('/employees/:nip/evidence.pdf', async (ctx) => {
    const user = currentUser(ctx);
    const { superior, ...rest } = ctx.query as Record<string, string>;
    const query = parseOr422(reportQuerySchema, rest);
    const { format: _format, ...params } = rest;
    const { fileName, pdf } = await services.appraisal.documents.render({
      scope: scopeOf(user),
      nip: ctx.params.nip ?? '',
      query,
      params,
      createdBy: user.id,
      ...(superior === undefined ? {} : { superior: String(superior) }),
    });
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `inline; filename="${fileName}"`);
    ctx.body = pdf;
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
    await buildReport(services, body.report, scope, parseOr422(reportQuerySchema, query), body.nip);
    ctx.status = 201;
    ctx.body = await shareLinks.share(actorOf(ctx, services), { report: body.report, params, scope, days: body.days });
  });

  router.delete('/share-links/:id', requireRole('admin'), async (ctx) => {
    const user = currentUser(ctx);
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || id < 1) throw badRequest('The link id must be a positive whole number.');
    await shareLinks.revoke(actorOf(ctx, services), scopeOf(user).officeId, id);
    ctx.status = 204;
  });

  return router;
}

/**
 * A shared link, mounted at /api/v1/shared: no sign-in, the report and its parameters fixed by the
 * token; only the format may be chosen.
 */
export function sharedReportsRouter(services: Services): Router {
  const router = new Router();
  const { builders, shareLinks } = services.reports;

  const build = (grant: ShareGrant, format: string) => {
    const { nip, ...params } = grant.params;
    const query = parseOr422(reportQuerySchema, { ...params, format });
    // An evidence PDF's verification row is no share link: its own route answers figures only.
    if (grant.report === 'evidence') throw notFound('This is not a valid shared report link.');
    return { query, report: buildReport(services, grant.report, grant.scope, query, nip) };
  };
  const openShared = async (open: () => Promise<ShareGrant>) => {
    const grant = await open();
    // An evidence PDF's verification row is no share link: its own route answers figures only.
    if (grant.report === 'evidence') throw notFound('This is not a valid shared report link.');
    return grant;
  };
  const answer = async (ctx: Context, open: () => Promise<ShareGrant>) => {
    const page = wantsPage(ctx);
    const extra = Object.keys(ctx.query).filter((key) => key !== (page ? 'lang' : 'format') && key !== 'lang');
    if (extra.length) throw badRequest(`A shared report's parameters cannot be changed (${extra.join(', ')}).`);
    // A browser gets a page: the verdict and the report, readable and printable (routes/shared-pages.ts).
    if (page)
      return sendSharedPage(
        ctx,
        'share',
        () => openShared(open),
        (grant) => build(grant, 'json').report,
      );
    const grant = await openShared(open);
    const { query, report } = build(grant, typeof ctx.query.format === 'string' ? ctx.query.format : 'json');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.vary('Accept');
    await sendReport(ctx, await report, query.format, query.lang);
  };

  // The short address printed on evidence PDFs: the link's random public id. It answers only what the PDF
  // prints of the figures, with their fingerprint: never the comments, the masked numbers or the NIP.
  router.get('/verify/:publicId', async (ctx) => {
    const page = wantsPage(ctx);
    const extra = Object.keys(ctx.query).filter((key) => !(page && key === 'lang'));
    if (extra.length) throw badRequest('A verification address takes no parameters.');
    const open = async () => {
      const grant = await shareLinks.openById(ctx.params.publicId ?? '');
      // Rows made before verification answered figures only are employee reports: they answer figures only too.
      if (grant.report !== 'evidence' && grant.report !== 'employee') throw notFound('This is not a verification address.');
      return grant;
    };
    const figures = (grant: ShareGrant) => {
      const { nip, ...params } = grant.params;
      return builders.employee(grant.scope, nip ?? '', parseOr422(reportQuerySchema, { ...params, format: 'json' }));
    };
    if (page) {
      return sendSharedPage(ctx, 'verify', open, async (grant) => {
        const report = await figures(grant);
        return { ...report, employee: { ...report.employee, nip: '' }, comments: [] };
      });
    }
    ctx.set('Cache-Control', 'private, no-store');
    ctx.vary('Accept');
    ctx.body = evidenceVerification(await figures(await open()));
  });
  router.get('/:token', (ctx) => answer(ctx, () => shareLinks.open(ctx.params.token ?? '')));
  return router;
}
