import { asApiError } from '../api.js';
import type { ApiError, Employee, Receipt } from '../api.js';
import { checkRating } from '../check-rating.js';
import { emit } from '../events.js';
import { explainProblem, failureWords } from '../explain-problem.js';
import type { Strings } from '../i18n.js';
import { flush as flushOutbox } from '../outbox-flush.js';
import type { Outcome } from '../outbox.js';
import { readRating } from '../read-rating.js';
import { addStyles } from './after-send.styles.js';
import type { PacakRating } from './pacak-rating.js';
import { keepTokenFresh, send } from './sending.js';

/**
 * What happens once the customer sends: the form's checks, the sending, the receipt or the reason it
 * failed, and later the answers to ratings the device kept offline. Part of the after-send chunk, which
 * the first touch of the form fetches; the element itself keeps only what must work without it.
 */

// Takes the customer to the first field to fix; a screen reader then reads its message via aria-describedby.
async function focusFirstInvalid(host: PacakRating): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

function showReceipt(host: PacakRating, receipt: Receipt): Promise<void> {
  host.receipt = receipt;
  // A one-service code rates once: another rating from this form is an ordinary one.
  host.serviceToken = '';
  emit(host, 'pacak-submitted', { id: receipt.id, receipt: receipt.receipt });
  return host.finish('done');
}

/**
 * A 429 that says when to send again (not the per-number limit, which lasts the day): the message counts
 * the seconds down in place, `quiet` so a screen reader reads it once and not every second, and then
 * says the rating may be sent again. Returns what stops it.
 */
export function countDown(failure: ApiError, t: Strings, say: (message: string, quiet: boolean) => void): () => void {
  let left = failure.status === 429 && failure.problem.limit !== 'phone' ? (failure.retryAfter ?? 0) : 0;
  const timer = setInterval(() => {
    const quiet = --left > 0;
    say(quiet ? explainProblem({ ...failure, retryAfter: left }, t).message : failureWords(t).sendNow, quiet);
    if (!quiet) clearInterval(timer);
  }, 1000);
  if (!left) clearInterval(timer);
  return () => clearInterval(timer);
}

/** The customer changed `control`: its message, if any, has done its job; an old form token is renewed. */
export function edited(host: PacakRating, control: HTMLInputElement): void {
  const path = control.type === 'radio' ? `scores.${control.name}` : control.name;
  if (host.errors[path]) host.errors = Object.fromEntries(Object.entries(host.errors).filter(([key]) => key !== path));
  if (host.employee) keepTokenFresh(host.sender, host.employee.nip);
}

/** Checks and sends what `form` holds for `employee`, and shows what became of it. */
export async function submit(host: PacakRating, form: HTMLFormElement, employee: Employee): Promise<void> {
  // A field to fix and the busy button are drawn only from here on: their rules come with this chunk.
  addStyles(host);
  const t = host.t;
  const input = readRating(
    form,
    host.indicators.map((i) => i.code),
  );
  host.errors = checkRating(input, failureWords(t));
  if (Object.keys(host.errors).length) {
    host.status = failureWords(t).checkFields;
    return focusFirstInvalid(host);
  }
  host.skmService = input.serviceType;
  host.stopWaiting();
  host.busy = true;
  host.status = t.sending;
  try {
    const sent = await send(host.sender, host.ratingOf(input, employee), host.kiosk ? host.kioskKey : undefined);
    if (sent === 'queued') {
      // No network: the rating waits on the device for it, and the customer is told so.
      const clientId = host.sender.queuedId;
      if (clientId === undefined) throw new Error('a rating sent without a receipt must be waiting on the device');
      await host.finish('queued');
      emit(host, 'pacak-queued', { clientId });
    } else if (sent !== 'refused') await showReceipt(host, sent);
  } catch (error) {
    const failure = asApiError(error);
    // Only messages change: the form stays as it is, so everything typed is still there for a retry.
    const { message, fields } = explainProblem(failure, t);
    host.errors = fields;
    host.status = message;
    emit(host, 'pacak-error', { status: failure.status, problem: failure.problem });
    if (Object.keys(fields).length) await focusFirstInvalid(host);
    else {
      host.stopWait = countDown(failure, t, (said, quiet) => {
        host.quiet = quiet;
        host.status = said;
      });
      // Below a long form the status line may be out of sight: bring it into view.
      await host.updateComplete;
      host.renderRoot.querySelector('[part=status]')?.scrollIntoView({ block: 'center' });
    }
  } finally {
    host.busy = false;
  }
}

/**
 * A rating the device kept while offline has been answered; the one the element shows as "saved" gets
 * its receipt.
 */
function delivered(host: PacakRating, outcome: Outcome): void {
  const mine = host.view === 'queued' && outcome.kept.body.clientId === host.sender.queuedId;
  if ('receipt' in outcome) {
    if (mine) void showReceipt(host, outcome.receipt);
    else emit(host, 'pacak-submitted', { id: outcome.receipt.id, receipt: outcome.receipt.receipt });
  } else if ('error' in outcome) {
    const { status, problem } = outcome.error;
    if (mine) {
      // Refused on arrival (already rated today, …): say why; off a kiosk, with a fresh form to hand.
      if (!host.kiosk) host.rateAgain();
      host.status = explainProblem(outcome.error, host.t).message;
    }
    emit(host, 'pacak-error', { status, problem });
  } else host.status = failureWords(host.t).expired;
}

/** Sends what this device kept while offline, and shows what became of each. */
export const flush = (host: PacakRating) => flushOutbox(host.origin, (outcome) => delivered(host, outcome));
