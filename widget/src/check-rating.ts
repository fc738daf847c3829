import type { FailureWords } from './explain-problem.js';
import type { RatingInput } from './read-rating.js';

/** Messages keyed by the API's dot path of the field they concern (`phone`, `scores.cakap`, …). */
export type FieldErrors = Record<string, string>;

// Only what a person must be told before sending; the server checks everything again with its own rules.
const MOBILE = /^(\+?62|0)8\d{7,11}$/;

export function looksLikeMobile(phone: string): boolean {
  return MOBILE.test(phone.replace(/[\s.-]/g, ''));
}

/**
 * What the customer must fix before sending, in the words `w` of the form's language. Part of the after-send
 * chunk, which the first touch of the form brings.
 */
export function checkRating(input: RatingInput, w: FailureWords): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.serviceType) errors.serviceType = w.needService;
  for (const [code, score] of Object.entries(input.scores)) {
    if (!score) errors[`scores.${code}`] = w.needScore;
  }
  if (!input.phone) errors.phone = w.needPhone;
  else if (!looksLikeMobile(input.phone)) errors.phone = w.badPhone;
  return errors;
}
