import Koa, { type Middleware } from 'koa';
import type { Sequelize } from 'sequelize';
import type { Config } from './config.js';
import { authenticate, requireRole } from './http/auth.js';
import { refuseControlCharactersInUrl } from './http/control-characters.js';
import { requireConfiguredHost } from './http/configured-host.js';
import { apiCors } from './http/cors.js';
import { errorMiddleware } from './http/error-middleware.js';
import { createLogger, type Logger } from './logger.js';
import { adminPageRouter } from './routes/admin-page.js';
import { apiRouter, BODY_LIMIT } from './routes/api.js';
import { boardRouter } from './routes/board.js';
import { healthRouter } from './routes/health.js';
import { hostedPagesRouter } from './routes/hosted-pages.js';
import { keypassRouter } from './routes/keypass.js';
import { embedPageRouter } from './routes/embed-page.js';
import { employeePageRouter } from './routes/employee-page.js';
import { kioskPageRouter } from './routes/kiosk-page.js';
import { qrRouter } from './routes/qr.js';
import { ratingIntakeFastPath } from './routes/rating-intake.js';
import { skmPagesRouter } from './routes/skm-pages.js';
import { skmPublishedRouter } from './routes/skm-publications.js';
import { widgetAssetsRouter } from './routes/widget-assets.js';
import type { Services } from './services/index.js';

/** Admin, report and sign-in answers hold personal data and tokens: no cache keeps them. */
const PRIVATE_PATHS = /^\/api\/v1\/(admin|reports|auth|shared|employee)(\/|$)/;

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

  // Before CORS and routing: no route, and so no database, ever sees a control character from the URL.
  app.use(refuseControlCharactersInUrl());
  app.use(requireConfiguredHost(config.publicBaseUrl));

  // CORS runs before routing: a preflight (OPTIONS) matches no route of its own.
  const cors = apiCors(services.origins, config.publicBaseUrl);
  app.use((ctx, next) => (ctx.path.startsWith('/api/') ? cors(ctx, next) : next()));
  // Ratings are most of the traffic: their route answers before the routers match the path against every route.
  app.use(ratingIntakeFastPath(services, config.publicBaseUrl, BODY_LIMIT));

  // A board is for staff: signed in as an admin, a coordinator (their own work area) or a viewer.
  const signIn = authenticate(services.auth);
  const staffRoles = requireRole('admin', 'coordinator', 'viewer');
  const staffOnly: Middleware = (ctx, next) => signIn(ctx, () => staffRoles(ctx, next));
  const sharing = [qrRouter(services), keypassRouter(services), boardRouter(services, staffOnly)];
  for (const router of [
    apiRouter(services, config.publicBaseUrl),
    healthRouter(deps.sequelize, deps.isShuttingDown),
    widgetAssetsRouter(),
    hostedPagesRouter(services),
    skmPagesRouter(services, config.publicBaseUrl),
    skmPublishedRouter(services),
    ...sharing,
    kioskPageRouter(),
    embedPageRouter(),
    employeePageRouter(),
    adminPageRouter(),
  ]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}
