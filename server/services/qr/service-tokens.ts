import { createHmac, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { derivedKey } from '../../domain/derived-key.js';
import { Employee, Rating } from '../../db/models/index.js';
import { invalid, ProblemError, problemType, tooManyRequests } from '../../domain/problem.js';
import { canonicalStaffIdOr422 } from '../access/canonical-input.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { FailureLockout } from '../access/failure-lockout.js';
import { verifyPin } from './pins.js';
import type { RateLimiter } from '../access/rate-limiter.js';

/** What a valid one-service code says: which employee, until when, and its id (used once, then spent). */
export interface ServiceTokenClaim {
  id: string;
  employeeId: number;
  expiresAt: Date;
}

export type TokenCheck = { ok: true; claim: ServiceTokenClaim } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export interface IssuedServiceToken {
  token: string;
  url: string;
  expiresAt: string;
}

const ID_BYTES = 12;
const BODY_BYTES = ID_BYTES + 4 + 4;
const MAC_BYTES = 16;
export const SERVICE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{48}$/;

/**
 * One-service codes as compact signed tokens, small enough to keep the QR code coarse: 12 random
 * bytes of id, the employee id and the expiry (seconds) as 32-bit numbers, then HMAC-SHA256 over them
 * cut to 128 bits; 48 characters of base64url. The key is derived from JWT_SECRET by HKDF with its
 * own label, so it never equals the sign-in key and a sign-in token can never pass for one of these.
 */
export class ServiceTokenCodec {
  readonly #key: KeyObject;

  constructor(secret: string) {
    this.#key = derivedKey(secret, 'pacak-service-token v1');
  }

  sign(employeeId: number, expiresAt: Date): { token: string; id: string } {
    const body = Buffer.alloc(BODY_BYTES);
    randomBytes(ID_BYTES).copy(body, 0);
    body.writeUInt32BE(employeeId, ID_BYTES);
    body.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), ID_BYTES + 4);
    const token = Buffer.concat([body, this.#mac(body)]).toString('base64url');
    return { token, id: body.subarray(0, ID_BYTES).toString('base64url') };
  }

  read(token: string, now: Date): TokenCheck {
    if (!SERVICE_TOKEN_PATTERN.test(token)) return { ok: false, reason: 'malformed' };
    const bytes = Buffer.from(token, 'base64url');
    const body = bytes.subarray(0, BODY_BYTES);
    if (!timingSafeEqual(bytes.subarray(BODY_BYTES), this.#mac(body))) return { ok: false, reason: 'forged' };
    const expiresAt = new Date(body.readUInt32BE(ID_BYTES + 4) * 1000);
    if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      claim: { id: body.subarray(0, ID_BYTES).toString('base64url'), employeeId: body.readUInt32BE(ID_BYTES), expiresAt },
    };
  }

  #mac(body: Buffer): Buffer {
    return createHmac('sha256', this.#key).update(body).digest().subarray(0, MAC_BYTES);
  }
}

export interface ServiceTokenOptions {
  minutes: number;
  /** Requests per client address, wrong or right. */
  attempts: RateLimiter;
  /** Wrong PINs per employee, from any address. */
  failures: FailureLockout;
  keyedHash(value: string): string;
  now?: () => Date;
}

const TOO_MANY_PINS = 'Too many wrong PINs for this NIP. Please wait before trying again.';

const wrongPin = () =>
  new ProblemError(
    { type: problemType('wrong-pin'), title: 'Wrong PIN', status: 401, detail: 'The NIP and PIN do not match.' },
    { 'WWW-Authenticate': 'PIN realm="pacak-service-token"' },
  );

/**
 * Issues one-service codes to employees who confirm with their PIN, and checks the codes a rating
 * brings. A code is spent by the rating that carries it: ratings.service_token_id is unique, so the
 * database refuses a second use however the two ratings race.
 */
export class ServiceTokens {
  readonly codec: ServiceTokenCodec;

  constructor(
    secret: string,
    private readonly catalogue: Catalogue,
    private readonly options: ServiceTokenOptions,
  ) {
    this.codec = new ServiceTokenCodec(secret);
  }

  /** How long a new code stays valid (SERVICE_TOKEN_MINUTES). */
  get minutes(): number {
    return this.options.minutes;
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async issue(typedNip: string, pin: string, ipHash: string): Promise<IssuedServiceToken> {
    // One canonical form for the lock key and the lookup: full-width digits or a lower-case staff code are the same NIP.
    const nip = canonicalStaffIdOr422(typedNip);
    const attempt = await this.options.attempts.hit(ipHash);
    if (!attempt.allowed)
      throw tooManyRequests(attempt.retryAfterSeconds, 'Too many attempts from this connection. Please try again later.');
    const lockKey = this.options.keyedHash(`pin:${nip}`);
    // Claimed before the PIN is checked, so a burst of guesses cannot outrun the lock.
    const lock = await this.options.failures.claim(lockKey);
    if (!lock.allowed) throw tooManyRequests(lock.retryAfterSeconds, TOO_MANY_PINS);

    // Read fresh, not from the catalogue's cache: a PIN set a moment ago through the CLI must work at once.
    const employee = await Employee.findOne({ where: { nip, active: true }, attributes: ['id', 'pinHash'] });
    if (!employee || !employee.pinHash) await this.options.failures.giveBack(lockKey);
    if (!employee) throw invalid([{ path: 'nip', message: 'no active employee has this NIP', code: 'unknown_employee' }]);
    if (!employee.pinHash) {
      throw new ProblemError({
        type: problemType('pin-not-set'),
        title: 'No PIN set',
        status: 403,
        detail: 'This employee has no PIN yet, so cannot make one-service codes. An administrator sets one.',
      });
    }
    if (!(await verifyPin(pin, employee.pinHash))) {
      if (lock.lastTry) throw tooManyRequests((await this.options.failures.check(lockKey)).retryAfterSeconds, TOO_MANY_PINS);
      throw wrongPin();
    }
    await this.options.failures.succeed(lockKey);

    // Whole seconds, as the token carries them, so the answer's expiresAt is exactly the token's.
    const expiresAt = new Date(Math.floor(this.#now().getTime() / 1000 + this.options.minutes * 60) * 1000);
    const { token } = this.codec.sign(employee.id, expiresAt);
    return { token, url: await this.#url(employee.id, token), expiresAt: expiresAt.toISOString() };
  }

  /** The hosted-page address a valid code opens, or null once its employee is no longer active. */
  async urlFor(token: string, claim: ServiceTokenClaim): Promise<string | null> {
    const employee = await Employee.findOne({ where: { id: claim.employeeId, active: true }, attributes: ['id'] });
    return employee ? this.#url(employee.id, token) : null;
  }

  async #url(employeeId: number, token: string): Promise<string> {
    return `${this.catalogue.ratingUrl(await this.catalogue.currentCode(employeeId))}?t=${token}`;
  }

  check(token: string): TokenCheck {
    return this.codec.read(token, this.#now());
  }

  /** Whether a code can still verify a rating of this employee: the hosted page asks before passing it on. */
  async usableFor(token: string, employeeId: number): Promise<boolean> {
    const check = this.check(token);
    if (!check.ok || check.claim.employeeId !== employeeId) return false;
    return (await Rating.count({ where: { serviceTokenId: check.claim.id } })) === 0;
  }
}
