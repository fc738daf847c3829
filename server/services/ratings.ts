import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { Rating } from '../db/models/index.js';
import { conflict, invalid, tooManyRequests } from '../http/problem.js';
import type { Catalogue } from './catalogue.js';
import { newReceipt } from './codes.js';
import { localDate } from './local-date.js';
import type { PhoneVault } from './phone.js';
import type { FormTokens } from './form-tokens.js';
import type { RateLimiter } from './rate-limiter.js';
import { limitProblem, RatingLimitReached, ratingLimits, type RatingLimitKind } from './rating-limits.js';
import type { RatingBody } from './rating-schema.js';
import type { NewRating, RatingStore } from './rating-store.js';
import type { TokenCheck } from './service-tokens.js';

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

/** What createServices adds to a RatingService; a bare one (in tests) checks neither. */
export interface RatingGuards {
  /** The signed form token a rating must carry. */
  formTokens?: FormTokens;
  /** The limits per phone number and day and per client address, kept by the rating store. */
  limits?: Config['rateLimit'];
}

const toReceipt = (rating: Pick<Rating, 'id' | 'receipt' | 'createdAt'>): RatingReceipt => ({
  id: rating.id,
  receipt: rating.receipt,
  createdAt: new Date(rating.createdAt).toISOString(),
});

export class RatingService {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly vault: PhoneVault,
    private readonly limiter: RateLimiter,
    private readonly store: RatingStore,
    private readonly now: () => Date = () => new Date(),
    private readonly serviceTokens?: ServiceTokenReader,
    private readonly guards: RatingGuards = {},
  ) {}

  /**
   * Stores one rating. The rules that must hold under concurrency (one a day, one per clientId) are
   * unique indexes, so the database decides between two identical ratings arriving together; this
   * code only turns the loser's refusal into the right answer. A repeated clientId is found that way
   * too, so the usual path reads nothing from the database.
   */
  async submit(body: RatingBody, context: RatingContext): Promise<SubmitResult> {
    const clientId = body.clientId ?? randomUUID();
    if (context.ipHash) {
      // Attempts, valid or not, per process and in memory: it spares the database a flood of garbage.
      // What may be stored is counted apart, exactly and across processes, by the store (below).
      const decision = await this.limiter.hit(context.ipHash);
      if (!decision.allowed) {
        throw tooManyRequests(decision.retryAfterSeconds, 'Too many ratings from this connection. Please try again later.');
      }
    }

    const record = await this.catalogue.findActiveEmployee(body.nip);
    if (!record) throw invalid([{ path: 'nip', message: 'no active employee has this NIP', code: 'unknown_employee' }]);
    const serviceTypeId = await this.catalogue.activeServiceTypeId(record.office.id, body.serviceType);
    if (serviceTypeId === null) {
      throw invalid([{ path: 'serviceType', message: 'is not a service type of this office', code: 'unknown_service_type' }]);
    }

    this.guards.formTokens?.check(body.formToken, record.employee.nip, record.code);
    const tokenId = body.serviceToken ? this.#spendableToken(body.serviceToken, record.employee.id) : null;
    const createdAt = this.now();
    const phone = this.vault.protect(body.phone);
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
      createdAt,
    };
    const limits = this.guards.limits ? ratingLimits(this.guards.limits, rating, record.office.timezone, createdAt) : [];
    for (let attempt = 0; attempt < 3; attempt++) {
      let full: RatingLimitKind | null = null;
      const id = await this.store.insert(rating, limits).catch((error: unknown) => {
        if (!(error instanceof RatingLimitReached)) throw error;
        full = error.kind;
        return null;
      });
      if (id !== null) return { receipt: toReceipt({ id, receipt: rating.receipt, createdAt }), replayed: false };
      const first = await this.#byClientId(clientId);
      if (first) return { receipt: first, replayed: true };
      if (tokenId !== null && (await Rating.count({ where: { serviceTokenId: tokenId } })) > 0) {
        throw conflict(
          'service-token-used',
          'One-service code already used',
          'This one-service code has already been used for a rating. Ask the officer for a new one.',
        );
      }
      if (await this.#ratedToday(rating)) {
        throw conflict(
          'already-rated',
          'Already rated today',
          'This phone number has already rated this employee for this service today. Thank you!',
        );
      }
      // A resent rating (its clientId known) and a repeat (409) are answered as such even when a limit is full.
      const limit = limits.find((candidate) => candidate.kind === full);
      if (limit) throw limitProblem(limit, createdAt);
      // Neither the clientId nor the day was taken, so the random receipt was: draw another.
      rating.receipt = newReceipt();
    }
    throw new Error('Could not store the rating after three attempts');
  }

  /** The id of a valid one-service code of this employee, else a 422 on `serviceToken`. Whether it is spent, the insert tells. */
  #spendableToken(token: string, employeeId: number): string {
    const check: TokenCheck = this.serviceTokens?.check(token) ?? { ok: false, reason: 'forged' };
    if (check.ok && check.claim.employeeId === employeeId) return check.claim.id;
    const reason = check.ok ? 'other-employee' : check.reason;
    throw invalid([{ path: 'serviceToken', message: TOKEN_REFUSALS[reason], code: 'invalid_service_token' }]);
  }

  async #ratedToday(rating: NewRating): Promise<boolean> {
    const { employeeId, serviceTypeId, phoneHash, localDate: day } = rating;
    return (await Rating.count({ where: { employeeId, serviceTypeId, phoneHash, localDate: day } })) > 0;
  }

  async #byClientId(clientId: string): Promise<RatingReceipt | null> {
    const rating = await Rating.findOne({ where: { clientId }, attributes: ['id', 'receipt', 'createdAt'] });
    return rating ? toReceipt(rating) : null;
  }
}
