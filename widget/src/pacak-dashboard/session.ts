import { ROLES } from '../../../contract/index.js';
import type { Role } from '../../../contract/index.js';

/** Who is signed in, as the token says; the server checks all of it again on every request. */
export interface Session {
  token: string;
  /** ISO instant from the sign-in answer. */
  expiresAt: string;
  role: Role;
  /** Username; the token's `sub` is an id, so the name is the one typed at sign-in. */
  username: string;
  /** A coordinator's work area code; null for everyone else. */
  workArea: string | null;
  /** The account still has a generated password: the server allows nothing but choosing one. */
  mustChangePassword: boolean;
}

/** The claims of a JWT, read without checking the signature: only to decide what the screen offers. */
function claimsOf(token: string): Record<string, unknown> | null {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function sessionOf(token: string, expiresAt: string, username: string, mustChangePassword = false): Session | null {
  const claims = claimsOf(token);
  const role = claims?.role;
  if (!ROLES.includes(role as Role)) return null;
  return {
    token,
    expiresAt,
    role: role as Role,
    username,
    workArea: typeof claims?.workArea === 'string' ? claims.workArea : null,
    mustChangePassword,
  };
}

export const expired = (session: Session, now = Date.now()): boolean => Date.parse(session.expiresAt) <= now;

/**
 * The token lives in sessionStorage (this tab only, gone when it closes), never in localStorage, so a
 * shared office computer does not keep anyone signed in. One key per server, for pages that show two.
 */
const keyOf = (origin: string) => `pacak-dashboard:${origin}`;

export function saveSession(origin: string, session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(keyOf(origin), JSON.stringify(session));
    else sessionStorage.removeItem(keyOf(origin));
  } catch {
    // Storage refused (a private window, a sandboxed frame): the session stays in memory only.
  }
}

export function loadSession(origin: string): Session | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(keyOf(origin)) ?? 'null') as Partial<Session> | null;
    if (!saved?.token || !saved.expiresAt) return null;
    return sessionOf(saved.token, saved.expiresAt, saved.username ?? '', saved.mustChangePassword === true);
  } catch {
    return null;
  }
}
