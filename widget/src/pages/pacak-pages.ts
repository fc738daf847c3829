/**
 * The script of the server's own pages (/keypass, /card, /board, /kiosk, /r/<code>), served as a file because their
 * Content-Security-Policy allows no inline script. Each page works without it; it adds the buttons
 * that need a script: print, share or copy the link, and one-service codes.
 */
import { shareLink } from '../share-link.js';
import { answerCarriedForm } from './carried-form.js';
import { startKiosk } from './kiosk-page.js';
import { enhanceLangSwitch } from './lang-switch.js';
import { enhanceServiceCode } from './service-code.js';

// First: the hosted page's widget asks for its form as soon as it runs.
answerCarriedForm();

async function share(url: string, title: string, status: HTMLElement | null): Promise<void> {
  const via = await shareLink(url, title);
  if (!status) return;
  if (via === 'clipboard') status.textContent = 'Tautan disalin. Tempelkan di WhatsApp atau pesan lain.';
  else if (via === 'unavailable') status.textContent = 'Salin tautan di atas secara manual (tekan lama, lalu Salin).';
  else status.textContent = '';
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-share]')) {
  button.hidden = false;
  button.addEventListener('click', () =>
    share(button.dataset.share ?? '', button.dataset.shareTitle ?? document.title, document.getElementById('share-status')),
  );
}

enhanceServiceCode((url, title, status) => void share(url, title, status));

const kiosk = document.querySelector<HTMLElement>('[data-kiosk]');
if (kiosk) startKiosk(kiosk);

enhanceLangSwitch();
