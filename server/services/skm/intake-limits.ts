import type { Sequelize, Transaction } from 'sequelize';
import type { Config } from '../../config.js';
import { bumpCounters, type CounterHit } from '../../db/rate-counters.js';
import { tooManyRequests } from '../../domain/problem.js';

const BURST_SECONDS = 60;

/**
 * The address limits of SKM questionnaires: the rating limits' numbers (RATE_LIMIT_RATINGS per
 * RATE_LIMIT_WINDOW_SECONDS, RATE_LIMIT_BURST per minute) on counters of their own, so a busy counter
 * that sends both ratings and questionnaires is not refused twice as soon. Counted in the transaction
 * of the insert: a refused or failed questionnaire takes its count back.
 */
export async function checkAddressLimits(
  sequelize: Sequelize,
  settings: Config['rateLimit'],
  ipHash: string,
  now: Date,
  transaction: Transaction,
): Promise<void> {
  const windows = [
    {
      key: `skm-rate:${ipHash}`,
      seconds: settings.windowSeconds,
      limit: settings.ratings,
      detail: 'Too many questionnaires from this connection. Please try again later.',
    },
    {
      key: `skm-burst:${ipHash}`,
      seconds: BURST_SECONDS,
      limit: settings.burst,
      detail: 'Too many questionnaires from this connection in a short time. Please wait a minute.',
    },
  ];
  const windowHits = windows.map((window) => ({
    window,
    hit: { key: window.key, windowStart: Math.floor(now.getTime() / 1000 / window.seconds) * window.seconds } satisfies CounterHit,
  }));
  const counts = await bumpCounters(
    sequelize,
    windowHits.map(({ hit }) => hit),
    transaction,
  );
  for (const { window, hit } of windowHits) {
    if ((counts.get(`${hit.key}@${hit.windowStart}`) ?? 0) > window.limit) {
      const retryAfter = Math.max(1, Math.ceil(hit.windowStart + window.seconds - now.getTime() / 1000));
      throw tooManyRequests(retryAfter, window.detail);
    }
  }
}
