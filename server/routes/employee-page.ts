import Router from '@koa/router';
import { employeePage } from '../views/employee-page.js';
import { renderPage } from '../views/page.js';
import { pageLang } from './hosted-pages.js';

/**
 * `GET /saya`: an employee's own page, Indonesian unless `?lang=en` or the browser asks for English.
 * Its policy allows this server's scripts, requests and images (the QR code) only, and its style by hash.
 */
export function employeePageRouter(): Router {
  const router = new Router();
  router.get('/saya', (ctx) => {
    const page = renderPage(employeePage(pageLang(ctx)));
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', page.csp);
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = page.html;
  });
  return router;
}
