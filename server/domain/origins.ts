/**
 * Origins of sites that embed the rating form: `scheme://host[:port]`, as a browser sends them in the
 * `Origin` header. Rules only, no I/O, shared by the admin API, the CORS check and the public answers.
 */

/** Why a typed address is not an origin a site may be allowed under; null when it is one. */
export type OriginRefusal = 'not-a-url' | 'scheme' | 'credentials' | 'path';

/**
 * The origin of an address an administrator or webmaster typed, in the form browsers send it
 * (lowercase host, IDN as punycode, no default port, no trailing slash), or why it is not one.
 * Only http and https: a page from file: or another scheme sends `Origin: null`, which names no site.
 * A path, query or fragment is refused rather than cut off, so nobody believes a path is allowed alone.
 */
export function parseOrigin(text: string): { origin: string } | { refusal: OriginRefusal } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { refusal: 'not-a-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { refusal: 'scheme' };
  if (url.username || url.password) return { refusal: 'credentials' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { refusal: 'path' };
  return { origin: url.origin };
}

export const ORIGIN_MESSAGES: Record<OriginRefusal, string> = {
  'not-a-url': 'is not a web address, e.g. https://bkkpalembang.go.id',
  scheme: 'must start with https:// (or http://)',
  credentials: 'must not hold a user name or password',
  path: 'must be the site only (scheme, host and port), without a path, e.g. https://bkkpalembang.go.id',
};

/** The `Origin` header as sent, when it names a site; `null` (sandboxed frames, file:) and junk do not. */
export function headerOrigin(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  const parsed = parseOrigin(value);
  return 'origin' in parsed && parsed.origin === value ? value : null;
}
