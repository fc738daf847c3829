import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../db/errors.js';
import { Rating, ServiceType } from '../db/models/index.js';
import { conflict, invalid, tooManyRequests } from '../http/problem.js';
import type { Catalogue } from './catalogue.js';
import { newReceipt } from './codes.js';
import { localDate } from './local-date.js';
import type { PhoneVault } from './phone.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RatingBody } from './rating-schema.js';

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

const toReceipt = (rating: Rating): RatingReceipt => ({
  id: rating.id,
  receipt: rating.receipt,
  createdAt: new Date(rating.createdAt).toISOString(),
});

export class RatingService {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly vault: PhoneVault,
    private readonly limiter: RateLimiter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Stores one rating. The rules that must hold under concurrency (one a day, one per clientId) are
   * unique indexes, so the database decides between two identical ratings arriving together; this
   * code only turns the loser's constraint error into the right answer.
   */
  async submit(body: RatingBody, context: RatingContext): Promise<SubmitResult> {
    const clientId = body.clientId ?? randomUUID();
    const earlier = await this.#byClientId(clientId);
    if (earlier) return { receipt: earlier, replayed: true };

    if (context.ipHash) {
      const decision = await this.limiter.hit(context.ipHash);
      if (!decision.allowed) {
        throw tooManyRequests(decision.retryAfterSeconds, 'Too many ratings from this connection. Please try again later.');
      }
    }

    const record = await this.catalogue.findActiveEmployee(body.nip);
    if (!record) throw invalid([{ path: 'nip', message: 'no active employee has this NIP', code: 'unknown_employee' }]);
    const serviceType = await ServiceType.findOne({
      where: { officeId: record.office.id, code: body.serviceType, active: true },
      attributes: ['id'],
    });
    if (!serviceType) {
      throw invalid([{ path: 'serviceType', message: 'is not a service type of this office', code: 'unknown_service_type' }]);
    }

    const createdAt = this.now();
    const phone = this.vault.protect(body.phone);
    try {
      const rating = await Rating.create({
        officeId: record.office.id,
        employeeId: record.employee.id,
        workAreaId: record.workArea.id,
        serviceTypeId: serviceType.id,
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
        createdAt,
      });
      return { receipt: toReceipt(rating), replayed: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const first = await this.#byClientId(clientId);
      if (first) return { receipt: first, replayed: true };
      throw conflict(
        'already-rated',
        'Already rated today',
        'This phone number has already rated this employee for this service today. Thank you!',
      );
    }
  }

  async #byClientId(clientId: string): Promise<RatingReceipt | null> {
    const rating = await Rating.findOne({ where: { clientId }, attributes: ['id', 'receipt', 'createdAt'] });
    return rating ? toReceipt(rating) : null;
  }
}
