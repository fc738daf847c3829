import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { apiClient, asApiError, employeeFields, newClientId, rateFresh, tokenReady, tokenStale } from '../api.js';
import type { ApiError, FormToken, RatingBody, Receipt } from '../api.js';
import type { SendingVerdict } from '../../../contract/index.js';
import { flush as flushOutbox, keep } from '../outbox.js';
import type { Outcome } from '../outbox.js';

/** What sending needs of the element: the server, and where outcomes of the outbox go. */
export interface SendHost extends ReactiveControllerHost {
  readonly origin: string;
  delivered(outcome: Outcome): void;
  /** The server says this page's site may not send ratings to the employee's office. */
  refused(verdict: SendingVerdict): void;
}

/** What became of a rating sent: its receipt, kept on the device for the network, or refused for this site. */
export type Sent = Receipt | 'queued' | 'refused';

const isOriginRefusal = (failure: ApiError) => failure.status === 403 && /\/origin-not-allowed$/.test(failure.problem.type ?? '');

/**
 * Sending a rating: the form token it must carry, one clientId across the retries of one rating, and
 * the device's outbox for ratings made offline, emptied when the network (or the server) returns.
 */
export class SendController implements ReactiveController {
  // The signed token of the form shown (GET /api/v1/form-token); a rating must carry it.
  token?: FormToken;
  // Kept across retries of one rating, so a send whose answer was lost is not stored twice.
  clientId?: string;
  /** The clientId of the rating the host shows as "saved, will be sent". */
  queuedId?: string;
  private retry?: ReturnType<typeof setInterval>;

  constructor(private readonly host: SendHost) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.flush);
    // Besides the `online` event: a server that was down comes back without the browser noticing.
    this.retry = setInterval(this.flush, 30_000);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.flush);
    clearInterval(this.retry);
  }

  /** Sends what this device kept while offline. */
  flush = (): void => {
    void flushOutbox(this.host.origin, (outcome) => this.host.delivered(outcome));
  };

  /** Fetches a form token in the background; on failure (offline) the rating goes without and the server's 422 brings one later. */
  freshToken(nip: string): Promise<FormToken | undefined> {
    return apiClient(this.host.origin)
      .formToken(nip)
      .then(
        (token) => {
          if (token.sending?.allowed === false) this.host.refused(token.sending);
          return (this.token = token);
        },
        () => undefined,
      );
  }

  /** A page left open for an hour or more: a new token comes while the customer is still filling in. */
  keepTokenFresh(nip: string): void {
    if (this.token && Date.now() - this.token.at > this.token.maxSeconds * 500) void this.freshToken(nip);
  }

  /**
   * Sends one rating and resolves with its receipt; with 'queued' when there is no network and the
   * rating waits on the device (under `queuedId`); with 'refused' when this page's site may not send.
   * Any other failure is thrown as an ApiError. `nip` is the employee's reference (a NIP, or
   * `code:<public code>` on the hosted page, whose calls carry no NIP); a counter tablet's rating carries
   * its kiosk key, now and when the network is back.
   */
  async send(rating: Omit<RatingBody, 'clientId' | 'formToken' | 'nip' | 'code'> & { nip: string }, kioskKey?: string): Promise<Sent> {
    const clientId = (this.clientId ??= newClientId());
    const { nip, ...fields } = rating;
    const token = tokenStale(this.token, nip) ? await this.freshToken(nip) : this.token;
    // Faster than a person can fill the form is only possible when the token came late: wait out the rest.
    if (token) await tokenReady(token);
    const body = { ...fields, ...employeeFields(nip), clientId, ...(token ? { formToken: token.token } : {}) };
    try {
      return await rateFresh(apiClient(this.host.origin, kioskKey), body);
    } catch (error) {
      const failure = asApiError(error);
      if (isOriginRefusal(failure)) return this.refuse({ origin: (failure.problem.origin as string | undefined) ?? null, allowed: false });
      if (failure.status) throw failure;
      // A browser reports a refused CORS preflight as a failed network: a plain read (open to every site)
      // tells that apart from being offline, and only a real network failure keeps the rating.
      const verdict = await this.ask(nip);
      if (verdict?.allowed === false) return this.refuse(verdict);
      if (!keep({ api: this.host.origin, body, at: Date.now(), ...(kioskKey ? { kioskKey } : {}) })) throw failure;
      this.queuedId = clientId;
      return 'queued';
    }
  }

  /** Whether this page may send, asked afresh; undefined when the server cannot be reached. */
  private ask(nip: string): Promise<SendingVerdict | undefined> {
    return apiClient(this.host.origin)
      .formToken(nip)
      .then(
        (token) => ((this.token = token), token.sending),
        () => undefined,
      );
  }

  private refuse(verdict: SendingVerdict): 'refused' {
    this.host.refused(verdict);
    this.forget();
    return 'refused';
  }

  /** A new rating begins: nothing of the last one is sent again. */
  forget(): void {
    this.clientId = undefined;
    this.queuedId = undefined;
  }
}
