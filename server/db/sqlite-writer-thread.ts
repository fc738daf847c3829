import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../paths.js';
import { whyRefused } from './rating-refusals.js';
import type { InsertOutcome, NewRating, RatingLimit, RatingLimitKind, RatingStore } from './rating-store.js';
import type { StoreLimit } from './sqlite-rating-store.js';

/** What the thread answers for one rating of a batch, in the batch's order. */
export type WrittenRating =
  { id: number | null } | { limit: RatingLimitKind } | { error: { message: string; code?: string; errno?: number } };

/** `ratings`: JSON of `[NewRating, StoreLimit[]][]`, cheaper to pass than the objects themselves. */
export type ToWriter = { batch: number; ratings: string } | { close: true };
export type FromWriter = { ready: true } | { batch: number; written: WrittenRating[] } | { failed: string };

interface Waiting {
  rating: NewRating;
  limits: RatingLimit[];
  resolve(written: { id: number | null } | { limit: RatingLimitKind }): void;
  reject(error: unknown): void;
}

/**
 * The compiled thread script. Run from TypeScript (the tests), the server still starts the compiled
 * one: a worker thread runs plain JavaScript, and the test setup builds dist/server first.
 */
function writerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const script = here.endsWith('.ts')
    ? join(projectRoot, 'dist', 'server', 'db', 'sqlite-writer.js')
    : here.replace(/sqlite-writer-thread\.js$/, 'sqlite-writer.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build:server`);
  return script;
}

const asError = ({ message, code, errno }: { message: string; code?: string; errno?: number }): Error =>
  Object.assign(new Error(message), code === undefined ? {} : { code }, errno === undefined ? {} : { errno });

/**
 * SQLite's rating writer (SqliteRatingStore) on a thread of its own. Its transactions take four trips
 * to SQLite and back; on the server's event loop each trip waited behind the requests being parsed
 * there, which set the pace of intake more than SQLite did. On its own thread a group's trips follow
 * each other at once, while the main thread goes on with the next requests. The ratings that arrive
 * in one turn of the event loop go over in one message; every caller still gets its answer only after
 * the commit that holds its rating.
 */
export class SqliteWriterThread implements RatingStore {
  readonly #batches = new Map<number, Waiting[]>();
  #waiting: Waiting[] = [];
  #nextBatch = 1;
  #failure: Error | null = null;
  #closed: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWriter) => {
      if ('batch' in message) this.#answer(message.batch, message.written);
    });
    worker.on('error', (error) => this.#fail(error));
    worker.on('exit', () => this.#fail(new Error('The rating writer thread stopped: the connection is closed')));
  }

  static async open(file: string, busyTimeoutMs: number): Promise<SqliteWriterThread> {
    const worker = new Worker(writerScript(), { workerData: { file, busyTimeoutMs } });
    // Each listener takes its own event's arguments; Worker's own typing of `on` takes them as unknown.
    const listeners: [string, (...args: never[]) => void][] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        listeners.push(
          ['message', (message: FromWriter) => ('ready' in message ? resolve() : 'failed' in message && reject(new Error(message.failed)))],
          ['error', reject],
          ['exit', (code: number) => reject(new Error(`The rating writer thread exited with code ${code} before it was ready`))],
        );
        for (const [event, listener] of listeners) worker.on(event, listener as (...args: unknown[]) => void);
      });
    } catch (error) {
      await worker.terminate();
      throw error;
    } finally {
      // Only these: the Worker's own listeners (which start its message port) must stay.
      for (const [event, listener] of listeners) worker.off(event, listener as (...args: unknown[]) => void);
    }
    return new SqliteWriterThread(worker);
  }

  async insert(rating: NewRating, limits: RatingLimit[] = []): Promise<InsertOutcome> {
    const written = await this.#write(rating, limits);
    if ('id' in written && written.id !== null) return { stored: true, id: written.id };
    // The thread's transaction has ended; the reads that name the rule go through the server's own connection.
    return { stored: false, ...(await whyRefused(rating, 'limit' in written ? written.limit : null)) };
  }

  #write(rating: NewRating, limits: RatingLimit[]): Promise<{ id: number | null } | { limit: RatingLimitKind }> {
    return new Promise((resolve, reject) => {
      if (this.#failure || this.#closed) return reject(this.#failure ?? new Error('The rating writer is closed: the connection is closed'));
      this.#waiting.push({ rating, limits, resolve, reject });
      if (this.#waiting.length === 1) setImmediate(() => this.#send());
    });
  }

  #send(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    if (!waiting.length) return;
    if (this.#failure) return waiting.forEach((w) => w.reject(this.#failure));
    const batch = this.#nextBatch++;
    this.#batches.set(batch, waiting);
    const ratings = waiting.map(({ rating, limits }) => [
      rating,
      limits.map(({ kind, counter, limit }): StoreLimit => ({ kind, counter, limit })),
    ]);
    this.worker.postMessage({ batch, ratings: JSON.stringify(ratings) } satisfies ToWriter);
  }

  #answer(batch: number, written: WrittenRating[]): void {
    const waiting = this.#batches.get(batch) ?? [];
    this.#batches.delete(batch);
    waiting.forEach((w, i) => {
      const outcome = written[i];
      if (!outcome) w.reject(new Error('The rating writer gave no answer for a rating'));
      else if ('error' in outcome) w.reject(asError(outcome.error));
      else w.resolve(outcome);
    });
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#batches.values()) waiting.forEach((w) => w.reject(this.#failure));
    this.#batches.clear();
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      // Whatever was handed over is written and answered first.
      this.#send();
      while (this.#batches.size && !this.#failure) await new Promise((resolve) => setTimeout(resolve, 5));
      if (this.#failure) return;
      const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
      this.worker.postMessage({ close: true } satisfies ToWriter);
      await exited;
    })();
    return this.#closed;
  }
}
