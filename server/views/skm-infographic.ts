import { isUsedElement } from '../domain/skm/ikm.js';
import { Html, html } from '../http/html.js';
import type { PublishedSkm } from '../services/skm/publications.js';

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
header{padding:.75rem 1rem;background:#00695c;color:#fff}header p{margin:0}
main{max-width:56rem;margin:0 auto;padding:1rem .5rem}
th{overflow-wrap:anywhere}
h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
nav{text-align:end}nav a{color:#00564b;display:inline-block;min-height:24px;padding:.25rem}
.hero{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;background:#fff;border-radius:12px;padding:1rem}
.ikm{font-size:3rem;font-weight:800;line-height:1;color:#00564b}
.grade{font-size:1.25rem;font-weight:700}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:12px}
th,td{padding:.4rem .5rem;text-align:start;border-bottom:1px solid #d9e2dc;vertical-align:top}
td.n{text-align:end;white-space:nowrap}
.bar{height:.6rem;background:#d9e2dc;border-radius:.3rem;min-width:4rem}.bar span{display:block;height:100%;background:#00695c;border-radius:.3rem}
.muted{color:#4a5550;font-size:.9rem}
@media (max-width:30rem){.bar-col{display:none}th,td{padding:.3rem .25rem;font-size:.9rem}.ikm{font-size:2.5rem}}
@media print{nav{display:none}body{background:#fff}}`;

const WORDS = {
  id: {
    title: 'Hasil Survei Kepuasan Masyarakat',
    respondents: 'responden',
    element: 'Unsur pelayanan',
    value: 'Nilai',
    grade: 'Mutu',
    followUp: 'Rencana tindak lanjut',
    status: 'Status',
    none: 'Belum ada rencana tindak lanjut.',
    noData: 'Belum ada kuesioner pada periode ini.',
    poster: 'Unduh poster A4 (PDF)',
    lowest: 'Unsur terendah',
    service: 'Jenis layanan',
    all: 'Semua layanan',
    method: 'Cara menghitung',
  },
  en: {
    title: 'Public Satisfaction Survey result',
    respondents: 'respondents',
    element: 'Service element',
    value: 'Value',
    grade: 'Grade',
    followUp: 'Follow-up plan',
    status: 'Status',
    none: 'No follow-up plan yet.',
    noData: 'No questionnaire in this period yet.',
    poster: 'Download the A4 poster (PDF)',
    lowest: 'Lowest element',
    service: 'Service',
    all: 'All services',
    method: 'How it is computed',
  },
} as const;

export const STATUS_LABELS = {
  id: { direncanakan: 'Direncanakan', berjalan: 'Sedang berjalan', selesai: 'Selesai' },
  en: { direncanakan: 'Planned', berjalan: 'In progress', selesai: 'Done' },
} as Record<'id' | 'en', Record<string, string>>;

/** A figure as each language writes it: 90,50 in Indonesian, 90.50 in English. */
export const figure = (value: number | null, digits: number, lang: 'id' | 'en'): string =>
  value === null ? '-' : lang === 'id' ? value.toFixed(digits).replace('.', ',') : value.toFixed(digits);

/** The SKM infographic of a published link: IKM, grade, respondents, period, per-element values, follow-up. */
export function skmInfographic(report: PublishedSkm, lang: 'id' | 'en', posterHref: string): string {
  const w = WORDS[lang];
  const other = lang === 'id' ? 'en' : 'id';
  const { result } = report;
  const rows = result.elements.filter(isUsedElement);
  return html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>${w.title}: ${report.office.name}, ${report.period.label[lang]}</title>
<style>${new Html(STYLE)}</style></head>
<body><header><p>${report.office.name}</p></header>
<main><nav><a href="?lang=${other}" lang="${other}" hreflang="${other}">${other === 'en' ? 'English' : 'Bahasa Indonesia'}</a> · <a href="${posterHref}">${w.poster}</a></nav>
<h1>${w.title}</h1>
<p>${report.period.label[lang]} · ${w.service}: ${report.serviceType?.name ?? w.all}</p>
<section class="hero" aria-label="IKM">
<div><div class="ikm">${figure(result.ikm, 2, lang)}</div><div class="muted">IKM (25-100)</div></div>
<div><div class="grade">${result.grade && result.gradeLabel ? `${result.grade} · ${result.gradeLabel[lang]}` : w.noData}</div><div>${result.respondents} ${w.respondents}</div></div>
</section>
<h2>${w.element}</h2>
<table><thead><tr><th scope="col">${w.element}</th><th scope="col">NRR</th><th scope="col">${w.value}</th><th scope="col">${w.grade}</th><th scope="col" class="bar-col"><span class="muted">1-4</span></th></tr></thead>
<tbody>${rows.map(
    (
      element,
    ) => html`<tr><th scope="row">U${element.number}. ${element.name[lang]}</th><td class="n">${figure(element.nrr, 2, lang)}</td><td class="n">${figure(element.converted, 2, lang)}</td><td>${element.grade}</td>
<td class="bar-col"><div class="bar" aria-hidden="true"><span style="width:${((element.nrr - 1) / 3) * 100}%"></span></div></td></tr>`,
  )}</tbody></table>
<h2>${w.followUp}</h2>
${report.lowest.length ? html`<p>${w.lowest}: ${report.lowest.map((row) => row.name[lang]).join(', ')}</p>` : ''}
${
  report.followUps.length
    ? html`<table><thead><tr><th scope="col">${w.element}</th><th scope="col">${w.followUp}</th><th scope="col">${w.status}</th></tr></thead><tbody>${report.followUps.map(
        (row) => {
          const element = result.elements.find((e) => e.code === row.element);
          return html`<tr><td>${element ? `U${element.number}. ${element.name[lang]}` : row.element}</td><td>${row.plan}</td><td>${STATUS_LABELS[lang][row.status] ?? row.status}</td></tr>`;
        },
      )}</tbody></table>`
    : html`<p>${w.none}</p>`
}
<h2>${w.method}</h2><p class="muted">${report.method[lang]}</p>
</main></body></html>`.text;
}
