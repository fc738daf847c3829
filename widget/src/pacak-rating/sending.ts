import { asApiError } from '../api.js';
import type { ApiError, FormToken } from '../api.js';
import type { SendingVerdict } from '../../../contract/index.js';
import { rateFresh, sendClient, tokenReady, tokenStale } from '../send-api.js';
import type { Rating, SendController, Sent } from './send-controller.js';

/**
 * Sending a rating, for the send controller (send-controller.ts): part of the after-send chunk, which the
 * form fetches at the customer's first touch, so the form's first load carries none of it.
 */

const isOriginRefusal = (failure: ApiError) => failure.status === 403 && /\/origin-not-allowed$/.test(failure.problem.type ?? '');

/** Fetches a form token; on failure (offline) undefined, and the rating goes without. */
export function freshToken(s: SendController, nip: string): Promise<FormToken | undefined> {
  return sendClient(s.host.origin)
    .formToken(nip)
    .then(
      (token) => {
        if (token.sending?.allowed === false) s.host.refused(token.sending);
        return (s.token = token);
      },
      () => undefined,
    );
}

/** A page left open for an hour or more: a new token comes while the customer is still filling in. */
export function keepTokenFresh(s: SendController, nip: string): void {
  if (s.token && Date.now() - s.token.at > s.token.maxSeconds * 500) void freshToken(s, nip);
}

/** Whether this page may send, asked afresh; undefined when the server cannot be reached. */
const ask = (s: SendController, nip: string): Promise<SendingVerdict | undefined> =>
  sendClient(s.host.origin)
    .formToken(nip)
    .then(
      (token) => ((s.token = token), token.sending),
      () => undefined,
    );

function refuse(s: SendController, verdict: SendingVerdict): 'refused' {
  s.host.refused(verdict);
  s.forget();
  return 'refused';
}

/** SendController.send with the network at hand. */
export async function send(s: SendController, rating: Rating, kioskKey?: string): Promise<Sent> {
  const { nip } = rating;
  const token = tokenStale(s.token, nip) ? await freshToken(s, nip) : s.token;
  // Faster than a person can fill the form is only possible when the token came late: wait out the rest.
  if (token) await tokenReady(token);
  const body = s.bodyOf(rating, token);
  try {
    return await rateFresh(sendClient(s.host.origin, kioskKey), body);
  } catch (error) {
    const failure = asApiError(error);
    if (isOriginRefusal(failure)) return refuse(s, { origin: (failure.problem.origin as string | undefined) ?? null, allowed: false });
    if (failure.status) throw failure;
    // A browser reports a refused CORS preflight as a failed network: a plain read (open to every site)
    // tells that apart from being offline, and only a real network failure keeps the rating.
    const verdict = await ask(s, nip);
    if (verdict?.allowed === false) return refuse(s, verdict);
    if (!s.keep(body, kioskKey)) throw failure;
    return 'queued';
  }
}
