import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { adminApi, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { addRatings } from '../helpers/rating-fixtures.js';
import { announceMissing } from '../helpers/requirements.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const AGUS = '198507222010121002';
const HENDRA = '198704172009031003';

/** The PDF's text as pdftotext reads it, its page count, and its fonts; null when poppler-utils is missing. */
function readPdf(pdf: Buffer): { text: string; pages: number; fonts: string } | null {
  const dir = mkdtempSync(join(tmpdir(), 'pacak-evidence-'));
  const file = join(dir, 'evidence.pdf');
  writeFileSync(file, pdf);
  try {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    return { text, pages, fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    announceMissing('the evidence PDF check', 'pdftotext, pdfinfo and pdffonts come with `apt-get install -y poppler-utils`');
    return null;
  }
}

const jakartaTime = (at: Date) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

describe('the appraisal evidence PDF', () => {
  it('refuses a logo that is not the image it claims to be, and a superior who is not of the office', async () => {
    const api = adminApi(server, admin.token);
    const fake = await api.send('PUT', '/letterhead/logo', 'not an image at all', 'image/png');
    expect(fake.status).toBe(422);
    expect((await api.get<{ logo: unknown }>('/letterhead')).body.logo).toBeNull();
    const response = await fetch(`${server.url}/api/v1/reports/employees/${AGUS}/evidence.pdf?period=2026-Q3&superior=199999999999999999`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('superior');
  });

  it('has the letterhead, the period by name, the local time, the core values, the suggestion and a signature block on one small page', async () => {
    const api = adminApi(server, admin.token);
    expect((await api.put('/letterhead', { address: 'Jl. Kolonel Barlian No. 1, Palembang\nTelepon (0711) 000000' })).status).toBe(200);
    const logo = await QRCode.toBuffer('logo', { type: 'png', width: 120 });
    const uploaded = await fetch(`${server.url}/api/v1/admin/letterhead/logo`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'image/png' },
      body: new Uint8Array(logo),
    });
    expect(uploaded.status).toBe(200);
    expect(((await uploaded.json()) as { logo: unknown }).logo).toEqual({ type: 'image/png', bytes: logo.length });
    await addRatings(server.sequelize, [
      { nip: AGUS, scores: [5, 4, 4, 5, 4], at: new Date('2026-07-10T03:00:00Z'), comment: 'Pelayanan cepat 👍🏽 terima kasih' },
      { nip: AGUS, scores: [4, 4, 5, 4, 4], at: new Date('2026-08-11T03:00:00Z') },
    ]);
    const attendance = await fetch(`${server.url}/api/v1/admin/attendance/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: `NIP;Bulan;Hari kerja;Hadir;Cuti;Tanpa keterangan;Terlambat;Pulang cepat\n${AGUS};2026-07;23;21;2;0;35;0\n${AGUS};2026-08;21;20;0;1;0;10\n`,
    });
    expect(attendance.status).toBe(200);
    const skp = await fetch(`${server.url}/api/v1/admin/skp/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: `NIP;Periode;Hasil kerja;Perilaku kerja;Predikat\n${AGUS};Triwulan III 2026;Sesuai ekspektasi;Di atas ekspektasi;Baik\n`,
    });
    expect(skp.status).toBe(200);
    const weights = { effectiveFrom: '2026-01-01', weights: { customers: 60, attendance: 20, skp: 20 } };
    expect((await api.put('/appraisal-weights', weights)).status).toBe(201);
    const before = new Date();
    const response = await fetch(`${server.url}/api/v1/reports/employees/${AGUS}/evidence.pdf?period=2026-Q3&superior=${HENDRA}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const after = new Date();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`bukti-pacak-${AGUS}-triwulan-iii-2026.pdf`);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.length).toBeLessThan(150_000);
    const read = readPdf(pdf);
    if (!read) return;
    const { text, pages, fonts } = read;
    expect(pages).toBe(1);
    expect(text).toContain('BALAI KEKARANTINAAN KESEHATAN');
    expect(text).toContain('Jl. Kolonel Barlian No. 1, Palembang');
    expect(text).toContain('Triwulan III 2026 (2026-07-01 s.d. 2026-09-30)');
    const time = /pukul (\d\d\.\d\d) WIB/.exec(text)?.[1];
    expect([jakartaTime(before), jakartaTime(after)]).toContain(time);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    for (const value of ['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif'])
      expect(text).toContain(value);
    expect(text).toContain('Saran perilaku kerja (bukan penilaian): Penilaian belum cukup');
    expect(text).toMatch(/sedikitnya 5\s+penilaian/);
    expect(text).toContain('Hendra Wijaya, S.KM, M.Kes');
    expect(text).toContain(`NIP ${HENDRA}`);
    expect(text).toContain('Atasan langsung');
    // 41 of 44 working days: 93.2%.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(
      'SKP (E-Kinerja) : hasil kerja sesuai ekspektasi, perilaku kerja di atas ekspektasi; predikat Baik (matriks PermenPANRB 6/2022)',
    );
    // Two ratings, fewer than the five the customers' part needs, which is required: no combined score.
    expect(flat).toContain('Nilai gabungan : data belum cukup (belum ada: pelanggan)');
    expect(flat).toContain(
      'Kehadiran : hadir 41 dari 44 hari kerja (93,2%); cuti 2, tanpa keterangan 1; terlambat 35 menit, pulang cepat 10 menit (2 bulan)',
    );
    // The emoji are left out, not drawn as boxes; the words around them stay.
    expect(text).toMatch(/Pelayanan cepat\s+terima kasih/);
    expect(text).not.toMatch(/\uFFFD|\u25A1|\u{1F44D}|\u{1F3FD}/u);
    if (/DejaVuSans/.test(fonts)) expect(fonts).toMatch(/DejaVuSans\S*\s+(CID )?TrueType.*yes\s+yes/);
    const url = /(http:\/\/\S+\/verify\/\S+)/.exec(text)?.[1];
    const verified = await fetch(url!, { headers: { accept: 'application/json' } });
    // The address answers the printed figures and their fingerprint, which the PDF prints too; never the NIP.
    const answer = (await verified.json()) as { fingerprint: string; employee: Record<string, unknown> };
    expect(flat).toContain(`Kode pemeriksa angka: ${answer.fingerprint}`);
    expect(answer.employee).not.toHaveProperty('nip');
    expect(JSON.stringify(answer)).not.toContain(AGUS);
  });
  it('stays one page with everything on it: four long comments, attendance, SKP and the combined score of three parts', async () => {
    const long = 'Petugas menjelaskan persyaratan dengan sabar dan jelas, berkas saya diperiksa teliti, antrean tertib. '.repeat(3);
    await addRatings(
      server.sequelize,
      Array.from({ length: 6 }, (_, i) => ({
        nip: AGUS,
        scores: [5, 5, 4, 5, 5] as [number, number, number, number, number],
        at: new Date(`2026-09-${String(10 + i)}T03:00:00Z`),
        comment: `${i + 1}. ${long}`,
      })),
    );
    const response = await fetch(`${server.url}/api/v1/reports/employees/${AGUS}/evidence.pdf?period=2026-Q3&superior=${HENDRA}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(response.status).toBe(200);
    const read = readPdf(Buffer.from(await response.arrayBuffer()));
    if (!read) return;
    expect(read.pages).toBe(1);
    const flat = read.text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/Nilai gabungan : \d+,\d dari 100 \(pelanggan [\d,]+ x 60%, kehadiran [\d,]+ x 20%, hasil kerja SKP 80,0 x 20%/);
    expect(flat).toContain('komentar lain');
  });
});
