import { isDeadlockVictim } from './errors.js';
import { GroupingQueue } from './grouping-queue.js';
import type { InsertOutcome, NewRating, RatingLimit, RatingStore } from './rating-store.js';

/** One rating waiting for its group. */
export interface Queued {
  rating: NewRating;
  limits: RatingLimit[];
}

/**
 * Writes a whole group in one transaction, one statement set by set (PostgreSQL: data-modifying CTEs;
 * MariaDB: a compound statement). It answers the ids in the group's order, or null when any statement
 * was refused or failed; then nothing of the group is kept (it rolled back) and each rating goes its own
 * way through the store that writes one at a time.
 */
export type GroupWriter = (group: Queued[]) => Promise<number[] | null>;

interface Pending extends Queued {
  resolve(outcome: InsertOutcome): void;
  reject(error: unknown): void;
}

/** Largest group written in one transaction; more waiting ratings go in the next. */
const MAX_GROUP = 128;

/** How many times a rating written alone is tried when the database picks it as a deadlock's victim. */
export const SINGLE_ATTEMPTS = 3;

/**
 * Grouped commits for PostgreSQL and MariaDB, as SQLite's writer makes them: the ratings that arrive
 * while a group is being written go together into the next transaction. Every rating bumps the same
 * counters of its address (and often of its employee's figures), whose rows stay locked until commit:
 * one rating a transaction made every rating from one address wait for the previous one's durable
 * commit, so they were written one log flush at a time however many connections the pool had. In a
 * group those rows are locked once and flushed once.
 *
 * The rules are the single writer's: a group is written only when every rating of it is accepted.
 * When one is refused (a unique index, a full limit) or anything fails (a deadlock with another
 * process's group, a lost connection), the group rolls back and each of its ratings is written alone,
 * which names the rule that refused it; a rating whose group's commit may have been applied after all
 * finds its clientId stored and gets the first answer. Every caller hears only after the commit that
 * holds its rating. A group of one is written alone at once.
 */
export class GroupedCommits implements RatingStore {
  readonly #groups = new GroupingQueue<Pending>(MAX_GROUP, (group) => this.#write(group));

  constructor(
    private readonly single: RatingStore,
    private readonly writeGroup: GroupWriter,
  ) {}

  insert(rating: NewRating, limits: RatingLimit[] = []): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => this.#groups.push({ rating, limits, resolve, reject }));
  }

  async #write(group: Pending[]): Promise<void> {
    const ids = group.length > 1 ? await this.writeGroup(group).catch(() => null) : null;
    if (ids) {
      group.forEach((pending, i) => pending.resolve({ stored: true, id: ids[i] as number }));
      return;
    }
    await Promise.all(group.map((pending) => this.#insertAlone(pending).then(pending.resolve, pending.reject)));
  }

  /**
   * One rating through the single store. Its statement is atomic: a deadlock's victim was rolled back
   * whole (nothing of it kept, counts included), so it is written again, up to SINGLE_ATTEMPTS times,
   * rather than answered 503; another process's group is the usual other party.
   */
  async #insertAlone({ rating, limits }: Queued): Promise<InsertOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.single.insert(rating, limits);
      } catch (error) {
        if (attempt >= SINGLE_ATTEMPTS || !isDeadlockVictim(error)) throw error;
      }
    }
  }

  async close(): Promise<void> {
    await this.#groups.idle();
    await this.single.close();
  }
}
