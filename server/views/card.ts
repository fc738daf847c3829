import { INDICATORS } from '../domain/indicators.js';
import { Html, html } from '../http/html.js';
import type { PublicEmployee } from '../domain/public-employee.js';

export type CardLayout = 'a6' | 'tent';

/**
 * One employee's card: who, the QR code, the short link, and what the customer is asked to judge.
 * Sizes are in millimetres and points, so print and screen agree; black on white, no backgrounds,
 * so a black-and-white printer or a photocopy loses nothing.
 */
export function cardMarkup(employee: PublicEmployee, qrSvg: string, extraClass = ''): Html {
  return html`<article class="card ${extraClass}">
  <p class="office">${employee.office.name}</p>
  <p class="ask">Nilai pelayanan saya</p>
  <h2 class="name">${employee.name}</h2>
  <p class="post">${[employee.position, employee.workArea.name].filter(Boolean).join(' · ')}</p>
  <div class="qr" role="img" aria-label="Kode QR ke ${employee.shortLink}">${new Html(qrSvg)}</div>
  <p class="scan">Pindai dengan kamera ponsel, atau buka</p>
  <p class="link">${employee.shortLink}</p>
  <ul class="pacak">${INDICATORS.map((indicator) => html`<li><b>${indicator.name}</b> ${indicator.description.id}</li>`)}</ul>
</article>`;
}

/** The card's own rules, shared by the A6 page, the tent and the board. */
export const CARD_STYLE = `
.card{box-sizing:border-box;width:105mm;height:148mm;padding:7mm 8mm;overflow:hidden;display:flex;flex-direction:column;
align-items:center;text-align:center;font:9pt/1.25 "DejaVu Sans",Arial,Helvetica,sans-serif;color:#000;background:#fff}
.card p,.card h2,.card ul{margin:0}
.card .office{font-size:7pt;font-weight:700;text-transform:uppercase;letter-spacing:.02em;border-bottom:.3mm solid #000;padding-bottom:1.5mm;width:100%}
.card .ask{margin-top:2.5mm;font-size:9pt}
.card .name{margin-top:1mm;font-size:13pt;line-height:1.15;font-weight:700}
.card .post{margin-top:1mm;font-size:8pt}
.card .qr{margin-top:2mm;width:62mm;height:62mm;flex:none}
.card .qr svg{display:block;width:100%;height:100%}
.card .scan{margin-top:1mm;font-size:7.5pt}
.card .link{font:700 9.5pt/1.3 "DejaVu Sans Mono",Consolas,monospace;word-break:break-all}
.card .pacak{margin-top:auto;padding:2mm 0 0;list-style:none;text-align:left;font-size:6.5pt;line-height:1.25;border-top:.3mm solid #000;width:100%}
.card .pacak li{margin-top:.8mm}
.card .pacak b{font-size:7pt}
`;

/** The parts of a page that only a screen shows: the grey desk, the shadow, the print button. */
export const SHEET_STYLE = `
html{background:#e8ecea}
body{margin:0;color:#000}
.toolbar{font:15px/1.4 system-ui,sans-serif;max-width:210mm;margin:0 auto;padding:12px 16px;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.toolbar button,.toolbar a{font:inherit;padding:8px 14px;border-radius:8px;border:1px solid #00695c;background:#fff;color:#00695c;text-decoration:none;cursor:pointer}
.toolbar button{background:#00695c;color:#fff}
.sheet{background:#fff;margin:0 auto 16px;box-shadow:0 1px 6px rgba(0,0,0,.25)}
@media print{html,body{background:#fff}.toolbar{display:none}.sheet{margin:0;box-shadow:none}}
`;

// A6 by its measures: Chromium does not know the keyword (it knows A5, A4, A3) and would print on Letter.
const A6_STYLE = `${CARD_STYLE}${SHEET_STYLE}
@page{size:105mm 148mm;margin:0}
.sheet{width:105mm;height:148mm;overflow:hidden}
`;

// A4 portrait folded across the middle: two A5-landscape faces, the upper one upside down so that
// both read upright once the sheet stands on the desk as a tent.
const TENT_STYLE = `${CARD_STYLE}${SHEET_STYLE}
@page{size:A4;margin:0}
.sheet{width:210mm;height:296mm;overflow:hidden;display:flex;flex-direction:column}
.face{flex:none;width:210mm;height:148mm;display:flex;align-items:center;justify-content:center}
.face.top{transform:rotate(180deg)}
.face+.face{border-top:.2mm dashed #000}
.card.wide{width:200mm;height:140mm;padding:10mm 12mm;display:grid;grid-template-columns:84mm 1fr;grid-template-rows:auto auto auto auto 1fr auto;
column-gap:9mm;text-align:left;align-items:start}
.card.wide .office{grid-column:1/3}
.card.wide .qr{grid-column:1;grid-row:2/6;width:84mm;height:84mm;margin-top:3mm}
.card.wide .ask{grid-column:2;margin-top:4mm;font-size:12pt}
.card.wide .name{grid-column:2;font-size:18pt}
.card.wide .post{grid-column:2;font-size:11pt}
.card.wide .pacak{grid-column:2;grid-row:5;margin-top:4mm;font-size:8pt}
.card.wide .pacak b{font-size:8.5pt}
.card.wide .scan{grid-column:1;grid-row:6;text-align:center;font-size:8pt}
.card.wide .link{grid-column:2;grid-row:6;font-size:12pt;align-self:end}
`;

function toolbar(employee: PublicEmployee, layout: CardLayout): Html {
  const other =
    layout === 'tent'
      ? html`<a href="/card/${encodeURIComponent(employee.nip)}">Kartu A6</a>`
      : html`<a href="/card/${encodeURIComponent(employee.nip)}?layout=tent">Kartu meja (lipat, A4)</a>`;
  return html`<div class="toolbar">
  <button type="button" data-print hidden>Cetak</button>
  <span>Cetak halaman ini (Ctrl+P), ukuran kertas ${layout === 'tent' ? 'A4' : 'A6'}, skala 100%.</span>
  ${other}
</div>`;
}

/** The printable card page: an A6 card, or with `tent` an A4 sheet that folds into a desk tent. */
export function cardPage(employee: PublicEmployee, qrSvg: string, layout: CardLayout): { title: string; style: string; body: Html } {
  const body =
    layout === 'tent'
      ? html`<div class="sheet"><div class="face top">${cardMarkup(employee, qrSvg, 'wide')}</div><div class="face">${cardMarkup(employee, qrSvg, 'wide')}</div></div>`
      : html`<div class="sheet">${cardMarkup(employee, qrSvg)}</div>`;
  return {
    title: `Kartu penilaian ${employee.name}`,
    style: layout === 'tent' ? TENT_STYLE : A6_STYLE,
    body: html`${toolbar(employee, layout)}<main>${body}</main>`,
  };
}
