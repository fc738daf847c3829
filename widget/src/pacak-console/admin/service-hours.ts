import { html, type nothing } from 'lit';
import type { TemplateResult } from 'lit';

/** `07:30-16:00` as the API keeps it, from two time inputs; both empty is "not set" (null). */
export function hoursFrom(data: FormData): string | null {
  const open = String(data.get('open') ?? '');
  const close = String(data.get('close') ?? '');
  return open || close ? `${open}-${close}` : null;
}

/** Two time inputs, opening and closing, for a form whose ids start with `prefix`. */
export function hoursInputs(
  prefix: string,
  hours: string | null,
  words: { open: string; close: string },
  describedBy: string | typeof nothing,
): TemplateResult {
  const [open, close] = hours ? hours.split('-') : ['', ''];
  return html`<div class="field">
      <label for="${prefix}-open">${words.open}</label>
      <input id="${prefix}-open" name="open" type="time" .value=${open ?? ''} aria-describedby=${describedBy} />
    </div>
    <div class="field">
      <label for="${prefix}-close">${words.close}</label>
      <input id="${prefix}-close" name="close" type="time" .value=${close ?? ''} aria-describedby=${describedBy} />
    </div>`;
}
