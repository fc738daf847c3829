/**
 * The script of the webmaster's page `GET /embed`: find an employee (by NIP, or from the admin API's
 * list after signing in), or a work area for a kiosk, and copy the ready snippet. Plain DOM, no Lit:
 * it is loaded by that one page only. The sign-in token lives in this page's memory, never in storage.
 */

interface Named {
  code: string;
  name: string;
}

interface AdminEmployee {
  nip: string;
  name: string;
  workArea: Named;
  active: boolean;
}

type Choice = { nip: string; ratingUrl: string } | { workArea: string };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const here = location.origin;
let choice: Choice | undefined;
/** The admin's sign-in token, in this page's memory only: it lets the page allow a site. */
let token: string | undefined;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What a webmaster pastes: the script, and the element with fallback content inside it (a short
 * message and the employee's hosted rating page). A browser shows that content while the script has
 * not run, and the widget shows it when the server cannot be reached, so a page never has a gap.
 */
function snippet(serverOrigin: string, attributes: Record<string, string>, ratingUrl?: string): string {
  const text = Object.entries(attributes)
    .map(([name, value]) => (value === '' && name === 'kiosk' ? ' kiosk' : value ? ` ${name}="${escapeAttribute(value)}"` : ''))
    .join('');
  const script = `<script type="module" src="${serverOrigin}/widget/pacak-rating.js"></script>`;
  if (!ratingUrl) return `${script}\n<pacak-rating${text}></pacak-rating>`;
  const words =
    attributes.lang === 'en'
      ? ['The rating form could not be loaded.', 'Rate our service on the PACAK page']
      : ['Formulir penilaian tidak dapat dimuat.', 'Beri penilaian di halaman PACAK'];
  const fallback = `<p>${words[0]} <a href="${escapeAttribute(ratingUrl)}">${words[1]}</a></p>`;
  return `${script}\n<pacak-rating${text}>\n  ${fallback}\n</pacak-rating>`;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<{ status: number; body?: T }> {
  try {
    const response = await fetch(url, init);
    return { status: response.status, body: await response.json().catch(() => undefined) };
  } catch {
    return { status: 0 };
  }
}

function say(id: string, text: string): void {
  $(id).textContent = text;
}

function show(next: Choice): void {
  choice = next;
  $('result').hidden = false;
  render();
  // Another employee may belong to another office, with other allowed sites.
  if ($<HTMLInputElement>('site').value) void checkSite();
}

function render(): void {
  if (!choice) return;
  const lang = $<HTMLSelectElement>('lang').value;
  const service = $<HTMLSelectElement>('service').value;
  const attributes: Record<string, string> =
    'nip' in choice ? { nip: choice.nip, lang, service } : { kiosk: '', 'work-area': choice.workArea, 'kiosk-key': 'KUNCI-KIOS', lang };
  $<HTMLTextAreaElement>('snippet').value = snippet(here, attributes, 'nip' in choice ? choice.ratingUrl : undefined);
  say('copy-status', '');
  const preview = $('preview');
  preview.replaceChildren();
  // A kiosk cannot be previewed without its key, which this page never sees.
  if ('nip' in choice) {
    const widget = document.createElement('pacak-rating');
    for (const [name, value] of Object.entries(attributes)) if (value) widget.setAttribute(name, value);
    preview.append(widget);
  }
}

async function loadServiceTypes(nip: string): Promise<void> {
  const select = $<HTMLSelectElement>('service');
  const { body } = await getJson<{ serviceTypes: Named[] }>(`${here}/api/v1/service-types?nip=${encodeURIComponent(nip)}`);
  select.length = 1;
  for (const type of body?.serviceTypes ?? []) select.add(new Option(type.name, type.code));
}

async function checkNip(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const nip = $<HTMLInputElement>('nip').value.trim();
  if (!/^[0-9A-Za-z-]{3,32}$/.test(nip)) return say('nip-status', 'Isi NIP (18 angka) atau kode petugas.');
  say('nip-status', 'Memeriksa…');
  const { status, body } = await getJson<{ name: string; workArea: Named; ratingUrl: string }>(
    `${here}/api/v1/employees/${encodeURIComponent(nip)}`,
  );
  if (status === 404) return say('nip-status', 'NIP tidak ditemukan, atau petugas itu tidak aktif.');
  if (!body) return say('nip-status', 'Server tidak dapat dihubungi. Coba lagi sebentar lagi.');
  say('nip-status', `Ditemukan: ${body.name}, ${body.workArea.name}.`);
  $<HTMLSelectElement>('service').length = 1;
  show({ nip, ratingUrl: body.ratingUrl });
  await loadServiceTypes(nip);
}

async function signIn(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const username = $<HTMLInputElement>('username').value;
  const password = $<HTMLInputElement>('password').value;
  say('sign-in-status', 'Masuk…');
  const answer = await getJson<{ token: string }>(`${here}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  $<HTMLInputElement>('password').value = '';
  // The admin API may not be installed on this server yet: say so and point to the plain way.
  if (answer.status === 404) return say('sign-in-status', 'Masuk belum tersedia di server ini. Gunakan cara 1: ketik NIP petugas.');
  if (answer.status === 401 || answer.status === 422) return say('sign-in-status', 'Nama pengguna atau kata sandi salah.');
  if (!answer.body?.token) return say('sign-in-status', 'Server tidak dapat dihubungi. Coba lagi sebentar lagi.');
  setToken(answer.body.token);

  const list = await getJson<{ employees: AdminEmployee[] }>(`${here}/api/v1/admin/employees`, {
    headers: { Authorization: `Bearer ${answer.body.token}` },
  });
  if (list.status === 404) return say('sign-in-status', 'Daftar pegawai belum tersedia di server ini. Gunakan cara 1: ketik NIP petugas.');
  if (list.status === 403 && /password-change-required/.test(String((list.body as { type?: string } | null)?.type))) {
    return say('sign-in-status', 'Akun ini harus memilih kata sandinya sendiri dulu: masuk di /admin, lalu kembali ke sini.');
  }
  if (list.status === 403) return say('sign-in-status', 'Akun ini tidak boleh melihat daftar pegawai.');
  if (!list.body?.employees) return say('sign-in-status', 'Daftar pegawai tidak dapat dimuat. Coba lagi.');
  fillPickers(list.body.employees.filter((employee) => employee.active));
  // Signed in: the form has done its work and goes; signing out brings it back.
  $('sign-in').hidden = true;
  $('sign-out').hidden = false;
  say('sign-in-status', `Masuk sebagai ${username}. ${list.body.employees.length} pegawai dimuat.`);
}

/** The token lived in this page's memory only: signing out forgets the lists made with it. */
function signOut(): void {
  $<HTMLSelectElement>('employee').length = 1;
  $<HTMLSelectElement>('work-area').length = 1;
  $('pickers').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  say('sign-in-status', 'Anda sudah keluar.');
  $<HTMLInputElement>('username').focus();
}

function fillPickers(employees: AdminEmployee[]): void {
  const employeeSelect = $<HTMLSelectElement>('employee');
  const areaSelect = $<HTMLSelectElement>('work-area');
  employeeSelect.length = 1;
  areaSelect.length = 1;
  const areas = new Map<string, HTMLOptGroupElement>();
  for (const employee of employees) {
    let group = areas.get(employee.workArea.code);
    if (!group) {
      group = document.createElement('optgroup');
      group.label = employee.workArea.name;
      areas.set(employee.workArea.code, group);
      employeeSelect.append(group);
      areaSelect.add(new Option(employee.workArea.name, employee.workArea.code));
    }
    group.append(new Option(`${employee.name} (${employee.nip})`, employee.nip));
  }
  $('pickers').hidden = false;
}

function setToken(value: string): void {
  token = value;
  if ($<HTMLInputElement>('site').value) void checkSite();
}

/**
 * The site to check: `?site=` (the WordPress plugin links here with its own address), else the page
 * the webmaster came from, when it is another site than this server.
 */
function prefillSite(): void {
  const given = new URLSearchParams(location.search).get('site');
  let origin = '';
  try {
    origin = given ? new URL(given).origin : document.referrer ? new URL(document.referrer).origin : '';
  } catch {
    origin = '';
  }
  if (!origin || origin === here || origin === 'null') return;
  $<HTMLInputElement>('site').value = origin;
  void checkSite();
}

/** Asks the server whether pages of the typed site may send ratings (to the chosen employee's office). */
async function checkSite(): Promise<void> {
  const allow = $<HTMLButtonElement>('allow-site');
  allow.hidden = true;
  const typed = $<HTMLInputElement>('site').value.trim();
  const query = new URLSearchParams({ origin: typed });
  if (choice && 'nip' in choice) query.set('nip', choice.nip);
  say('site-status', 'Memeriksa…');
  const { status, body } = await getJson<{ origin: string; allowed: boolean; office: Named; errors?: { message: string }[] }>(
    `${here}/api/v1/sites/check?${query}`,
  );
  if (status === 422)
    return say(
      'site-status',
      'Ketik alamat situs saja, diawali https://, misalnya https://bkkpalembang.go.id (tanpa halaman di belakangnya).',
    );
  if (!body || status !== 200) return say('site-status', 'Server tidak dapat dihubungi. Coba lagi sebentar lagi.');
  $<HTMLInputElement>('site').value = body.origin;
  if (body.allowed) return say('site-status', `Diizinkan: halaman ${body.origin} dapat mengirim penilaian ke ${body.office.name}.`);
  say(
    'site-status',
    `Belum diizinkan: penilaian dari ${body.origin} akan ditolak. Formulir di situs itu akan menampilkan tautan ke halaman penilaian PACAK. ` +
      (token
        ? 'Anda masuk sebagai administrator: izinkan situs ini di bawah.'
        : `Minta administrator ${body.office.name} menambahkan ${body.origin} ke daftar situs yang diizinkan, atau masuk di cara 2.`),
  );
  allow.hidden = !token;
}

async function allowSite(): Promise<void> {
  const origin = $<HTMLInputElement>('site').value;
  const { status, body } = await getJson<{ detail?: string }>(`${here}/api/v1/admin/allowed-origins`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ origin, note: 'Ditambahkan dari halaman /embed' }),
  });
  if (status === 403) return say('site-status', 'Akun ini tidak boleh mengubah daftar situs. Minta administrator kantor.');
  if (status !== 201 && status !== 409) return say('site-status', body?.detail ?? 'Situs tidak dapat ditambahkan. Coba lagi.');
  await checkSite();
}

async function copy(): Promise<void> {
  const area = $<HTMLTextAreaElement>('snippet');
  try {
    await navigator.clipboard.writeText(area.value);
  } catch {
    // No clipboard API (an http page): select the text for the webmaster and use the old command.
    area.select();
    if (!document.execCommand('copy')) return say('copy-status', 'Tekan Ctrl+C untuk menyalin kode yang sudah dipilih.');
  }
  say('copy-status', 'Kode tersalin. Tempel di halaman situs Anda.');
}

$('by-nip').addEventListener('submit', (event) => void checkNip(event as SubmitEvent));
$('sign-in').addEventListener('submit', (event) => void signIn(event as SubmitEvent));
$('sign-out').addEventListener('click', signOut);
$('employee').addEventListener('change', async (event) => {
  const nip = (event.target as HTMLSelectElement).value;
  if (!nip) return;
  $<HTMLSelectElement>('work-area').value = '';
  $<HTMLSelectElement>('service').length = 1;
  const employee = await getJson<{ ratingUrl: string }>(`${here}/api/v1/employees/${encodeURIComponent(nip)}`);
  show({ nip, ratingUrl: employee.body?.ratingUrl ?? '' });
  await loadServiceTypes(nip);
});
$('work-area').addEventListener('change', (event) => {
  const workArea = (event.target as HTMLSelectElement).value;
  if (!workArea) return;
  $<HTMLSelectElement>('employee').value = '';
  $<HTMLSelectElement>('service').length = 1;
  show({ workArea });
});
$('site-check').addEventListener('submit', (event) => {
  event.preventDefault();
  void checkSite();
});
$('allow-site').addEventListener('click', () => void allowSite());
$('lang').addEventListener('change', render);
prefillSite();
$('service').addEventListener('change', render);
$('copy').addEventListener('click', () => void copy());
