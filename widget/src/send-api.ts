/**
 * The calls that send a rating (see DESIGN.md): only a customer who sends one, or a device that kept one
 * offline, needs them, so they come with the rating widget's sending chunk rather than its first load.
 */

import type { FormTokenAnswer } from '../../contract/index.js';
import { apiBase, byCode, call, CODE_REF } from './api.js';
import type { ApiError, FormToken, RatingBody, Receipt } from './api.js';

const refQuery = (ref: string): string => {
  const code = byCode(ref);
  return code ? `code=${encodeURIComponent(code)}` : `nip=${encodeURIComponent(ref)}`;
};

/** The sending calls bound to one server origin (and, on a counter tablet, its kiosk key). */
export function sendClient(origin: string, kioskKey?: string) {
  const base = apiBase(origin);
  return {
    formToken: (nip: string) =>
      call<FormTokenAnswer>(`${base}/form-token?${refQuery(nip)}`).then((t): FormToken => ({ ...t, nip, at: Date.now() })),
    rate: (body: RatingBody) =>
      call<Receipt>(`${base}/ratings`, {
        method: 'POST',
        // A kiosk rating proves its tablet with the kiosk key; the server refuses the kiosk channel without it.
        headers: { 'Content-Type': 'application/json', ...(kioskKey ? { 'X-Kiosk-Key': kioskKey } : {}) },
        body: JSON.stringify(body),
      }),
  };
}

type Client = ReturnType<typeof sendClient>;

/** Resolves once a rating may carry the token (MIN_FORM_SECONDS after it was issued). */
export const tokenReady = (t: FormToken) => new Promise((resolve) => setTimeout(resolve, t.at + t.minSeconds * 1e3 - Date.now()));

/** Older than this, a token is replaced before sending: a minute's margin on its lifetime. */
export const tokenStale = (t: FormToken | undefined, nip: string) => !t || t.nip !== nip || Date.now() - t.at > (t.maxSeconds - 60) * 1e3;

/**
 * Sends a rating. When the server refuses nothing but its form token (expired on a page left open, or a
 * rating kept offline for hours, or kept without one), a fresh token is fetched, its minimum age waited
 * out, and the rating sent once more under the same clientId.
 */
export async function rateFresh(client: Client, body: RatingBody): Promise<Receipt> {
  try {
    return await client.rate(body);
  } catch (error) {
    const errors = (error as ApiError).problem?.errors;
    if ((error as ApiError).status !== 422 || !errors?.length || errors.some((e) => e.path !== 'formToken')) throw error;
    const fresh = await client.formToken(body.nip ?? `${CODE_REF}${body.code}`);
    await tokenReady(fresh);
    return client.rate({ ...body, formToken: fresh.token });
  }
}
