/**
 * The floor for rating intake: a bare Koa route that reads the same JSON body, parses it and answers
 * 201 with a receipt-shaped body, nothing else. It runs in a child process of its own, like the real
 * server, and tells its parent its URL over IPC.
 */
import { randomUUID } from 'node:crypto';
import Koa from 'koa';

const app = new Koa();
let id = 0;
app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/api/v1/ratings') {
    ctx.status = 404;
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { clientId?: string };
  ctx.status = 201;
  ctx.body = { id: ++id, receipt: (body.clientId ?? randomUUID()).slice(0, 11).toUpperCase(), createdAt: new Date().toISOString() };
});

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ ready: true, url: `http://127.0.0.1:${port}` });
});
server.keepAliveTimeout = 5_000;
process.on('message', (message) => {
  if (message === 'close') server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
