import Router from '@koa/router';
import type { Context } from 'koa';
import { consolePage } from '../views/console-page.js';
import { dashboardPage } from '../views/dashboard-page.js';
import { renderPage, type PageParts } from '../views/page.js';

/**
 * `GET /admin` and every `GET /admin/...`: the office's console (`?lang=en` for English), one page for
 * every address, since the console routes in the browser and a copied address must open the same view.
 * `GET /dashboard`: the reports dashboard alone, as an intranet page shows `<pacak-dashboard>`.
 * The pages hold no data and need no sign-in to load: the elements sign in against the API and keep
 * their token in the tab. Their policy allows this server's scripts and requests only, and their style
 * sheets by hash: no inline script, no 'unsafe-inline' (Lit's styles are constructed style sheets,
 * which CSP leaves alone).
 */
export function adminPageRouter(): Router {
  const router = new Router();
  const send = (ctx: Context, parts: PageParts) => {
    const page = renderPage(parts);
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', page.csp);
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = page.html;
  };
  const lang = (ctx: Context) => (ctx.query.lang === 'en' ? 'en' : 'id');
  router.get(['/admin', '/admin/*rest'], (ctx) => send(ctx, consolePage(lang(ctx))));
  router.get('/dashboard', (ctx) => send(ctx, dashboardPage(lang(ctx))));
  return router;
}
