import type { Problem } from './api.js';
import type { ShareVia } from './share-link.js';

/** A rating was stored; `receipt` is the code the customer sees. */
export interface PacakSubmittedDetail {
  id: string | number;
  receipt: string;
}

/** Loading or sending failed; `status` is 0 when the server could not be reached at all. */
export interface PacakErrorDetail {
  status: number;
  problem: Problem;
}

/** `<pacak-qr>`: the person shared or copied the rating link. */
export interface PacakSharedDetail {
  url: string;
  via: ShareVia;
}

/** Sending failed for lack of network: the rating is kept on the device and sent when it returns. */
export interface PacakQueuedDetail {
  clientId: string;
}

export interface PacakEventMap {
  'pacak-submitted': CustomEvent<PacakSubmittedDetail>;
  'pacak-queued': CustomEvent<PacakQueuedDetail>;
  'pacak-error': CustomEvent<PacakErrorDetail>;
  'pacak-shared': CustomEvent<PacakSharedDetail>;
}

/**
 * Every widget event bubbles and is composed, so a listener on `document` hears it through any number of
 * shadow roots (a WordPress theme may wrap the element in its own components).
 */
export function emit<K extends keyof PacakEventMap>(target: EventTarget, name: K, detail: PacakEventMap[K]['detail']): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  // Lets `element.addEventListener('pacak-submitted', …)` know its event's detail.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the map's events to the DOM's own
  interface HTMLElementEventMap extends PacakEventMap {}
}
