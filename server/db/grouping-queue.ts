/**
 * The queue behind grouped commits (SQLite's writer, and GroupedCommits on PostgreSQL and MariaDB): what
 * arrives while a group is being written goes together into the next group, at most `maxGroup` at a
 * time, so one durable commit serves many. `write` settles every item of its group itself.
 */
export class GroupingQueue<T> {
  readonly #queue: T[] = [];
  #busy = false;

  constructor(
    private readonly maxGroup: number,
    private readonly write: (group: T[]) => Promise<void>,
  ) {}

  push(item: T): void {
    this.#queue.push(item);
    if (!this.#busy) void this.#drain();
  }

  /** True while items wait or a group is being written. */
  get busy(): boolean {
    return this.#busy || this.#queue.length > 0;
  }

  /** Resolves once nothing waits and no group is being written. */
  async idle(): Promise<void> {
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  async #drain(): Promise<void> {
    this.#busy = true;
    // Let the requests already parsed in this turn of the event loop join the first group.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#queue.length) await this.write(this.#queue.splice(0, this.maxGroup));
    this.#busy = false;
  }
}
