import Router from '@koa/router';
import { kioskPage } from '../views/kiosk-page.js';
import { HOSTED_PAGE_CSP } from './hosted-pages.js';

/** `GET /kiosk`: the counter tablet's page (the key travels after `#`, see views/kiosk-page.ts). */
export function kioskPageRouter(): Router {
  const router = new Router();
  router.get('/kiosk', (ctx) => {
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = kioskPage();
  });
  return router;
}
