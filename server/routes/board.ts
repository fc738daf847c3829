import Router from '@koa/router';
import type { Middleware } from 'koa';
import { forbidden, notFound } from '../domain/problem.js';
import { requireSignIn, signedInViewer } from '../http/require-sign-in.js';
import type { Services } from '../services/index.js';
import { renderBoardPage } from '../views/printable-pages.js';

/**
 * `/board/<workAreaCode>`: the post coordinator's printable sheets with the card of every active
 * employee of their work area. Staff only: `authorize` must put the signed-in user in
 * `ctx.state.user`; until the admin sign-in is wired in, the placeholder answers 401 to everyone.
 */
export function boardRouter(services: Services, authorize: Middleware = requireSignIn): Router {
  const router = new Router();

  router.get('/board/:workAreaCode', authorize, async (ctx) => {
    const viewer = signedInViewer(ctx.state);
    // A guard that let an anonymous request through is a wiring mistake: fail closed.
    if (!viewer || viewer.officeId === null) return requireSignIn(ctx, async () => undefined);
    const workAreaCode = ctx.params.workAreaCode ?? '';
    if (viewer.workAreaCode !== null && viewer.workAreaCode !== workAreaCode) {
      throw forbidden('A coordinator prints the board of their own work area only.');
    }
    const board = await services.qr.cards.board(viewer.officeId, workAreaCode);
    if (!board) throw notFound('Your office has no active work area with that code.');
    const page = renderBoardPage(board);
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', page.csp);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = page.html;
  });

  return router;
}
