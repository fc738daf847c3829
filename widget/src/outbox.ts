import type { ApiError, RatingBody, Receipt } from './api.js';

/**
 * Ratings that could not be sent for lack of network, kept on the device (localStorage) until it
 * returns. Each keeps its `clientId`, and the server answers a repeated clientId with the first answer,
 * so a rating whose answer was lost on the way is stored once however often it is sent again.
 * An entry leaves the box once the server has answered it, whatever the answer: nothing personal
 * (phone, comment) stays on the device longer than it takes to deliver it. Keeping is here, in every page's
 * first load, so a rating made offline is kept even when nothing else could be fetched; emptying the box
 * (outbox-flush.ts) comes with the sending chunk, fetched only when there is something to send.
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

export const OUTBOX_KEY = 'pacak-outbox';
/**
 * How long a rating waits on the device for the network: a week covers a phone that stays offline
 * over a long weekend at sea or on a field trip, and bounds how long a phone number stays in storage.
 */
export const KEEP_DAYS = 7;
const KEEP_MS = KEEP_DAYS * 864e5;
export const isOld = (kept: Kept) => !(Date.now() - kept.at <= KEEP_MS);

/** What the device keeps, oldest first. */
export function read(): Kept[] {
  try {
    return JSON.parse(localStorage.getItem(OUTBOX_KEY) || '[]');
  } catch {
    return [];
  }
}

/** Writes the box; false when the device would not (storage full or forbidden: a private window). */
export function write(list: Kept[]): boolean {
  try {
    if (list.length) localStorage.setItem(OUTBOX_KEY, JSON.stringify(list));
    else localStorage.removeItem(OUTBOX_KEY);
    return true;
  } catch {
    return false;
  }
}

export const without = (list: Kept[], clientId: string) => list.filter((k) => k.body.clientId !== clientId);

/**
 * Keeps one rating; whatever is past its time leaves the box on the way (also another server's). False
 * when the device cannot keep it: the rating cannot wait, and the customer is told so.
 */
export const keep = (kept: Kept): boolean => write([...without(read(), kept.body.clientId).filter((k) => !isOld(k)), kept]);
