import { html } from '../http/html.js';
import { BOARD_STYLE } from './board.js';
import type { PageParts } from './page.js';

const STYLE = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
noscript p{margin:1rem;padding:1rem;background:#fff;border-radius:12px}`;

const WORDS = {
  id: { title: 'Konsol PACAK', noscript: 'Konsol ini memerlukan JavaScript.' },
  en: { title: 'PACAK console', noscript: 'This console needs JavaScript.' },
};

/**
 * `/admin` and every address under it: the office's console, a page around `<pacak-console>`, whose
 * script loads each screen's chunk from /widget/ when it is first opened. The page is the same for
 * every address; the console reads the address itself (history routing).
 */
export function consolePage(lang: 'id' | 'en'): PageParts {
  const words = WORDS[lang];
  return {
    title: words.title,
    style: STYLE,
    // The reports screen prints a work area's board by opening its HTML from a blob, which keeps this policy.
    otherStyles: [BOARD_STYLE],
    lang,
    scripts: ['/widget/pacak-console.js'],
    fetches: true,
    body: html`<main><pacak-console${lang === 'en' ? html` lang="en"` : html``}></pacak-console><noscript><p>${words.noscript}</p></noscript></main>`,
  };
}
