import Koa, { type Middleware } from 'koa';
import Router from '@koa/router';
import type { Sequelize } from 'sequelize';
import type { Config } from './config.js';
import { authenticate, requireRole } from './http/auth.js';
import { apiCors } from './http/cors.js';
import { errorMiddleware } from './http/error-middleware.js';
import { jsonBody } from './http/json-body.js';
import { createLogger, type Logger } from './logger.js';
import { adminRouters } from './routes/admin/index.js';
import { adminPageRouter } from './routes/admin-page.js';
import { authRouter } from './routes/auth.js';
import { boardRouter } from './routes/board.js';
import { healthRouter } from './routes/health.js';
import { hostedPagesRouter } from './routes/hosted-pages.js';
import { keypassRouter } from './routes/keypass.js';
import { embedPageRouter } from './routes/embed-page.js';
import { kioskRouter } from './routes/kiosk.js';
import { publicApiRouter } from './routes/public-api.js';
import { reportsRouter, sharedReportsRouter } from './routes/reports.js';
import { qrRouter } from './routes/qr.js';
import { serviceTokensRouter } from './routes/service-tokens.js';
import { siteCheckRouter } from './routes/site-check.js';
import { widgetAssetsRouter } from './routes/widget-assets.js';
import type { Services } from './services/index.js';

/** Largest request body accepted: a rating with a 1000-character comment is well under 4 KB. */
export const BODY_LIMIT = 16 * 1024;

/** Admin, report and sign-in answers hold personal data and tokens: no cache keeps them. */
const PRIVATE_PATHS = /^\/api\/v1\/(admin|reports|auth|shared)(\/|$)/;

/**
 * Headers on every response. The CSP is the strictest there is (no script, no style, no frame): every
 * page sets the policy it needs over it, so a page that forgot to gets a blank page, not an open one.
 * No page may be framed (clickjacking a rating or a sign-in); the widget is a script and a custom
 * element, never a frame, so it embeds anywhere all the same. HSTS once the public address is https.
 */
function headersFor(publicBaseUrl: string): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    ...(publicBaseUrl.startsWith('https://') ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

export interface AppDeps {
  sequelize: Sequelize;
  services: Services;
  logger?: Logger;
  isShuttingDown?: () => boolean;
}

/** Builds the Koa app without listening, so tests and main.ts each decide where it runs. */
export function createApp(config: Config, deps: AppDeps): Koa {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const { services } = deps;
  // Behind one reverse proxy: the client address is the last one in X-Forwarded-For, the one our proxy
  // added; addresses before it are whatever the client wrote, and must not pick its rate-limit key.
  const app = new Koa({ proxy: config.trustProxy, maxIpsCount: 1 });
  app.silent = true;
  const securityHeaders = headersFor(config.publicBaseUrl);

  app.use(errorMiddleware(logger));
  app.use(async (ctx, next) => {
    ctx.set(securityHeaders);
    if (PRIVATE_PATHS.test(ctx.path)) ctx.set('Cache-Control', 'no-store');
    try {
      await next();
    } finally {
      // Shutting down: the client reconnects (a proxy sends it elsewhere) and this process need not wait for it.
      if (deps.isShuttingDown?.()) ctx.set('Connection', 'close');
    }
  });

  // CORS runs before routing: a preflight (OPTIONS) matches no route of its own.
  const cors = apiCors(services.origins, config.publicBaseUrl);
  app.use((ctx, next) => (ctx.path.startsWith('/api/') ? cors(ctx, next) : next()));

  const api = new Router({ prefix: '/api/v1' });
  api.use(jsonBody(BODY_LIMIT));
  const publicApi = publicApiRouter(services, config.publicBaseUrl);
  api.use(publicApi.routes(), publicApi.allowedMethods());
  const auth = authRouter(services);
  api.use(auth.routes(), auth.allowedMethods());
  const siteCheck = siteCheckRouter(services);
  api.use(siteCheck.routes(), siteCheck.allowedMethods());
  const serviceTokens = serviceTokensRouter(services);
  api.use(serviceTokens.routes(), serviceTokens.allowedMethods());

  // A board is for staff: signed in as an admin, a coordinator (their own work area) or a viewer.
  const signIn = authenticate(services.auth);
  const staffRoles = requireRole('admin', 'coordinator', 'viewer');
  const staffOnly: Middleware = (ctx, next) => signIn(ctx, () => staffRoles(ctx, next));
  const sharing = [qrRouter(services), keypassRouter(services), boardRouter(services, staffOnly)];
  for (const router of [
    ...adminRouters(services, BODY_LIMIT),
    reportsRouter(services, BODY_LIMIT),
    sharedReportsRouter(services),
    api,
    healthRouter(deps.sequelize, deps.isShuttingDown),
    widgetAssetsRouter(),
    hostedPagesRouter(services),
    ...sharing,
    kioskRouter(services),
    embedPageRouter(),
    adminPageRouter(),
  ]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}
