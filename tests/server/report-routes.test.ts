import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { makeOffice, makeUser, type TestUser } from '../helpers/admin.js';
import { dailyFiguresBothWays } from '../helpers/daily-figures.js';
import { getJson, postJson } from '../helpers/http.js';
import { addRatings } from '../helpers/rating-fixtures.js';
import { announceMissing } from '../helpers/requirements.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const RINA = '199203152019032001'; // kantor-induk
const DEWI = '199011042015032003'; // boom-baru
const JANUARY = 'from=2025-01-01&to=2025-01-31';

let server: TestServer;
let admin: TestUser;
let viewer: TestUser;
let coordinator: TestUser;
let otherAdmin: TestUser;
let ratingIds: number[];

const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.token}` });
const report = <T = Record<string, unknown>>(path: string, user?: TestUser) =>
  getJson<T>(`${server.url}/api/v1/reports/${path}`, { headers: user ? bearer(user) : {} });

beforeAll(async () => {
  server = await startTestServer();
  ratingIds = await addRatings(server.sequelize, [
    { nip: RINA, scores: [5, 5, 5, 5, 5], at: new Date('2025-01-10T03:00:00Z'), comment: 'Sangat membantu' },
    { nip: RINA, scores: [3, 3, 3, 3, 3], at: new Date('2025-01-11T03:00:00Z') },
    { nip: DEWI, scores: [4, 4, 4, 4, 4], at: new Date('2025-01-12T03:00:00Z') },
  ]);
  await makeOffice('bkk-lain');
  [admin, viewer, coordinator, otherAdmin] = await Promise.all([
    makeUser(server, 'admin'),
    makeUser(server, 'viewer'),
    makeUser(server, 'coordinator', { workArea: 'boom-baru' }),
    makeUser(server, 'admin', { office: 'bkk-lain' }),
  ]);
});
afterAll(() => server.close());

describe('report routes and who may read them', () => {
  it('answers 401 without a token and 403 to a superadmin, who reads no office', async () => {
    expect((await report(`summary?${JANUARY}`)).status).toBe(401);
    const superadmin = await makeUser(server, 'superadmin');
    expect((await report(`summary?${JANUARY}`, superadmin)).status).toBe(403);
  });

  it('gives an admin and a viewer the office summary with its period, filters and method', async () => {
    for (const user of [admin, viewer]) {
      const { status, body } = await report<{ totals: { count: number; score: number }; rows: { nip: string }[]; period: unknown }>(
        `summary?${JANUARY}`,
        user,
      );
      expect(status).toBe(200);
      expect(body.totals).toMatchObject({ count: 3, score: 80 });
      expect(body.period).toEqual({
        from: '2025-01-01',
        to: '2025-01-31',
        code: '2025-01',
        name: { id: 'Januari 2025', en: 'January 2025' },
      });
    }
  });

  it('keeps a coordinator to their work area, and refuses another', async () => {
    const own = await report<{ totals: { count: number }; rows: { workArea: { code: string } }[] }>(`summary?${JANUARY}`, coordinator);
    expect(own.body.totals.count).toBe(1);
    expect(own.body.rows.every((row) => row.workArea.code === 'boom-baru')).toBe(true);
    expect((await report(`summary?${JANUARY}&workArea=kantor-induk`, coordinator)).status).toBe(403);
    expect((await report(`employees/${RINA}?${JANUARY}`, coordinator)).status).toBe(403);
    expect((await report(`employees/${DEWI}?${JANUARY}`, coordinator)).status).toBe(200);
  });

  it('shows another office nothing of this one', async () => {
    const { body } = await report<{ totals: { count: number }; rows: { nip: string }[] }>(`summary?${JANUARY}`, otherAdmin);
    expect(body.totals.count).toBe(0);
    expect(body.rows.map((row) => row.nip)).not.toContain(RINA);
    expect((await report(`employees/${RINA}?${JANUARY}`, otherAdmin)).status).toBe(404);
  });

  it('refuses bad parameters with a 422 naming them', async () => {
    const bad = await report<{ errors: { path: string }[] }>('summary?from=2025-02-01&to=2025-01-01', admin);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path)).toContain('to');
    expect((await report(`summary?${JANUARY}&from=2025-01-02`, admin)).status).toBe(422);
    expect((await report(`summary?${JANUARY}&serviceType=nope`, admin)).status).toBe(422);
    expect((await report(`summary?${JANUARY}&limit=5`, admin)).status).toBe(422);
  });

  it('serves every grouping and the ranking', async () => {
    expect((await report(`work-areas?${JANUARY}`, viewer)).status).toBe(200);
    expect((await report(`service-types?${JANUARY}`, viewer)).status).toBe(200);
    const ranking = await report<{ ranked: unknown[]; notYetRanked: unknown[] }>(`ranking?${JANUARY}&minRatings=2`, viewer);
    expect(ranking.body.ranked).toHaveLength(1);
  });

  it('streams CSV and XLSX downloads named after the report and period', async () => {
    const csv = await fetch(`${server.url}/api/v1/reports/summary?${JANUARY}&format=csv`, { headers: bearer(viewer) });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('laporan-pacak-ringkasan-januari-2025.csv');
    expect((await csv.text()).split('\r\n')[0]).toContain('NIP;Nama');
    const xlsx = await fetch(`${server.url}/api/v1/reports/employees/${RINA}?${JANUARY}&format=xlsx`, { headers: bearer(viewer) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Ringkasan',
      'Sebaran bintang',
      'Per jenis pelayanan',
      'Per bulan',
      'Komentar',
      'Keterangan',
    ]);
  });
});

describe('voided ratings', () => {
  it('stop counting in every report the moment they are voided, and count again when restored', async () => {
    const voidIt = (path: string) =>
      postJson(`${server.url}/api/v1/admin/ratings/${ratingIds[1]}/${path}`, { reason: 'Uji pembatalan' }, bearer(admin));
    expect((await voidIt('void')).status).toBe(200);
    const after = await report<{ rows: { nip: string; count: number; score: number }[] }>(`summary?${JANUARY}`, admin);
    expect(after.body.rows.find((row) => row.nip === RINA)).toMatchObject({ count: 1, score: 100 });
    const figures = await dailyFiguresBothWays(server.sequelize);
    expect(figures.fine.kept).toEqual(figures.fine.raw);
    expect(figures.coarse.kept).toEqual(figures.coarse.raw);
    expect(figures.monthly.fine.kept).toEqual(figures.monthly.fine.raw);
    expect(figures.monthly.coarse.kept).toEqual(figures.monthly.coarse.raw);
    expect((await voidIt('void')).status).toBe(409);

    expect((await voidIt('unvoid')).status).toBe(200);
    const restored = await report<{ rows: { nip: string; count: number }[] }>(`summary?${JANUARY}`, admin);
    expect(restored.body.rows.find((row) => row.nip === RINA)).toMatchObject({ count: 2 });
    expect(await Rating.count({ where: { voidedAt: null } })).toBe(3);
  });

  it('moves the figures once when two moderators void the same rating at the same moment', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => postJson(`${server.url}/api/v1/admin/ratings/${ratingIds[2]}/void`, { reason: 'Serentak' }, bearer(admin))),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const figures = await dailyFiguresBothWays(server.sequelize);
    expect(figures.coarse.kept).toEqual(figures.coarse.raw);
    expect(figures.monthly.fine.kept).toEqual(figures.monthly.fine.raw);
    expect(figures.monthly.coarse.kept).toEqual(figures.monthly.coarse.raw);
    await postJson(`${server.url}/api/v1/admin/ratings/${ratingIds[2]}/unvoid`, {}, bearer(admin));
  });
});

describe('share links', () => {
  const create = (body: unknown, user = admin) =>
    postJson<{ id: number; url: string; token: string }>(`${server.url}/api/v1/reports/share-links`, body, bearer(user));

  it('open a fixed report without sign-in, in any format, until revoked', async () => {
    const link = await create({ report: 'summary', params: { from: '2025-01-01', to: '2025-01-31' }, days: 7 });
    expect(link.status).toBe(201);
    const shared = await getJson<{ totals: { count: number } }>(link.body.url);
    expect(shared.status).toBe(200);
    expect(shared.body.totals.count).toBe(3);
    expect((await fetch(`${link.body.url}?format=csv`)).headers.get('content-type')).toMatch(/text\/csv/);

    expect(
      (await fetch(`${server.url}/api/v1/reports/share-links/${link.body.id}`, { method: 'DELETE', headers: bearer(admin) })).status,
    ).toBe(204);
    expect((await getJson(link.body.url)).status).toBe(410);
  });

  it('cannot be widened by editing its parameters or its token', async () => {
    const link = await create({ report: 'summary', params: { from: '2025-01-01', to: '2025-01-31', workArea: 'boom-baru' }, days: 7 });
    expect((await getJson(`${link.body.url}?workArea=kantor-induk`)).status).toBe(400);
    expect((await getJson(`${link.body.url}?from=2020-01-01`)).status).toBe(400);
    const [head, payload, signature] = link.body.token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.params.workArea = 'kantor-induk';
    const forged = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await getJson(`${server.url}/api/v1/shared/${forged}`)).status).toBe(404);
    // A sign-in token is not a share link, nor the other way round.
    expect((await getJson(`${server.url}/api/v1/shared/${admin.token}`)).status).toBe(404);
    expect(
      (await getJson(`${server.url}/api/v1/reports/summary?${JANUARY}`, { headers: { authorization: `Bearer ${link.body.token}` } }))
        .status,
    ).toBe(401);
  });

  it('fails after it expires', async () => {
    const link = await create({ report: 'summary', params: { from: '2025-01-01', to: '2025-01-31' }, days: 1 });
    const { ShareLink } = await import('../../server/db/models/index.js');
    await ShareLink.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { id: link.body.id } });
    expect((await getJson(link.body.url)).status).toBe(410);
  });

  it('live at most 90 days and are made by admins only', async () => {
    expect((await create({ report: 'summary', params: { from: '2025-01-01', to: '2025-01-31' }, days: 91 })).status).toBe(422);
    expect((await create({ report: 'summary', params: { from: '2025-01-01', to: '2025-01-31' }, days: 7 }, viewer)).status).toBe(403);
    expect((await create({ report: 'summary', params: { from: '2025-01-31', to: '2025-01-01' }, days: 7 })).status).toBe(422);
  });
});

describe('appraisal evidence', () => {
  it('is a PDF naming the employee, the figures and a verification link that opens the same report', async () => {
    const response = await fetch(`${server.url}/api/v1/reports/employees/${RINA}/evidence.pdf?${JANUARY}`, { headers: bearer(admin) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    let text: string;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'pacak-pdf-'));
      writeFileSync(join(dir, 'evidence.pdf'), pdf);
      text = execFileSync('pdftotext', ['-layout', join(dir, 'evidence.pdf'), '-'], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'evidence.pdf')], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBe(1);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      announceMissing('the PDF text check', 'pdftotext and pdfinfo come with `apt-get install -y poppler-utils`');
      return;
    }
    expect(text).toContain('dr. Rina Kartika, M.Kes');
    expect(text).toContain('Januari 2025 (2025-01-01 s.d. 2025-01-31)');
    // 40 stars over 2 ratings: 4.00 overall, score 80.0, grade B.
    expect(text).toMatch(/Skor PACAK\s+: 80,0 dari 100 \(B Baik\)/);
    expect(text).toContain('Sangat membantu');
    const url = /(http:\/\/\S+\/verify\/\S+)/.exec(text)?.[1];
    expect(url).toBeTruthy();
    const printed = /Kode pemeriksa angka:\s+([0-9A-F-]{19})/.exec(text)?.[1];
    // Anyone with the address sees the printed figures and their fingerprint: no comment, no number, no NIP.
    const verified = await getJson<{ employee: { name: string }; figures: { count: number; score: number }; fingerprint: string }>(url!);
    expect(verified.status).toBe(200);
    expect(verified.body.employee.name).toBe('dr. Rina Kartika, M.Kes');
    expect(verified.body.figures).toMatchObject({ count: 2, score: 80 });
    expect(verified.body.fingerprint).toBe(printed);
    const raw = JSON.stringify(verified.body);
    expect(raw).not.toContain('Sangat membantu');
    expect(raw).not.toContain(RINA);
    expect(raw).not.toMatch(/\*\*\*\*/);
    // Not a share link: not listed among the office's links, and no format or parameter widens it.
    const links = await getJson<{ links: { report: string }[] }>(`${server.url}/api/v1/reports/share-links`, { headers: bearer(admin) });
    expect(links.body.links.some((link) => link.report === 'evidence')).toBe(false);
    expect((await getJson(`${url!}?format=csv`)).status).toBe(400);
  });
});
