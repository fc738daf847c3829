import type { Middleware } from 'koa';
import { ProblemError, problemType } from '../domain/problem.js';
import { ownOrigins } from './configured-host.js';

/**
 * Cross-origin rules of the API. Reading (employee, service types, indicators) is open to every site,
 * since any page may embed the widget. Writing a rating is open only to the server's own pages and
 * the sites in CORS_ORIGINS ("*" allows all): a disallowed origin gets no CORS headers on preflight
 * and a 403 if it posts anyway. Signed-in reading (a `<pacak-dashboard>` on an intranet page sends
 * `Authorization: Bearer …`) follows the same list as writing: a page that may sign in may read.
 */
export function apiCors(allowedOrigins: string[], publicBaseUrl: string): Middleware {
  const allowAll = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  const own = ownOrigins(publicBaseUrl);

  return async (ctx, next) => {
    const origin = ctx.get('origin');
    ctx.vary('Origin');
    const preflight = ctx.method === 'OPTIONS';
    const privileged =
      ctx.method === 'POST' ||
      ctx.method === 'DELETE' ||
      (preflight && ['POST', 'DELETE'].includes(ctx.get('access-control-request-method'))) ||
      Boolean(ctx.get('authorization')) ||
      (preflight && /(^|,)\s*authorization\s*(,|$)/i.test(ctx.get('access-control-request-headers')));
    // Our own origin comes from PUBLIC_BASE_URL only: the Host header is whatever the requesting page chose.
    const sameOrigin = !origin || own.has(origin);
    const mayWrite = sameOrigin || allowAll || allowed.has(origin);

    if (origin && (!privileged || mayWrite)) {
      ctx.set('Access-Control-Allow-Origin', privileged ? origin : '*');
      // Content-Disposition: the dashboard names a downloaded export as the server does.
      ctx.set('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Idempotent-Replayed, Content-Disposition, Content-Length');
    }
    if (preflight) {
      if (!privileged || mayWrite) {
        ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, DELETE');
        // X-Kiosk-Key: a counter tablet reads its work area's employees with it (GET /api/v1/kiosk/employees).
        // Authorization: only a listed site gets this far with it (privileged above).
        ctx.set('Access-Control-Allow-Headers', `Content-Type, X-Request-Id, X-Kiosk-Key${privileged ? ', Authorization' : ''}`);
        ctx.set('Access-Control-Max-Age', '600');
      }
      ctx.status = 204;
      return;
    }
    if ((ctx.method === 'POST' || ctx.method === 'DELETE') && !mayWrite) {
      throw new ProblemError({
        type: problemType('origin-not-allowed'),
        title: 'Origin not allowed',
        status: 403,
        detail: 'This site is not allowed to send ratings or signed-in requests. Its administrator can add it to CORS_ORIGINS.',
      });
    }
    await next();
  };
}
