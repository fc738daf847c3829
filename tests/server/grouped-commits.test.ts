import { describe, expect, it } from 'vitest';
import { GroupedCommits, SINGLE_ATTEMPTS } from '../../server/db/grouped-commits.js';
import type { InsertOutcome, NewRating, RatingLimit, RatingStore } from '../../server/db/rating-store.js';

/** A driver's error as pg and mysql2 raise it when the database picks the transaction as a deadlock's victim. */
const deadlock = (): Error =>
  Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { errno: 1213 });

/**
 * A single store that fails its first `failures` writes with `error`, then stores. The decision about
 * retrying is GroupedCommits' alone, so this store stands in for the database here; the lean-intake,
 * flood and fault suites drive the real stores on PostgreSQL and MariaDB.
 */
class FailingFirst implements RatingStore {
  attempts = 0;

  constructor(
    private failures: number,
    private readonly error: () => Error,
  ) {}

  async insert(_rating: NewRating, _limits: RatingLimit[] = []): Promise<InsertOutcome> {
    this.attempts++;
    if (this.failures-- > 0) throw this.error();
    return { stored: true, id: this.attempts };
  }

  async close(): Promise<void> {}
}

const rating = {} as NewRating;
const noGroups = async () => null;

describe('grouped commits: a rating written alone', () => {
  it('is written again when the database chose it as a deadlock victim', async () => {
    const single = new FailingFirst(SINGLE_ATTEMPTS - 1, deadlock);
    const store = new GroupedCommits(single, noGroups);
    await expect(store.insert(rating)).resolves.toEqual({ stored: true, id: SINGLE_ATTEMPTS });
    await store.close();
  });

  it('gives up after the last attempt, with the database error', async () => {
    const single = new FailingFirst(SINGLE_ATTEMPTS, deadlock);
    const store = new GroupedCommits(single, noGroups);
    await expect(store.insert(rating)).rejects.toThrow(/Deadlock/);
    expect(single.attempts).toBe(SINGLE_ATTEMPTS);
    await store.close();
  });

  it('is not written again after any other failure', async () => {
    const single = new FailingFirst(1, () => Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' }));
    const store = new GroupedCommits(single, noGroups);
    await expect(store.insert(rating)).rejects.toThrow(/Connection lost/);
    expect(single.attempts).toBe(1);
    await store.close();
  });

  it('is written alone, again after a deadlock, when its group was refused', async () => {
    const single = new FailingFirst(1, deadlock);
    const store = new GroupedCommits(single, noGroups);
    const outcomes = await Promise.all([store.insert(rating), store.insert(rating), store.insert(rating)]);
    expect(outcomes.every((outcome) => outcome.stored)).toBe(true);
    expect(single.attempts).toBe(4);
    await store.close();
  });
});
