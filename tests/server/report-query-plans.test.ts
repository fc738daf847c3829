import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, Office } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { reportQuerySchema } from '../../server/services/reports/report-query.js';
import { ReportService } from '../../server/services/reports/reports.js';
import { TEST_DB } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// SQLite keeps no planner statistics, so the shape of a query alone decides which index it reads;
// PostgreSQL and MariaDB weigh their statistics instead.
const describeSqlite = TEST_DB === 'sqlite' ? describe : describe.skip;

let server: TestServer;
beforeAll(async () => {
  if (TEST_DB === 'sqlite') server = await startTestServer();
});
afterAll(() => server?.close());

describeSqlite('one employee’s report on SQLite', () => {
  it('reads each table through an index led by employee_id, not the whole office’s period', async () => {
    const reports = new ReportService(server.sequelize);
    const office = await Office.findOne({ where: { code: 'bkk-palembang' }, rejectOnEmpty: true });
    const employee = await Employee.findOne({ where: { nip: DEMO_NIP }, rejectOnEmpty: true });
    const filters = await reports.resolve({ officeId: office.id }, reportQuerySchema.parse({ from: '2025-01-01', to: '2026-12-31' }));
    const plans: Record<string, string> = {};
    for (const [table, source] of [
      ['rating_daily', 'daily'],
      ['rating_daily_employee', 'daily'],
      ['ratings', 'raw'],
    ] as const) {
      const where = reports.conditions({ ...filters, employeeId: employee.id }, source);
      const rows = await server.sequelize.query<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM ${table} ${where.sql}`, {
        replacements: where.params,
        type: QueryTypes.SELECT,
      });
      plans[table] = rows.map((row) => row.detail).join(' | ');
    }
    expect(plans).toEqual({
      rating_daily: expect.stringMatching(/USING (COVERING )?INDEX rating_daily_key \(employee_id=\?/),
      rating_daily_employee: expect.stringMatching(/USING (COVERING )?INDEX rating_daily_employee_key \(employee_id=\?/),
      ratings: expect.stringMatching(/USING (COVERING )?INDEX ratings_employee_date \(employee_id=\?/),
    });
  });
});
