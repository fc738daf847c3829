import { maskPhone, normalisePhone } from '../../domain/phone.js';

/** A run of digits that could be a phone number however it is written: +62, spaces, dots, dashes, brackets. */
const CANDIDATE = /\+?\(?\d[\d\s.\-()]{6,22}\d/g;

/**
 * Free text an admin types (a reason, a note) with every phone number masked as a rating's number is
 * (0812****7890). Numbers are found by the rating's own detection (normalisePhone), so whatever a
 * customer could rate with is recognised here too, and a date or a receipt number is left alone.
 */
export function maskPhonesIn(text: string): string {
  return text.replace(CANDIDATE, (candidate) => {
    const phone = normalisePhone(candidate.trim());
    return phone ? maskPhone(phone) : candidate;
  });
}

/** Words put where an erased customer's number (in full or masked) stood. */
export const ERASED_NUMBER = '[nomor]';

/** The text with one customer's number removed, in any writing and in its masked form. */
export function withoutCustomer(text: string, e164: string): string {
  const masked = maskPhone(e164);
  return text
    .replace(CANDIDATE, (candidate) => (normalisePhone(candidate.trim()) === e164 ? ERASED_NUMBER : candidate))
    .split(masked)
    .join(ERASED_NUMBER);
}

/** Applies a text rewrite to every string in a JSON value, keys left as they are. */
export function mapStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, rewrite));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, rewrite)]));
  }
  return value;
}

/** A number as reports mask it (0812****7890), or one a customer masked the same way. */
const MASKED = /\+?\d{2,5}\*{3,}\d{2,5}/g;
/** Not a mobile number, but written like a phone number (0711 123456, +62 711 …): taken out too. */
const LANDLINE_LIKE = /^\s*(\+|\(?0|62)[\d\s.\-()]*$/;

/**
 * The text with every phone number taken out, whoever's it is, in any writing and in a masked form:
 * what an employee reads of a customer's comment, and what an alert carries off the server (mail, webhook),
 * holds no number at all, not even a masked one.
 */
export function withoutPhones(text: string): string {
  return text
    .replace(CANDIDATE, (candidate) =>
      normalisePhone(candidate.trim()) || (LANDLINE_LIKE.test(candidate) && candidate.replace(/\D/g, '').length >= 9)
        ? ERASED_NUMBER
        : candidate,
    )
    .replace(MASKED, ERASED_NUMBER);
}
