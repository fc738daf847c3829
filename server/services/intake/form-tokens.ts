import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import { derivedKey } from '../../domain/derived-key.js';
import type { Config } from '../../config.js';
import { invalid } from '../../domain/problem.js';

/** What `GET /api/v1/form-token` answers: the token, and the window in which a rating may carry it. */
export interface IssuedFormToken {
  token: string;
  /** Seconds after issue before a rating may carry it (MIN_FORM_SECONDS). */
  minSeconds: number;
  /** Seconds after issue until it expires (FORM_TOKEN_MAX_MINUTES). */
  maxSeconds: number;
}

export type FormTokenRefusal = 'missing' | 'malformed' | 'forged' | 'other-employee' | 'too-early' | 'expired';

const MESSAGES: Record<FormTokenRefusal, string> = {
  missing: 'is required: load the rating form (GET /api/v1/form-token) before sending a rating',
  malformed: 'is not a form token',
  forged: 'is not a valid form token',
  'other-employee': 'was issued for the form of another employee',
  'too-early': 'was used too soon after the form was shown; wait a few seconds and send again',
  expired: 'has expired; load the rating form again',
};

const TOKEN = /^v1\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{22})$/;
const MAC_BYTES = 16;

/**
 * Signed form tokens: `v1.<issued-at ms, base 36>.<NIP, base64url>.<HMAC-SHA256 cut to 128 bits>`,
 * with a key derived from JWT_SECRET by HKDF under a label of its own, so it is neither the sign-in
 * key nor the one-service-code key. A token proves that a form for that employee was loaded from
 * this server at a known time; it is not secret and may be used for several ratings of that employee
 * while it lives (the one-a-day rule and the abuse limits bound what reuse can do).
 */
export class FormTokenCodec {
  readonly #key: KeyObject;

  constructor(secret: string) {
    this.#key = derivedKey(secret, 'pacak-form-token v1');
  }

  sign(nip: string, issuedAt: Date): string {
    const body = `v1.${issuedAt.getTime().toString(36)}.${Buffer.from(nip, 'utf8').toString('base64url')}`;
    return `${body}.${this.#mac(body).toString('base64url')}`;
  }

  /** The NIP and issue time of a genuine token, or why it is not one. */
  read(token: string): { nip: string; issuedAt: number } | 'malformed' | 'forged' {
    const [, issued, nip, macText] = TOKEN.exec(token) ?? [];
    if (!issued || !nip || !macText) return 'malformed';
    const body = token.slice(0, token.lastIndexOf('.'));
    const mac = Buffer.from(macText, 'base64url');
    if (mac.length !== MAC_BYTES || !timingSafeEqual(mac, this.#mac(body))) return 'forged';
    return { nip: Buffer.from(nip, 'base64url').toString('utf8'), issuedAt: parseInt(issued, 36) };
  }

  #mac(body: string): Buffer {
    return createHmac('sha256', this.#key).update(body).digest().subarray(0, MAC_BYTES);
  }
}

/** Issues form tokens and checks the one a rating brings, by the rules of FORM_TOKEN_* and MIN_FORM_SECONDS. */
export class FormTokens {
  readonly codec: FormTokenCodec;

  constructor(
    secret: string,
    private readonly settings: Config['formToken'],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.codec = new FormTokenCodec(secret);
  }

  issue(nip: string): IssuedFormToken {
    return {
      token: this.codec.sign(nip, this.now()),
      minSeconds: this.settings.minSeconds,
      maxSeconds: this.settings.maxMinutes * 60,
    };
  }

  /**
   * Why a rating of the employee `nip` may not carry this token, or null when it may. A form addressed
   * by the employee's public code (the hosted page) holds a token for `code:<code>` instead, so no NIP
   * travels in its calls; `code` is the employee's current public code.
   */
  refusal(token: string | undefined, nip: string, code?: string): FormTokenRefusal | null {
    if (!token) return this.settings.required ? 'missing' : null;
    const read = this.codec.read(token);
    if (typeof read === 'string') return read;
    if (read.nip !== nip && !(code && read.nip === `code:${code}`)) return 'other-employee';
    const age = this.now().getTime() - read.issuedAt;
    if (this.settings.minSeconds > 0 && age < this.settings.minSeconds * 1000) return 'too-early';
    if (age > this.settings.maxMinutes * 60_000) return 'expired';
    return null;
  }

  /** Throws the 422 on `formToken` that a refused token gets. */
  check(token: string | undefined, nip: string, code?: string): void {
    const refusal = this.refusal(token, nip, code);
    if (refusal) {
      throw invalid(
        [{ path: 'formToken', message: MESSAGES[refusal], code: `form_token_${refusal.replace('-', '_')}` }],
        'The rating form token was refused.',
      );
    }
  }
}
