import Router from '@koa/router';
import type { Sequelize } from 'sequelize';

/** For a proxy or orchestrator: 200 while this process can reach its database, 503 otherwise. */
export function healthRouter(sequelize: Sequelize, isShuttingDown: () => boolean = () => false): Router {
  const router = new Router();
  router.get('/healthz', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    if (isShuttingDown()) {
      ctx.status = 503;
      ctx.body = { status: 'shutting-down' };
      return;
    }
    try {
      await sequelize.query('SELECT 1');
      ctx.body = { status: 'ok' };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'unavailable', detail: 'The database is not answering.' };
    }
  });
  return router;
}
