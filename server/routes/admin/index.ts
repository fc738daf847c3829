import type { Middleware } from 'koa';
import Router from '@koa/router';
import { authenticate } from '../../http/auth.js';
import { jsonBody } from '../../http/json-body.js';
import type { Services } from '../../services/index.js';
import { appraisalRoutes } from './appraisal.js';
import { attendanceImportRoute } from './attendance.js';
import { allowedOriginRoutes } from './allowed-origins.js';
import { catalogueRoutes } from './catalogue.js';
import { employeePinRoutes } from './employee-pins.js';
import { employeePhotoRoute, employeeRoutes, importRoutes } from './employees.js';
import { feedbackRoutes } from './feedback.js';
import { kioskKeyRoutes } from './kiosk-keys.js';
import { letterheadLogoRoute, letterheadRoutes } from './letterhead.js';
import { moderationRoutes } from './moderation.js';
import { reportSubscriptionRoutes } from './report-subscriptions.js';
import { userRoutes } from './users.js';

/**
 * The management API, mounted at /api/v1/admin. Every route first authenticates (401 without a
 * valid token), then checks the role (403), and the services check the office and work area of
 * whatever is named in the URL (404 for another office's things). Bodies are read only after the
 * sign-in: the CSV import reads text/csv up to 1 MB after its role check too, every later route
 * small JSON that an action without fields may leave out.
 */
export function adminRouter(services: Services, jsonLimit: number): Router {
  // A write may change what the public routes show (an employee, a service type, a code):
  // this process's cached copy is dropped at once; other processes follow within the cache time.
  const refreshCatalogue: Middleware = async (ctx, next) => {
    await next();
    if (ctx.method !== 'GET' && ctx.status < 400) services.catalogue.invalidate();
  };
  const router = new Router();
  router.use(authenticate(services.auth), refreshCatalogue);
  // Registered before the JSON reader, which a route's handler never passes on to: the import's
  // text/csv body is never taken for JSON.
  importRoutes(router, services);
  letterheadLogoRoute(router, services);
  employeePhotoRoute(router, services);
  attendanceImportRoute(router, services);
  router.use(jsonBody({ limit: jsonLimit, optional: true }));
  userRoutes(router, services);
  catalogueRoutes(router, services);
  employeeRoutes(router, services);
  employeePinRoutes(router, services);
  moderationRoutes(router, services);
  feedbackRoutes(router, services);
  kioskKeyRoutes(router, services);
  appraisalRoutes(router, services);
  letterheadRoutes(router, services);
  allowedOriginRoutes(router, services);
  reportSubscriptionRoutes(router, services);
  return router;
}
