import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { Employee } from '../../db/models/index.js';
import { ProblemError, problemType, tooManyRequests, unauthorized } from '../../domain/problem.js';
import { hashPin, PIN_PATTERN, verifyPin } from '../qr/pins.js';
import { canonicalStaffIdOr422 } from '../access/canonical-input.js';
import type { SignInThrottleService } from '../access/sign-in-throttle.js';
import type { IssuedToken } from '../access/tokens.js';

export const EMPLOYEE_TOKEN_AUDIENCE = 'pacak-employee';
export const EMPLOYEE_TOKEN_LIFETIME_SECONDS = 30 * 60;
const ISSUER = 'pacak-rating';
const ALGORITHM = 'HS256';

export const employeeSignInSchema = z.strictObject({
  nip: z.string().trim().min(1, 'is required').max(40, 'must be at most 40 characters'),
  pin: z.string().regex(PIN_PATTERN, 'must be 6 to 12 digits'),
});

export type EmployeeSignInBody = z.infer<typeof employeeSignInSchema>;

/** The employee an employee token was issued to, as the routes of their own page see them. */
export interface SignedInEmployee {
  id: number;
  officeId: number;
  nip: string;
}

const WRONG = 'The NIP or staff code and the PIN do not match.';
/** Longest a wrong PIN is held back, however many came before (as the admin sign-in). */
const MAX_SLOWDOWN_MS = 5_000;

const wrongPin = () =>
  new ProblemError(
    { type: problemType('wrong-pin'), title: 'Wrong PIN', status: 401, detail: WRONG },
    { 'WWW-Authenticate': 'Bearer realm="pacak-employee"' },
  );

const noPin = () =>
  new ProblemError({
    type: problemType('pin-not-set'),
    title: 'No PIN set',
    status: 403,
    detail: 'This employee has no PIN yet, so cannot sign in. An administrator of the office sets one.',
  });

const signInAgain = (detail: string) =>
  new ProblemError(
    { type: problemType('unauthorized'), title: 'Unauthorized', status: 401, detail: `${detail} Please sign in again with your PIN.` },
    { 'WWW-Authenticate': 'Bearer realm="pacak-employee"' },
  );

let decoy: Promise<string> | undefined;
/** A PIN hash nobody knows: an unknown NIP costs the same scrypt work as a wrong PIN. */
const decoyPinHash = (): Promise<string> => (decoy ??= hashPin(randomBytes(16).toString('hex')));

/**
 * Employees sign in to their own page with their NIP (or staff code) and the PIN they confirm
 * one-service codes with. The token is a JWT of its own kind: signed with a key derived from
 * JWT_SECRET by HKDF with its own label and addressed to `pacak-employee`, so the admin API (key
 * JWT_SECRET, audience `pacak-api`) refuses it, and this refuses the admin's. It carries a keyed
 * fingerprint of the PIN's hash and the employee's session version: a changed or removed PIN, or
 * signing out, ends every session of that employee.
 *
 * Wrong PINs count on the same key as one-service codes (five per NIP per lock period, from any
 * address, whichever of the two asks) and per client address as failed admin sign-ins do; each
 * wrong PIN is answered later by SIGNIN_SLOWDOWN_MS per failure so far.
 */
export class EmployeeSessions {
  readonly #key: Buffer;

  constructor(
    secret: string,
    private readonly throttle: SignInThrottleService,
    private readonly settings: Config['signIn'],
    private readonly keyedHash: (value: string) => string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'pacak', 'pacak-employee-session v1', 32));
  }

  async signIn(body: EmployeeSignInBody, ipHash: string | null): Promise<IssuedToken> {
    const nip = canonicalStaffIdOr422(body.nip);
    // The key of the one-service codes' lock (qr/service-tokens.ts): one PIN, one count of wrong tries.
    const pinKey = { key: this.keyedHash(`pin:${nip}`), limit: Math.min(5, this.settings.maxFailures) };
    const keys = [pinKey];
    const addressKey = ipHash ? { key: `emp-addr:${ipHash}`, limit: this.settings.maxFailuresPerAddress } : null;
    if (addressKey) keys.push(addressKey);
    // Claimed before the PIN is checked, so a burst of guesses cannot outrun the lock.
    const claim = await this.throttle.claim(keys);
    if (!claim.allowed) throw tooManyRequests(claim.retryAfterSeconds, 'Too many wrong PINs. Please wait before trying again.');

    const employee = await Employee.findOne({
      where: { nip, active: true },
      attributes: ['id', 'officeId', 'nip', 'pinHash', 'sessionVersion'],
    });
    if (employee && !employee.pinHash) {
      // Nothing was guessed: the NIP's count is given back; the address's stays, as for any failure.
      await this.throttle.release(pinKey);
      throw noPin();
    }
    const matches = await verifyPin(body.pin, employee?.pinHash ?? (await decoyPinHash()));
    if (!employee || !matches) {
      await sleep(Math.min(this.settings.slowdownMs * claim.failures, MAX_SLOWDOWN_MS));
      throw wrongPin();
    }
    await this.throttle.clear(pinKey.key);
    if (addressKey) await this.throttle.release(addressKey);
    return this.#issue(employee.id, employee.pinHash as string, employee.sessionVersion);
  }

  /** The employee behind a token, checked against the database: still active, and the same PIN. */
  async authenticate(token: string): Promise<SignedInEmployee> {
    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.#key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: EMPLOYEE_TOKEN_AUDIENCE,
        clockTimestamp: Math.floor(this.now().getTime() / 1000),
      });
    } catch (error) {
      throw signInAgain(error instanceof jwt.TokenExpiredError ? 'The session has ended.' : 'The token is not valid.');
    }
    if (
      typeof payload === 'string' ||
      payload.kind !== 'employee' ||
      typeof payload.sub !== 'string' ||
      typeof payload.pin !== 'string' ||
      !Number.isSafeInteger(payload.ver)
    ) {
      throw signInAgain('The token is not valid.');
    }
    const { iat, exp } = payload;
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > EMPLOYEE_TOKEN_LIFETIME_SECONDS) {
      throw signInAgain('The token is not valid.');
    }
    const id = Number(payload.sub);
    const employee = Number.isSafeInteger(id) && id > 0 ? await Employee.findOne({ where: { id, active: true } }) : null;
    if (!employee || !employee.pinHash || this.#fingerprint(employee.pinHash) !== payload.pin) {
      throw signInAgain('This session is no longer valid (the PIN was changed or removed, or the employee is not active).');
    }
    if (payload.ver !== employee.sessionVersion) throw signInAgain('You have signed out.');
    return { id: employee.id, officeId: employee.officeId, nip: employee.nip };
  }

  /** Signs the employee out everywhere: every token issued to them so far stops working. */
  async signOut(me: SignedInEmployee): Promise<void> {
    await Employee.increment('sessionVersion', { where: { id: me.id } });
  }

  #issue(employeeId: number, pinHash: string, version: number): IssuedToken {
    const iat = Math.floor(this.now().getTime() / 1000);
    const exp = iat + EMPLOYEE_TOKEN_LIFETIME_SECONDS;
    const token = jwt.sign({ kind: 'employee', pin: this.#fingerprint(pinHash), ver: version, iat, exp }, this.#key, {
      algorithm: ALGORITHM,
      issuer: ISSUER,
      audience: EMPLOYEE_TOKEN_AUDIENCE,
      subject: String(employeeId),
    });
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** Names the PIN hash without revealing it: the token holds this, never the hash. */
  #fingerprint(pinHash: string): string {
    return createHmac('sha256', this.#key).update(pinHash).digest('base64url').slice(0, 16);
  }
}

/** Bearer tokens as the admin API reads them; the realm says which sign-in to use. */
export const unauthorizedEmployee = (): ProblemError => {
  const error = unauthorized('Sign in first with your NIP and PIN: POST /api/v1/employee/session.');
  error.headers['WWW-Authenticate'] = 'Bearer realm="pacak-employee"';
  return error;
};
