/**
 * The rating writer's thread (see sqlite-writer-thread.ts): opens the grouping writer on the
 * database file it is given and writes the batches the server's main thread sends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RatingLimitReached, type NewRating } from './rating-store.js';
import { SqliteRatingStore, type StoreLimit } from './sqlite-rating-store.js';
import type { FromWriter, ToWriter, WrittenRating } from './sqlite-writer-thread.js';

if (!parentPort) throw new Error('sqlite-writer.js runs as a worker thread of the rating store, not on its own');
const port = parentPort;
const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };

function answer(outcome: PromiseSettledResult<number | null>): WrittenRating {
  if (outcome.status === 'fulfilled') return { id: outcome.value };
  const error = outcome.reason as Error & { code?: string; errno?: number };
  if (error instanceof RatingLimitReached) return { limit: error.kind };
  return { error: { message: String(error?.message ?? error), code: error?.code, errno: error?.errno } };
}

try {
  const store = await SqliteRatingStore.open(file, busyTimeoutMs);
  port.on('message', (message: ToWriter) => {
    if ('close' in message) {
      void store.close().finally(() => port.close());
      return;
    }
    const ratings = JSON.parse(message.ratings) as [NewRating, StoreLimit[]][];
    // Every rating of the batch joins the writer's queue at once, so they share its next group.
    const written = ratings.map(([rating, limits]) => store.insert({ ...rating, createdAt: new Date(rating.createdAt) }, limits));
    void Promise.allSettled(written).then((outcomes) =>
      port.postMessage({ batch: message.batch, written: outcomes.map(answer) } satisfies FromWriter),
    );
  });
  port.postMessage({ ready: true } satisfies FromWriter);
} catch (error) {
  port.postMessage({ failed: `The rating writer could not open ${file}: ${(error as Error).message}` } satisfies FromWriter);
}
