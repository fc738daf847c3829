import { html } from 'lit';
import type { TemplateResult } from 'lit';

/** Where a paged list stands: the first row shown, how many are shown and how many there are. */
export interface PageState {
  offset: number;
  shown: number;
  total: number;
}

/**
 * The Previous / Next buttons under a paged list (ratings, audit log, feedback), with "1–50 of 120"
 * between them; `turn` gets -1 or 1.
 */
export function pager(
  { offset, shown, total }: PageState,
  turn: (step: number) => void,
  t: (id: string, en: string) => string,
): TemplateResult {
  return html`<nav class="actions" aria-label=${t('Halaman', 'Pages')}>
        <button type="button" class="secondary" ?disabled=${offset === 0} @click=${() => turn(-1)}>${t('Sebelumnya', 'Previous')}</button>
        <span>${offset + 1}–${offset + shown} ${t('dari', 'of')} ${total}</span>
        <button type="button" class="secondary" ?disabled=${offset + shown >= total} @click=${() => turn(1)}>${t('Berikutnya', 'Next')}</button>
      </nav>`;
}
