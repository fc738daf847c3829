import { createHash } from 'node:crypto';
import { Html, html } from '../http/html.js';

/** The small script of the server's own pages: print and share buttons, one-service codes. */
export const PAGES_SCRIPT = '/widget/pacak-pages.js';

export interface PageParts {
  title: string;
  /** The page's only style sheet, inlined and allowed by its hash: no 'unsafe-inline'. */
  style: string;
  /**
   * Other style sheets allowed by their hash: a document the page opens from a blob: URL inherits this
   * page's policy (the dashboard's printable board), so its style must be allowed here.
   */
  otherStyles?: string[];
  body: Html;
  /** Same-origin module scripts, e.g. `/widget/keypass-page.js`; never inline script. */
  scripts?: string[];
  /** The page posts to its own server with fetch (connect-src 'self'). */
  fetches?: boolean;
  /** The page has a form that submits to its own server. */
  forms?: boolean;
  lang?: string;
}

export interface RenderedPage {
  html: string;
  /** The Content-Security-Policy that goes with exactly this page. */
  csp: string;
}

const styleHashes = new Map<string, string>();

export function styleHash(style: string): string {
  let hash = styleHashes.get(style);
  if (!hash) {
    hash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
    styleHashes.set(style, hash);
  }
  return hash;
}

/**
 * A page the server renders for people (keypass, cards, boards), with a policy that allows only what
 * the page needs: its own style by hash, scripts and images from this server, nothing inline.
 */
export function renderPage(parts: PageParts): RenderedPage {
  const scripts = parts.scripts ?? [];
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.length ? "'self'" : "'none'"}`,
    `style-src ${[parts.style, ...(parts.otherStyles ?? [])].map(styleHash).join(' ')}`,
    "img-src 'self'",
    `connect-src ${parts.fetches ? "'self'" : "'none'"}`,
    `form-action ${parts.forms ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const page = html`<!doctype html>
<html lang="${parts.lang ?? 'id'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${parts.title}</title>
<style>${new Html(parts.style)}</style>
${scripts.map((src) => html`<script type="module" src="${src}"></script>`)}
</head>
<body>${parts.body}</body>
</html>`;
  return { html: page.text, csp };
}
