import { Html, html } from '../http/html.js';

// A tablet at the counter, upright (800x1280) or on its side (1280x800): the form fills the screen, its
// targets are large (the picker's grid of photos is large by itself, in kiosk mode), the stars big.
const STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
main{max-width:48rem;margin:0 auto;padding:1rem}
header{padding:.75rem 1rem;background:#00695c;color:#fff;font-weight:600}
.notice{background:#fff;border-radius:12px;padding:1.25rem;margin-top:1rem;line-height:1.5}
main:has(pacak-rating){max-width:none;padding:.75rem}
pacak-rating::part(card){max-width:none;min-height:calc(100vh - 5rem);padding:1.5rem 2rem;font-size:20px}
pacak-rating::part(form),pacak-rating::part(header),pacak-rating::part(receipt){max-width:52rem;margin-inline:auto}
pacak-rating::part(stars){zoom:1.6}
pacak-rating::part(submit),pacak-rating::part(back),pacak-rating::part(retry){min-height:64px;font-size:1.25rem}`;

/**
 * The page a counter tablet opens from the QR code the console shows when a kiosk key is issued:
 * `/kiosk#area=<work area>&key=<key>`. The key is after `#`, so it never reaches the server or its
 * logs; the page's script (pacak-pages.js) reads it and places `<pacak-rating kiosk>`. Opened without
 * a key, the notice says where a key comes from.
 */
export function kioskPage(): string {
  return html`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>PACAK: penilaian di loket</title>
<style>${new Html(STYLE)}</style>
<script type="module" src="/widget/pacak-rating.js"></script>
<script type="module" src="/widget/pacak-pages.js"></script>
</head>
<body><header>PACAK</header><main data-kiosk><div class="notice" data-kiosk-notice><h1>Tablet belum punya kunci kios</h1>
<p>Buka halaman ini dengan memindai kode QR yang ditampilkan konsol admin (<b>Kunci kios</b>, <b>Terbitkan kunci</b>).</p>
<p lang="en">Open this page by scanning the QR code the admin console shows when a kiosk key is issued.</p></div></main></body>
</html>`.text;
}
