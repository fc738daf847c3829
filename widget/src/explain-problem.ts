import type { ApiError } from './api.js';
import type { FieldErrors } from './check-rating.js';
import type { Strings } from './i18n.js';

/** What the customer is told about a failed send: one status line and any messages beside fields. */
export interface Explanation {
  message: string;
  fields: FieldErrors;
}

// Our own words for the fields we know, so the message matches the page language; the server's as fallback.
function fieldMessage(path: string, t: Strings): string | undefined {
  if (path === 'serviceType') return t.needService;
  if (path.startsWith('scores.')) return t.needScore;
  if (path === 'phone') return t.badPhone;
  if (path === 'comment') return t.badComment;
  return undefined;
}

function waitWords(seconds: number | undefined, t: Strings): string {
  if (!seconds) return t.later;
  return seconds < 60 ? t.seconds(seconds) : t.minutes(Math.ceil(seconds / 60));
}

export function explainProblem(error: ApiError, t: Strings): Explanation {
  const { status, problem } = error;
  const fields: FieldErrors = {};
  if (status === 422 && problem.errors?.length) {
    const unplaced: string[] = [];
    for (const { path, message } of problem.errors) {
      // The form token is the form's own business: the widget already fetched another and tried again.
      if (path === 'formToken') {
        unplaced.push(t.failed);
        continue;
      }
      // The one-service code has no field of its own: its message goes in the status line.
      if (path === 'serviceToken') {
        unplaced.push(t.tokenInvalid);
        continue;
      }
      const own = fieldMessage(path, t);
      if (own) fields[path] = own;
      else unplaced.push(message);
    }
    return { message: [t.checkFields, ...unplaced].join(' '), fields };
  }
  if (status === 409) return { message: problem.type?.endsWith('/service-token-used') ? t.tokenUsed : t.already, fields };
  if (status === 429) return { message: problem.limit === 'phone' ? t.phoneLimit : t.tooMany(waitWords(error.retryAfter, t)), fields };
  if (status === 0) return { message: t.offline, fields };
  if (status >= 500) return { message: t.serverDown, fields };
  if (status === 404) return { message: `${t.notFound}. ${t.notFoundHint}`, fields };
  return { message: [t.failed, problem.detail ?? problem.title].filter(Boolean).join(' '), fields };
}
