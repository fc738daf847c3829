import { html } from '../http/html.js';
import { BOARD_STYLE } from './board.js';
import type { PageParts } from './page.js';

const STYLE = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
.top{padding:.75rem 1rem;background:#00695c;color:#fff}
.top h1{margin:0;font-size:1.15rem;font-weight:600}
noscript p{margin:1rem;padding:1rem;background:#fff;border-radius:12px}
@media print{.top{background:none;color:#000;padding:0 0 .5rem}}`;

const TITLES = {
  id: {
    title: 'Dasbor Penilaian PACAK',
    heading: 'PACAK · Penilaian kinerja pegawai oleh pelanggan',
    noscript: 'Dasbor ini memerlukan JavaScript.',
  },
  en: {
    title: 'PACAK rating dashboard',
    heading: 'PACAK · Customers rate the staff who served them',
    noscript: 'This dashboard needs JavaScript.',
  },
};

/** `/dashboard`: the leaders' dashboard alone, a page around `<pacak-dashboard>` and its script bundle. */
export function dashboardPage(lang: 'id' | 'en'): PageParts {
  const words = TITLES[lang];
  return {
    title: words.title,
    style: STYLE,
    // The dashboard prints a work area's board by opening its HTML from a blob, which keeps this policy.
    otherStyles: [BOARD_STYLE],
    lang,
    scripts: ['/widget/pacak-dashboard.js'],
    fetches: true,
    body: html`<header class="top"><h1>${words.heading}</h1></header>
<main><pacak-dashboard></pacak-dashboard><noscript><p>${words.noscript}</p></noscript></main>`,
  };
}
