import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, Office } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { totalsOf } from '../../server/services/reports/figures.js';
import { reportQuerySchema } from '../../server/services/reports/report-query.js';
import { select, totalsColumns } from '../../server/services/reports/report-sql.js';
import { ReportService, type ResolvedFilters } from '../../server/services/reports/reports.js';
import { addRatings, type Scores } from '../helpers/rating-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const filtersFor = (from: string, to: string): ResolvedFilters =>
  ({ office: {}, workArea: null, serviceType: null, query: { from, to } }) as unknown as ResolvedFilters;

describe('which figures answer which days of a report', () => {
  const reports = new ReportService(undefined as never);
  const slices = (from: string, to: string) =>
    reports.slices(filtersFor(from, to)).map((s) => `${s.table.replace('rating_', '')} ${s.from}..${s.to}`);

  it('reads whole months from the monthly figures and the days at either end from the daily ones', () => {
    expect(slices('2025-01-01', '2026-12-31')).toEqual(['monthly_employee 2025-01-01..2026-12-01']);
    expect(slices('2025-01-15', '2025-04-10')).toEqual([
      'monthly_employee 2025-02-01..2025-03-01',
      'daily_employee 2025-01-15..2025-01-31',
      'daily_employee 2025-04-01..2025-04-10',
    ]);
    expect(slices('2024-02-01', '2024-02-29')).toEqual(['monthly_employee 2024-02-01..2024-02-01']);
    expect(slices('2025-12-02', '2026-01-31')).toEqual([
      'monthly_employee 2026-01-01..2026-01-01',
      'daily_employee 2025-12-02..2025-12-31',
    ]);
  });

  it('keeps to the daily figures when no month is whole', () => {
    expect(slices('2025-03-05', '2025-03-20')).toEqual(['daily_employee 2025-03-05..2025-03-20']);
    expect(slices('2025-03-02', '2025-04-30')).toEqual([
      'monthly_employee 2025-04-01..2025-04-01',
      'daily_employee 2025-03-02..2025-03-31',
    ]);
    expect(slices('2025-02-28', '2025-03-30')).toEqual(['daily_employee 2025-02-28..2025-03-30']);
    expect(slices('2025-06-01', '2025-06-01')).toEqual(['daily_employee 2025-06-01..2025-06-01']);
  });

  it('reads the finer tables when a report splits by service type', () => {
    expect(reports.slices(filtersFor('2025-01-01', '2025-01-31'), true).map((s) => s.table)).toEqual(['rating_monthly']);
  });
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('reports over whole and partial months', () => {
  it('give the same figures as the raw ratings, whatever the period', async () => {
    const scores = (i: number): Scores => [(i % 5) + 1, ((i + 1) % 5) + 1, ((i + 2) % 5) + 1, ((i + 3) % 5) + 1, ((i + 4) % 5) + 1];
    // Ratings on the first and last days of months, in and out of a leap February, 03:00 UTC being 10:00 in Palembang.
    const days = ['2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2024-03-15', '2024-12-31', '2025-01-01', '2025-06-30'];
    await addRatings(
      server.sequelize,
      days.flatMap((day, i) => [
        { nip: DEMO_NIP, scores: scores(i), at: new Date(`${day}T03:00:00Z`) },
        { nip: DEMO_NIP, scores: scores(i + 2), at: new Date(`${day}T04:00:00Z`), serviceType: 'phqc', verified: i % 2 === 0 },
      ]),
    );
    const reports = new ReportService(server.sequelize);
    const office = await Office.findOne({ where: { code: 'bkk-palembang' }, rejectOnEmpty: true });
    const employee = await Employee.findOne({ where: { nip: DEMO_NIP }, rejectOnEmpty: true });
    for (const [from, to] of [
      ['2024-01-01', '2025-12-31'],
      ['2024-01-31', '2024-03-01'],
      ['2024-02-01', '2024-02-29'],
      ['2024-02-02', '2025-06-29'],
      ['2024-03-02', '2024-12-31'],
    ] as const) {
      for (const verified of [false, true]) {
        const query = reportQuerySchema.parse({ from, to, ...(verified ? { verified: 'true' } : {}) });
        const filters = { ...(await reports.resolve({ officeId: office.id }, query)), employeeId: employee.id };
        const where = reports.conditions(filters, 'raw');
        const [raw] = await select(server.sequelize, `SELECT ${totalsColumns('raw')} FROM ratings ${where.sql}`, where.params);
        const rawByType = await select(
          server.sequelize,
          `SELECT service_type_id AS k, ${totalsColumns('raw')} FROM ratings ${where.sql} GROUP BY service_type_id`,
          where.params,
        );
        const period = `${from}..${to}${verified ? ' verified' : ''}`;
        expect([period, (await reports.totalsBy(filters, 'employee_id')).get(employee.id)]).toEqual([period, totalsOf(raw!)]);
        expect([period, Object.fromEntries(await reports.totalsBy(filters, 'service_type_id', true))]).toEqual([
          period,
          Object.fromEntries(rawByType.map((row) => [row.k, totalsOf(row)])),
        ]);
        const stars = await reports.starDistribution(filters);
        expect([period, stars.profesional.reduce((a, b) => a + b, 0)]).toEqual([period, totalsOf(raw!).count]);
        const months = await reports.byMonth(filters);
        expect([period, months.reduce((sum, m) => sum + m.count, 0)]).toEqual([period, totalsOf(raw!).count]);
      }
    }
  });
});
