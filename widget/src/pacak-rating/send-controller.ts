import type { ReactiveController } from 'lit';
import { employeeFields, newClientId } from '../api.js';
import type { FormToken, RatingBody, Receipt } from '../api.js';
import { keep, read } from '../outbox.js';
import type { PacakRating } from './pacak-rating.js';

/** What became of a rating sent: its receipt, kept on the device for the network, or refused for this site. */
export type Sent = Receipt | 'queued' | 'refused';

/** A rating as the form hands it over: the employee's reference, without clientId or token. */
export type Rating = Omit<RatingBody, 'clientId' | 'formToken' | 'nip' | 'code'> & { nip: string };

/**
 * Sending a rating: the form token it must carry, one clientId across the retries of one rating, and
 * the device's outbox for ratings made offline, emptied when the network (or the server) returns.
 * The sending itself comes with the after-send chunk (sending.ts), which the form fetches at the
 * customer's first touch; what stays here is what must work without it: a rating sent while that chunk
 * could not come (the network dropped before the customer touched the form) is kept on the device.
 */
export class SendController implements ReactiveController {
  // The signed token of the form shown (GET /api/v1/form-token); a rating must carry it.
  token?: FormToken;
  // Kept across retries of one rating, so a send whose answer was lost is not stored twice.
  clientId?: string;
  /** The clientId of the rating the host shows as "saved, will be sent". */
  queuedId?: string;
  #retry?: ReturnType<typeof setInterval>;

  constructor(readonly host: PacakRating) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.flush);
    // Besides the `online` event: a server that was down comes back without the browser noticing.
    this.#retry = setInterval(this.flush, 30_000);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.flush);
    clearInterval(this.#retry);
  }

  /** Sends what this device kept while offline; the sending chunk is fetched only when something is kept. */
  flush = (): void => {
    if (read().length) void this.host.afterSend().then((chunk) => chunk?.flush(this.host));
  };

  /** Fetches a form token in the background; without one (offline) the rating goes without and the server's 422 brings one later. */
  freshToken(nip: string): void {
    void this.host.afterSend().then((chunk) => chunk?.freshToken(this, nip));
  }

  /** The body of a rating under this rating's clientId and `token`. */
  bodyOf({ nip, ...fields }: Rating, token: FormToken | undefined): RatingBody & { clientId: string } {
    const clientId = (this.clientId ??= newClientId());
    return { ...fields, ...employeeFields(nip), clientId, ...(token ? { formToken: token.token } : {}) };
  }

  /** Keeps a rating on the device until the network returns; false when the device cannot. */
  keep(body: RatingBody & { clientId: string }, kioskKey?: string): boolean {
    if (!keep({ api: this.host.origin, body, at: Date.now(), ...(kioskKey ? { kioskKey } : {}) })) return false;
    this.queuedId = body.clientId;
    return true;
  }

  /** A new rating begins: nothing of the last one is sent again. */
  forget(): void {
    this.clientId = undefined;
    this.queuedId = undefined;
  }
}
