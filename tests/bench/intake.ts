/**
 * Rating intake: POST /api/v1/ratings on the real server, side by side with a bare Koa route that
 * parses the same JSON and answers 201, at several connection counts. The load comes from autocannon
 * in a child process of its own; the server and the bare route run in child processes too.
 * After each database's runs, every 201 must be a stored rating and the daily figures must equal the
 * raw ratings: a fast answer that lost a rating would not count.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { openSequelize } from '../../server/db/connection.js';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { startChild } from './children.js';
import { runInChild } from './children.js';
import { scratchDb, unavailable, type BenchDb } from './databases.js';
import { dailyFiguresMismatches } from './daily-figures-check.js';
import type { LoadJob, LoadResult } from './load.js';
import { cpuMs, databaseServerCpu, databaseServerCpuSince } from './proc.js';
import { stepsOfRun, type Step } from './profile.js';

export interface IntakeOptions {
  dbs: BenchDb[];
  connections: number[];
  seconds: number;
  /** Profile the server (node --cpu-prof) during the run at 20 connections and split its time into steps. */
  profile?: boolean;
  log(line: string): void;
}

export interface IntakeRow {
  db: BenchDb;
  connections: number;
  bareRps: number;
  bareP50: number;
  bareP99: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU time the process used per answered request, in milliseconds: where the time goes. */
  bareCpuMs: number;
  cpuMs: number;
  /**
   * Share of the run's time the server's main thread was on a CPU: its event loop, where requests are
   * parsed, checked and answered. Well under 1 while throughput stops growing means the limit is
   * elsewhere (on SQLite, the writer's thread and SQLite's own work).
   */
  eventLoopBusy: number;
  /** CPU time the database server's processes used per answered request (PostgreSQL, MariaDB), in milliseconds. */
  databaseCpuMs: number | null;
  /** Answers other than 201, and socket errors or timeouts, in the server's run. */
  refused: number;
  errors: number;
}

export interface IntakeResult {
  rows: IntakeRow[];
  skipped: { db: BenchDb; reason: string }[];
  /** Per database: 201s counted by the load generator, ratings found in the table, daily figure rows that differ. */
  checks: { db: BenchDb; answered201: number; stored: number; figureMismatches: number }[];
  /** Per database, with --profile: the server's busy time at 20 connections by step. */
  profiles: { db: BenchDb; steps: Step[] }[];
}

/** The server as production runs it, on the given database, with the per-address rating limit out of the way. */
export function serverEnv(databaseUrl: string, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PUBLIC_BASE_URL: 'http://127.0.0.1',
    // Plain HTTP on loopback: production's https rule is knowingly off for the measurement.
    ALLOW_INSECURE: '1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PHONE_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'error',
    // autocannon sends everything from one address: the per-address limits would answer 429s. They are
    // still counted on every rating, only never reached.
    RATE_LIMIT_RATINGS: '1000000000',
    RATE_LIMIT_BURST: '1000000000',
    // Form tokens are required as in production; the load fetches one per employee first and sends it
    // at once, where a customer takes at least MIN_FORM_SECONDS to fill in the form.
    MIN_FORM_SECONDS: '0',
    ...extra,
  };
}

const ok201 = (result: LoadResult): number => result.statusCodeStats['201']?.count ?? 0;

/** One form token per employee, fetched as the widget does before it shows the form. */
async function fetchFormTokens(url: string, nips: string[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const nip of nips) {
    const response = await fetch(`${url}/api/v1/form-token?nip=${nip}`);
    if (!response.ok) throw new Error(`GET /api/v1/form-token answered ${response.status}`);
    tokens[nip] = ((await response.json()) as { token: string }).token;
  }
  return tokens;
}

let phoneRange = 0;
/** Each load job gets ten million phone numbers of its own (0812-1xxx-xxxx upwards). */
const nextPhones = (): number => 10_000_000 + 5_000_000 * phoneRange++;

export async function benchIntake(options: IntakeOptions): Promise<IntakeResult> {
  const result: IntakeResult = { rows: [], skipped: [], checks: [], profiles: [] };
  const nips = FIRST_OFFICE.employees.map((e) => e.nip);
  const serviceTypes = FIRST_OFFICE.serviceTypes.map((t) => t.code);
  // The bare route gets the same bodies, tokens included, so both parse the same JSON.
  let formTokens: Record<string, string> = {};
  const load = (url: string, connections: number, seconds: number) =>
    runInChild<LoadJob, LoadResult>(
      'load.js',
      { url, connections, seconds, firstPhone: nextPhones(), nips, serviceTypes, formTokens },
      (seconds + 60) * 1000,
    );
  /** A load run, with the CPU time the target process spent per answered request. */
  const measured = async (target: { pid: number; ready: { url: string } }, connections: number, db?: BenchDb) => {
    const before = cpuMs(target.pid);
    const mainBefore = cpuMs(target.pid, target.pid);
    const databaseBefore = db && db !== 'sqlite' ? databaseServerCpu() : null;
    const from = monotonicMicros();
    const result = await load(target.ready.url, connections, options.seconds);
    const to = monotonicMicros();
    const requests = Math.max(1, result.requests.total);
    return {
      result,
      cpuPerRequest: (cpuMs(target.pid) - before) / requests,
      eventLoopBusy: (cpuMs(target.pid, target.pid) - mainBefore) / ((to - from) / 1000),
      databaseCpuPerRequest: databaseBefore === null ? null : databaseServerCpuSince(databaseBefore) / requests,
      window: [from, to] as const,
    };
  };

  const bare = await startChild<{ url: string }>('bare-koa.js', {});
  try {
    await load(bare.ready.url, 20, 2); // warm-up
    for (const db of options.dbs) {
      const why = await unavailable(db);
      if (why) {
        options.log(`intake: skipping ${db} (${why})`);
        result.skipped.push({ db, reason: why });
        continue;
      }
      const scratch = await scratchDb(db);
      try {
        const profileDir = options.profile ? mkdtempSync(join(tmpdir(), 'pacak-profile-')) : null;
        const server = await startChild<{ url: string }>('bench-server.js', serverEnv(scratch.url, scratch.dir), {
          execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
        });
        let profiled: { window: readonly [number, number]; requests: number } | null = null;
        let answered = 0;
        try {
          formTokens = await fetchFormTokens(server.ready.url, nips);
          answered += ok201(await load(server.ready.url, 20, 2)); // warm-up: caches, JIT, the pool's connections
          for (const connections of options.connections) {
            const { result: floor, cpuPerRequest: bareCpuMs } = await measured(bare, connections);
            const {
              result: real,
              cpuPerRequest: serverCpuMs,
              eventLoopBusy,
              databaseCpuPerRequest,
              window,
            } = await measured(server, connections, db);
            answered += ok201(real);
            if (connections === 20) profiled = { window, requests: real.requests.total };
            const row: IntakeRow = {
              db,
              connections,
              bareRps: floor.requests.total / floor.duration,
              bareP50: floor.latency.p50,
              bareP99: floor.latency.p99,
              // Ratings stored per second: a refusal is not throughput.
              rps: ok201(real) / real.duration,
              p50: real.latency.p50,
              p99: real.latency.p99,
              bareCpuMs,
              cpuMs: serverCpuMs,
              eventLoopBusy,
              databaseCpuMs: databaseCpuPerRequest,
              refused: real.non2xx,
              errors: real.errors + real.timeouts,
            };
            result.rows.push(row);
            options.log(
              `intake ${db} c=${connections}: ${Math.round(row.rps)} req/s vs bare ${Math.round(row.bareRps)} ` +
                `(${(row.rps / row.bareRps).toFixed(2)}x), p50 ${row.p50} ms, p99 ${row.p99} ms, CPU ${row.cpuMs.toFixed(2)} ms/req ` +
                `(bare ${row.bareCpuMs.toFixed(2)}), event loop busy ${Math.round(row.eventLoopBusy * 100)}%, non-2xx ${row.refused}, errors ${row.errors}`,
            );
          }
        } finally {
          await server.stop();
        }
        if (profileDir) {
          // The profiles are written as the server exits.
          if (profiled)
            result.profiles.push({ db, steps: stepsOfRun(profileDir, profiled.window[0], profiled.window[1], profiled.requests) });
          rmSync(profileDir, { recursive: true, force: true });
        }
        result.checks.push({ db, answered201: answered, ...(await storedAndChecked(scratch.url)) });
      } finally {
        await scratch.drop();
      }
    }
  } finally {
    await bare.stop();
  }
  return result;
}

/** process.hrtime in microseconds: the clock of V8's profile samples. */
const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

async function storedAndChecked(url: string): Promise<{ stored: number; figureMismatches: number }> {
  const sequelize = openSequelize({ databaseUrl: url, db: { poolMax: 1, acquireMs: 10_000, statementTimeoutMs: 0 } });
  try {
    const [row] = await sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM ratings', { type: QueryTypes.SELECT });
    return { stored: Number(row?.n ?? 0), figureMismatches: await dailyFiguresMismatches(sequelize) };
  } finally {
    await sequelize.close();
  }
}
