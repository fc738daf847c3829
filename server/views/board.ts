import { html, type Html } from '../http/html.js';
import type { PublicWorkArea } from '../domain/public-employee.js';
import { CARD_STYLE, cardMarkup, SHEET_STYLE } from './card.js';

/** Cards on one A4 sheet: two by two, each exactly an A6 card, with dashed lines to cut along. */
export const CARDS_PER_SHEET = 4;

/** The board's one style sheet; /admin allows it by hash, since the dashboard opens a board from a blob. */
export const BOARD_STYLE = `${CARD_STYLE}${SHEET_STYLE}
@page{size:A4;margin:0}
.sheet{width:210mm;height:296mm;overflow:hidden;display:grid;grid-template-columns:105mm 105mm;grid-template-rows:148mm 148mm}
.sheet+.sheet{break-before:page}
.cell{outline:.2mm dashed #000;outline-offset:-.1mm}
.empty{padding:20mm;font:12pt/1.5 system-ui,sans-serif}
`;

/**
 * The post coordinator's print: the cards of every active employee of one work area, four to an A4
 * sheet, each sheet its own printed page.
 */
export function boardPage(area: PublicWorkArea, qrSvgs: string[]): { title: string; style: string; body: Html } {
  const sheets: Html[] = [];
  for (let start = 0; start < area.employees.length; start += CARDS_PER_SHEET) {
    const cells = area.employees
      .slice(start, start + CARDS_PER_SHEET)
      .map((employee, i) => html`<div class="cell">${cardMarkup(employee, qrSvgs[start + i] ?? '')}</div>`);
    sheets.push(html`<section class="sheet">${cells}</section>`);
  }
  const title = `Papan kode QR ${area.workArea.name}`;
  const empty = html`<section class="sheet"><p class="empty">Belum ada pegawai aktif di ${area.workArea.name}.</p></section>`;
  return {
    title,
    style: BOARD_STYLE,
    body: html`<div class="toolbar">
  <button type="button" data-print hidden>Cetak</button>
  <span>${title}: ${area.employees.length} pegawai, ${Math.max(sheets.length, 1)} lembar A4 (skala 100%). Gunting di garis putus-putus.</span>
</div>
<main>${sheets.length ? sheets : [empty]}</main>`,
  };
}
