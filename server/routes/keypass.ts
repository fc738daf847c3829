import Router from '@koa/router';
import type { Context } from 'koa';
import type { Services } from '../services/index.js';
import { keypassPage } from '../views/keypass.js';
import { noticePage } from '../views/notice.js';
import { PAGES_SCRIPT, renderPage, type PageParts } from '../views/page.js';
import { renderCardPage } from '../views/printable-pages.js';

function send(ctx: Context, parts: PageParts, status = 200): void {
  const page = renderPage(parts);
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', page.csp);
  // Pages about one named employee: not for shared caches, not kept after leaving.
  ctx.set('Cache-Control', 'no-store');
  ctx.body = page.html;
}

/**
 * The employee's own pages: `/keypass`, where they type their NIP and get their QR code, downloads,
 * link and one-service codes; and `/card/<nip>`, their printable card (`?layout=tent` for a desk tent).
 * Lookups are limited per client address; the page never lists or suggests other employees.
 */
export function keypassRouter(services: Services): Router {
  const router = new Router();
  const { qr } = services;

  /** True when this address may look one more employee up; otherwise the page says when to come back. */
  const mayLookUp = async (ctx: Context): Promise<boolean> => {
    const decision = await qr.limits.lookups.hit(services.addressHash(ctx.ip));
    if (decision.allowed) return true;
    ctx.set('Retry-After', String(decision.retryAfterSeconds));
    send(ctx, { ...keypassPage({ state: 'limited', retryAfterSeconds: decision.retryAfterSeconds }), forms: true }, 429);
    return false;
  };

  router.get('/keypass', async (ctx) => {
    // People copy NIPs from letters with spaces between the groups of digits.
    const typed = typeof ctx.query.nip === 'string' ? ctx.query.nip.replace(/\s+/g, '').slice(0, 40) : '';
    const parts = { scripts: [PAGES_SCRIPT], forms: true, fetches: true };
    if (!typed) return send(ctx, { ...keypassPage({ state: 'ask' }), ...parts });
    if (!(await mayLookUp(ctx))) return;
    const employee = await qr.employees.find(typed);
    if (!employee) return send(ctx, { ...keypassPage({ state: 'unknown', typed }), ...parts }, 404);
    send(ctx, { ...keypassPage({ state: 'found', employee, serviceTokenMinutes: qr.serviceTokens.minutes }), ...parts });
  });

  router.get('/card/:nip', async (ctx) => {
    if (!(await mayLookUp(ctx))) return;
    const layout = ctx.query.layout === 'tent' ? 'tent' : 'a6';
    const card = await qr.cards.card(ctx.params.nip ?? '');
    if (!card) {
      const notice = noticePage(
        'Kartu tidak ditemukan',
        'Tidak ada pegawai aktif dengan NIP atau kode pegawai ini. Periksa kembali NIP Anda di halaman kode QR.',
        { href: '/keypass', text: 'Ke halaman kode QR saya' },
      );
      return send(ctx, notice, 404);
    }
    const page = renderCardPage(card, layout);
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', page.csp);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = page.html;
  });

  return router;
}
