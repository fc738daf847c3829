import Router from '@koa/router';
import type { Context } from 'koa';
import { Office } from '../db/models/index.js';
import { limitByAddress } from '../http/rate-limit.js';
import { notFound } from '../domain/problem.js';
import type { Services } from '../services/index.js';
import { QR_SIZE, type QrFormat } from '../services/qr/qr-codes.js';
import { skmNotFoundPage, skmPage } from '../views/skm-page.js';
import { HOSTED_PAGE_CSP, pageLang } from './hosted-pages.js';

const OFFICE_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The office and, when it names an active one, the service type of a hosted SKM link. */
async function linkOf(services: Services, ctx: Context): Promise<{ office: Office; service: string | null } | null> {
  const code = ctx.params.office ?? '';
  const office = OFFICE_CODE.test(code) ? await Office.findOne({ where: { code } }) : null;
  if (!office) return null;
  const asked = typeof ctx.query.service === 'string' ? ctx.query.service : '';
  const service = asked && (await services.catalogue.activeServiceTypeId(office.id, asked)) !== null ? asked : null;
  return { office, service };
}

/** The hosted SKM page per office and per service (`/skm/<office>?service=`), and its QR codes. */
export function skmPagesRouter(services: Services, publicBaseUrl: string): Router {
  const router = new Router();
  const limit = limitByAddress(services.qr.limits.images, services.addressHash);

  router.get('/skm/:office', async (ctx) => {
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.set('Cache-Control', 'no-cache');
    const link = await linkOf(services, ctx);
    if (!link) {
      ctx.status = 404;
      ctx.body = skmNotFoundPage();
      return;
    }
    const lang = pageLang(ctx);
    ctx.body = skmPage({ office: { code: link.office.code, name: link.office.name }, service: link.service, lang });
  });

  const qr = (format: QrFormat) => async (ctx: Context) => {
    const link = await linkOf(services, ctx);
    if (!link) throw notFound('No office has that code.');
    const url = `${publicBaseUrl}/skm/${link.office.code}${link.service ? `?service=${encodeURIComponent(link.service)}` : ''}`;
    const image = await services.qr.codes.image(url, format, QR_SIZE.default);
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.set('ETag', image.etag);
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    if (format === 'svg') ctx.set('Content-Security-Policy', "default-src 'none'");
    if (ctx.query.download === '1') ctx.attachment(`skm-qr-${link.office.code}${link.service ? `-${link.service}` : ''}.${format}`);
    ctx.type = image.contentType;
    ctx.body = image.body;
  };
  router.get('/skm/:office/qr.svg', limit, qr('svg'));
  router.get('/skm/:office/qr.png', limit, qr('png'));

  return router;
}
