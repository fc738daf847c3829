import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Router from '@koa/router';
import { notFound } from '../domain/problem.js';
import { encodeOnce, sendEncoded, type Encoded } from '../http/compressed.js';
import { widgetDistDir } from '../paths.js';

/**
 * The hosted page `/r/<code>` carries the rating widget's script (and the small pages script) inline, so
 * a customer's phone has a usable form after one round trip instead of two. An inline module has the
 * page's address as its own, and the widget's lazy chunks (after-send, English words, …) both are
 * imported relative to it and import back what they share with the entry from `./pacak-rating.js`. So,
 * when inlining, the entry's `import("./…")` point at `/widget/hosted/<version>/…`, where the chunks are
 * served as built, and the entry hands its exports over to `/widget/hosted/<version>/pacak-rating.js`, a
 * small module that passes them on: the chunks use this same instance, and the widget's file is never
 * loaded a second time. The version (a hash of the whole set) keeps a page and its chunks from
 * different builds apart; an old page's chunks get a 404, to which the widget answers as when offline.
 */
export interface InlineWidget {
  /** The widget's entry as the hosted page carries it. */
  rating: string;
  /** The pages script (language switch), which has no imports. */
  pages: string;
  /** The script-src sources that allow exactly these two inline scripts: their sha256 hashes. */
  hashes: string[];
  version: string;
  /** Files under /widget/hosted/<version>/: the chunks as built, and the entry's stand-in. */
  files: Map<string, Encoded>;
}

/** Where the entry hands its exports to its stand-in. */
const EXPORTS_KEY = 'Symbol.for("pacak-rating.hosted")';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const TRAILING_EXPORT = /export\s*\{([^}]*)\}\s*;?\s*$/;

export const scriptHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The entry rewritten for the page, and its stand-in module; null when the build is not of the shape
 * this knows (then the page loads the script as a file, as before). Pure: the tests feed it builds.
 */
export function rewriteEntry(entry: string, base: string): { inline: string; standIn: string } | null {
  // Markup inside the script would end or disturb the <script> element that carries it.
  if (/<\/script|<!--|<script/i.test(entry)) return null;
  // A static import would resolve against the page's address: the build has none today.
  if (/\bimport\s*["'{*]|\bfrom\s*["']\.\//.test(entry)) return null;
  const exported = TRAILING_EXPORT.exec(entry);
  const body = exported ? entry.slice(0, exported.index) : entry;
  if (/\bexport\b\s*[{*]|\bexport\s+(default|const|let|var|function|class|async)\b/.test(body)) return null;
  const pairs = (exported?.[1] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [local, as, name] = part.split(/\s+/);
      return as === 'as' ? [local, name] : [local, local];
    });
  if (pairs.some(([local, name]) => !IDENTIFIER.test(local ?? '') || !IDENTIFIER.test(name ?? '') || name === 'default')) return null;
  const lazy = body.replace(/\bimport\((["'])\.\//g, `import($1${base}`);
  const handOver = pairs.length ? `globalThis[${EXPORTS_KEY}]={${pairs.map(([local, name]) => `${name}:${local}`).join(',')}};` : '';
  const standIn = `const m=globalThis[${EXPORTS_KEY}];export const{${pairs.map(([, name]) => name).join(',')}}=m;\n`;
  return { inline: lazy + handOver, standIn };
}

const CHUNK_NAME = /^pacak-rating-[a-z0-9-]+\.js$/;

async function load(dir: string): Promise<InlineWidget | null> {
  try {
    const names = (await readdir(dir)).filter((name) => CHUNK_NAME.test(name)).sort();
    const [entry, pages, ...chunks] = await Promise.all(
      ['pacak-rating.js', 'pacak-pages.js', ...names].map((name) => readFile(join(dir, name), 'utf8')),
    );
    if (entry === undefined || pages === undefined) return null;
    const version = createHash('sha256')
      .update([entry, ...chunks].join('\0'))
      .digest('base64url')
      .slice(0, 12);
    const rewritten = rewriteEntry(entry, `/widget/hosted/${version}/`);
    if (!rewritten || /<\/script|<!--|<script|\bimport\b/i.test(pages)) return null;
    const files = new Map<string, Encoded>(names.map((name, i) => [name, encodeOnce(chunks[i] ?? '')]));
    files.set('pacak-rating.js', encodeOnce(rewritten.standIn));
    return { rating: rewritten.inline, pages, hashes: [scriptHash(rewritten.inline), scriptHash(pages)], version, files };
  } catch {
    return null;
  }
}

/**
 * The inline widget of the hosted page, read from the build once (looked for again while it is missing:
 * the widget may be built after the server started), and the route of its chunks.
 */
export function hostedWidget(dir = widgetDistDir): { get(): Promise<InlineWidget | null>; router: Router } {
  let loading: Promise<InlineWidget | null> | undefined;
  const get = (): Promise<InlineWidget | null> => {
    if (!loading) {
      loading = load(dir);
      void loading.then((found) => found ?? (loading = undefined));
    }
    return loading;
  };
  const router = new Router();
  router.get('/widget/hosted/:version/:name', async (ctx) => {
    const widget = await get();
    const file = widget?.version === ctx.params.version ? widget.files.get(ctx.params.name ?? '') : undefined;
    if (!file) throw notFound('No such widget file: the page may be older than this installation. Load it again.');
    // The version is in the address: a file there never changes.
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.type = 'text/javascript; charset=utf-8';
    sendEncoded(ctx, file);
  });
  return { get, router };
}
