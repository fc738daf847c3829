/**
 * A worker that runs a round now and then: the next round is set only when the last one has ended, so
 * rounds never overlap, and a failed round is left for the next one to take up (what it did not finish
 * is still due). The timers do not keep the process alive.
 */
export abstract class RepeatingRounds {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;

  /** One round; answers how many items it handled. */
  abstract runOnce(): Promise<number>;

  /** Runs a round every `intervalMs` until stop(). */
  start(intervalMs: number): void {
    const tick = () => {
      this.#running = this.runOnce()
        .catch(() => 0)
        .finally(() => {
          if (this.#timer) this.#timer = setTimeout(tick, intervalMs).unref();
        });
    };
    this.#timer = setTimeout(tick, intervalMs).unref();
  }

  /** Stops the timer and waits for a round under way. */
  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
