/** The one-service code panel of /keypass: PIN in, a fresh QR for the customer in front of the employee out. */

interface Issued {
  token: string;
  url: string;
  expiresAt: string;
}

const MESSAGES: Record<number, string> = {
  401: 'PIN salah. Periksa kembali PIN Anda.',
  403: 'Anda belum memiliki PIN. Mintalah PIN kepada admin kantor.',
  422: 'PIN terdiri dari 6 sampai 12 angka.',
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

export function enhanceServiceCode(share: (url: string, title: string, status: HTMLElement) => void): void {
  const form = byId<HTMLFormElement>('service-code');
  const panel = byId('service-code-panel');
  const status = byId('service-code-status');
  const result = byId('service-code-result');
  const image = byId<HTMLImageElement>('service-code-qr');
  const link = byId('service-code-link');
  const expiry = byId('service-code-expiry');
  const shareButton = byId<HTMLButtonElement>('service-code-share');
  if (!form || !panel || !status || !result || !image || !link || !expiry || !shareButton) return;
  panel.hidden = false;
  let current: Issued | undefined;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  shareButton.addEventListener('click', () => current && share(current.url, 'Penilaian pelayanan (kode sekali pakai)', status));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    const pin = (form.elements.namedItem('pin') as HTMLInputElement).value.trim();
    if (submit) submit.disabled = true;
    status.textContent = 'Membuat kode…';
    try {
      const response = await fetch('/api/v1/service-tokens', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ nip: form.dataset.nip, pin }),
      });
      if (!response.ok) {
        const wait = Number(response.headers.get('Retry-After'));
        status.textContent =
          response.status === 429
            ? `Terlalu banyak percobaan. Coba lagi dalam ${Math.max(1, Math.ceil(wait / 60))} menit.`
            : (MESSAGES[response.status] ?? 'Kode belum dapat dibuat. Silakan coba lagi.');
        return;
      }
      current = (await response.json()) as Issued;
      const until = new Date(current.expiresAt);
      image.src = `/qr/t/${encodeURIComponent(current.token)}.svg?size=512`;
      link.textContent = current.url;
      expiry.textContent = `Berlaku untuk satu penilaian sampai pukul ${until.toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit' })}.`;
      result.hidden = false;
      shareButton.hidden = false;
      result.scrollIntoView({ block: 'center' });
      status.textContent = 'Kode sekali pakai siap: tunjukkan kepada pelanggan. Untuk pelanggan berikutnya, buat kode baru.';
      if (submit) submit.textContent = 'Buat kode baru';
      clearTimeout(expiryTimer);
      expiryTimer = setTimeout(() => {
        result.hidden = true;
        status.textContent = 'Kode sekali pakai sudah kedaluwarsa. Buat kode baru bila perlu.';
      }, until.getTime() - Date.now());
    } catch {
      status.textContent = 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.';
    } finally {
      if (submit) submit.disabled = false;
    }
  });
}
