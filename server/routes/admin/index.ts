import type { Middleware } from 'koa';
import Router from '@koa/router';
import { adminJsonBody } from '../../http/admin-body.js';
import { authenticate } from '../../http/auth.js';
import type { Services } from '../../services/index.js';
import { allowedOriginRoutes } from './allowed-origins.js';
import { catalogueRoutes } from './catalogue.js';
import { employeeRoutes, importRoutes } from './employees.js';
import { kioskKeyRoutes } from './kiosk-keys.js';
import { moderationRoutes } from './moderation.js';
import { userRoutes } from './users.js';

export const ADMIN_PREFIX = '/api/v1/admin';

/**
 * The management API under /api/v1/admin. Every route first authenticates (401 without a valid
 * token), then checks the role (403), and the services check the office and work area of whatever
 * is named in the URL (404 for another office's things). Bodies are read only after that.
 * Two routers: the CSV import reads text/csv up to 1 MB, every other route small JSON.
 */
export function adminRouters(services: Services, jsonLimit: number): Router[] {
  // A write may change what the public routes show (an employee, a service type, a code):
  // this process's cached copy is dropped at once; other processes follow within the cache time.
  const refreshCatalogue: Middleware = async (ctx, next) => {
    await next();
    if (ctx.method !== 'GET' && ctx.status < 400) services.catalogue.invalidate();
  };
  const imports = new Router({ prefix: ADMIN_PREFIX });
  imports.use(authenticate(services.auth), refreshCatalogue);
  importRoutes(imports, services);

  const router = new Router({ prefix: ADMIN_PREFIX });
  router.use(authenticate(services.auth), refreshCatalogue, adminJsonBody(jsonLimit));
  userRoutes(router, services);
  catalogueRoutes(router, services);
  employeeRoutes(router, services);
  moderationRoutes(router, services);
  kioskKeyRoutes(router, services);
  allowedOriginRoutes(router, services);
  return [imports, router];
}
