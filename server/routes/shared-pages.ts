import type { Context } from 'koa';
import { ProblemError } from '../domain/problem.js';
import type { ShareGrant } from '../services/reports/share-links.js';
import { renderPage } from '../views/page.js';
import { sharedPage, type SharedReportData, type Verdict } from '../views/shared-page.js';
import type { PageLang } from '../views/shared-page-strings.js';

/**
 * Links that people open (share links, the evidence PDF's verification address) answer a page to a
 * browser and JSON to API clients, from the same address: a browser's Accept puts text/html first,
 * `fetch` and scripts send * / * or ask for JSON. `?format=` always means the data.
 */
export function wantsPage(ctx: Context): boolean {
  return ctx.query.format === undefined && ctx.accepts('application/json', 'text/html') === 'text/html';
}

/** `?lang=` when given, otherwise the browser's Accept-Language; Indonesian unless English comes first. */
export function pageLanguage(ctx: Context): PageLang {
  if (ctx.query.lang === 'en' || ctx.query.lang === 'id') return ctx.query.lang;
  return ctx.acceptsLanguages('id', 'en') === 'en' ? 'en' : 'id';
}

const verdictOf = (error: ProblemError): Verdict | null => {
  if (error.problem.status === 404) return 'not-authentic';
  if (error.problem.status === 410) return error.problem.reason === 'revoked' ? 'revoked' : 'expired';
  return null;
};

/**
 * Answers the page for a link: the verdict when it is unknown, expired or revoked (with the same
 * 404 or 410 status the JSON gets), otherwise the report built now. Only `lang` may be added.
 */
export async function sendSharedPage(
  ctx: Context,
  kind: 'verify' | 'share',
  open: () => Promise<ShareGrant>,
  build: (grant: ShareGrant) => Promise<SharedReportData>,
): Promise<void> {
  const lang = pageLanguage(ctx);
  const otherLanguageHref = `${ctx.path}?lang=${lang === 'id' ? 'en' : 'id'}`;
  let grant: ShareGrant;
  try {
    grant = await open();
  } catch (error) {
    const verdict = error instanceof ProblemError ? verdictOf(error) : null;
    if (!verdict) throw error;
    ctx.status = (error as ProblemError).problem.status;
    return send(ctx, { lang, kind, verdict, otherLanguageHref });
  }
  const report = await build(grant);
  send(ctx, { lang, kind, verdict: 'authentic', report, code: grant.publicId.slice(0, 8).toUpperCase(), otherLanguageHref });
}

function send(ctx: Context, input: Parameters<typeof sharedPage>[0]): void {
  const page = renderPage(sharedPage(input));
  ctx.type = 'html';
  ctx.vary('Accept');
  ctx.vary('Accept-Language');
  ctx.set('Content-Security-Policy', page.csp);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = page.html;
}
