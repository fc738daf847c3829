import Router from '@koa/router';
import { actorOf, authenticate, currentUser, requireRole } from '../http/auth.js';
import { jsonBody } from '../http/json-body.js';
import { parseOr422 } from '../http/validate.js';
import type { Services } from '../services/index.js';
import { skmPosterPdf } from '../services/skm/poster-pdf.js';
import { skmPublicationBodySchema } from '../services/skm/publications.js';
import { skmInfographic } from '../views/skm-infographic.js';
import { HOSTED_PAGE_CSP } from './hosted-pages.js';

/** /api/v1/admin/skm/publications: an admin publishes a period's result as a public read-only link, or withdraws it. */
export function skmPublicationAdminRouter(services: Services, bodyLimit: number): Router {
  const router = new Router({ prefix: '/admin/skm/publications' });
  router.use(authenticate(services.auth), requireRole('admin', 'coordinator', 'viewer'), jsonBody({ limit: bodyLimit, optional: true }));
  const { publications } = services.skm;
  router.get('/', async (ctx) => {
    ctx.body = { publications: await publications.list(currentUser(ctx)) };
  });
  router.post('/', requireRole('admin'), async (ctx) => {
    ctx.status = 201;
    ctx.body = await publications.create(actorOf(ctx, services), parseOr422(skmPublicationBodySchema, ctx.request.body));
  });
  router.delete('/:publicId', requireRole('admin'), async (ctx) => {
    await publications.revoke(actorOf(ctx, services), ctx.params.publicId ?? '');
    ctx.status = 204;
  });
  return router;
}

/**
 * The published result at one address: the infographic to browsers, the figures as JSON to API
 * clients (Accept), and the A4 poster beside it. No sign-in; the link is the permission.
 */
export function skmPublishedRouter(services: Services): Router {
  const router = new Router({ prefix: '/hasil-skm' });
  router.get('/:publicId', async (ctx) => {
    const report = await services.skm.publications.read(ctx.params.publicId ?? '');
    ctx.set('Cache-Control', 'no-cache');
    ctx.vary('Accept');
    if (ctx.accepts('html', 'json') === 'json') {
      ctx.body = report;
      return;
    }
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.body = skmInfographic(report, ctx.query.lang === 'en' ? 'en' : 'id', `/hasil-skm/${ctx.params.publicId}/poster.pdf`);
  });
  router.get('/:publicId/poster.pdf', async (ctx) => {
    const publicId = ctx.params.publicId ?? '';
    const report = await services.skm.publications.read(publicId);
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `inline; filename="poster-skm-${report.office.code}-${report.period.key}.pdf"`);
    ctx.body = await skmPosterPdf(report, services.skm.publications.url(publicId));
  });
  return router;
}
