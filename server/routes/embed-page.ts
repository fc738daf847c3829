import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Router from '@koa/router';
import { notFound } from '../domain/problem.js';
import { embedDemoDir } from '../paths.js';
import { HOSTED_PAGE_CSP } from './hosted-pages.js';

/**
 * `GET /embed`: the webmaster's page that makes the snippet (embed-demo/embed.html). It is static; its
 * script is the widget build's second bundle, `/widget/pacak-embed-helper.js`, so the page runs under
 * the same strict policy as the hosted pages: scripts and requests to this server only, nothing inline.
 */
export function embedPageRouter(dir = embedDemoDir): Router {
  const router = new Router();
  router.get('/embed', async (ctx) => {
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = await readFile(join(dir, 'embed.html'), 'utf8').catch(() => {
      throw notFound('The embed page is missing from this installation.');
    });
  });
  return router;
}
