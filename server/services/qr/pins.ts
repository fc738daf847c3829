import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Employee } from '../../db/models/index.js';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** scrypt's recommended interactive cost: about 50 ms and 16 MB a check, slow enough to make guessing dear. */
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export const PIN_PATTERN = /^\d{6,12}$/;

export class WeakPinError extends Error {
  override name = 'WeakPinError';
}

/** Why a PIN would be refused, or null: too short, one digit repeated, a straight run up or down. */
export function pinWeakness(pin: string): string | null {
  if (!PIN_PATTERN.test(pin)) return 'A PIN is 6 to 12 digits.';
  const steps = new Set([...pin].slice(1).map((digit, i) => (Number(digit) - Number(pin[i]) + 10) % 10));
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0] as number)) {
    return 'That PIN is too easy to guess (one digit repeated, or a run like 123456).';
  }
  return null;
}

/** A random 6-digit PIN, leading zeros kept, never one that pinWeakness refuses. */
export function randomPin(): string {
  for (;;) {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!pinWeakness(pin)) return pin;
  }
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url: the parameters travel with the hash. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(pin, salt, KEY_LENGTH, { ...COST, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(pin, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

/**
 * Sets (or with null, removes) an employee's PIN; only its hash is stored. Returns false when no
 * employee has that NIP. Used by the CLI now and by an admin API later.
 */
export async function setEmployeePin(nip: string, pin: string | null): Promise<boolean> {
  const weakness = pin === null ? null : pinWeakness(pin);
  if (weakness) throw new WeakPinError(weakness);
  const pinHash = pin === null ? null : await hashPin(pin);
  const [updated] = await Employee.update({ pinHash }, { where: { nip } });
  return updated > 0;
}
