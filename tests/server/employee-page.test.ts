import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setEmployeePin } from '../../server/services/qr/pins.js';
import { adminApi, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { getJson, postJson } from '../helpers/http.js';
import { addRatings } from '../helpers/rating-fixtures.js';
import { announceMissing } from '../helpers/requirements.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const RINA = '199203152019032001';
const AGUS = '198507222010121002';

interface Comments {
  comments: { date: string; serviceType: string; scores: Record<string, number>; comment: string }[];
  total: number;
  limit: number;
  offset: number;
}

interface Figures {
  period: { from: string; to: string };
  totals: { count: number; score: number | null };
  byMonth: { month: string; count: number; score: number | null; averages: Record<string, number | null> }[];
  bayesian: { value: number | null; minRatings: number };
}

async function tokenOf(nip: string, pin: string): Promise<string> {
  await setEmployeePin(nip, pin);
  const response = await postJson<{ token: string }>(`${server.url}/api/v1/employee/session`, { nip, pin });
  expect(response.status).toBe(201);
  return response.body.token;
}

const get = <T>(path: string, token: string) =>
  getJson<T>(`${server.url}/api/v1/employee${path}`, { headers: { authorization: `Bearer ${token}` } });

/** The PDF's text as pdftotext reads it; null when poppler-utils is missing. */
function pdfText(pdf: Buffer): string | null {
  const file = join(mkdtempSync(join(tmpdir(), 'pacak-own-evidence-')), 'evidence.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    announceMissing('the own evidence PDF check', 'pdftotext comes with `apt-get install -y poppler-utils`');
    return null;
  }
}

describe("an employee's own page", () => {
  it('lists their own comments newest first, a page at a time, without any phone number or voided rating', async () => {
    const token = await tokenOf(RINA, '480213');
    const now = Date.now();
    const at = (days: number) => new Date(now - days * 86_400_000);
    const ids = await addRatings(server.sequelize, [
      {
        nip: RINA,
        scores: [5, 5, 4, 5, 5],
        at: at(5),
        comment: 'Ramah sekali, hubungi saya di 0812-3456-7890 atau +62 813 1111 2222',
        phone: '081299990001',
      },
      { nip: RINA, scores: [1, 2, 1, 1, 2], at: at(4), comment: 'Antre lama. Telp kantor saya 0711 123456, nomor lama 0812****7890' },
      { nip: RINA, scores: [3, 3, 3, 3, 3], at: at(3), comment: 'Komentar yang dibatalkan admin' },
      { nip: RINA, scores: [4, 4, 4, 4, 4], at: at(2), comment: 'Cepat dan jelas' },
      { nip: RINA, scores: [4, 4, 4, 4, 4], at: at(1) },
      { nip: AGUS, scores: [2, 2, 2, 2, 2], at: at(1), comment: 'Komentar untuk pegawai lain' },
    ]);
    const voided = await adminApi(server, admin.token).post(`/ratings/${ids[2]}/void`, { reason: 'Komentar kasar' });
    expect(voided.status).toBe(200);

    const first = await get<Comments>('/me/comments?limit=2', token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.body.comments.map((c) => c.comment)).toEqual([
      'Cepat dan jelas',
      'Antre lama. Telp kantor saya [nomor], nomor lama [nomor]',
    ]);
    expect(first.body.comments[1]!.scores).toEqual({ profesional: 1, amanah: 2, cakap: 1, akuntabel: 1, kolaboratif: 2 });
    const second = await get<Comments>('/me/comments?limit=2&offset=2', token);
    expect(second.body.comments.map((c) => c.comment)).toEqual(['Ramah sekali, hubungi saya di [nomor] atau [nomor]']);
    expect(second.body.comments[0]!.serviceType).not.toBe('');

    // Nothing that is or names a customer's number, in any field: digits of the rating's numbers, its masked form, the word phone.
    const all = JSON.stringify([first.body, second.body]);
    for (const piece of ['3456', '7890', '2222', '9999', '****', 'phone', '123456']) expect(all).not.toContain(piece);
    expect(all).not.toContain('pegawai lain');
    expect((await get('/me/comments?limit=0', token)).status).toBe(422);
    expect((await get('/me/comments?offset=-1', token)).status).toBe(422);
  });

  it('shows their figures month by month with the counts, averages, score and Bayesian average', async () => {
    const token = await tokenOf(AGUS, '735190');
    const figures = await get<Figures>('/me/figures?months=3', token);
    expect(figures.status).toBe(200);
    expect(figures.body.byMonth).toHaveLength(3);
    const counted = figures.body.byMonth.reduce((sum, row) => sum + row.count, 0);
    expect(counted).toBe(figures.body.totals.count);
    expect(figures.body.totals.count).toBeGreaterThanOrEqual(1);
    // Fewer ratings than the minimum: not yet a Bayesian average.
    expect(figures.body.bayesian).toMatchObject({ value: null, minRatings: 5 });
    await addRatings(
      server.sequelize,
      Array.from({ length: 5 }, () => ({ nip: AGUS, scores: [5, 5, 5, 5, 5] as [number, number, number, number, number] })),
    );
    const later = await get<Figures>('/me/figures?months=3', token);
    expect(later.body.bayesian.value).toBeGreaterThan(1);
    expect(later.body.bayesian.value).toBeLessThanOrEqual(5);
    const thisMonth = later.body.byMonth.at(-1)!;
    expect(thisMonth.averages.profesional).not.toBeNull();
    expect((await get('/me/figures?months=0', token)).status).toBe(422);
    expect((await get('/me/figures?months=37', token)).status).toBe(422);
  });

  it('downloads their own evidence PDF, with their name and NIP and nobody else', async () => {
    const token = await tokenOf(RINA, '480213');
    const year = new Date().getFullYear();
    const response = await fetch(`${server.url}/api/v1/employee/me/evidence.pdf?period=${year}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`bukti-pacak-${RINA}`);
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    if (text !== null) {
      expect(text).toContain('Rina Kartika');
      expect(text.replace(/\s+/g, '')).toContain(RINA);
      expect(text).not.toContain(AGUS);
    }
    expect((await get('/me/evidence.pdf', token)).status).toBe(422);
    expect((await get('/me/evidence.pdf?period=soon', token)).status).toBe(422);
  });

  it('is served at /saya in Indonesian, or in English when asked, under a strict policy', async () => {
    const id = await fetch(`${server.url}/saya`);
    expect(id.status).toBe(200);
    const page = await id.text();
    expect(page).toContain('<html lang="id">');
    expect(page).toContain('<pacak-employee lang="id">');
    expect(page).toContain('/widget/pacak-employee.js');
    const csp = id.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await (await fetch(`${server.url}/saya?lang=en`)).text()).toContain('<html lang="en">');
    expect(await (await fetch(`${server.url}/saya`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text()).toContain(
      '<html lang="en">',
    );
  });
});
