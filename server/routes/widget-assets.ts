import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import Router from '@koa/router';
import { notFound } from '../domain/problem.js';
import { widgetDistDir } from '../paths.js';

type Encoding = 'br' | 'gzip' | 'identity';

/** One bundle in each encoding, compressed once when first asked for; each with its own ETag. */
type Asset = Record<Encoding, { body: Buffer; etag: string }>;

function encode(body: Buffer): Asset {
  const tag = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  return {
    br: {
      body: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      etag: `"${tag}-br"`,
    },
    gzip: { body: gzipSync(body, { level: 9 }), etag: `"${tag}-gz"` },
    identity: { body, etag: `"${tag}"` },
  };
}

const ASSET_NAME = /^[a-z0-9-]+\.js(\.map)?$/;

/**
 * Serves the built widget bundles. Any site may load them (a module script from another origin is
 * fetched with CORS), and browsers may keep them an hour and then revalidate by ETag. They go out
 * compressed (brotli, else gzip) whenever the browser accepts it: the size budget is a compressed
 * size, and on a slow line the 36 KB bundle sent plain took half a second longer than the 12 KB one.
 */
export function widgetAssetsRouter(dir = widgetDistDir): Router {
  const router = new Router();
  const cache = new Map<string, Promise<Asset | null>>();

  const load = (name: string): Promise<Asset | null> => {
    let asset = cache.get(name);
    if (!asset) {
      asset = readFile(join(dir, name)).then(encode, () => null);
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
    ctx.vary('Accept-Encoding');
    // Browsers list gzip first ("gzip, deflate, br"), with equal weights: brotli, smaller, is preferred here.
    const encoding: Encoding = ctx.acceptsEncodings('br') === 'br' ? 'br' : ctx.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : 'identity';
    const chosen = asset[encoding];
    ctx.set('ETag', chosen.etag);
    ctx.type = name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8';
    if (ctx.get('if-none-match') === chosen.etag) {
      ctx.status = 304;
      return;
    }
    if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
    ctx.body = chosen.body;
  });

  return router;
}
