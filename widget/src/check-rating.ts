import type { Strings } from './i18n.js';

/** Messages keyed by the API's dot path of the field they concern (`phone`, `scores.cakap`, …). */
export type FieldErrors = Record<string, string>;

// Only what a person must be told before sending; the server checks everything again with its own rules.
const MOBILE = /^(\+?62|0)8\d{7,11}$/;

export function looksLikeMobile(phone: string): boolean {
  return MOBILE.test(phone.replace(/[\s.-]/g, ''));
}

/** The form's values as the rating body needs them, read from the native controls. */
export interface RatingInput {
  serviceType: string;
  scores: Record<string, number>;
  phone: string;
  comment: string;
  website: string;
  /** Ticked after a low score: the customer may be contacted for follow-up. */
  contactConsent?: true;
}

export function readRating(form: HTMLFormElement, indicatorCodes: string[]): RatingInput {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const scores: Record<string, number> = {};
  for (const code of indicatorCodes) scores[code] = Number(data.get(code)) || 0;
  return {
    serviceType: text('serviceType'),
    scores,
    phone: text('phone'),
    comment: text('comment'),
    website: String(data.get('website') ?? ''),
    ...(data.has('contactConsent') ? { contactConsent: true as const } : {}),
  };
}

export function checkRating(input: RatingInput, t: Strings): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.serviceType) errors.serviceType = t.needService;
  for (const [code, score] of Object.entries(input.scores)) {
    if (!score) errors[`scores.${code}`] = t.needScore;
  }
  if (!input.phone) errors.phone = t.needPhone;
  else if (!looksLikeMobile(input.phone)) errors.phone = t.badPhone;
  return errors;
}
