/**
 * One canonical form for the names people type to sign in or to be found: usernames, NIPs and staff
 * codes. Locks are keyed by it and lookups compare it byte for byte (binary collation on MariaDB), so
 * a name written another way (full-width letters, other digits, other case) is either the same name
 * with the same lock, or a different name that finds nobody: never the same row under another lock.
 *
 * The form: Unicode NFKC (full-width and compatibility letters become plain ones), case folded, every
 * decimal digit of any script written as its ASCII digit, then NFKC again (folding can undo it).
 */

/** C0 and C1 controls and DEL, less tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- the pattern matches control characters on purpose, to refuse them
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Every control character, the line breaks and tab included: for one-line names, codes and paths. */
// eslint-disable-next-line no-control-regex -- the pattern matches control characters on purpose, to refuse them
export const ANY_CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Decimal digits of every script; each block of them runs 0 to 9 in code point order. */
const DECIMAL_DIGIT = /\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;

function asciiDigit(digit: string): string {
  let start = digit.codePointAt(0) as number;
  // Walk back to the start of the run of digits; runs are whole blocks of ten, so the offset mod 10 is the value.
  while (start > 0 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String(((digit.codePointAt(0) as number) - start) % 10);
}

/** Every decimal digit as its ASCII digit, whatever the script. */
export function asciiDigits(text: string): string {
  return text.replace(DECIMAL_DIGIT, (digit) => (digit >= '0' && digit <= '9' ? digit : asciiDigit(digit)));
}

/** Why a name cannot be put into canonical form, or null: unpaired surrogates or control characters. */
export function uncanonicalReason(raw: string): string | null {
  if (LONE_SURROGATE.test(raw)) return 'holds a broken character (an unpaired surrogate)';
  if (ANY_CONTROL_CHARACTER.test(raw)) return 'holds a control character';
  return null;
}

/** The canonical form of a name; throws a RangeError when it has none (see uncanonicalReason). */
export function canonicalName(raw: string): string {
  const reason = uncanonicalReason(raw);
  if (reason) throw new RangeError(reason);
  return asciiDigits(raw.trim().normalize('NFKC').toLowerCase().normalize('NFKC')).normalize('NFKC');
}

/** The canonical form of a staff identifier: as canonicalName, then in capitals, without spaces, dots or dashes in a NIP. */
export function canonicalStaffId(raw: string): string {
  const folded = canonicalName(raw).replace(/^'/, '');
  const bare = folded.replace(/[\s.-]/g, '');
  return /^\d+$/.test(bare) ? bare : folded.replace(/\s+/g, '').toUpperCase();
}
