import type { Context, Middleware } from 'koa';
import { headerOrigin } from '../domain/origins.js';
import { ProblemError, problemType } from '../domain/problem.js';
import { ownOrigins } from './configured-host.js';
import type { AllowedOrigins } from '../services/embedding/allowed-origins.js';

/**
 * The site a request came from when it is another site than this server: null for the server's own
 * pages and for clients that send no Origin (browsers leave it out of same-origin GETs).
 */
export function foreignOrigin(ctx: Context, publicBaseUrl: string): string | null {
  const origin = headerOrigin(ctx.get('origin') || undefined);
  if (!origin) return null;
  // The server's own origin comes from PUBLIC_BASE_URL only: the Host header is whatever the requesting page chose.
  return ownOrigins(publicBaseUrl).has(origin) ? null : origin;
}

/** A malformed or "null" Origin names no site: only CORS_ORIGINS=* lets it write. */
async function mayOriginWrite(ctx: Context, allowed: AllowedOrigins, publicBaseUrl: string): Promise<boolean> {
  const foreign = foreignOrigin(ctx, publicBaseUrl);
  if (foreign !== null) return allowed.allowedAnywhere(foreign);
  return headerOrigin(ctx.get('origin')) !== null || allowed.installWide('*');
}

/** The 403 a rating (or a signed-in request) from a site that is not allowed gets. */
export function originNotAllowed(origin: string): ProblemError {
  return new ProblemError({
    type: problemType('origin-not-allowed'),
    title: 'Origin not allowed',
    status: 403,
    detail: `Pages of ${origin} may not send ratings to this office. An administrator of the office adds ${origin} to its allowed sites (console, or POST /api/v1/admin/allowed-origins).`,
    origin,
  });
}

/**
 * Cross-origin rules of the API. Reading (employee, service types, indicators) is open to every site,
 * since any page may embed the widget. Writing a rating is open only to the server's own pages and
 * the sites in CORS_ORIGINS ("*" allows all): a disallowed origin gets no CORS headers on preflight
 * and a 403 if it posts anyway. Signed-in reading (a `<pacak-dashboard>` on an intranet page sends
 * `Authorization: Bearer …`) follows the same list as writing: a page that may sign in may read.
 */
export function apiCors(allowed: AllowedOrigins, publicBaseUrl: string): Middleware {
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
    const mayWrite = !origin || !privileged || (await mayOriginWrite(ctx, allowed, publicBaseUrl));

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
    if ((ctx.method === 'POST' || ctx.method === 'DELETE') && !mayWrite) throw originNotAllowed(origin);
    await next();
  };
}
