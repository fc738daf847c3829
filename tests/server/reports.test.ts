import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Office, WorkArea } from '../../server/db/models/index.js';
import { figuresOf, gradeOf } from '../../server/services/reports/figures.js';
import { ReportBuilders } from '../../server/services/reports/report-builders.js';
import { reportQuerySchema } from '../../server/services/reports/report-query.js';
import { ReportService } from '../../server/services/reports/reports.js';
import { addRatings, type Scores } from '../helpers/rating-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const RINA = '199203152019032001'; // kantor-induk
const AGUS = '198507222010121002'; // kantor-induk
const DEWI = '199011042015032003'; // boom-baru

let server: TestServer;
let reports: ReportBuilders;
let officeId: number;
beforeAll(async () => {
  server = await startTestServer();
  reports = new ReportBuilders(new ReportService(server.sequelize));
  officeId = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!.id;
});
afterAll(() => server.close());

const query = (params: Record<string, string>) => reportQuerySchema.parse(params);
const wib = (local: string) => new Date(`${local}+07:00`);
const rowOf = <T extends { nip: string }>(rows: T[], nip: string) => rows.find((row) => row.nip === nip)!;

describe('grades on the survey bands, computed exactly', () => {
  it('puts 88.30 in B and 88.31 in A, and the other edges likewise', () => {
    // score = 4 x (sum of all stars) / (number of ratings)
    expect(gradeOf(883, 40)).toBe('B'); // 88.30
    expect(gradeOf(8831, 400)).toBe('A'); // 88.31
    expect(gradeOf(383, 20)).toBe('C'); // 76.60
    expect(gradeOf(7661, 400)).toBe('B'); // 76.61
    expect(gradeOf(65, 4)).toBe('C'); // 65.00
    expect(gradeOf(6499, 400)).toBe('D'); // 64.99
    expect(gradeOf(125, 5)).toBe('A'); // 100
    expect(gradeOf(5, 1)).toBe('D'); // 20
  });

  it('gives zeros and nulls, not a division error, for a group without ratings', () => {
    const empty = figuresOf({ count: 0, verifiedCount: 0, profesional: 0, amanah: 0, cakap: 0, akuntabel: 0, kolaboratif: 0 });
    expect(empty).toMatchObject({ count: 0, overall: null, score: null, grade: null });
    expect(Object.values(empty.averages)).toEqual([null, null, null, null, null]);
  });
});

describe('the summary', () => {
  it('averages each indicator, the overall and the score as worked out by hand', async () => {
    await addRatings(server.sequelize, [
      { nip: RINA, scores: [5, 5, 5, 5, 4], at: wib('2025-02-03T10:00:00') },
      { nip: RINA, scores: [4, 4, 4, 4, 4], at: wib('2025-02-04T10:00:00'), verified: true },
      { nip: AGUS, scores: [3, 2, 3, 2, 3], at: wib('2025-02-05T10:00:00') },
    ]);
    const report = await reports.summary({ officeId }, query({ from: '2025-02-01', to: '2025-02-28' }));
    const rina = rowOf(report.rows, RINA);
    // Sums: 9, 9, 9, 9, 8 over 2 ratings. Overall = 44 / 10 = 4.4. Score = 4.4 / 5 x 100 = 88.0, grade B.
    expect(rina).toMatchObject({
      count: 2,
      verifiedCount: 1,
      averages: { profesional: 4.5, amanah: 4.5, cakap: 4.5, akuntabel: 4.5, kolaboratif: 4 },
      overall: 4.4,
      score: 88,
      grade: 'B',
      gradeLabel: 'Baik',
      workArea: { code: 'kantor-induk' },
    });
    // 13 stars in one rating: overall 2.6, score 52.0, grade D.
    expect(rowOf(report.rows, AGUS)).toMatchObject({ count: 1, overall: 2.6, score: 52, grade: 'D' });
    // Everyone active is listed, rated or not.
    expect(rowOf(report.rows, DEWI)).toMatchObject({ count: 0, score: null, grade: null });
    expect(report.rows).toHaveLength(12);
    // The office as a whole: 57 stars over 3 ratings, score 76.0, grade C.
    expect(report.totals).toMatchObject({ count: 3, score: 76, grade: 'C' });
    expect(report.period).toEqual({
      from: '2025-02-01',
      to: '2025-02-28',
      code: '2025-02',
      name: { id: 'Februari 2025', en: 'February 2025' },
    });
    expect(report.method.id).toMatch(/bukan Indeks Kepuasan Masyarakat/);
  });

  it('places the edge of 88.30 in B through the whole path', async () => {
    // 40 ratings with 883 stars in all (37 of 22 stars and 3 of 23): score 4 x 883 / 40 = 88.30 exactly.
    const ratings: Scores[] = [];
    for (let i = 0; i < 40; i++) ratings.push([5, 5, 4, 4, 4]); // 22 each = 880
    ratings[0] = [5, 5, 5, 4, 4];
    ratings[1] = [5, 5, 5, 4, 4];
    ratings[2] = [5, 5, 5, 4, 4]; // 883 in all
    await addRatings(
      server.sequelize,
      ratings.map((scores, i) => ({
        nip: AGUS,
        scores,
        at: wib(`2025-03-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00`),
        serviceType: i < 28 ? 'cop' : 'phqc',
      })),
    );
    const row = rowOf((await reports.summary({ officeId }, query({ from: '2025-03-01', to: '2025-03-31' }))).rows, AGUS);
    expect(row).toMatchObject({ count: 40, score: 88.3, grade: 'B' });
  });

  it('counts a rating on the office-local day, at midnight WIB', async () => {
    await addRatings(server.sequelize, [
      { nip: DEWI, scores: [1, 1, 1, 1, 1], at: new Date('2025-04-30T16:59:00Z') }, // 23:59 WIB, 30 April
      { nip: DEWI, scores: [5, 5, 5, 5, 5], at: new Date('2025-04-30T17:01:00Z') }, // 00:01 WIB, 1 May
    ]);
    const may = await reports.summary({ officeId }, query({ from: '2025-05-01', to: '2025-05-31' }));
    expect(rowOf(may.rows, DEWI)).toMatchObject({ count: 1, score: 100 });
    const april = await reports.summary({ officeId }, query({ from: '2025-04-30', to: '2025-04-30' }));
    expect(rowOf(april.rows, DEWI)).toMatchObject({ count: 1, score: 20 });
  });

  it('narrows to a work area, a service type and verified ratings', async () => {
    await addRatings(server.sequelize, [
      { nip: RINA, scores: [5, 5, 5, 5, 5], at: wib('2025-06-02T10:00:00'), serviceType: 'cop', verified: true },
      { nip: RINA, scores: [3, 3, 3, 3, 3], at: wib('2025-06-03T10:00:00'), serviceType: 'phqc' },
      { nip: DEWI, scores: [4, 4, 4, 4, 4], at: wib('2025-06-03T10:00:00'), serviceType: 'cop' },
    ]);
    const june = { from: '2025-06-01', to: '2025-06-30' };
    const byType = await reports.summary({ officeId }, query({ ...june, serviceType: 'cop' }));
    expect(rowOf(byType.rows, RINA)).toMatchObject({ count: 1, score: 100 });
    expect(byType.totals.count).toBe(2);
    const verified = await reports.summary({ officeId }, query({ ...june, verified: 'true' }));
    expect(verified.totals).toMatchObject({ count: 1, verifiedCount: 1 });
    const area = await reports.summary({ officeId }, query({ ...june, workArea: 'boom-baru' }));
    expect(area.rows.map((row) => row.nip)).toContain(DEWI);
    expect(area.rows.map((row) => row.nip)).not.toContain(RINA);
    expect(area.totals.count).toBe(1);
  });

  it('keeps a coordinator to their own work area', async () => {
    const boomBaru = (await WorkArea.findOne({ where: { code: 'boom-baru' } }))!;
    const scoped = await reports.summary({ officeId, workAreaId: boomBaru.id }, query({ from: '2025-06-01', to: '2025-06-30' }));
    expect(scoped.filters.workArea).toBe('boom-baru');
    expect(scoped.rows.every((row) => row.workArea.code === 'boom-baru')).toBe(true);
    await expect(
      reports.summary({ officeId, workAreaId: boomBaru.id }, query({ from: '2025-06-01', to: '2025-06-30', workArea: 'kantor-induk' })),
    ).rejects.toMatchObject({ problem: { status: 403 } });
  });

  it('gives zeros for an empty period', async () => {
    const report = await reports.summary({ officeId }, query({ from: '2019-01-01', to: '2019-01-31' }));
    expect(report.totals).toMatchObject({ count: 0, score: null });
    expect(report.rows.every((row) => row.count === 0)).toBe(true);
  });
});

describe('groupings and one employee in detail', () => {
  it('groups by work area and by service type with the same figures', async () => {
    const june = query({ from: '2025-06-01', to: '2025-06-30' });
    const areas = await reports.workAreas({ officeId }, june);
    expect(areas.rows.find((row) => row.code === 'kantor-induk')).toMatchObject({ count: 2, score: 80 });
    expect(areas.rows.find((row) => row.code === 'boom-baru')).toMatchObject({ count: 1, score: 80 });
    const types = await reports.serviceTypes({ officeId }, june);
    expect(types.rows.find((row) => row.code === 'cop')).toMatchObject({ count: 2, score: 90 });
    expect(types.rows.find((row) => row.code === 'phqc')).toMatchObject({ count: 1, score: 60 });
    expect(types.totals.count).toBe(3);
  });

  it('shows an employee with star counts, service types, months and masked comments', async () => {
    await addRatings(server.sequelize, [
      { nip: RINA, scores: [5, 4, 3, 2, 1], at: wib('2025-07-10T10:00:00'), comment: 'Ramah sekali' },
      { nip: RINA, scores: [5, 5, 5, 5, 5], at: wib('2025-08-10T10:00:00'), serviceType: 'phqc' },
    ]);
    const report = await reports.employee({ officeId }, RINA, query({ from: '2025-07-01', to: '2025-08-31' }));
    expect(report.figures).toMatchObject({ count: 2 });
    expect(report.stars.profesional).toEqual([0, 0, 0, 0, 2]);
    expect(report.stars.kolaboratif).toEqual([1, 0, 0, 0, 1]);
    expect(report.byMonth.map((m) => [m.month, m.count])).toEqual([
      ['2025-07', 1],
      ['2025-08', 1],
    ]);
    expect(report.byServiceType.map((t) => t.code).sort()).toEqual(['cop', 'phqc']);
    expect(report.comments).toHaveLength(1);
    expect(report.comments[0]).toMatchObject({
      comment: 'Ramah sekali',
      date: '2025-07-10',
      phone: expect.stringMatching(/^08\d\d\*+\d{4}$/),
    });
  });
});

describe('the ranking for awards', () => {
  it('puts forty good ratings above one perfect one, and lists small samples as not yet ranked', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      nip: AGUS,
      scores: [5, 5, 5, 4, 5] as Scores,
      at: wib(`2025-09-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00`),
      serviceType: i < 28 ? 'cop' : 'phqc',
    }));
    await addRatings(server.sequelize, [
      ...many,
      { nip: RINA, scores: [5, 5, 5, 5, 5], at: wib('2025-09-05T10:00:00') },
      ...[1, 2, 3, 4, 5].map((day) => ({ nip: DEWI, scores: [3, 3, 3, 3, 3] as Scores, at: wib(`2025-09-0${day}T10:00:00`) })),
    ]);
    const september = { from: '2025-09-01', to: '2025-09-30' };
    const loose = await reports.ranking({ officeId }, query({ ...september, minRatings: '1' }));
    expect(loose.ranked.map((row) => row.nip)).toEqual([AGUS, RINA, DEWI]);
    // Prior: (40 x 24 + 25 + 5 x 15) / (46 x 5) = 1060 / 230. AGUS: (10 x prior + 40 x 4.8) / 50.
    const prior = 1060 / 230;
    expect(loose.rankingMethod.prior).toBeCloseTo(prior, 3);
    expect(loose.ranked[0]!.bayesian).toBeCloseTo((10 * prior + 192) / 50, 3);
    expect(loose.ranked[1]!.bayesian).toBeCloseTo((10 * prior + 5) / 11, 3);

    const strict = await reports.ranking({ officeId }, query(september));
    expect(strict.ranked.map((row) => row.nip)).toEqual([AGUS, DEWI]);
    expect(strict.notYetRanked.map((row) => row.nip)).toContain(RINA);
  });

  it('breaks a tie by the number of ratings', async () => {
    await addRatings(server.sequelize, [
      ...[1, 2, 3, 4, 5, 6].map((day) => ({ nip: RINA, scores: [4, 4, 4, 4, 4] as Scores, at: wib(`2025-10-0${day}T10:00:00`) })),
      ...[1, 2, 3, 4, 5].map((day) => ({ nip: DEWI, scores: [4, 4, 4, 4, 4] as Scores, at: wib(`2025-10-0${day}T10:00:00`) })),
    ]);
    const report = await reports.ranking({ officeId }, query({ from: '2025-10-01', to: '2025-10-31' }));
    expect(report.ranked.map((row) => [row.nip, row.rank])).toEqual([
      [RINA, 1],
      [DEWI, 2],
    ]);
  });
});

describe('report parameters', () => {
  it('refuses a period that ends before it starts, impossible dates and unknown filters', () => {
    expect(reportQuerySchema.safeParse({ from: '2025-02-01', to: '2025-01-01' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ from: '2025-02-30', to: '2025-03-01' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ from: '2025-01-01', to: '2025-01-31', nip: 'x' }).success).toBe(false);
  });

  it('takes an appraisal period by its code instead of two dates, and refuses both at once or a code that names none', () => {
    expect(reportQuerySchema.parse({ period: '2026-Q3' })).toMatchObject({
      from: '2026-07-01',
      to: '2026-09-30',
      period: { name: { id: 'Triwulan III 2026' } },
    });
    expect(reportQuerySchema.parse({ period: '2028-S1' })).toMatchObject({
      from: '2028-01-01',
      to: '2028-06-30',
      period: { name: { id: 'Semester I 2028' } },
    });
    expect(reportQuerySchema.parse({ period: '2028-02' })).toMatchObject({
      from: '2028-02-01',
      to: '2028-02-29',
      period: { name: { id: 'Februari 2028' } },
    });
    expect(reportQuerySchema.parse({ from: '2026-10-01', to: '2026-10-31' }).period?.name.id).toBe('Oktober 2026');
    expect(reportQuerySchema.parse({ from: '2026-10-02', to: '2026-10-31' }).period).toBeNull();
    for (const bad of [
      { period: '2026-Q5' },
      { period: '2026-13' },
      { period: '2026-S3' },
      { period: '1999' },
      { period: '2026-Q3', from: '2026-07-01' },
      {},
    ]) {
      expect(reportQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
