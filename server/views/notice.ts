import { html, type Html } from '../http/html.js';

export const NOTICE_STYLE = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
header{padding:.75rem 1rem;background:#00695c;color:#fff;font-weight:600}
main{max-width:34rem;margin:0 auto;padding:1rem}
.notice{background:#fff;border-radius:12px;padding:1.25rem;margin-top:1rem}
a{color:#00695c}`;

/** A short message page in Indonesian: a missing card, a lookup refused for too many tries. */
export function noticePage(
  title: string,
  message: string,
  link?: { href: string; text: string },
): { title: string; style: string; body: Html } {
  return {
    title,
    style: NOTICE_STYLE,
    body: html`<header>PACAK</header><main><div class="notice"><h1>${title}</h1><p>${message}</p>${
      link ? html`<p><a href="${link.href}">${link.text}</a></p>` : ''
    }</div></main>`,
  };
}
