import Router from '@koa/router';
import { notFound } from '../domain/problem.js';
import type { Services } from '../services/index.js';

/** True when an If-None-Match header names this ETag (or is `*`). */
const matches = (ifNoneMatch: string, etag: string): boolean =>
  ifNoneMatch.split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim()));

/**
 * `GET /api/v1/employee-photos/<key>`: an uploaded photo, public like the rating page that shows it.
 * A new upload gets a new key, so an answer never changes and is kept for a year; any site's page may
 * show it (the widget embedded elsewhere), and the browser takes it only as the image type it is.
 */
export function employeePhotosRouter(services: Services): Router {
  const router = new Router();
  router.get('/employee-photos/:key', async (ctx) => {
    const photo = await services.admin.photos.byKey(ctx.params.key ?? '');
    if (!photo) throw notFound('No photo has that address (it may have been replaced or removed).');
    const etag = `"${photo.key}"`;
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.set('ETag', etag);
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('X-Content-Type-Options', 'nosniff');
    if (matches(ctx.get('if-none-match'), etag)) {
      ctx.status = 304;
      return;
    }
    ctx.type = photo.type;
    ctx.body = photo.bytes;
  });
  return router;
}
