/**
 * A ministry-sized data set on PostgreSQL: 50 offices of about 100 employees each and ratings over five
 * years, first 1,000,000 and then 10,000,000 of them, with the first office's quarter summary, one employee's
 * detail, the ranking and the two-year summary timed over HTTP against the real server at each size. The
 * offices are copied from the first one and the ratings made inside PostgreSQL (INSERT … SELECT FROM
 * generate_series), with no round trip per row; the daily and monthly figures are then filled as in
 * report-data.ts and checked against the raw ratings.
 */
import { loadavg } from 'node:os';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../server/db/connection.js';
import { INDICATOR_CODES } from '../../server/domain/indicators.js';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { dailyFiguresMismatches } from './daily-figures-check.js';
import { scratchDb, unavailable } from './databases.js';
import { countRows, ensureEmployees, fillDailyFigures } from './report-data.js';
import { adminToken, QUARTER, REPORTS, startReportServer, timeReport } from './reports.js';

export const OFFICES = 50;
/** Five years of office days, ending at the last day of the quarter the reports ask for. */
export const FIRST_DAY = '2021-10-01';
const LAST_DAY = QUARTER.to;
/** The ministry's offices are in all three of Indonesia's time zones. */
const TIME_ZONES = ['Asia/Jakarta', 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
/** Rows per INSERT … SELECT: progress is logged between them. */
const CHUNK = 1_000_000;

export interface MinistryOptions {
  sizes: number[];
  runs: number;
  /** Sizes up to this many ratings are checked against the raw ratings (the check reads every rating eight times). */
  checkUpTo: number;
  log(line: string): void;
}

export interface MinistryTiming {
  ratings: number;
  report: string;
  runs: number[];
  median: number;
  bytes: number;
}

export interface MinistryData {
  ratings: number;
  offices: number;
  employees: number;
  firstOfficeRatings: number;
  insertSeconds: number;
  fillSeconds: number;
  analyzeSeconds: number;
  dailyRows: number;
  dailyEmployeeRows: number;
  monthlyRows: number;
  monthlyEmployeeRows: number;
  /** null when not checked at this size. */
  mismatches: number | null;
  checkSeconds: number;
  databaseBytes: number;
  load: number[];
}

export interface MinistryResult {
  timings: MinistryTiming[];
  data: MinistryData[];
  skipped?: string;
}

/** What is timed: the reports of reports.ts but the exports (their size follows one office, not the ministry). */
export const MINISTRY_REPORTS = REPORTS.filter((report) => !report.query.format);

const one = async (sequelize: Sequelize, sql: string): Promise<number> => {
  const [row] = await sequelize.query<{ n: number | string }>(sql, { type: QueryTypes.SELECT });
  return Number(row?.n ?? 0);
};

/** The columns of a table but `id`, as the database has them now (later migrations add some). */
async function columnsOf(sequelize: Sequelize, table: string): Promise<string[]> {
  const rows = await sequelize.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name <> 'id' ORDER BY ordinal_position`,
    { type: QueryTypes.SELECT, replacements: [table] },
  );
  return rows.map((row) => row.name);
}

/** `INSERT INTO table (…) SELECT …`, every column copied from `source` but those given in `set`. */
async function copyRows(sequelize: Sequelize, table: string, set: Record<string, string>, source: string): Promise<void> {
  const columns = await columnsOf(sequelize, table);
  const values = columns.map((column) => set[column] ?? `src.${column}`);
  await sequelize.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${source}`);
}

/**
 * Brings the first office to 100 employees (report-data.ts), then copies it 49 times: each copy has the
 * same work areas, service types and employees (new NIPs), in one of three time zones. Lastly two lookup
 * tables number the offices (0 = the first), their employees and service types for the rating generator.
 */
export async function makeOffices(sequelize: Sequelize): Promise<{ offices: number; employees: number }> {
  await ensureEmployees();
  const first = await one(sequelize, `SELECT id AS n FROM offices WHERE code = '${FIRST_OFFICE.office.code}'`);
  await sequelize.query(
    `CREATE UNLOGGED TABLE bench_offices (idx INTEGER PRIMARY KEY, office_id INTEGER NOT NULL, timezone TEXT NOT NULL)`,
  );
  await sequelize.query(`INSERT INTO bench_offices VALUES (0, ${first}, (SELECT timezone FROM offices WHERE id = ${first}))`);
  for (let idx = 1; idx < OFFICES; idx++) {
    const code = `kantor-uji-${String(idx).padStart(2, '0')}`;
    const zone = TIME_ZONES[idx % TIME_ZONES.length] as string;
    await copyRows(
      sequelize,
      'offices',
      { code: `'${code}'`, name: `'Kantor Uji ${idx}'`, timezone: `'${zone}'`, created_at: 'now()', updated_at: 'now()' },
      `offices src WHERE src.id = ${first}`,
    );
    const office = await one(sequelize, `SELECT id AS n FROM offices WHERE code = '${code}'`);
    await sequelize.query(`INSERT INTO bench_offices VALUES (${idx}, ${office}, '${zone}')`);
    await copyRows(sequelize, 'work_areas', { office_id: String(office) }, `work_areas src WHERE src.office_id = ${first}`);
    await copyRows(sequelize, 'service_types', { office_id: String(office) }, `service_types src WHERE src.office_id = ${first}`);
    // NIPs stay 18 digits and distinct: a 9 (no birth year starts with it) and the office's number first.
    await copyRows(
      sequelize,
      'employees',
      {
        office_id: String(office),
        work_area_id: `(SELECT w.id FROM work_areas w JOIN work_areas f ON f.code = w.code WHERE w.office_id = ${office} AND f.id = src.work_area_id)`,
        nip: `'9${String(idx).padStart(2, '0')}' || substr(src.nip, 4)`,
        pin_hash: 'NULL',
      },
      `employees src WHERE src.office_id = ${first}`,
    );
  }
  await sequelize.query(
    `CREATE UNLOGGED TABLE bench_staff AS
     SELECT o.idx AS office_idx, (row_number() OVER (PARTITION BY e.office_id ORDER BY e.id) - 1)::int AS idx,
            e.office_id, e.id AS employee_id, e.work_area_id, o.timezone
     FROM employees e JOIN bench_offices o ON o.office_id = e.office_id`,
  );
  await sequelize.query(
    `CREATE UNLOGGED TABLE bench_types AS
     SELECT o.idx AS office_idx, (row_number() OVER (PARTITION BY t.office_id ORDER BY t.id) - 1)::int AS idx, t.id AS service_type_id
     FROM service_types t JOIN bench_offices o ON o.office_id = t.office_id`,
  );
  await sequelize.query('CREATE UNIQUE INDEX bench_staff_key ON bench_staff (office_idx, idx)');
  await sequelize.query('CREATE UNIQUE INDEX bench_types_key ON bench_types (office_idx, idx)');
  return { offices: await countRows(sequelize, 'offices'), employees: await countRows(sequelize, 'employees') };
}

/**
 * Appends `count` ratings numbered from `start` (so clientIds, receipts and phone hashes stay unique across
 * calls), day by day over the five years as they would arrive. Offices differ in size (the first is the
 * largest, about 5% of all), a few service types are much more common than the rest, scores lean to 4 and 5;
 * 15% carry a comment, 10% are verified, 0.5% voided. Repeatable: the generator is seeded per chunk.
 */
export async function addMinistryRatings(sequelize: Sequelize, start: number, count: number, log: (line: string) => void): Promise<number> {
  const began = performance.now();
  const dayCount = await one(sequelize, `SELECT (DATE '${LAST_DAY}' - DATE '${FIRST_DAY}' + 1) AS n`);
  // Every office has the first one's staff and service types (makeOffices).
  const staff = await one(sequelize, 'SELECT count(*) AS n FROM bench_staff WHERE office_idx = 0');
  const types = await one(sequelize, 'SELECT count(*) AS n FROM bench_types WHERE office_idx = 0');
  const at = `((g.day + TIME '08:00' + g.w * INTERVAL '8 hours') AT TIME ZONE s.timezone)`;
  // As report-data.ts: 3% ones, 5% twos, 17% threes, 35% fours, 40% fives.
  const score = (r: string) =>
    `CASE WHEN ${r} < 0.03 THEN 1 WHEN ${r} < 0.08 THEN 2 WHEN ${r} < 0.25 THEN 3 WHEN ${r} < 0.6 THEN 4 ELSE 5 END`;
  const scores = INDICATOR_CODES.map((code, i) => `${score(`g.s${i}`)} AS ${code}`);
  const padded = (prefix: string) => `'${prefix}' || lpad(g.n::text, 10, '0')`;
  for (let from = start; from < start + count; from += CHUNK) {
    const to = Math.min(from + CHUNK, start + count) - 1;
    await sequelize.transaction(async (transaction) => {
      await sequelize.query(`SELECT setseed(${((from / CHUNK) % 997) / 1000})`, { transaction });
      await sequelize.query(
        `INSERT INTO ratings (office_id, employee_id, work_area_id, service_type_id, ${INDICATOR_CODES.join(', ')},
           comment, channel, client_id, receipt, phone_hash, phone_cipher, phone_masked, local_date, verified, voided_at, void_reason, created_at)
         SELECT s.office_id, s.employee_id, s.work_area_id, t.service_type_id, ${scores.join(', ')},
           CASE WHEN g.c < 0.15 THEN (ARRAY['Pelayanan cepat dan ramah.', 'Petugas menjelaskan dengan jelas.', 'Antrian agak lama.',
             'Terima kasih, sangat membantu.'])[1 + g.n % 4] END,
           CASE WHEN g.q < 0.3 THEN 'qr' ELSE 'widget' END,
           ${padded('min-')}, ${padded('M')}, ${padded('h')}, NULL, '0812****0000',
           g.day, g.v < 0.1,
           CASE WHEN g.x < 0.005 THEN ${at} END, CASE WHEN g.x < 0.005 THEN 'bench' END,
           ${at}
         FROM (
             SELECT n,
               DATE '${FIRST_DAY}' + floor((n - ${start})::float8 / ${count} * ${dayCount})::int AS day,
               least(${OFFICES - 1}, floor(${OFFICES} * power(random(), 1.3)))::int AS o,
               floor(${staff} * random())::int AS e, floor(${types} * power(random(), 2))::int AS t,
               ${INDICATOR_CODES.map((_, i) => `random() AS s${i}`).join(', ')},
               random() AS c, random() AS q, random() AS v, random() AS x, random() AS w
             FROM generate_series(${from}, ${to}) AS n
         ) g
         JOIN bench_staff s ON s.office_idx = g.o AND s.idx = g.e
         JOIN bench_types t ON t.office_idx = g.o AND t.idx = g.t`,
        { transaction },
      );
    });
    log(`ministry: ${(to + 1).toLocaleString('en-US')} ratings (${((performance.now() - began) / 1000).toFixed(0)} s for this step)`);
  }
  return (performance.now() - began) / 1000;
}

export async function benchMinistry(options: MinistryOptions): Promise<MinistryResult> {
  const result: MinistryResult = { timings: [], data: [] };
  const why = await unavailable('postgres');
  if (why) {
    result.skipped = `PostgreSQL is not running (${why})`;
    options.log(`ministry: skipped, ${result.skipped}`);
    return result;
  }
  const scratch = await scratchDb('postgres');
  try {
    const server = await startReportServer(scratch);
    const sequelize = createSequelize({ databaseUrl: scratch.url, db: { poolMax: 1, acquireMs: 60_000, statementTimeoutMs: 0 } });
    try {
      const token = await adminToken(server.ready);
      // The bench's own connection only: room for its sorts and groupings over millions of rows in memory.
      await sequelize.query(`SET work_mem = '512MB'`);
      const { offices, employees } = await makeOffices(sequelize);
      options.log(`ministry: ${offices} offices, ${employees} employees`);
      let made = 0;
      for (const size of options.sizes) {
        const insertSeconds = await addMinistryRatings(sequelize, made, size - made, options.log);
        made = size;
        const fillSeconds = await fillDailyFigures(sequelize);
        // As autovacuum would after a load this size: the planner's statistics follow the data.
        let began = performance.now();
        await sequelize.query('ANALYZE');
        const analyzeSeconds = (performance.now() - began) / 1000;
        began = performance.now();
        const mismatches = size <= options.checkUpTo ? await dailyFiguresMismatches(sequelize) : null;
        const checkSeconds = (performance.now() - began) / 1000;
        const first = await one(sequelize, `SELECT office_id AS n FROM bench_offices WHERE idx = 0`);
        const data: MinistryData = {
          ratings: await countRows(sequelize, 'ratings'),
          offices,
          employees,
          firstOfficeRatings: await one(sequelize, `SELECT count(*) AS n FROM ratings WHERE office_id = ${first}`),
          insertSeconds,
          fillSeconds,
          analyzeSeconds,
          dailyRows: await countRows(sequelize, 'rating_daily'),
          dailyEmployeeRows: await countRows(sequelize, 'rating_daily_employee'),
          monthlyRows: await countRows(sequelize, 'rating_monthly'),
          monthlyEmployeeRows: await countRows(sequelize, 'rating_monthly_employee'),
          mismatches,
          checkSeconds,
          databaseBytes: await one(sequelize, 'SELECT pg_database_size(current_database()) AS n'),
          load: loadavg().map((value) => Math.round(value * 100) / 100),
        };
        result.data.push(data);
        options.log(
          `ministry: ${data.ratings} ratings made in ${insertSeconds.toFixed(1)} s, figures in ${fillSeconds.toFixed(1)} s, ` +
            `${data.dailyRows} + ${data.dailyEmployeeRows} daily and ${data.monthlyRows} + ${data.monthlyEmployeeRows} monthly rows, ` +
            (mismatches === null ? 'not checked' : `${mismatches} differ from the raw ratings (checked in ${checkSeconds.toFixed(0)} s)`) +
            `, database ${(data.databaseBytes / 2 ** 30).toFixed(1)} GiB, load average ${data.load.join(' / ')}`,
        );
        if (mismatches) throw new Error(`the figures differ from the raw ratings in ${mismatches} rows`);
        for (const report of MINISTRY_REPORTS) {
          const url = `${server.ready.url}${report.path}?${new URLSearchParams(report.query)}`;
          const timing = await timeReport(url, token, options.runs);
          result.timings.push({ ratings: size, report: report.name, ...timing });
          options.log(
            `ministry ${size}: ${report.name}: median ${timing.median.toFixed(1)} ms (${timing.runs.map((r) => r.toFixed(0)).join(', ')}), ${timing.bytes} B`,
          );
        }
      }
    } finally {
      await sequelize.close();
      await server.stop();
    }
  } finally {
    await scratch.drop();
  }
  return result;
}
