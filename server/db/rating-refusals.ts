import { Rating } from './models/index.js';
import type { InsertRefusal, NewRating, RatingLimitKind } from './rating-store.js';

/**
 * Tells why a rating was not stored, after its transaction rolled back. The rules that must hold
 * under concurrency are unique indexes (one per clientId, one a day, one rating per one-service code,
 * one per receipt) and counters checked in the insert's transaction, so the database has already
 * decided; these reads only name the rule. A refused insert is rare, so the usual path reads nothing.
 * `full` is the limit the transaction found full, if any: a resent rating or a repeat is answered as
 * such even then.
 */
export async function whyRefused(rating: NewRating, full: RatingLimitKind | null): Promise<InsertRefusal> {
  const first = await Rating.findOne({ where: { clientId: rating.clientId }, attributes: ['id', 'receipt', 'createdAt'] });
  if (first) return { reason: 'replayed', first: { id: first.id, receipt: first.receipt, createdAt: new Date(first.createdAt) } };
  const tokenId = rating.serviceTokenId ?? null;
  if (tokenId !== null && (await Rating.count({ where: { serviceTokenId: tokenId } })) > 0) return { reason: 'service-token-used' };
  const { employeeId, serviceTypeId, phoneHash, localDate } = rating;
  if ((await Rating.count({ where: { employeeId, serviceTypeId, phoneHash, localDate } })) > 0) return { reason: 'already-rated' };
  if (full) return { reason: 'limit-reached', limit: full };
  // Neither the clientId, the code nor the day was taken, so the random receipt was.
  return { reason: 'receipt-taken' };
}
