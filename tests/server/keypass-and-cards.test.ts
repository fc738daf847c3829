import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Koa, { type Middleware } from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, Office, WorkArea } from '../../server/db/models/index.js';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { INDICATORS } from '../../server/domain/indicators.js';
import { errorMiddleware } from '../../server/http/error-middleware.js';
import { createLogger } from '../../server/logger.js';
import { boardRouter } from '../../server/routes/board.js';
import type { Services } from '../../server/services/index.js';
import { PrintableCards } from '../../server/services/qr/printable-cards.js';
import { renderBoardPage } from '../../server/views/printable-pages.js';
import { Catalogue, issuePublicCode } from '../../server/services/catalogue/catalogue.js';
import { QrCodes } from '../../server/services/qr/qr-codes.js';
import { PublicEmployees } from '../../server/services/qr/public-employees.js';
import { getJson } from '../helpers/http.js';
import { decodeSvg } from '../helpers/qr.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const NIP = '199203152019032001';
const SEEDED_NIPS = FIRST_OFFICE.employees.map((employee) => employee.nip);

let server: TestServer;
let cards: PrintableCards;
beforeAll(async () => {
  server = await startTestServer({ REFERENCE_CACHE_SECONDS: '0', RATE_LIMIT_LOOKUPS: '40' });
  cards = new PrintableCards(new PublicEmployees(new Catalogue(server.config.publicBaseUrl, 0)), new QrCodes());
});
afterAll(() => server.close());

async function page(path: string): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

const ratingUrlOf = async (nip: string) => (await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${nip}`)).body.ratingUrl;

/** The page's policy allows no inline script and only its own style, by hash. */
function expectStrictPolicy(html: string, csp: string | null): void {
  expect(csp).toMatch(/default-src 'none'/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
}

describe('the keypass page', () => {
  it('asks for a NIP under a strict policy and names no employee', async () => {
    const { status, html, headers } = await page('/keypass');
    expect(status).toBe(200);
    expect(html).toContain('NIP atau kode pegawai');
    expectStrictPolicy(html, headers.get('content-security-policy'));
    for (const nip of SEEDED_NIPS) expect(html).not.toContain(nip);
    expect(html).not.toContain('<datalist');
  });

  it('shows the employee with their code, downloads, link and cards for a NIP typed with spaces', async () => {
    const { status, html, headers } = await page(`/keypass?nip=${encodeURIComponent('19920315 201903 2 001')}`);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('dr. Rina Kartika, M.Kes');
    expect(html).toContain(`src="/qr/${NIP}.svg?size=512"`);
    expect(html).toContain(`href="/qr/${NIP}.svg?size=1024&amp;download=1"`);
    expect(html).toContain(`href="/qr/${NIP}.png?size=1024&amp;download=1"`);
    expect(html).toContain(await ratingUrlOf(NIP));
    expect(html).toContain(`href="/card/${NIP}"`);
    expect(html).toContain(`href="/card/${NIP}?layout=tent"`);
    expect(html).toContain('<script type="module" src="/widget/pacak-pages.js"></script>');
    expectStrictPolicy(html, headers.get('content-security-policy'));
    for (const nip of SEEDED_NIPS.filter((nip) => nip !== NIP)) expect(html).not.toContain(nip);
  });

  it('says in Indonesian that an unknown or inactive NIP was not found, hinting at no one else', async () => {
    await Employee.update({ active: false }, { where: { nip: '199509282021122003' } });
    try {
      for (const typed of ['199901012020011999', '199509282021122003', '1992031520190320']) {
        const { status, html } = await page(`/keypass?nip=${typed}`);
        expect(status).toBe(404);
        expect(html).toContain('NIP atau kode pegawai tidak ditemukan, atau pegawai tidak aktif.');
        expect(html).toContain(`value="${typed}"`);
        for (const nip of SEEDED_NIPS.filter((nip) => nip !== typed)) expect(html).not.toContain(nip);
      }
    } finally {
      await Employee.update({ active: true }, { where: { nip: '199509282021122003' } });
    }
  });

  it('escapes what was typed', async () => {
    const { html } = await page(`/keypass?nip=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });
});

describe('the printable card', () => {
  it('holds the office, the name with titles, the post, the code, the short link and the five indicators', async () => {
    const { status, html, headers } = await page(`/card/${NIP}`);
    expect(status).toBe(200);
    expectStrictPolicy(html, headers.get('content-security-policy'));
    const ratingUrl = await ratingUrlOf(NIP);
    expect(html).toContain(FIRST_OFFICE.office.name);
    expect(html).toContain('dr. Rina Kartika, M.Kes');
    expect(html).toContain('Dokter Ahli Muda · Kantor Induk');
    expect(html).toContain(ratingUrl.replace(/^https?:\/\//, ''));
    for (const indicator of INDICATORS) expect(html).toContain(`<li><b>${indicator.name}</b> ${indicator.description.id}</li>`);
    expect(html).toMatch(/@page\{size:105mm 148mm;margin:0\}/);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    expect(decodeSvg(svg).text).toBe(ratingUrl);
  });

  it('folds into a desk tent on A4 with the card twice, the upper one upside down', async () => {
    const { status, html } = await page(`/card/${NIP}?layout=tent`);
    expect(status).toBe(200);
    expect(html).toMatch(/@page\{size:A4;margin:0\}/);
    expect(html.match(/<article class="card wide">/g)).toHaveLength(2);
    expect(html).toContain('<div class="face top">');
  });

  it('answers a 404 page for an unknown or inactive employee', async () => {
    await Employee.update({ active: false }, { where: { nip: '199509282021122003' } });
    try {
      for (const nip of ['199901012020011999', '199509282021122003']) {
        const { status, html } = await page(`/card/${nip}`);
        expect(status).toBe(404);
        expect(html).toContain('Kartu tidak ditemukan');
      }
    } finally {
      await Employee.update({ active: true }, { where: { nip: '199509282021122003' } });
    }
  });

  it('prints the current code after a replacement', async () => {
    const nip = '198704172009031003';
    const employee = (await Employee.findOne({ where: { nip } }))!;
    const before = decodeSvg(/<svg[\s\S]*?<\/svg>/.exec((await page(`/card/${nip}`)).html)![0]).text;
    const { PublicCode } = await import('../../server/db/models/index.js');
    await PublicCode.update({ replacedAt: new Date() }, { where: { employeeId: employee.id, replacedAt: null } });
    await issuePublicCode(employee.id);
    const after = decodeSvg(/<svg[\s\S]*?<\/svg>/.exec((await page(`/card/${nip}`)).html)![0]).text;
    expect(after).not.toBe(before);
    expect(after).toBe(await ratingUrlOf(nip));
  });

  it('escapes an employee name that holds markup', async () => {
    const office = (await Office.findOne())!;
    const area = (await WorkArea.findOne({ where: { code: 'boom-baru' } }))!;
    await Employee.create({
      officeId: office.id,
      workAreaId: area.id,
      nip: 'OS-XSS-0001',
      name: '<img src=x onerror=alert(1)>',
      position: 'Uji',
      kind: 'outsourced',
    });
    const { html } = await page('/card/OS-XSS-0001');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the board of a work area', () => {
  it('is for signed-in staff only: 401 problem until sign-in is wired in', async () => {
    const response = await fetch(`${server.url}/board/kantor-induk`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('renders the card of every active employee of the work area and nobody else', async () => {
    const office = (await Office.findOne({ where: { code: FIRST_OFFICE.office.code } }))!;
    const area = (await WorkArea.findOne({ where: { officeId: office.id, code: 'tanjung-api-api' } }))!;
    for (let i = 1; i <= 4; i++) {
      await Employee.create({
        officeId: office.id,
        workAreaId: area.id,
        nip: `OS-TAA-000${i}`,
        name: `Petugas Uji ${i}`,
        position: 'Petugas Layanan',
        kind: 'outsourced',
      });
    }
    await Employee.create({
      officeId: office.id,
      workAreaId: area.id,
      nip: 'OS-TAA-0099',
      name: 'Petugas Nonaktif',
      position: 'Petugas',
      kind: 'outsourced',
      active: false,
    });

    const found = await cards.board(office.id, 'tanjung-api-api');
    expect(found).not.toBeNull();
    const board = renderBoardPage(found!);
    const html = board.html;
    const names = [...html.matchAll(/<h2 class="name">([^<]+)<\/h2>/g)].map((match) => match[1]);
    expect(names.sort()).toEqual(
      ['Fajar Nugroho, A.Md.KL', 'Petugas Uji 1', 'Petugas Uji 2', 'Petugas Uji 3', 'Petugas Uji 4', 'dr. Maya Sari'].sort(),
    );
    // Six cards, four to a sheet: two sheets.
    expect(html.match(/<section class="sheet">/g)).toHaveLength(2);
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((match) => decodeSvg(match[0]).text);
    expect(svgs).toContain(await ratingUrlOf('198903252012122001'));
    expect(board.csp).not.toMatch(/unsafe-inline/);
  });

  it('finds no board for an unknown work area or one of another office', async () => {
    const first = (await Office.findOne({ where: { code: FIRST_OFFICE.office.code } }))!;
    const other = await Office.create({ code: 'bkk-other', name: 'BKK Lain', timezone: 'Asia/Makassar' });
    await WorkArea.create({ officeId: other.id, code: 'pos-lain', name: 'Pos Lain' });
    expect(await cards.board(first.id, 'no-such-area')).toBeNull();
    expect(await cards.board(first.id, 'pos-lain')).toBeNull();
    expect(await cards.board(other.id, 'kantor-induk')).toBeNull();
    expect(await cards.board(other.id, 'pos-lain')).not.toBeNull();
  });
});

describe('the board route with a sign-in guard wired in', () => {
  /** The board router behind a stand-in for the real sign-in, which puts `user` in the state as it will. */
  async function boardAs(user: object | undefined, path: string): Promise<Response> {
    const signIn: Middleware = async (ctx, next) => {
      if (user) ctx.state.user = user as never;
      await next();
    };
    const app = new Koa();
    app.use(errorMiddleware(createLogger('silent')));
    const router = boardRouter({ qr: { cards } } as unknown as Services, signIn);
    app.use(router.routes());
    const listening = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    try {
      return await fetch(`http://127.0.0.1:${(listening.address() as AddressInfo).port}${path}`);
    } finally {
      listening.close();
    }
  }

  it('shows an admin any work area of their office, a coordinator only their own, and nobody signed out', async () => {
    const office = (await Office.findOne({ where: { code: FIRST_OFFICE.office.code } }))!;
    const admin = { officeId: office.id, role: 'admin', workAreaCode: null };
    const coordinator = { officeId: office.id, role: 'coordinator', workAreaCode: 'boom-baru' };
    const asAdmin = await boardAs(admin, '/board/kantor-induk');
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await asAdmin.text()).toContain('dr. Rina Kartika, M.Kes');
    expect((await boardAs(coordinator, '/board/boom-baru')).status).toBe(200);
    expect((await boardAs(coordinator, '/board/kantor-induk')).status).toBe(403);
    expect((await boardAs(admin, '/board/no-such-area')).status).toBe(404);
    expect((await boardAs(undefined, '/board/kantor-induk')).status).toBe(401);
  });
});

// Last: a second server binds the models to its own database, and closing it leaves them unbound.
describe('lookup rate limit', () => {
  it('answers 429 with a page in Indonesian once an address has looked up its allowance', async () => {
    const limited = await startTestServer({ RATE_LIMIT_LOOKUPS: '2' });
    try {
      for (let i = 0; i < 2; i++) expect((await fetch(`${limited.url}/keypass?nip=${NIP}`)).status).toBe(200);
      const refused = await fetch(`${limited.url}/keypass?nip=${NIP}`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.text()).toContain('Terlalu banyak pencarian');
      expect((await fetch(`${limited.url}/card/${NIP}`)).status).toBe(429);
      // The bare form is not a lookup.
      expect((await fetch(`${limited.url}/keypass`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
