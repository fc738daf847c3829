import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { randomCode } from '../../domain/codes.js';

/**
 * Password hashing with node's scrypt: a fresh 16-byte salt per password, and the cost parameters
 * stored in the hash (`scrypt$N$r$p$salt$hash`), so they can be raised later without breaking
 * existing hashes. N=2^15 with r=8 takes about 50-100 ms and 32 MB on the reference machine:
 * cheap for one sign-in, expensive for a guessing run.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

/** The shortest password accepted from a person; generated ones are longer. */
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Compares in constant time; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * A hash no password matches, computed once: signing in as an unknown user runs scrypt against it,
 * so the answer takes as long as for a known user with a wrong password.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(32).toString('hex')));

/** A password to hand out once: 16 characters of an unambiguous alphabet (80 bits), e.g. 7KQ2-M9XD-… */
export const generatePassword = (): string => Array.from({ length: 4 }, () => randomCode(4)).join('-');
