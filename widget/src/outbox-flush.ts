import { asApiError } from './api.js';
import { isOld, OUTBOX_KEY, read, without, write } from './outbox.js';
import type { Outcome } from './outbox.js';
import { rateFresh, sendClient } from './send-api.js';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Sends what is kept for one server, oldest first, and reports each outcome. One flush at a time:
 * in this page by a promise chain, across tabs by a Web Lock where the browser has them.
 * A network failure (or a busy server) stops the flush and leaves the rest for the next one.
 */
export function flush(api: string, report: (outcome: Outcome) => void): Promise<unknown> {
  const run = async () => {
    for (const kept of read()) {
      if (kept.api !== api) continue;
      let outcome: Outcome;
      if (isOld(kept)) outcome = { kept, expired: true };
      else {
        try {
          // A kept rating goes with the form token it was typed under; one that has expired meanwhile
          // (or was never fetched, offline) is replaced by a fresh one (rateFresh).
          outcome = { kept, receipt: await rateFresh(sendClient(api, kept.kioskKey), kept.body) };
        } catch (error) {
          const e = asApiError(error);
          if (!e.status || e.status > 499 || e.status === 429) return;
          outcome = { kept, error: e };
        }
      }
      write(without(read(), kept.body.clientId));
      report(outcome);
    }
  };
  const locks = navigator.locks;
  return (queue = queue.then((): Promise<unknown> => (locks ? locks.request(OUTBOX_KEY, run) : run())).catch(() => undefined));
}
