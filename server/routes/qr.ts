import Router from '@koa/router';
import type { Context } from 'koa';
import { invalid, notFound } from '../domain/problem.js';
import { limitByAddress } from '../http/rate-limit.js';
import { QR_SIZE, qrEtag, type QrFormat } from '../services/qr/qr-codes.js';
import type { Services } from '../services/index.js';

/** Browsers may reuse an image five minutes, then revalidate by ETag: a replaced code shows soon after. */
const CACHE_CONTROL = 'public, max-age=300';

function sizeOf(query: unknown): number {
  if (query === undefined) return QR_SIZE.default;
  const size = typeof query === 'string' && /^\d{1,5}$/.test(query) ? Number(query) : Number.NaN;
  if (!(size >= QR_SIZE.min && size <= QR_SIZE.max)) {
    throw invalid([
      { path: 'size', message: `must be a whole number of pixels from ${QR_SIZE.min} to ${QR_SIZE.max}`, code: 'invalid_size' },
    ]);
  }
  return size;
}

/** If-None-Match may list several validators, weak ones included (a proxy may have weakened ours). */
function matches(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

/**
 * QR code images of employees' rating links (`/qr/<nip>.svg`, `.png`), and of one-service codes for
 * the keypass page. The code carries the short public code, never the NIP; `?size=` in pixels,
 * `?download=1` to save it as a file rather than show it.
 */
export function qrRouter(services: Services): Router {
  const router = new Router();
  const { qr } = services;
  const limit = limitByAddress(qr.limits.images, services.addressHash);

  const employeeCode = (format: QrFormat) => async (ctx: Context) => {
    const size = sizeOf(ctx.query.size);
    const nip = (ctx.params as { nip?: string }).nip ?? '';
    const employee = await qr.employees.find(nip);
    if (!employee) throw notFound('No active employee has that NIP or staff code.');
    const etag = qrEtag(employee.ratingUrl, format, size);
    ctx.set('Cache-Control', CACHE_CONTROL);
    ctx.set('ETag', etag);
    // Any page may show the image (an intranet page with <pacak-qr>); nothing in it is private.
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('Access-Control-Allow-Origin', '*');
    if (format === 'svg') ctx.set('Content-Security-Policy', "default-src 'none'");
    if (ctx.query.download === '1') ctx.attachment(`pacak-qr-${employee.nip}.${format}`);
    if (matches(ctx.get('if-none-match'), etag)) {
      ctx.status = 304;
      return;
    }
    const image = await qr.codes.image(employee.ratingUrl, format, size);
    ctx.type = image.contentType;
    ctx.body = image.body;
  };

  router.get('/qr/:nip.svg', limit, employeeCode('svg'));
  router.get('/qr/:nip.png', limit, employeeCode('png'));

  // A one-service code drawn for the screen it was asked on; valid only while the code is.
  router.get('/qr/t/:token.svg', limit, async (ctx) => {
    const check = qr.serviceTokens.check(ctx.params.token ?? '');
    if (!check.ok) throw notFound('No such one-service code, or it has expired.');
    const url = await qr.serviceTokens.urlFor(ctx.params.token ?? '', check.claim);
    if (!url) throw notFound('No such one-service code, or it has expired.');
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', "default-src 'none'");
    ctx.type = 'image/svg+xml';
    ctx.body = await qr.codes.onScreenSvg(url, sizeOf(ctx.query.size));
  });

  return router;
}
