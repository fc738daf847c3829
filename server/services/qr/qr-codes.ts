import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import QRCode from 'qrcode';

export type QrFormat = 'svg' | 'png';

/** Pixel sizes a caller may ask for: small enough for a phone screen, large enough for a poster. */
export const QR_SIZE = { min: 128, max: 2048, default: 512 } as const;

export interface RenderedQr {
  body: Buffer;
  contentType: string;
  /** A strong validator of exactly these bytes: the encoded text, the format, the size and this renderer. */
  etag: string;
}

/**
 * How a printed code is made. Q corrects a quarter of the symbol, which survives a cheap printer, a
 * crease and a phone camera at arm's length; the 4-module quiet zone is what the standard asks for.
 * Codes shown on a screen for one customer (one-service codes) are longer and never printed, so they
 * use M and stay coarser.
 */
const PRINTED = { errorCorrectionLevel: 'Q', margin: 4 } as const;
const ON_SCREEN = { errorCorrectionLevel: 'M', margin: 4 } as const;

// Changing how codes are drawn changes this, so browsers do not keep the old drawing under a valid ETag.
const RENDERER_VERSION = 'q4-v1';

const CONTENT_TYPES: Record<QrFormat, string> = { svg: 'image/svg+xml', png: 'image/png' };

export function qrEtag(text: string, format: QrFormat, size: number): string {
  const digest = createHash('sha256').update(`${RENDERER_VERSION}\n${format}\n${size}\n${text}`).digest('base64url');
  return `"${digest.slice(0, 27)}"`;
}

/** How much the rendered-code caches keep: entries each, and bytes of images and of inline SVG. */
export interface QrCacheLimits {
  entries: number;
  imageBytes: number;
  svgBytes: number;
}

/**
 * The least recently used renders, bounded by count and by bytes. Callers that miss at the same moment
 * share one render; a failed render is not kept, so the next request tries again.
 */
function renders<V extends object | string>(
  entries: number,
  bytes: number,
  weigh: (value: V) => number,
): LRUCache<string, V, () => Promise<V>> {
  return new LRUCache<string, V, () => Promise<V>>({
    max: entries,
    maxSize: bytes,
    sizeCalculation: (value) => Math.max(1, weigh(value)),
    fetchMethod: (_key, _stale, { context }) => context(),
  });
}

async function cached<V extends object | string>(
  cache: LRUCache<string, V, () => Promise<V>>,
  key: string,
  render: () => Promise<V>,
): Promise<V> {
  return (await cache.fetch(key, { context: render })) ?? render();
}

/**
 * Renders QR codes and keeps the recent ones: a board or an intranet page of fifty codes then costs
 * fifty cache hits per view, not fifty renders. Bounded by count and bytes (a 2048 px PNG is tens of KB).
 */
export class QrCodes {
  readonly #images: LRUCache<string, RenderedQr, () => Promise<RenderedQr>>;
  readonly #inline: LRUCache<string, string, () => Promise<string>>;

  constructor(limits: QrCacheLimits = { entries: 1000, imageBytes: 32 * 1024 * 1024, svgBytes: 16 * 1024 * 1024 }) {
    this.#images = renders(limits.entries, limits.imageBytes, (image) => image.body.length);
    this.#inline = renders(limits.entries, limits.svgBytes, (svg) => svg.length);
  }

  /** A downloadable image of `text` (`size` pixels wide, quiet zone included), as a printed code. */
  image(text: string, format: QrFormat, size: number = QR_SIZE.default): Promise<RenderedQr> {
    return cached(this.#images, `${format}\n${size}\n${text}`, async () => {
      const body =
        format === 'svg'
          ? Buffer.from(await QRCode.toString(text, { ...PRINTED, type: 'svg', width: size }))
          : await QRCode.toBuffer(text, { ...PRINTED, type: 'png', width: size });
      return { body, contentType: CONTENT_TYPES[format], etag: qrEtag(text, format, size) };
    });
  }

  /** SVG markup without a fixed size, for pages that place the code with CSS (cards, boards). */
  inlineSvg(text: string): Promise<string> {
    return cached(this.#inline, text, () => QRCode.toString(text, { ...PRINTED, type: 'svg' }));
  }

  /** A one-service code for a screen: never cached, each one is shown once. */
  async onScreenSvg(text: string, size: number): Promise<Buffer> {
    return Buffer.from(await QRCode.toString(text, { ...ON_SCREEN, type: 'svg', width: size }));
  }
}
