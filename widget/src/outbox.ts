import { apiClient, asApiError, rateFresh } from './api.js';
import type { ApiError, RatingBody, Receipt } from './api.js';

/**
 * Ratings that could not be sent for lack of network, kept on the device (localStorage) until it
 * returns. Each keeps its `clientId`, and the server answers a repeated clientId with the first answer,
 * so a rating whose answer was lost on the way is stored once however often it is sent again.
 * An entry leaves the box once the server has answered it, whatever the answer: nothing personal
 * (phone, comment) stays on the device longer than it takes to deliver it.
 */
export interface Kept {
  api: string;
  /** The clientId is what tells kept ratings apart, so a kept one always has it. */
  body: RatingBody & { clientId: string };
  /** The tablet's kiosk key for a kiosk rating, sent with it again when the network is back. */
  kioskKey?: string;
  /** When it was kept (ms since the epoch); after KEEP_DAYS it is discarded, not sent. */
  at: number;
}

/** What became of one kept rating when the box was emptied. */
export type Outcome = { kept: Kept; receipt: Receipt } | { kept: Kept; error: ApiError } | { kept: Kept; expired: true };

const KEY = 'pacak-outbox';
/**
 * How long a rating waits on the device for the network: a week covers a phone that stays offline
 * over a long weekend at sea or on a field trip, and bounds how long a phone number stays in storage.
 */
export const KEEP_DAYS = 7;
const KEEP_MS = KEEP_DAYS * 864e5;
const isOld = (kept: Kept) => !(Date.now() - kept.at <= KEEP_MS);

function read(): Kept[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) || '[]');
  } catch {
    return [];
  }
}

function write(list: Kept[]): void {
  try {
    if (list.length) localStorage.setItem(KEY, JSON.stringify(list));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or forbidden (a private window): the rating cannot wait, and the customer is told so.
  }
}

const without = (list: Kept[], clientId: string) => list.filter((k) => k.body.clientId !== clientId);

/** Keeps one rating; whatever is past its time leaves the box on the way (also another server's). */
export function keep(kept: Kept): boolean {
  write([...without(read(), kept.body.clientId).filter((k) => !isOld(k)), kept]);
  return read().some((k) => k.body.clientId === kept.body.clientId);
}

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
          outcome = { kept, receipt: await rateFresh(apiClient(api, kept.kioskKey), kept.body) };
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
  return (queue = queue.then((): Promise<unknown> => (locks ? locks.request(KEY, run) : run())).catch(() => undefined));
}
