import { randomInt } from 'node:crypto';

/** Crockford's base32 without the letters people confuse (I, L, O, U): easy to read aloud and type. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** An employee's public code: 8 characters, 40 bits, small in a QR code and not guessable from the NIP. */
export const newPublicCode = (): string => randomCode(8);

/** A receipt a customer can quote when following up: 10 characters shown as XXXXX-XXXXX. */
export const newReceipt = (): string => `${randomCode(5)}-${randomCode(5)}`;

export const PUBLIC_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;
