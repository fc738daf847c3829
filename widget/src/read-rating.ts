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
