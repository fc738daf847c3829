import type { Config } from '../../config.js';
import type { RatingLimit, RatingLimitKind } from '../../db/rating-store.js';
import { tooManyRequests, type ProblemError } from '../../domain/problem.js';
import { nextDay, startOfLocalDay } from '../../domain/local-date.js';

/** Seconds in the short window of the burst limit (RATE_LIMIT_BURST ratings per address per minute). */
export const BURST_SECONDS = 60;

function fixedWindow(kind: RatingLimitKind, key: string, limit: number, seconds: number, now: Date): RatingLimit {
  const start = Math.floor(now.getTime() / 1000 / seconds) * seconds;
  return {
    kind,
    counter: { key, windowStart: start },
    limit,
    windowStart: new Date(start * 1000),
    resetsAt: new Date((start + seconds) * 1000),
  };
}

export interface LimitedRating {
  officeId: number;
  phoneHash: string;
  ipHash: string | null;
  localDate: string;
}

/** Where a rating's per-sender limits are counted: its kiosk key's id for a counter tablet, else its address. */
export interface RatingSender {
  kioskKeyId?: number | null;
}

/**
 * The limits of one rating: per phone number, office and office-local day (RATE_LIMIT_PHONE_PER_DAY,
 * distinct employees or services that day, since the one-a-day rule refuses repeats), and per client
 * address (RATE_LIMIT_RATINGS per RATE_LIMIT_WINDOW_SECONDS, RATE_LIMIT_BURST per minute), or for a
 * counter tablet per kiosk key (RATE_LIMIT_KIOSK_RATINGS per window, RATE_LIMIT_KIOSK_BURST per minute).
 */
export function ratingLimits(
  settings: Config['rateLimit'],
  rating: LimitedRating,
  timeZone: string,
  now: Date,
  sender: RatingSender = {},
): RatingLimit[] {
  const dayStart = startOfLocalDay(rating.localDate, timeZone);
  const limits: RatingLimit[] = [
    {
      kind: 'phone',
      counter: { key: `phone:${rating.officeId}:${rating.phoneHash}`, windowStart: Math.floor(dayStart.getTime() / 1000) },
      limit: settings.phonePerDay,
      windowStart: dayStart,
      resetsAt: startOfLocalDay(nextDay(rating.localDate), timeZone),
    },
  ];
  if (sender.kioskKeyId) {
    limits.push(fixedWindow('kiosk', `kiosk:${sender.kioskKeyId}`, settings.kioskRatings, settings.windowSeconds, now));
    limits.push(fixedWindow('kiosk-burst', `kiosk-burst:${sender.kioskKeyId}`, settings.kioskBurst, BURST_SECONDS, now));
  } else if (rating.ipHash) {
    limits.push(fixedWindow('address', `rate:${rating.ipHash}`, settings.ratings, settings.windowSeconds, now));
    limits.push(fixedWindow('burst', `burst:${rating.ipHash}`, settings.burst, BURST_SECONDS, now));
  }
  return limits;
}

const DETAILS: Record<RatingLimitKind, string> = {
  phone: 'This phone number has sent as many ratings today as one number may. Please try again tomorrow.',
  address: 'Too many ratings from this connection. Please try again later.',
  burst: 'Too many ratings from this connection in a short time. Please wait a minute.',
  kiosk: 'Too many ratings from this counter tablet. Please try again later.',
  'kiosk-burst': 'Too many ratings from this counter tablet in a short time. Please wait a minute.',
};

/** The 429 for a full limit, with Retry-After until its window ends. */
export function limitProblem(limit: RatingLimit, now: Date): ProblemError {
  const seconds = Math.max(1, Math.ceil((limit.resetsAt.getTime() - now.getTime()) / 1000));
  const problem = tooManyRequests(seconds, DETAILS[limit.kind]);
  problem.problem.limit = limit.kind;
  return problem;
}
