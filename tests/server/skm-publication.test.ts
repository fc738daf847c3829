import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminApi, makeUser, useServerWithAdmin, type TestUser } from '../helpers/admin.js';
import { getJson } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';
import { storeQuarter } from '../helpers/skm.js';
import type { PublishedSkm } from '../../server/services/skm/publications.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

// 50 questionnaires in 2024-Q1 whose IKM is 90,50 (A), lowest element Waktu Penyelesaian (3,40): see skm-reports.test.ts.
beforeAll(async () => {
  await storeQuarter('2024-02-15', 'vaksinasi-internasional', 50, [185, 180, 170, 182, 181, 183, 190, 178, 180]);
  await adminApi(server, admin.token).put('/skm/follow-ups', {
    period: '2024-Q1',
    element: 'waktu',
    plan: 'Menambah petugas loket pada jam sibuk.',
    status: 'berjalan',
  });
});

/** The text of a PDF as pdftotext reads it. */
function pdfText(bytes: ArrayBuffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'skm-poster-')), 'poster.pdf');
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('a published SKM result', () => {
  it('answers JSON to API clients and the infographic to browsers, at one public address', async () => {
    const made = await adminApi(server, admin.token).post<{ url: string; posterUrl: string; publicId: string }>('/skm/publications', {
      period: '2024-Q1',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.url).toBe(`${server.url}/hasil-skm/${made.body.publicId}`);
    const json = await getJson<PublishedSkm>(made.body.url, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(200);
    expect(json.body.result).toMatchObject({ ikm: 90.5, grade: 'A', respondents: 50 });
    // The customers' own words stay inside the office.
    expect(json.body).not.toHaveProperty('suggestions');

    const page = await fetch(made.body.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await page.text();
    expect(text).toContain('<html lang="id">');
    expect(text).toContain('90,50');
    expect(text).toContain('A · Sangat Baik');
    expect(text).toContain('Triwulan I 2024');
    expect(text).toContain('Menambah petugas loket pada jam sibuk.');
    const english = await (await fetch(`${made.body.url}?lang=en`, { headers: { accept: 'text/html' } })).text();
    expect(english).toContain('90.50');
    expect(english).toContain('A · Very good');
  });

  it('gives an A4 poster with the IKM, grade, respondents, period, elements and follow-up', async () => {
    const made = await adminApi(server, admin.token).post<{ posterUrl: string }>('/skm/publications', { period: '2024-Q1' });
    const poster = await fetch(made.body.posterUrl);
    expect(poster.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(await poster.arrayBuffer());
    for (const expected of [
      'HASIL SURVEI KEPUASAN MASYARAKAT',
      'Triwulan I 2024',
      '90,50',
      'SANGAT BAIK',
      '50 responden',
      'Waktu Penyelesaian',
      '3,40',
      'Menambah petugas loket',
      'Sedang berjalan',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const pages = text.split('\f').filter((p) => p.trim()).length;
    expect(pages).toBe(1);
  });

  it('is withdrawn by its admin: the link and the poster then answer 404', async () => {
    const api = adminApi(server, admin.token);
    const made = await api.post<{ url: string; publicId: string; posterUrl: string }>('/skm/publications', { period: '2024-Q1' });
    expect((await api.delete(`/skm/publications/${made.body.publicId}`)).status).toBe(204);
    expect((await fetch(made.body.url)).status).toBe(404);
    expect((await fetch(made.body.posterUrl)).status).toBe(404);
    expect(
      (await api.get<{ publications: { publicId: string; revokedAt: string | null }[] }>('/skm/publications')).body.publications.find(
        (p) => p.publicId === made.body.publicId,
      )?.revokedAt,
    ).toEqual(expect.any(String));
  });

  it('refuses a viewer (403), a bad period (422) and answers 404 for an unknown link', async () => {
    const viewer = await makeUser(server, 'viewer');
    expect((await adminApi(server, viewer.token).post('/skm/publications', { period: '2024-Q1' })).status).toBe(403);
    expect((await adminApi(server, admin.token).post('/skm/publications', { period: '2024-Q9' })).status).toBe(422);
    expect((await adminApi(server, admin.token).post('/skm/publications', { period: '2024-Q1', extra: 1 })).status).toBe(422);
    const unknown = await getJson(`${server.url}/hasil-skm/ABCDEFGHJKMNPQRS`, { headers: { accept: 'application/json' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
