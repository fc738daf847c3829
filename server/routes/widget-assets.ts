import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Router from '@koa/router';
import { notFound } from '../domain/problem.js';
import { encodeOnce, sendEncoded, type Encoded } from '../http/compressed.js';
import { widgetDistDir } from '../paths.js';

const ASSET_NAME = /^[a-z0-9-]+\.js(\.map)?$/;

/**
 * Serves the built widget bundles. Any site may load them (a module script from another origin is
 * fetched with CORS), and browsers may keep them an hour and then revalidate by ETag. They go out
 * compressed (brotli, else gzip) whenever the browser accepts it: the size budget is a compressed
 * size, and on a slow line the 36 KB bundle sent plain took half a second longer than the 12 KB one.
 */
export function widgetAssetsRouter(dir = widgetDistDir): Router {
  const router = new Router();
  const cache = new Map<string, Promise<Encoded | null>>();

  const load = (name: string): Promise<Encoded | null> => {
    let asset = cache.get(name);
    if (!asset) {
      asset = readFile(join(dir, name)).then(encodeOnce, () => null);
      cache.set(name, asset);
      // A missing file is looked for again next time: the bundle may be built after the server started.
      void asset.then((found) => found ?? cache.delete(name));
    }
    return asset;
  };

  router.get('/widget/:name', async (ctx) => {
    const name = ctx.params.name ?? '';
    const asset = ASSET_NAME.test(name) ? await load(name) : null;
    if (!asset) throw notFound('No such widget file. Has the widget been built (npm run build)?');
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('Cache-Control', 'public, max-age=3600, stale-while-revalidate=86400');
    ctx.type = name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8';
    sendEncoded(ctx, asset);
  });

  return router;
}
