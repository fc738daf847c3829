import { html, type Html } from '../http/html.js';
import type { PublicEmployee } from '../domain/public-employee.js';
import { NOTICE_STYLE } from './notice.js';

export type KeypassView =
  | { state: 'ask' }
  | { state: 'unknown'; typed: string }
  | { state: 'limited'; retryAfterSeconds: number }
  | { state: 'found'; employee: PublicEmployee; serviceTokenMinutes: number };

const STYLE = `${NOTICE_STYLE}
h1{font-size:1.35rem;margin:.25rem 0 .75rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
label{display:block;font-weight:600;margin-bottom:.35rem}
input{font:inherit;font-size:1.15rem;padding:.6rem .75rem;border:1px solid #7b8794;border-radius:8px;width:100%;box-sizing:border-box}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1rem;border-radius:8px;border:1px solid #00695c;background:#00695c;color:#fff;text-decoration:none;cursor:pointer;margin:.5rem .5rem 0 0}
.button.secondary,button.secondary{background:#fff;color:#00695c}
.error{color:#b42318;font-weight:600}
.muted{color:#52606d;font-size:.9rem}
.person{margin:0}
.person .name{font-size:1.25rem;font-weight:700}
.qr{display:block;width:100%;max-width:320px;height:auto;margin:1rem auto;image-rendering:pixelated}
.link{font-family:ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all;background:#f3f6f4;padding:.5rem;border-radius:6px}
.panel{border-top:1px solid #d9e2dc;margin-top:1.25rem;padding-top:.25rem}
[role=status]{min-height:1.5em}
`;

function lookupForm(typed = '', error?: Html): Html {
  return html`<form method="get" action="/keypass" class="lookup">
  <label for="nip">NIP atau kode pegawai</label>
  <input id="nip" name="nip" value="${typed}" inputmode="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
    maxlength="40" required aria-describedby="nip-help${error ? ' nip-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
  <p id="nip-help" class="muted">NIP 18 angka (boleh dengan spasi), atau kode pegawai PPPK/alih daya dari kantor.</p>
  ${error ? html`<p id="nip-error" class="error" role="alert">${error}</p>` : ''}
  <button type="submit">Tampilkan kode QR saya</button>
</form>`;
}

function found(employee: PublicEmployee, minutes: number): Html {
  const nip = encodeURIComponent(employee.nip);
  return html`<section aria-labelledby="who">
  <p class="person"><span class="name" id="who">${employee.name}</span><br>
  <span class="muted">${employee.position} · ${employee.workArea.name}</span></p>
  <img class="qr" id="employee-qr" src="/qr/${nip}.svg?size=512" width="320" height="320" alt="Kode QR penilaian untuk ${employee.name}">
  <p class="link" id="rating-link">${employee.ratingUrl}</p>
  <p>
    <a class="button" id="download-svg" href="/qr/${nip}.svg?size=1024&amp;download=1" download="pacak-qr-${employee.nip}.svg">Unduh SVG</a>
    <a class="button" id="download-png" href="/qr/${nip}.png?size=1024&amp;download=1" download="pacak-qr-${employee.nip}.png">Unduh PNG</a>
    <button type="button" class="secondary" data-share="${employee.ratingUrl}" data-share-title="Penilaian pelayanan ${employee.name}" hidden>Bagikan tautan</button>
  </p>
  <p role="status" id="share-status"></p>
  <p>
    <a class="button secondary" href="/card/${nip}">Kartu cetak (A6)</a>
    <a class="button secondary" href="/card/${nip}?layout=tent">Kartu meja (lipat, A4)</a>
  </p>
</section>
<section class="panel" id="service-code-panel" aria-labelledby="service-code-title" hidden>
  <h2 id="service-code-title">Kode sekali pakai</h2>
  <p class="muted">Untuk pelanggan di depan Anda: kode baru yang berlaku ${minutes} menit untuk satu penilaian, yang tercatat sebagai
  terverifikasi. Masukkan PIN Anda dari admin kantor.</p>
  <form id="service-code" data-nip="${employee.nip}">
    <label for="pin">PIN</label>
    <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" pattern="[0-9]{6,12}" maxlength="12" required>
    <button type="submit">Tampilkan kode sekali pakai</button>
  </form>
  <p role="status" id="service-code-status"></p>
  <div id="service-code-result" hidden>
    <img class="qr" id="service-code-qr" width="320" height="320" alt="Kode QR sekali pakai">
    <p class="link" id="service-code-link"></p>
    <p class="muted" id="service-code-expiry"></p>
    <button type="button" class="secondary" id="service-code-share" hidden>Bagikan tautan sekali pakai</button>
  </div>
</section>
<section class="panel"><h2>Bukan Anda?</h2>${lookupForm()}</section>`;
}

/** The keypass page: an employee types their NIP and gets their QR code, downloads, link and cards. */
export function keypassPage(view: KeypassView): { title: string; style: string; body: Html } {
  let main: Html;
  if (view.state === 'found') {
    main = found(view.employee, view.serviceTokenMinutes);
  } else if (view.state === 'unknown') {
    main = lookupForm(
      view.typed,
      html`NIP atau kode pegawai tidak ditemukan, atau pegawai tidak aktif. Periksa kembali angkanya; bila sudah benar, hubungi admin kantor.`,
    );
  } else if (view.state === 'limited') {
    const minutes = Math.ceil(view.retryAfterSeconds / 60);
    main = html`<p class="error" role="alert">Terlalu banyak pencarian dari sambungan ini. Silakan coba lagi dalam ${minutes} menit.</p>`;
  } else {
    main = lookupForm();
  }
  return {
    title: view.state === 'found' ? `Kode QR ${view.employee.name}` : 'Kode QR saya',
    style: STYLE,
    body: html`<header>PACAK · Kode QR pegawai</header>
<main><div class="notice"><h1>Kode QR penilaian saya</h1>
<p class="muted">Tunjukkan kode QR ini kepada pelanggan, atau cetak kartunya, agar pelanggan dapat menilai pelayanan Anda.</p>
${main}</div></main>`,
  };
}
