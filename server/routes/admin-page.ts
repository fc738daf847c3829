import Router from '@koa/router';
import { dashboardPage } from '../views/dashboard-page.js';
import { renderPage } from '../views/page.js';

/**
 * `GET /admin`: the leaders' dashboard (`?lang=en` for English). The page holds no data and needs no
 * sign-in to load: `<pacak-dashboard>` signs in against the API and keeps its token in the tab.
 * Its policy allows this server's scripts and requests only, and its one style sheet by hash: no
 * inline script, no 'unsafe-inline' (Lit's styles are constructed style sheets, which CSP leaves alone).
 */
export function adminPageRouter(): Router {
  const router = new Router();
  router.get('/admin', (ctx) => {
    const page = renderPage(dashboardPage(ctx.query.lang === 'en' ? 'en' : 'id'));
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', page.csp);
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = page.html;
  });
  return router;
}
