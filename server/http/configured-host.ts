import type { Middleware } from 'koa';
import { ProblemError, problemType } from '../domain/problem.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origins that count as the server's own: PUBLIC_BASE_URL's, never one made from the Host header
 * (a DNS-rebinding page names any host it likes). When that address is on loopback (development and the
 * tests, where it defaults to http://localhost:PORT), the other spellings of loopback on the same port
 * are the same server too, so a page opened at 127.0.0.1 may post as one opened at localhost.
 */
export function ownOrigins(publicBaseUrl: string): Set<string> {
  const url = new URL(publicBaseUrl);
  const origins = new Set([url.origin]);
  if (LOOPBACK.has(url.hostname)) {
    const port = url.port ? `:${url.port}` : '';
    for (const host of LOOPBACK) origins.add(`${url.protocol}//${host}${port}`);
  }
  return origins;
}

/** The hosts (with port where not the default) a request may name: PUBLIC_BASE_URL's and, on loopback, its other spellings. */
export function configuredHosts(publicBaseUrl: string): Set<string> {
  return new Set([...ownOrigins(publicBaseUrl)].map((origin) => new URL(origin).host));
}

/**
 * Refuses with 421 (Misdirected Request) a browser request, one with an Origin header, whose Host is
 * not the configured one: the server answers CORS from it, and a page reached under another name (DNS
 * rebinding: an attacker's name pointed at this server) must not be served as if it were ours. Requests
 * without an Origin (curl, a proxy's health check) are not concerned. Behind a reverse proxy the proxy
 * must pass the Host on (nginx `proxy_set_header Host $host`), or X-Forwarded-Host with TRUST_PROXY=1.
 */
export function requireConfiguredHost(publicBaseUrl: string): Middleware {
  const hosts = configuredHosts(publicBaseUrl);
  return async (ctx, next) => {
    if (ctx.get('origin') && !hosts.has(ctx.host.toLowerCase())) {
      throw new ProblemError({
        type: problemType('misdirected-request'),
        title: 'Misdirected request',
        status: 421,
        detail: `This server answers as ${new URL(publicBaseUrl).host}, not as the host this request named.`,
      });
    }
    await next();
  };
}
