import { createCipheriv, createDecipheriv, createHmac, randomBytes, type KeyObject } from 'node:crypto';
import { derivedKey } from './derived-key.js';
import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { gone } from './problem.js';

/** A customer's phone number after normalisation, with the three forms the database may hold. */
export interface ProtectedPhone {
  hash: string;
  cipher: string;
  masked: string;
}

/**
 * Reads any usual Indonesian writing of a mobile number (08…, 628…, +628…, with spaces, dots, dashes
 * or brackets) and returns it in E.164, or null when it is not an Indonesian mobile number.
 * libphonenumber reads "62812…" without a plus as a national number, so the prefix is mended first.
 */
export function normalisePhone(input: string): string | null {
  let digits = input.replace(/[\s.\-()]/g, '');
  if (/^62\d/.test(digits)) digits = `+${digits}`;
  if (!/^\+?\d{8,15}$/.test(digits)) return null;
  return indonesianMobile(digits) ?? parseMobile(digits);
}

/** The general way: libphonenumber's parser, for any writing `normalisePhone` lets through. */
export function parseMobile(digits: string): string | null {
  const parsed = parsePhoneNumberFromString(digits, 'ID');
  if (!parsed || parsed.country !== 'ID' || !parsed.isValid()) return null;
  const type = parsed.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? parsed.number : null;
}

/**
 * The usual case, 08… or +628…, decided by the pattern and lengths of Indonesian mobile numbers in
 * libphonenumber's own metadata, without its general parser (a tenth of the cost of every rating).
 * Anything else, valid or not, is left to the parser: undefined means "ask libphonenumber".
 */
const MOBILE = (() => {
  const metadata = new Metadata();
  metadata.selectNumberingPlan('ID');
  const mobile = (metadata.numberingPlan as unknown as { type(name: string): { pattern(): string; possibleLengths(): number[] } }).type(
    'MOBILE',
  );
  return { pattern: new RegExp(`^(?:${mobile.pattern()})$`), lengths: new Set(mobile.possibleLengths()) };
})();

export function indonesianMobile(digits: string): string | undefined {
  const national = digits.startsWith('+628') ? digits.slice(3) : digits.startsWith('08') ? digits.slice(1) : undefined;
  if (national && MOBILE.lengths.has(national.length) && MOBILE.pattern.test(national)) return `+62${national}`;
  return undefined;
}

/** 0812****7890: the national form with all but the first and last four digits hidden. */
export function maskPhone(e164: string): string {
  const national = `0${e164.replace(/^\+62/, '')}`;
  return `${national.slice(0, 4)}${'*'.repeat(Math.max(national.length - 8, 0))}${national.slice(-4)}`;
}

const IV_BYTES = 12;

/**
 * Keyed hashing and encryption of phone numbers. Two keys are derived from PHONE_KEY so the hash
 * key never doubles as the encryption key.
 */
export class PhoneVault {
  readonly #hashKey: KeyObject;
  readonly #encryptionKey: KeyObject;

  constructor(secret: string) {
    this.#hashKey = derivedKey(secret, 'phone-hash');
    this.#encryptionKey = derivedKey(secret, 'phone-encryption');
  }

  hash(value: string): string {
    return createHmac('sha256', this.#hashKey).update(value).digest('hex');
  }

  #ivs = Buffer.alloc(0);

  /** A fresh random 96-bit IV, cut from a block of random bytes drawn 256 IVs at a time. */
  #iv(): Buffer {
    if (this.#ivs.length < IV_BYTES) this.#ivs = randomBytes(IV_BYTES * 256);
    const iv = this.#ivs.subarray(0, IV_BYTES);
    this.#ivs = this.#ivs.subarray(IV_BYTES);
    return iv;
  }

  encrypt(e164: string): string {
    const iv = this.#iv();
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, iv);
    const body = Buffer.concat([cipher.update(e164, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unknown phone cipher format');
    const decipher = createDecipheriv('aes-256-gcm', this.#encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /**
   * The number a rating keeps for follow-up, for a reveal: 410 when it was erased (after the retention
   * period, or at the customer's request) or cannot be decrypted with this key.
   */
  readStored(cipher: string | null): string {
    if (!cipher) {
      throw gone(
        'phone-erased',
        'Phone number erased',
        'The readable phone number of this rating was erased (after the retention period, or at the customer’s request).',
      );
    }
    try {
      return this.decrypt(cipher);
    } catch {
      throw gone('phone-unreadable', 'Phone number unreadable', 'The phone number cannot be decrypted with the current PHONE_KEY.');
    }
  }

  protect(e164: string): ProtectedPhone {
    return { hash: this.hash(e164), cipher: this.encrypt(e164), masked: maskPhone(e164) };
  }
}
