import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Office } from '../../server/db/models/index.js';
import { SKM_ELEMENT_CODES } from '../../server/domain/skm/elements.js';
import { parsePeriodKey } from '../../server/domain/skm/periods.js';
import { localDate } from '../../server/domain/local-date.js';
import { adminApi, makeUser, useServerWithAdmin, type TestUser } from '../helpers/admin.js';
import { getJson } from '../helpers/http.js';
import { storeQuarter } from '../helpers/skm.js';
import type { SkmReport } from '../../server/services/skm/reports.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const report = (query: string, token = admin.token) =>
  getJson<SkmReport>(`${server.url}/api/v1/reports/skm?${query}`, { headers: { authorization: `Bearer ${token}` } });

// 2024-Q1: 50 questionnaires, sums 185 180 170 182 181 183 190 178 180 = 1629: IKM 1629/50/9 = 3,62 -> 90,50 A.
// 2024-Q2: 125 questionnaires, sums 480 470 460 475 474 478 490 465 474 = 4266: IKM 4266/125/9 = 3,792 -> 94,80 A.
const Q1 = [185, 180, 170, 182, 181, 183, 190, 178, 180];
const Q2 = [480, 470, 460, 475, 474, 478, 490, 465, 474];

describe('GET /api/v1/reports/skm', () => {
  it("gives the office's 90,5 and 94,8 for the first two quarters of 2024, with the table per element", async () => {
    await storeQuarter('2024-02-15', 'vaksinasi-internasional', 50, Q1);
    await storeQuarter('2024-05-20', 'vaksinasi-covid-19', 125, Q2);
    const q1 = await report('period=2024-Q1');
    expect(q1.status, JSON.stringify(q1.body)).toBe(200);
    expect(q1.body.period).toMatchObject({ key: '2024-Q1', from: '2024-01-01', to: '2024-03-31', label: { id: 'Triwulan I 2024' } });
    expect(q1.body.result).toMatchObject({ respondents: 50, elementsUsed: 9, ikm: 90.5, grade: 'A', gradeLabel: { id: 'Sangat Baik' } });
    expect(q1.body.result.elements.map((e) => e.nrr)).toEqual([3.7, 3.6, 3.4, 3.64, 3.62, 3.66, 3.8, 3.56, 3.6]);
    expect(q1.body.lowest).toEqual([
      { code: 'waktu', name: { id: 'Waktu Penyelesaian', en: 'Completion time' }, nrr: 3.4, followUp: null },
    ]);
    const q2 = await report('period=2024-Q2');
    expect(q2.body.result).toMatchObject({ respondents: 125, ikm: 94.8, grade: 'A' });
  });

  it('adds the quarters up for the half year, and lists the service types and the trend', async () => {
    // 175 questionnaires, every element answered by all: IKM = (1629 + 4266) / 175 / 9 = 3,742857...; x 25 = 93,57.
    const h1 = await report('period=2024-H1');
    expect(h1.body.result).toMatchObject({ respondents: 175, ikm: 93.57, grade: 'A' });
    expect(h1.body.serviceTypes).toHaveLength(2);
    expect(h1.body.serviceTypes).toEqual(
      expect.arrayContaining([
        { code: 'vaksinasi-covid-19', name: expect.any(String), respondents: 125, ikm: 94.8, grade: 'A' },
        { code: 'vaksinasi-internasional', name: expect.any(String), respondents: 50, ikm: 90.5, grade: 'A' },
      ]),
    );
    const trend = await report('period=2024-Q2&trend=3');
    expect(trend.body.trend).toEqual([
      { period: '2023-Q4', label: { id: 'Triwulan IV 2023', en: 'Q4 2023' }, respondents: 0, ikm: null, grade: null },
      { period: '2024-Q1', label: { id: 'Triwulan I 2024', en: 'Q1 2024' }, respondents: 50, ikm: 90.5, grade: 'A' },
      { period: '2024-Q2', label: { id: 'Triwulan II 2024', en: 'Q2 2024' }, respondents: 125, ikm: 94.8, grade: 'A' },
    ]);
  });

  it('reads one service type alone, and gives its respondent profile in counts and percent', async () => {
    const one = await report('period=2024-H1&serviceType=vaksinasi-internasional');
    expect(one.body.serviceType).toEqual({ code: 'vaksinasi-internasional', name: expect.any(String) });
    expect(one.body.result).toMatchObject({ respondents: 50, ikm: 90.5 });
    expect(one.body.serviceTypes).toEqual([]);
    expect(one.body.profile.sex).toEqual([
      { code: 'L', label: { id: 'Laki-laki', en: 'Male' }, count: 25, percent: 50 },
      { code: 'P', label: { id: 'Perempuan', en: 'Female' }, count: 25, percent: 50 },
    ]);
    expect(one.body.profile.education.find((row) => row.code === 'd4-s1')!.count).toBe(25);
    expect(one.body.suggestions).toEqual([{ localDate: '2024-02-15', text: 'Saran 2024-02-15' }]);
  });

  it('says whether the sample suffices for the population by the Krejcie-Morgan table', async () => {
    // Population 60: minimum 52; 50 respondents fall 2 short. Population 55: minimum 48, enough.
    expect((await report('period=2024-Q1&population=60')).body.sample).toEqual({
      population: 60,
      minimum: 52,
      respondents: 50,
      sufficient: false,
      shortBy: 2,
    });
    expect((await report('period=2024-Q1&population=55')).body.sample).toMatchObject({ minimum: 48, sufficient: true, shortBy: 0 });
    expect((await report('period=2024-Q1')).body.sample).toBeNull();
  });

  it('refuses a bad period or an unknown service type with 422, and a reader without a sign-in with 401', async () => {
    for (const query of ['period=2024-Q5', 'period=2024-Q1&serviceType=nope', 'period=2024-Q1&colour=red', 'period=2024-Q1&trend=0']) {
      const response = await report(query);
      expect(response.status, query).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await getJson(`${server.url}/api/v1/reports/skm?period=2024-Q1`)).status).toBe(401);
  });

  it('exports the IKM table as CSV and every table as XLSX', async () => {
    const csv = await fetch(`${server.url}/api/v1/reports/skm?period=2024-Q1&format=csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="skm-bkk-palembang-2024-Q1.csv"');
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual([
      'Kode',
      'Unsur pelayanan',
      'Jumlah nilai',
      'Jumlah responden',
      'NRR',
      'NRR tertimbang',
      'Nilai konversi',
      'Mutu',
    ]);
    expect(rows[3]).toEqual(['U3', 'Waktu Penyelesaian', '170', '50', '3,40', '0,378', '85,00', 'B']);
    expect(rows[10]).toEqual([
      'IKM',
      'Indeks Kepuasan Masyarakat (jumlah NRR tertimbang)',
      '',
      '50',
      '3,62',
      '3,620',
      '90,50',
      'A (Sangat Baik)',
    ]);
    const xlsx = await fetch(`${server.url}/api/v1/reports/skm?period=2024-Q1&format=xlsx`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'IKM per unsur',
      'Profil responden',
      'Tren',
      'Jenis layanan',
      'Rencana tindak lanjut',
      'Keterangan',
    ]);
    expect(workbook.getWorksheet('IKM per unsur')!.getRow(11).getCell(7).value).toBe(90.5);
  });
});

describe('the follow-up plan and the settings (admin API)', () => {
  it('keeps a follow-up plan for the lowest element, shown in the report with its status', async () => {
    const api = adminApi(server, admin.token);
    const body = {
      period: '2024-Q1',
      element: 'waktu',
      plan: 'Menambah petugas loket pada jam sibuk.',
      status: 'berjalan',
      dueDate: '2024-06-30',
    };
    const saved = await api.put('/skm/follow-ups', body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await api.put('/skm/follow-ups', { ...body, status: 'selesai' })).body).toMatchObject({ status: 'selesai' });
    const q1 = await report('period=2024-Q1');
    expect(q1.body.lowest[0].followUp).toMatchObject({ element: 'waktu', plan: body.plan, status: 'selesai', dueDate: '2024-06-30' });
    expect((await api.get('/skm/follow-ups?period=2024-Q1')).body.followUps).toHaveLength(1);
  });

  it('refuses a follow-up from a viewer (403), with unknown fields or a bad status (422)', async () => {
    const viewer = await makeUser(server, 'viewer');
    const body = { period: '2024-Q1', element: 'waktu', plan: 'Rencana', status: 'selesai' };
    expect((await adminApi(server, viewer.token).put('/skm/follow-ups', body)).status).toBe(403);
    const api = adminApi(server, admin.token);
    expect((await api.put('/skm/follow-ups', { ...body, owner: 'x' })).body.errors).toContainEqual(
      expect.objectContaining({ path: 'owner' }),
    );
    expect((await api.put('/skm/follow-ups', { ...body, status: 'done' })).status).toBe(422);
    expect((await api.put('/skm/follow-ups', { ...body, element: 'kecepatan' })).status).toBe(422);
  });

  it('saves settings from today on, refuses them for a past date, and uses their population for the sample', async () => {
    const api = adminApi(server, admin.token);
    const office = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!;
    const today = localDate(new Date(), office.timezone);
    const past = await api.put('/skm/settings', { effectiveFrom: '2024-01-01', population: 100 });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: 'effectiveFrom' })]);
    expect((await api.put('/skm/settings', { effectiveFrom: today, notApplicable: SKM_ELEMENT_CODES })).status).toBe(422);
    const saved = await api.put('/skm/settings', {
      effectiveFrom: today,
      population: 100,
      wording: { sarana: { question: { id: 'Bagaimana kualitas ruang tunggu?' } } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await api.get('/skm/settings')).body.versions).toEqual([
      expect.objectContaining({ effectiveFrom: today, serviceType: null, settings: expect.objectContaining({ population: 100 }) }),
    ]);
    const questionnaire = await getJson<{ questions: { code: string; question: { id: string } }[] }>(
      `${server.url}/api/v1/skm/questionnaire?office=bkk-palembang`,
    );
    expect(questionnaire.body.questions.find((q) => q.code === 'sarana')?.question.id).toBe('Bagaimana kualitas ruang tunggu?');
    // The current quarter's report reads the population per quarter; its year reads four quarters' worth.
    const period = parsePeriodKey(`${today.slice(0, 4)}`)!;
    expect((await report(`period=${period.key}`)).body.sample).toMatchObject({ population: 400, minimum: 196 });
  });
});
