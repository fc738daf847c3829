/**
 * Reports at 100,000 and 1,000,000 ratings: the office-wide summary for a quarter (the budget) and for
 * the two years, one employee's detail, the ranking and an XLSX export, each timed over HTTP against
 * the real server (median of several runs after one warm-up), and the server's peak resident memory
 * during the export. The data is made straight in the database (report-data.ts) while the server runs.
 */
import { createSequelize } from '../../server/db/connection.js';
import { DEMO_ADMIN, DEMO_NIP } from '../../server/db/seed-data.js';
import { startChild, type Child } from './children.js';
import { dailyFiguresMismatches } from './daily-figures-check.js';
import { scratchDb, unavailable, type BenchDb, type ScratchDb } from './databases.js';
import { serverEnv } from './intake.js';
import { resetPeakRss, rss } from './proc.js';
import { addRatings, countRows, ensureEmployees, fillDailyFigures } from './report-data.js';
import { median } from './stats.js';

export interface ReportsOptions {
  dbs: BenchDb[];
  sizes: number[];
  runs: number;
  log(line: string): void;
}

export const QUARTER = { from: '2026-07-01', to: '2026-09-30' };
export const TWO_YEARS = { from: '2024-12-01', to: '2026-11-30' };

/** The reports timed, by name, with their path and query. */
export const REPORTS: { name: string; path: string; query: Record<string, string> }[] = [
  { name: 'summary, quarter (budget)', path: '/api/v1/reports/summary', query: QUARTER },
  { name: 'summary, two years', path: '/api/v1/reports/summary', query: TWO_YEARS },
  { name: 'employee detail, quarter', path: `/api/v1/reports/employees/${DEMO_NIP}`, query: QUARTER },
  { name: 'ranking, quarter', path: '/api/v1/reports/ranking', query: QUARTER },
  { name: 'XLSX export: summary, two years', path: '/api/v1/reports/summary', query: { ...TWO_YEARS, format: 'xlsx' } },
  {
    name: 'XLSX export: employee detail, two years',
    path: `/api/v1/reports/employees/${DEMO_NIP}`,
    query: { ...TWO_YEARS, format: 'xlsx' },
  },
];

export interface ReportTiming {
  db: BenchDb;
  ratings: number;
  report: string;
  runs: number[];
  median: number;
  bytes: number;
  /** The server's peak resident memory while this report ran (XLSX exports only), and before it. */
  peakRss?: number;
  rssBefore?: number;
}

export interface ReportsResult {
  timings: ReportTiming[];
  /** Per database and size: how long making the data took, rows in the daily tables, mismatches with the raw ratings. */
  data: {
    db: BenchDb;
    ratings: number;
    insertSeconds: number;
    fillSeconds: number;
    dailyRows: number;
    dailyEmployeeRows: number;
    mismatches: number;
  }[];
  skipped: { db: BenchDb; reason: string }[];
}

export async function fetchReport(url: string, token: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.toString('utf8').slice(0, 300)}`);
  return { ms, bytes: body.length };
}

/**
 * One warm-up (caches, prepared plans, the pool's connections), then `runs` timed requests; `around`
 * may watch each run (the server's memory during an export).
 */
export async function timeReport(
  url: string,
  token: string,
  runs: number,
  around: (run: () => Promise<{ ms: number; bytes: number }>) => Promise<{ ms: number; bytes: number }> = (run) => run(),
): Promise<{ runs: number[]; median: number; bytes: number }> {
  await fetchReport(url, token);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const timing = await around(() => fetchReport(url, token));
    times.push(timing.ms);
    bytes = timing.bytes;
  }
  return { runs: times, median: median(times), bytes };
}

/** A server started from bench-server.js with a scratch database and the statement limit reports over millions of rows need. */
export function startReportServer(scratch: ScratchDb): Promise<Child<ReportServer>> {
  // Statements over millions of rows may take longer than the server's default limit of 10 s.
  return startChild<ReportServer>('bench-server.js', serverEnv(scratch.url, scratch.dir, { DB_STATEMENT_TIMEOUT_MS: '60000' }));
}

export interface ReportServer {
  url: string;
  demoAdminPassword: string;
}

/** Signs the demo admin in and answers a bearer token for the reports. */
export async function adminToken(server: ReportServer): Promise<string> {
  const post = (path: string, body: unknown, bearer?: string) =>
    fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify(body),
    });
  // The demo admin's generated password allows nothing but choosing its own, so it does that first.
  const generated = server.demoAdminPassword;
  const first = (await (await post('/auth/token', { username: DEMO_ADMIN, password: generated })).json()) as { token: string };
  const chosen = 'benchmark admin password';
  await post('/admin/me/password', { currentPassword: generated, newPassword: chosen }, first.token);
  const { token } = (await (await post('/auth/token', { username: DEMO_ADMIN, password: chosen })).json()) as { token: string };
  return token;
}

export async function benchReports(options: ReportsOptions): Promise<ReportsResult> {
  const result: ReportsResult = { timings: [], data: [], skipped: [] };
  for (const db of options.dbs) {
    const why = await unavailable(db);
    if (why) {
      options.log(`reports: skipping ${db} (${why})`);
      result.skipped.push({ db, reason: why });
      continue;
    }
    const scratch = await scratchDb(db);
    try {
      const server = await startReportServer(scratch);
      const sequelize = createSequelize({ databaseUrl: scratch.url, db: { poolMax: 1, acquireMs: 60_000, statementTimeoutMs: 0 } });
      try {
        const token = await adminToken(server.ready);
        const catalogue = await ensureEmployees();
        let made = 0;
        for (const size of options.sizes) {
          const insertSeconds = await addRatings(sequelize, db, catalogue, made, size - made);
          made = size;
          const fillSeconds = await fillDailyFigures(sequelize);
          const mismatches = await dailyFiguresMismatches(sequelize);
          const data = {
            db,
            ratings: await countRows(sequelize, 'ratings'),
            insertSeconds,
            fillSeconds,
            dailyRows: await countRows(sequelize, 'rating_daily'),
            dailyEmployeeRows: await countRows(sequelize, 'rating_daily_employee'),
            mismatches,
          };
          result.data.push(data);
          options.log(
            `reports ${db}: ${data.ratings} ratings made in ${insertSeconds.toFixed(1)} s, daily figures in ${fillSeconds.toFixed(1)} s ` +
              `(${data.dailyRows} + ${data.dailyEmployeeRows} rows, ${mismatches} differ from the raw ratings)`,
          );
          if (mismatches) throw new Error(`the daily figures differ from the raw ratings in ${mismatches} rows`);
          for (const report of REPORTS) {
            const url = `${server.ready.url}${report.path}?${new URLSearchParams(report.query)}`;
            const exporting = report.query.format === 'xlsx';
            let peak = 0;
            const before = rss(server.pid).now;
            const { runs, bytes } = await timeReport(url, token, options.runs, async (run) => {
              if (!exporting) return run();
              const canReset = resetPeakRss(server.pid);
              // Where the peak cannot be reset, sample it instead while the export runs.
              const sampler = canReset ? undefined : setInterval(() => (peak = Math.max(peak, rss(server.pid).now)), 5);
              const timing = await run().finally(() => clearInterval(sampler));
              peak = Math.max(peak, canReset ? rss(server.pid).peak : rss(server.pid).now);
              return timing;
            });
            const timingRow: ReportTiming = {
              db,
              ratings: size,
              report: report.name,
              runs,
              median: median(runs),
              bytes,
              ...(exporting ? { peakRss: peak, rssBefore: before } : {}),
            };
            result.timings.push(timingRow);
            options.log(
              `reports ${db} ${size}: ${report.name}: median ${timingRow.median.toFixed(1)} ms (${runs.map((r) => r.toFixed(0)).join(', ')}), ${bytes} B` +
                (exporting ? `, server RSS ${(before / 2 ** 20).toFixed(0)} MB before, peak ${(peak / 2 ** 20).toFixed(0)} MB` : ''),
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
  }
  return result;
}
