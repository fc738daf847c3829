import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import { conflict, invalid, tooManyRequests } from '../../domain/problem.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { newReceipt } from '../../domain/codes.js';
import { localDate } from '../../domain/local-date.js';
import type { PhoneVault } from '../../domain/phone.js';
import type { FormTokens } from './form-tokens.js';
import type { RateLimiter } from '../access/rate-limiter.js';
import { limitProblem, ratingLimits } from './rating-limits.js';
import type { RatingBody } from '../../domain/rating-schema.js';
import type { NewRating, RatingStore, StoredReceipt } from '../../db/rating-store.js';
import type { TokenCheck } from '../qr/service-tokens.js';

export interface RatingReceipt {
  id: number;
  receipt: string;
  createdAt: string;
}

export interface SubmitResult {
  receipt: RatingReceipt;
  /** True when the same clientId was sent before and the first answer is given again. */
  replayed: boolean;
}

export interface RatingContext {
  /** Keyed hash of the sender's address, for rate limiting; never the address itself. */
  ipHash: string | null;
  /** A counter tablet's valid kiosk key: its ratings are counted per key rather than per address. */
  kioskKeyId?: number | null;
}

/** Reads one-service codes (ServiceTokens); ratings spend them. */
export interface ServiceTokenReader {
  check(token: string): TokenCheck;
}

const TOKEN_REFUSALS: Record<Exclude<TokenCheck, { ok: true }>['reason'] | 'other-employee', string> = {
  malformed: 'is not a one-service code',
  forged: 'is not a valid one-service code',
  expired: 'has expired; ask the officer for a new one-service code',
  'other-employee': 'belongs to another employee',
};

/**
 * What a RatingService works with. createServices gives it everything; a bare one (in tests) may leave
 * out the form token, the one-service codes and the stored limits, and then checks none of them.
 */
export interface RatingServiceOptions {
  catalogue: Catalogue;
  vault: PhoneVault;
  /** Attempts per client address, valid or not, counted in memory before anything is read. */
  limiter: RateLimiter;
  /** The same per kiosk key, for a counter tablet's ratings; without it they count per address. */
  kioskLimiter?: RateLimiter;
  store: RatingStore;
  now?: () => Date;
  /** Reads one-service codes; without it every code is refused. */
  serviceTokens?: ServiceTokenReader;
  /** The signed form token a rating must carry. */
  formTokens?: FormTokens;
  /** The limits per phone number and day and per client address, kept by the rating store. */
  limits?: Config['rateLimit'];
}

const toReceipt = (rating: StoredReceipt): RatingReceipt => ({
  id: rating.id,
  receipt: rating.receipt,
  createdAt: new Date(rating.createdAt).toISOString(),
});

export class RatingService {
  readonly #options: RatingServiceOptions;
  readonly #now: () => Date;

  constructor(options: RatingServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Stores one rating. The rules that must hold under concurrency (one a day, one per clientId) are
   * unique indexes, so the database decides between two identical ratings arriving together; the
   * store says why it refused the loser and this code gives the matching answer. A repeated clientId
   * is found that way too, so the usual path reads nothing from the database.
   */
  async submit(body: RatingBody, context: RatingContext): Promise<SubmitResult> {
    const clientId = body.clientId ?? randomUUID();
    const { kioskLimiter } = this.#options;
    const kioskKeyId = kioskLimiter ? (context.kioskKeyId ?? null) : null;
    const attempts =
      kioskLimiter && kioskKeyId
        ? { limiter: kioskLimiter, key: `kiosk:${kioskKeyId}` }
        : { limiter: this.#options.limiter, key: context.ipHash };
    if (attempts.key) {
      // Attempts, valid or not, per process and in memory: it spares the database a flood of garbage.
      // What may be stored is counted apart, exactly and across processes, by the store (below).
      const decision = await attempts.limiter.hit(attempts.key);
      if (!decision.allowed) {
        throw tooManyRequests(decision.retryAfterSeconds, 'Too many ratings from this connection. Please try again later.');
      }
    }

    const record = await this.#options.catalogue.findActiveEmployee(body.nip);
    if (!record) throw invalid([{ path: 'nip', message: 'no active employee has this NIP', code: 'unknown_employee' }]);
    const serviceTypeId = await this.#options.catalogue.activeServiceTypeId(record.office.id, body.serviceType);
    if (serviceTypeId === null) {
      throw invalid([{ path: 'serviceType', message: 'is not a service type of this office', code: 'unknown_service_type' }]);
    }

    this.#options.formTokens?.check(body.formToken, record.employee.nip, record.code);
    const tokenId = body.serviceToken ? this.#spendableToken(body.serviceToken, record.employee.id) : null;
    const createdAt = this.#now();
    const phone = this.#options.vault.protect(body.phone);
    const rating: NewRating = {
      officeId: record.office.id,
      employeeId: record.employee.id,
      workAreaId: record.workArea.id,
      serviceTypeId,
      ...body.scores,
      comment: body.comment,
      channel: body.channel,
      clientId,
      receipt: newReceipt(),
      phoneHash: phone.hash,
      phoneCipher: phone.cipher,
      phoneMasked: phone.masked,
      ipHash: context.ipHash,
      localDate: localDate(createdAt, record.office.timezone),
      // Only a one-service code, which the employee made with their PIN for this customer, verifies a rating.
      verified: tokenId !== null,
      serviceTokenId: tokenId,
      contactConsent: body.contactConsent === true,
      createdAt,
    };
    const limits = this.#options.limits
      ? ratingLimits(this.#options.limits, rating, record.office.timezone, createdAt, { kioskKeyId })
      : [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.#options.store.insert(rating, limits);
      if (outcome.stored) return { receipt: toReceipt({ id: outcome.id, receipt: rating.receipt, createdAt }), replayed: false };
      switch (outcome.reason) {
        case 'replayed':
          return { receipt: toReceipt(outcome.first), replayed: true };
        case 'service-token-used':
          throw conflict(
            'service-token-used',
            'One-service code already used',
            'This one-service code has already been used for a rating. Ask the officer for a new one.',
          );
        case 'already-rated':
          throw conflict(
            'already-rated',
            'Already rated today',
            'This phone number has already rated this employee for this service today. Thank you!',
          );
        case 'limit-reached': {
          const limit = limits.find((candidate) => candidate.kind === outcome.limit);
          if (limit) throw limitProblem(limit, createdAt);
          throw new Error(`The rating store reported a limit it was not given: ${outcome.limit}`);
        }
        case 'receipt-taken':
          // Only the random receipt collided: draw another.
          rating.receipt = newReceipt();
      }
    }
    throw new Error('Could not store the rating after three attempts');
  }

  /** The id of a valid one-service code of this employee, else a 422 on `serviceToken`. Whether it is spent, the insert tells. */
  #spendableToken(token: string, employeeId: number): string {
    const check: TokenCheck = this.#options.serviceTokens?.check(token) ?? { ok: false, reason: 'forged' };
    if (check.ok && check.claim.employeeId === employeeId) return check.claim.id;
    const reason = check.ok ? 'other-employee' : check.reason;
    throw invalid([{ path: 'serviceToken', message: TOKEN_REFUSALS[reason], code: 'invalid_service_token' }]);
  }
}
