import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Router from '@koa/router';
import { Html, html } from '../http/html.js';
import { notFound } from '../domain/problem.js';
import { embedDemoDir } from '../paths.js';
import type { Services } from '../services/index.js';

/** Pages the server renders itself: allow only its own scripts, and Lit's constructed styles. */
export const HOSTED_PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const PAGE_STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
main{max-width:34rem;margin:0 auto;padding:1rem}
header{padding:.75rem 1rem;background:#00695c;color:#fff;font-weight:600}
.notice{background:#fff;border-radius:12px;padding:1.25rem;margin-top:1rem;line-height:1.5}`;

function page(title: string, body: Html, lang = 'id', head: Html = html``): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${new Html(PAGE_STYLE)}</style>${head}
</head>
<body>${body}</body>
</html>`.text;
}

/**
 * What the widget asks the server for as soon as it runs (widget/src/api.ts, the same URLs), fetched
 * while its script is still on its way: on a slow line that saves a round trip or two before the
 * form is usable. `crossorigin` makes each preload match the widget's fetch (CORS mode, same-origin
 * credentials), so the browser uses it instead of asking again.
 */
function preloads(code: string): Html {
  // By public code, never the NIP (it spells a birth date): the page and its calls show only the code the QR holds.
  const param = encodeURIComponent(code);
  const urls = [
    `/api/v1/employees/by-code/${param}`,
    `/api/v1/service-types?code=${param}`,
    '/api/v1/indicators',
    `/api/v1/form-token?code=${param}`,
  ];
  return html`${urls.map(
    (url) => html`
<link rel="preload" href="${url}" as="fetch" crossorigin>`,
  )}`;
}

function notice(title: string, message: string): string {
  return page(title, html`<header>PACAK</header><main><div class="notice"><h1>${title}</h1><p>${message}</p></div></main>`);
}

/** The hosted rating page a QR code opens, the embed demo at `/`, and the widget bundle's route. */
export function hostedPagesRouter(services: Services): Router {
  const router = new Router();

  router.get('/', async (ctx) => {
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.body = await readFile(join(embedDemoDir, 'index.html'), 'utf8').catch(() => {
      throw notFound('The embed demo page is missing from this installation.');
    });
  });

  router.get('/r/:code', async (ctx) => {
    const code = (ctx.params.code ?? '').toUpperCase();
    const found = /^[0-9A-Z]{4,16}$/.test(code) ? await services.catalogue.resolveCode(code) : null;
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.set('Cache-Control', 'no-cache');
    if (found === null) {
      ctx.status = 404;
      ctx.body = notice(
        'Halaman tidak ditemukan',
        'Kode QR ini tidak dikenal. Mohon pindai ulang kode QR petugas, atau tanyakan kepada petugas kami.',
      );
      return;
    }
    if (found === 'replaced') {
      ctx.status = 410;
      ctx.body = notice(
        'Kode QR ini sudah tidak berlaku',
        'Petugas ini sudah mendapat kode QR baru. Mohon minta petugas menunjukkan kode QR terbarunya. Terima kasih atas kesediaan Anda memberi penilaian.',
      );
      return;
    }
    const { employee, office } = found;
    // A one-service code (?t=) from the employee's keypass page makes the rating verified. One that
    // is spent, expired or not this employee's is left out: the customer can still rate, unverified.
    const token = typeof ctx.query.t === 'string' ? ctx.query.t : '';
    const usable = token !== '' && (await services.qr.serviceTokens.usableFor(token, employee.id));
    if (token) ctx.set('Cache-Control', 'no-store');
    const stale = html`<div class="notice" role="note">Kode sekali pakai ini sudah tidak berlaku (sudah dipakai atau
kedaluwarsa). Anda tetap dapat memberi penilaian di bawah ini.</div>`;
    ctx.body = page(
      `Penilaian pelayanan ${employee.name}`,
      html`<header>${office.name}</header>
<main>${token && !usable ? stale : ''}<pacak-rating code="${found.code}" channel="qr"${
        usable ? html` service-token="${token}"` : ''
      }></pacak-rating></main>
<script type="module" src="/widget/pacak-rating.js"></script>`,
      'id',
      preloads(found.code),
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
