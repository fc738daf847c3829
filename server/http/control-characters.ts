import type { Middleware } from 'koa';
import { ANY_CONTROL_CHARACTER, CONTROL_CHARACTERS } from '../domain/canonical.js';
import { invalid, type FieldError } from '../domain/problem.js';

/** The most complaints one 422 lists: a body full of control characters needs no list of every one. */
const MAX_ERRORS = 20;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // Malformed escapes are the router's to refuse; only what decodes can carry a control character.
  }
}

/**
 * Refuses control characters in the path and the query string (NUL, the C0 and C1 ranges and DEL, tab
 * and line breaks included: no identifier, code or search needs them) with a 422 before any route,
 * and so before any database, sees them. SQLite answered a NUL in a query with a syntax error (500).
 */
export function refuseControlCharactersInUrl(): Middleware {
  return async (ctx, next) => {
    const errors: FieldError[] = [];
    if (ANY_CONTROL_CHARACTER.test(decoded(ctx.path)))
      errors.push({ path: 'path', message: 'holds a control character', code: 'control_character' });
    if (ctx.querystring) {
      for (const pair of ctx.querystring.split('&')) {
        const [name = '', value = ''] = pair.split('=', 2).map(decoded);
        if (ANY_CONTROL_CHARACTER.test(name) || ANY_CONTROL_CHARACTER.test(value)) {
          errors.push({
            path: `query.${name.replace(ANY_CONTROL_CHARACTER, '?')}`,
            message: 'holds a control character',
            code: 'control_character',
          });
        }
      }
    }
    if (errors.length) throw invalid(errors.slice(0, MAX_ERRORS));
    return next();
  };
}

/**
 * The fields of a parsed body that hold control characters other than tab, carriage return and line
 * feed (which free text such as a comment may hold; each field's schema says whether it does).
 */
export function controlCharacterErrors(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const anywhere = new RegExp(CONTROL_CHARACTERS.source, 'g');
  // Walked with a list, not recursion: JSON nests thousands deep within the body limit.
  const pending: [unknown, string][] = [[value, '']];
  while (errors.length < MAX_ERRORS) {
    const next = pending.pop();
    if (!next) break;
    const [node, at] = next;
    if (typeof node === 'string') {
      if (CONTROL_CHARACTERS.test(node))
        errors.push({ path: at || 'body', message: 'holds a control character', code: 'control_character' });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => pending.push([item, at ? `${at}.${index}` : String(index)]));
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        const path = at ? `${at}.${key.replace(anywhere, '?')}` : key.replace(anywhere, '?');
        if (CONTROL_CHARACTERS.test(key))
          errors.push({ path, message: 'names a field with a control character', code: 'control_character' });
        pending.push([item, path]);
      }
    }
  }
  return errors;
}

/** Throws the 422 for a parsed body with control characters; called by every body reader. */
export function assertNoControlCharacters(value: unknown): void {
  const errors = controlCharacterErrors(value);
  if (errors.length) throw invalid(errors);
}
