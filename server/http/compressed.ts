import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'koa';

export type Encoding = 'br' | 'gzip' | 'identity';

/** One body in each encoding, compressed once (at the strongest levels); each with its own ETag. */
export type Encoded = Record<Encoding, { body: Buffer; etag: string }>;

export function encodeOnce(content: Buffer | string): Encoded {
  const body = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
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

/** Browsers list gzip first ("gzip, deflate, br"), with equal weights: brotli, smaller, is preferred here. */
export function pickEncoding(ctx: Context): Encoding {
  ctx.vary('Accept-Encoding');
  return ctx.acceptsEncodings('br') === 'br' ? 'br' : ctx.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : 'identity';
}

/** Sends a body compressed once beforehand, with its ETag: a browser that has it gets a 304. */
export function sendEncoded(ctx: Context, encoded: Encoded): void {
  const encoding = pickEncoding(ctx);
  const chosen = encoded[encoding];
  ctx.set('ETag', chosen.etag);
  if (ctx.get('if-none-match') === chosen.etag) {
    ctx.status = 304;
    return;
  }
  if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
  ctx.body = chosen.body;
}

/**
 * Sends a page made for this one answer compressed, at levels fast enough for every request (about a
 * millisecond for 50 KB): a page that carries the widget's script inline is a third of its size so,
 * which on a slow line is most of its time.
 */
export function sendCompressed(ctx: Context, text: string): void {
  const body = Buffer.from(text, 'utf8');
  const encoding = body.length < 1024 ? 'identity' : pickEncoding(ctx);
  if (encoding === 'identity') {
    ctx.body = body;
    return;
  }
  ctx.set('Content-Encoding', encoding);
  ctx.body =
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 6 });
}
