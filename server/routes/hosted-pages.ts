import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context } from 'koa';
import type { FormAnswer } from '../../contract/index.js';
import { Html, html } from '../http/html.js';
import { encodeOnce, sendCompressed, sendEncoded, type Encoded } from '../http/compressed.js';
import { notFound } from '../domain/problem.js';
import { embedDemoDir } from '../paths.js';
import type { Services } from '../services/index.js';
import { serveFavicon } from './favicon.js';
import { formAnswer } from './form-answer.js';
import { hostedWidget, type InlineWidget } from './hosted-widget.js';

/** Pages the server renders itself: allow only its own scripts, and Lit's constructed styles. */
export const HOSTED_PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The hosted page's policy when it carries scripts inline: those scripts exactly, by their hashes. */
const inlinePageCsp = (hashes: string[]): string => HOSTED_PAGE_CSP.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`);

const PAGE_STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
main{max-width:34rem;margin:0 auto;padding:1rem}
header{padding:.75rem 1rem;background:#00695c;color:#fff;font-weight:600}
.notice{background:#fff;border-radius:12px;padding:1.25rem;margin-top:1rem;line-height:1.5}
nav{margin:0 0 .5rem;text-align:end}nav a{color:#00564b;display:inline-block;min-height:24px;padding:.25rem}
html[lang=id] .en,html[lang=en] .id{display:none}`;

export type PageLang = 'id' | 'en';

/**
 * The language of a hosted customer page: `?lang=id|en` when the customer chose one (the page's
 * switch), else the browser's Accept-Language, else Indonesian. The answer varies by that header.
 */
export function pageLang(ctx: Context): PageLang {
  ctx.vary('Accept-Language');
  const asked = ctx.query.lang;
  if (asked === 'en' || asked === 'id') return asked;
  return ctx.acceptsLanguages('id', 'en') === 'en' ? 'en' : 'id';
}

/** Words of the hosted rating page, Indonesian first. */
const WORDS = {
  id: {
    title: (name: string) => `Penilaian pelayanan ${name}`,
    stale: 'Kode sekali pakai ini sudah tidak berlaku (sudah dipakai atau kedaluwarsa). Anda tetap dapat memberi penilaian di bawah ini.',
    other: 'English',
  },
  en: {
    title: (name: string) => `Rating the service of ${name}`,
    stale: 'This one-time code is no longer valid (used or expired). You can still rate below.',
    other: 'Bahasa Indonesia',
  },
};

/**
 * The id/en switch: a plain link that reloads the page in the other language (query kept), which the
 * pages script turns into a switch in place, so what the customer typed stays. Both links are in the
 * page; the style shows the one to the language not shown.
 */
function langSwitch(ctx: Context, titles: Record<PageLang, string>): Html {
  const link = (lang: PageLang) => {
    const query = new URLSearchParams(ctx.querystring);
    query.set('lang', lang);
    const other = lang === 'en' ? 'id' : 'en';
    return html`<a class="${other}" href="?${query.toString()}" lang="${lang}" hreflang="${lang}" data-lang="${lang}" data-title="${
      titles[lang]
    }">${WORDS[other].other}</a>`;
  };
  return html`<nav>${link('en')}${link('id')}</nav>`;
}

function page(title: string, body: Html, lang = 'id', head: Html = html``): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" href="/favicon.ico">
<style>${new Html(PAGE_STYLE)}</style>${head}
</head>
<body>${body}</body>
</html>`.text;
}

/**
 * What the widget asks the server for as soon as it runs (widget/src/api.ts, the same URL: the whole
 * form in one answer), fetched while its script is still on its way: on a slow line the form is usable
 * as soon as the script has run. `crossorigin` makes the preload match the widget's fetch (CORS mode,
 * same-origin credentials), so the browser uses it instead of asking again.
 */
function preloads(code: string): Html {
  // By public code, never the NIP (it spells a birth date): the page and its calls show only the code the QR holds.
  return html`
<link rel="modulepreload" href="/widget/pacak-rating.js">
<link rel="preload" href="/api/v1/employees/by-code/${encodeURIComponent(code)}/form" as="fetch" crossorigin>`;
}

function notice(title: string, message: string, lang: PageLang = 'id'): string {
  return page(title, html`<header>PACAK</header><main><div class="notice"><h1>${title}</h1><p>${message}</p></div></main>`, lang);
}

/**
 * The hosted page's scripts when it carries them inline, with the form's answer: one round trip to a
 * usable form. The answer is a data block at the address the widget asks, which the pages script (first,
 * so before the widget runs) answers that request from (widget/src/pages/carried-form.ts); `<` is escaped so that no text in it can end the element.
 */
function inlineScripts(widget: InlineWidget, code: string, answer: FormAnswer): Html {
  const json = JSON.stringify(answer).replace(/</g, '\\u003c');
  return html`<script type="application/json" data-pacak-form="/api/v1/employees/by-code/${encodeURIComponent(code)}/form">${new Html(json)}</script>
<script type="module">${new Html(widget.pages)}</script>
<script type="module">${new Html(widget.rating)}</script>`;
}

/** The hosted rating page a QR code opens, the embed demo at `/`, and the icon of every page. */
export function hostedPagesRouter(services: Services): Router {
  const router = new Router();
  const inline = hostedWidget();
  router.use(inline.router.routes());

  router.get('/favicon.ico', serveFavicon);

  // The demo is a static file, read and compressed once (looked for again while it is missing).
  let demo: Promise<Encoded | null> | undefined;
  router.get('/', async (ctx) => {
    demo ??= readFile(join(embedDemoDir, 'index.html')).then(encodeOnce, () => null);
    const page = await demo;
    if (!page) {
      demo = undefined;
      throw notFound('The embed demo page is missing from this installation.');
    }
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.set('Cache-Control', 'no-cache');
    sendEncoded(ctx, page);
  });

  router.get('/r/:code', async (ctx) => {
    const code = (ctx.params.code ?? '').toUpperCase();
    const found = /^[0-9A-Z]{4,16}$/.test(code) ? await services.catalogue.resolveCode(code) : null;
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.set('Cache-Control', 'no-cache');
    const lang = pageLang(ctx);
    const en = lang === 'en';
    if (found === null) {
      ctx.status = 404;
      ctx.body = en
        ? notice('Page not found', "This QR code is not known. Please scan the officer's QR code again, or ask the officer.", lang)
        : notice(
            'Halaman tidak ditemukan',
            'Kode QR ini tidak dikenal. Silakan pindai ulang kode QR petugas, atau tanyakan kepada petugas.',
          );
      return;
    }
    if (found === 'replaced') {
      ctx.status = 410;
      ctx.body = en
        ? notice(
            'This QR code is no longer valid',
            'This officer has a new QR code. Please ask the officer to show the new one. Thank you for taking the time to rate.',
            lang,
          )
        : notice(
            'Kode QR ini sudah tidak berlaku',
            'Petugas ini sudah mendapat kode QR baru. Silakan minta petugas menunjukkan kode QR terbarunya. Terima kasih atas kesediaan Anda memberi penilaian.',
          );
      return;
    }
    const { employee, office } = found;
    // A one-service code (?t=) from the employee's keypass page makes the rating verified. One that
    // is spent, expired or not this employee's is left out: the customer can still rate, unverified.
    const token = typeof ctx.query.t === 'string' ? ctx.query.t : '';
    const usable = token !== '' && (await services.qr.serviceTokens.usableFor(token, employee.id));
    if (token) ctx.set('Cache-Control', 'no-store');
    // Both languages' notice is in the page; the style shows the page language's, the switch keeps it right.
    const stale = html`<div class="notice" role="note"><span class="id" lang="id">${WORDS.id.stale}</span><span class="en" lang="en">${
      WORDS.en.stale
    }</span></div>`;
    const titles = { id: WORDS.id.title(employee.name), en: WORDS.en.title(employee.name) };
    // The widget's script and the form's answer in the page itself: one round trip to a usable form. The
    // answer counts as one employee lookup of this address, as the widget's own request would; past the
    // limit (or with no widget build to inline) the page loads both as before, and the widget says why.
    const widget = await inline.get();
    const lookup = widget && (await services.qr.limits.employees.hit(services.addressHash(ctx.ip)));
    const answer = widget && lookup && lookup.allowed ? await formAnswer(services, found, true, null) : null;
    const scripts =
      widget && answer
        ? inlineScripts(widget, found.code, answer)
        : html`<script type="module" src="/widget/pacak-rating.js"></script>
<script type="module" src="/widget/pacak-pages.js"></script>`;
    if (widget && answer) {
      ctx.set('Content-Security-Policy', inlinePageCsp(widget.hashes));
      // The answer's form token is new in each page: no cache may keep one to hand out again.
      ctx.set('Cache-Control', 'no-store');
    }
    sendCompressed(
      ctx,
      page(
        titles[lang],
        html`<header>${office.name}</header>
<main>${langSwitch(ctx, titles)}${token && !usable ? stale : ''}<pacak-rating code="${found.code}" channel="qr" lang="${lang}"${
          usable ? html` service-token="${token}"` : ''
        }></pacak-rating></main>
${scripts}`,
        lang,
        answer ? html`` : preloads(found.code),
      ),
    );
  });

  // The office's own rating page: the customer picks who served them, then rates them as on /r/<code>.
  router.get('/o/:office', async (ctx) => {
    const officeCode = ctx.params.office ?? '';
    const en = ctx.query.lang === 'en';
    const list = await services.catalogue.officeEmployees(officeCode);
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.set('Cache-Control', 'no-cache');
    if (!list) {
      ctx.status = 404;
      ctx.body = notice(
        'Halaman tidak ditemukan',
        'Kantor ini tidak dikenal. Mohon pindai ulang kode QR kantor, atau tanyakan kepada petugas kami. (Unknown office.)',
      );
      return;
    }
    const other = en
      ? html`<a href="?lang=id" lang="id" hreflang="id">Bahasa Indonesia</a>`
      : html`<a href="?lang=en" lang="en" hreflang="en">English</a>`;
    ctx.body = page(
      en ? `Rate our service: ${list.office.name}` : `Penilaian pelayanan ${list.office.name}`,
      html`<header><h1>${list.office.name}</h1> ${other}</header>
<main><pacak-rating office="${list.office.code}" channel="qr" lang="${en ? 'en' : 'id'}"></pacak-rating></main>
<script type="module" src="/widget/pacak-rating.js"></script>`,
      en ? 'en' : 'id',
      html`
<style>header{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}header h1{margin:0;font-size:1rem}header a{display:inline-block;min-height:24px;color:#fff;font-weight:400}</style>
<link rel="preload" href="/api/v1/offices/${encodeURIComponent(list.office.code)}/employees" as="fetch" crossorigin>`,
    );
  });

  return router;
}
