import { html } from '../http/html.js';
import type { PageParts } from './page.js';

const STYLE = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
header{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;background:#00695c;color:#fff}
header h1{margin:0;font-size:1.1rem}
header a{color:#fff;display:inline-block;min-height:24px;padding:.25rem}
main{max-width:60rem;margin:0 auto;padding:1rem}
noscript p{margin:1rem 0;padding:1rem;background:#fff;border-radius:12px}`;

const WORDS = {
  id: { title: 'Halaman saya: PACAK', heading: 'Halaman saya', other: 'English', noscript: 'Halaman ini memerlukan JavaScript.' },
  en: { title: 'My page: PACAK', heading: 'My page', other: 'Bahasa Indonesia', noscript: 'This page needs JavaScript.' },
};

/**
 * `/saya`: an employee's own page, a frame around `<pacak-employee>`, whose script the page loads from
 * /widget/ (a bundle of its own: customers never load it). The page holds no data and needs no sign-in
 * to load; the element signs in against the API and keeps its token in the tab.
 */
export function employeePage(lang: 'id' | 'en'): PageParts {
  const words = WORDS[lang];
  const other = lang === 'en' ? 'id' : 'en';
  return {
    title: words.title,
    style: STYLE,
    lang,
    scripts: ['/widget/pacak-employee.js'],
    fetches: true,
    body: html`<header><h1>PACAK · ${words.heading}</h1><a href="?lang=${other}" lang="${other}" hreflang="${other}">${words.other}</a></header>
<main><pacak-employee lang="${lang}"></pacak-employee><noscript><p>${words.noscript}</p></noscript></main>`,
  };
}
