import type { InferAttributes } from 'sequelize';
import type { Rating } from './models/index.js';
import type { CounterHit } from './rate-counters.js';

/** A rating ready to store: every column but the id. */
export type NewRating = Omit<
  InferAttributes<Rating>,
  'id' | 'voidedAt' | 'voidReason' | 'voidedBy' | 'verified' | 'createdAt' | 'contactConsent'
> & {
  verified: boolean;
  createdAt: Date;
  /** False when left out. */
  contactConsent?: boolean;
};

export type RatingLimitKind = 'phone' | 'address' | 'burst' | 'kiosk' | 'kiosk-burst';

/**
 * One limit a new rating must stay within: at most `limit` ratings stored for the counter's key in
 * the window that began at `windowStart`. The stores enforce it in the same transaction as the insert.
 */
export interface RatingLimit {
  kind: RatingLimitKind;
  counter: CounterHit;
  limit: number;
  windowStart: Date;
  resetsAt: Date;
}

/** The receipt of a stored rating, as its sender was first told. */
export interface StoredReceipt {
  id: number;
  receipt: string;
  createdAt: Date;
}

/**
 * Why a rating was not stored, in the order the sender must hear it: a resent rating (its clientId
 * known) gets the first answer again, a spent one-service code or a repeat of the day is a conflict
 * even when a limit is also full, and only then the full limit. `receipt-taken` means nothing but the
 * random receipt collided: draw another and try again.
 */
export type InsertRefusal =
  | { reason: 'replayed'; first: StoredReceipt }
  | { reason: 'service-token-used' }
  | { reason: 'already-rated' }
  | { reason: 'limit-reached'; limit: RatingLimitKind }
  | { reason: 'receipt-taken' };

export type InsertOutcome = { stored: true; id: number } | ({ stored: false } & InsertRefusal);

/**
 * Where ratings are written. `insert` stores the rating and its share of the daily figures in one
 * transaction and answers its id, or why it stored nothing: a unique index refused it (the same
 * clientId, the one-a-day rule, a one-service code already spent, or a receipt already taken), or one
 * of `limits` was full. The limits are checked in the same transaction as the insert, so concurrent
 * ratings (from any process) cannot overshoot.
 */
export interface RatingStore {
  insert(rating: NewRating, limits?: RatingLimit[]): Promise<InsertOutcome>;
  close(): Promise<void>;
}

/** Inside a store: a limit was full, so the transaction stores nothing. */
export class RatingLimitReached extends Error {
  override name = 'RatingLimitReached';

  constructor(readonly kind: RatingLimitKind) {
    super(`rating limit reached: ${kind}`);
  }
}
