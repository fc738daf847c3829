import Router from '@koa/router';
import { jsonBody } from '../http/json-body.js';
import type { Services } from '../services/index.js';
import { adminRouter } from './admin/index.js';
import { authRouter } from './auth.js';
import { employeePhotosRouter } from './employee-photos.js';
import { employeeSelfRouter } from './employee-self.js';
import { kioskRouter } from './kiosk.js';
import { officesRouter } from './offices.js';
import { publicApiRouter } from './public-api.js';
import { reportsRouter, sharedReportsRouter } from './reports.js';
import { serviceTokensRouter } from './service-tokens.js';
import { siteCheckRouter } from './site-check.js';
import { skmPublicRouter } from './skm-public.js';
import { skmPublicationAdminRouter } from './skm-publications.js';
import { skmAdminRouter, skmReportsRouter } from './skm-reports.js';

/** Where every route of the API lives; version 2 would be a router of its own beside it. */
export const API_PREFIX = '/api/v1';

/** Largest JSON body accepted: a rating with a 1000-character comment is well under 4 KB. */
export const BODY_LIMIT = 16 * 1024;

/**
 * Every `/api/v1` route, as routers per resource nested under one router with one JSON reader.
 * Order matters where bodies are read: a route's handler never passes on to what comes after it,
 * so middleware applies to the routes registered below it. The admin API comes first, because it
 * checks the sign-in before it reads a body (its own use of the reader, where an action without
 * fields may send none); every route below takes the API's reader, where a POST must carry JSON
 * (the report API's new share link too, read before its sign-in).
 */
export function apiRouter(services: Services, publicBaseUrl: string): Router {
  const api = new Router({ prefix: API_PREFIX });
  // The survey's admin and report routes sign in before they read a body, like the admin API.
  api.use(skmPublicationAdminRouter(services, BODY_LIMIT).routes());
  api.use(skmAdminRouter(services, BODY_LIMIT).routes());
  api.use(skmReportsRouter(services).routes());
  api.use('/admin', adminRouter(services, BODY_LIMIT).routes());
  api.use(jsonBody({ limit: BODY_LIMIT }));
  api.use('/reports', reportsRouter(services).routes());
  api.use('/shared', sharedReportsRouter(services).routes());
  api.use('/kiosk', kioskRouter(services).routes());
  api.use(publicApiRouter(services, publicBaseUrl).routes());
  api.use(employeePhotosRouter(services).routes());
  api.use(officesRouter(services).routes());
  api.use(authRouter(services).routes());
  api.use('/employee', employeeSelfRouter(services).routes());
  api.use(serviceTokensRouter(services).routes());
  api.use(siteCheckRouter(services).routes());
  api.use(skmPublicRouter(services).routes());
  return api;
}
