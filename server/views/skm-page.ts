import { Html, html } from '../http/html.js';

const PAGE_STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
main{max-width:42rem;margin:0 auto;padding:1rem}
header{padding:.75rem 1rem;background:#00695c;color:#fff}header h1{margin:0;font-size:1rem}
nav{margin:0 0 .5rem;text-align:end}nav a{color:#00564b;display:inline-block;min-height:24px;padding:.25rem}
.notice{background:#fff;border-radius:12px;padding:1.25rem;margin-top:1rem;line-height:1.5}`;

export interface SkmPageInput {
  office: { code: string; name: string };
  service: string | null;
  lang: 'id' | 'en';
}

/**
 * The hosted SKM page a QR code per office or per service opens: the office's name, a language
 * switch, and `<pacak-skm>` with nothing else to wait for. The questionnaire is preloaded while the
 * script is on its way, as the rating page does.
 */
export function skmPage({ office, service, lang }: SkmPageInput): string {
  const other = lang === 'id' ? 'en' : 'id';
  const query = (l: string) => `?${service ? `service=${encodeURIComponent(service)}&` : ''}lang=${l}`;
  const title = lang === 'id' ? `Survei Kepuasan Masyarakat ${office.name}` : `Public Satisfaction Survey ${office.name}`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${new Html(PAGE_STYLE)}</style>
<link rel="modulepreload" href="/widget/pacak-skm.js">
</head>
<body><header><h1>${office.name}</h1></header>
<main><nav><a href="${query(other)}" lang="${other}" hreflang="${other}">${other === 'en' ? 'English' : 'Bahasa Indonesia'}</a></nav>
<pacak-skm office="${office.code}" lang="${lang}" channel="qr"${service ? html` service="${service}"` : ''}></pacak-skm></main>
<script type="module" src="/widget/pacak-skm.js"></script>
</body>
</html>`.text;
}

export function skmNotFoundPage(): string {
  return html`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Halaman tidak ditemukan</title>
<style>${new Html(PAGE_STYLE)}</style></head>
<body><header>PACAK</header><main><div class="notice"><h1>Halaman tidak ditemukan</h1><p>Kantor ini tidak dikenal. Mohon pindai ulang kode QR survei, atau tanyakan kepada petugas kami.</p></div></main></body></html>`
    .text;
}
