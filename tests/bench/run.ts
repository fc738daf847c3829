/**
 * The benchmarks behind DESIGN.md's budgets: widget size and time to a usable form, rating intake
 * against a bare Koa route, reports over 100,000 and 1,000,000 ratings, and on request a ministry-sized
 * data set on PostgreSQL (ministry.ts). Loopback only, every part bounded in time; prints Markdown tables,
 * and with --write puts them into tests/bench/RESULTS.md (between its generated-block markers; the notes
 * around them are kept). Run through run.mjs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { projectRoot } from '../../server/paths.js';
import { freePort } from '../helpers/server.js';
import { startChild } from './children.js';
import { scratchDb, type BenchDb } from './databases.js';
import { benchIntake, serverEnv, type IntakeResult } from './intake.js';
import { describeMachine, type Machine } from './machine.js';
import { benchMinistry, FIRST_DAY as MINISTRY_FIRST_DAY, MINISTRY_REPORTS, OFFICES, type MinistryResult } from './ministry.js';
import { benchReports, QUARTER, type ReportsResult } from './reports.js';
import { count, kb, ms, ratio, table, verdict } from './stats.js';
import { benchWidgetSize, type SizeRow } from './widget-size.js';
import { startFloorPages } from './widget-floor.js';
import { benchWidgetTime, chromiumAvailable, CPU_SLOWDOWN, SLOW_3G, type PageTiming } from './widget-time.js';

/** The parts run by default; `ministry` (PostgreSQL, 10,000,000 ratings, half an hour or more) only when asked for. */
const SECTIONS = ['widget', 'intake', 'reports'] as const;
type Section = (typeof SECTIONS)[number] | 'ministry';

const HELP = `npm run bench [-- options]
  --only=widget,intake,reports   run only these parts (default: these three)
  --only=ministry                the ministry-sized data set: 50 offices, 1,000,000 then 10,000,000 ratings over five
                                 years on PostgreSQL (skipped when it is not running); 30-60 minutes, about 10 GB of disk
  --ministry-sizes=1000000,10000000   its sizes (--quick: 100000,300000)
  --ministry-check-up-to=1000000      check the figures against the raw ratings up to this size (default 1,000,000)
  --quick                        short runs to try the harness (figures not comparable)
  --intake-dbs=sqlite,postgres,mariadb   databases for rating intake (default: all three; skipped when not running)
  --profile                      profile the server during intake at 20 connections (node --cpu-prof) and split its time into steps
  --reports-dbs=sqlite           databases for the reports (default: sqlite; postgres and mariadb take minutes more)
  --write                        put the figures into tests/bench/RESULTS.md
  --no-build                     skip the build (run.mjs)`;

/** DESIGN.md's budgets. */
const BUDGET = {
  widgetGzip: 15 * 1024,
  widgetAim: 12 * 1024,
  intakeRatio: 0.3,
  intakeAim: 0.5,
  intakeP99At20: 50,
  summaryMs: 200,
  summaryAimMs: 50,
  summaryGrowth: 3,
  /** Issue #21's times to a usable form. */
  hostedMs: 1200,
  embedMs: 1300,
};

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg?.slice(name.length + 3);
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);
const list = <T extends string>(name: string, fallback: readonly T[]): T[] =>
  (option(name)?.split(',').filter(Boolean) as T[] | undefined) ?? [...fallback];

const log = (line: string): void => void process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

interface Results {
  machine: Machine;
  quick: boolean;
  args: string[];
  sizes?: SizeRow[];
  times?: PageTiming[];
  /** The same pages with a stand-in widget: the line's and the browser's share (widget-floor.ts). */
  floorTimes?: PageTiming[];
  timeSkipped?: string;
  intake?: IntakeResult;
  intakeSeconds?: number;
  reports?: ReportsResult;
  reportSizes?: number[];
  ministry?: MinistryResult;
  ministrySizes?: number[];
  seconds: number;
  loadAtEnd?: number[];
}

async function widgetPart(results: Results, quick: boolean): Promise<void> {
  const scratch = await scratchDb('sqlite');
  try {
    // The pages are loaded by a browser, whose requests carry their origin: the server must know its own
    // address, port included, or it takes its own pages for a foreign site that may not send.
    const port = await freePort();
    const server = await startChild<{ url: string }>(
      'bench-server.js',
      serverEnv(scratch.url, scratch.dir, { PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}` }),
    );
    try {
      const employee = (await (await fetch(`${server.ready.url}/api/v1/employees/${DEMO_NIP}`)).json()) as { ratingUrl: string };
      const hosted = `${server.ready.url}${new URL(employee.ratingUrl).pathname}`;
      log('widget: bundling the floor and the peers (about half a minute)');
      results.sizes = await benchWidgetSize(await (await fetch(hosted)).text());
      if (!chromiumAvailable()) {
        results.timeSkipped = 'no Chromium installed (apt-get install chromium, or set CHROMIUM_PATH)';
        log(`widget time: skipped, ${results.timeSkipped}`);
        return;
      }
      results.times = await benchWidgetTime(
        [
          { name: 'hosted page /r/:code', url: hosted },
          { name: 'embed demo / (the snippet in a page)', url: `${server.ready.url}/` },
        ],
        quick ? 2 : 5,
        log,
      );
      const floor = await startFloorPages(server.ready.url, new URL(hosted).pathname);
      try {
        results.floorTimes = await benchWidgetTime(
          [
            { name: 'floor: hosted page, a stand-in widget', url: floor.hosted },
            { name: 'floor: embed demo, a stand-in widget', url: floor.embed },
          ],
          quick ? 2 : 5,
          log,
        );
      } finally {
        await floor.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await scratch.drop();
  }
}

function widgetTables(r: Results): string {
  const out: string[] = [];
  if (r.sizes) {
    const floor = r.sizes.find((row) => row.what.startsWith('floor'))?.size.gzip ?? 1;
    out.push(
      '### Widget size: what a page loads before the form is usable',
      '',
      table(
        ['what', 'raw', 'gzip -9', 'brotli -11', 'gzip vs floor', 'note'],
        r.sizes.map((row) => [row.what, kb(row.size.raw), kb(row.size.gzip), kb(row.size.brotli), ratio(row.size.gzip / floor), row.note]),
      ),
    );
    const widget = r.sizes[0]?.size.gzip ?? 0;
    out.push(
      '',
      `Budget: the widget bundle at most 15 KB gzip (aim 12): ${kb(widget)}, ${verdict(widget <= BUDGET.widgetGzip, widget <= BUDGET.widgetAim ? 'aim met' : 'aim of 12 KB not met')}.`,
    );
  }
  if (r.times) {
    out.push(
      '',
      `### Widget: navigation to a usable form (headless Chromium, CPU ×${CPU_SLOWDOWN} slower, ${SLOW_3G.latency} ms round trip, ${(SLOW_3G.downloadThroughput * 8) / 1000} kbps)`,
      '',
      table(
        ['page', 'median', 'runs', 'requests', 'bytes on the wire'],
        [...r.times, ...(r.floorTimes ?? [])].map((t) => [
          t.page,
          ms(t.median),
          t.runs.map((v) => Math.round(v)).join(', '),
          String(t.requests),
          kb(t.transferred),
        ]),
      ),
    );
    const [hosted, embed] = r.times;
    const [hostedFloor, embedFloor] = r.floorTimes ?? [];
    const target = (t: PageTiming | undefined, limit: number, floor: PageTiming | undefined) =>
      t ? `${ms(t.median)}, ${verdict(t.median < limit, `< ${limit / 1000} s`)}${floor ? ` (floor ${ms(floor.median)})` : ''}` : 'not run';
    out.push(
      '',
      `Targets: hosted page ${target(hosted, BUDGET.hostedMs, hostedFloor)}; embed demo ${target(embed, BUDGET.embedMs, embedFloor)}. ` +
        'A floor is the same page with the same bytes on the wire and the same headers, its widget replaced by a stand-in ' +
        'that draws a bare form from the same answer at once (tests/bench/widget-floor.ts): the line and the browser alone.',
    );
  } else if (r.timeSkipped) {
    out.push('', `Time to a usable form: skipped, ${r.timeSkipped}.`);
  }
  return out.join('\n');
}

function intakeTables(r: Results): string {
  const intake = r.intake;
  if (!intake) return '';
  const rows = intake.rows.map((row) => {
    const share = row.rps / row.bareRps;
    const judged = row.db === 'sqlite' && row.connections >= 20;
    const notes = [
      judged ? verdict(share >= BUDGET.intakeRatio, `≥ ${BUDGET.intakeRatio}×${share >= BUDGET.intakeAim ? ', aim met' : ''}`) : '',
      judged && row.connections === 20 ? verdict(row.p99 < BUDGET.intakeP99At20, 'p99 < 50 ms') : '',
      row.refused || row.errors ? `${row.refused} non-2xx, ${row.errors} errors` : '',
    ].filter(Boolean);
    return [
      row.db,
      String(row.connections),
      count(row.rps),
      count(row.bareRps),
      ratio(share),
      `${row.p50} / ${row.p99} ms`,
      `${row.bareP50} / ${row.bareP99} ms`,
      `${(row.cpuMs * 1000).toFixed(0)} / ${(row.bareCpuMs * 1000).toFixed(0)} µs`,
      `${Math.round(row.eventLoopBusy * 100)}%`,
      row.databaseCpuMs === null ? '(in the server)' : `${(row.databaseCpuMs * 1000).toFixed(0)} µs`,
      notes.join('; '),
    ];
  });
  const checks = intake.checks.map(
    (c) =>
      `${c.db}: ${count(c.answered201)} answered 201, ${count(c.stored)} stored (${c.stored >= c.answered201 ? 'none lost' : 'LOST RATINGS'}; requests cut off by the end of a run may be stored unanswered), daily figures ${c.figureMismatches ? `DIFFER in ${c.figureMismatches} rows` : 'equal the raw ratings'}`,
  );
  return [
    `### Rating intake: POST /api/v1/ratings, ${r.intakeSeconds} s per run, autocannon in its own process`,
    '',
    table(
      [
        'db',
        'connections',
        'req/s',
        'bare Koa req/s',
        'ratio',
        'p50 / p99',
        'bare p50 / p99',
        'CPU per request (server / bare)',
        "server's event loop busy",
        'database server CPU per request',
        'budget',
      ],
      rows,
    ),
    '',
    ...checks.map((line) => `- ${line}`),
    ...intake.skipped.map((s) => `- ${s.db}: skipped (${s.reason})`),
    ...intake.profiles.flatMap(({ db, steps }) => [
      '',
      `Where the server's busy time went on ${db} at 20 connections (\`--profile\`: node --cpu-prof, samples of every thread of the server during the run; system calls count while they wait for a CPU):`,
      '',
      table(
        ['step', 'share', 'per request'],
        steps.map((step) => [step.step, `${(step.share * 100).toFixed(1)}%`, `${step.microsPerRequest.toFixed(0)} µs`]),
      ),
    ]),
  ].join('\n');
}

function reportTables(r: Results): string {
  const reports = r.reports;
  if (!reports || !r.reportSizes) return '';
  const [small, large] = r.reportSizes;
  const out: string[] = [];
  for (const db of new Set(reports.timings.map((t) => t.db))) {
    const of = (size: number | undefined, name: string) =>
      reports.timings.find((t) => t.db === db && t.ratings === size && t.report === name);
    const names = [...new Set(reports.timings.filter((t) => t.db === db).map((t) => t.report))];
    const rows = names.map((name) => {
      const a = of(small, name);
      const b = of(large, name);
      const growth = a && b ? b.median / a.median : NaN;
      const budget =
        db === 'sqlite' && name.includes('(budget)') && b
          ? `${verdict(b.median < BUDGET.summaryMs, `< ${BUDGET.summaryMs} ms${b.median < BUDGET.summaryAimMs ? ', aim of 50 met' : ''}`)}; ${verdict(growth < BUDGET.summaryGrowth, `growth < ${BUDGET.summaryGrowth}×`)}`
          : '';
      const memory = b?.peakRss
        ? `peak RSS ${(b.peakRss / 2 ** 20).toFixed(0)} MB (${(((b.peakRss ?? 0) - (b.rssBefore ?? 0)) / 2 ** 20).toFixed(0)} MB over idle)`
        : '';
      return [
        name,
        a ? ms(a.median) : '–',
        b ? ms(b.median) : '–',
        Number.isFinite(growth) ? ratio(growth) : '–',
        [budget, memory].filter(Boolean).join('; '),
      ];
    });
    out.push(
      `### Reports on ${db}: median of ${reports.timings[0]?.runs.length ?? 0} runs over HTTP after a warm-up`,
      '',
      table(['report', `${count(small ?? 0)} ratings`, `${count(large ?? 0)} ratings`, 'growth', 'budget / memory'], rows),
      '',
      ...reports.data
        .filter((d) => d.db === db)
        .map(
          (d) =>
            `- ${count(d.ratings)} ratings: inserted in ${d.insertSeconds.toFixed(1)} s, daily figures filled in ${d.fillSeconds.toFixed(1)} s ` +
            `(${count(d.dailyRows)} rows per employee × service type × day, ${count(d.dailyEmployeeRows)} per employee × day), ${d.mismatches ? `${d.mismatches} rows DIFFER from` : 'equal to'} the raw ratings`,
        ),
      '',
    );
  }
  out.push(...reports.skipped.map((s) => `- reports on ${s.db}: skipped (${s.reason})`));
  return out.join('\n');
}

function ministryTables(r: Results): string {
  const ministry = r.ministry;
  if (!ministry) return '';
  const title = `### Ministry-sized data set on postgres: ${OFFICES} offices, five years (${MINISTRY_FIRST_DAY} to ${QUARTER.to}), the first office's reports`;
  if (ministry.skipped) return [title, '', `Skipped: ${ministry.skipped}.`].join('\n');
  const sizes = r.ministrySizes ?? [];
  const small = sizes[0];
  const large = sizes[sizes.length - 1];
  const rows = MINISTRY_REPORTS.map(({ name }) => {
    const of = (size: number | undefined) => ministry.timings.find((t) => t.ratings === size && t.report === name);
    const a = of(small);
    const b = of(large);
    const growth = a && b ? b.median / a.median : NaN;
    const budget =
      name.includes('(budget)') && b
        ? `${verdict(b.median <= BUDGET.summaryMs, `≤ ${BUDGET.summaryMs} ms`)}; ${verdict(growth < BUDGET.summaryGrowth, `growth < ${BUDGET.summaryGrowth}×`)}`
        : '';
    return [
      name,
      a ? ms(a.median) : '–',
      b ? ms(b.median) : '–',
      Number.isFinite(growth) ? ratio(growth) : '–',
      b?.runs.map((v) => v.toFixed(0)).join(', ') ?? '',
      budget,
    ];
  });
  return [
    `${title}: median of ${ministry.timings[0]?.runs.length ?? 0} runs over HTTP after a warm-up`,
    '',
    table(
      ['report', `${count(small ?? 0)} ratings`, `${count(large ?? 0)} ratings`, 'growth', `runs at ${count(large ?? 0)}`, 'budget'],
      rows,
    ),
    '',
    ...ministry.data.map(
      (d) =>
        `- ${count(d.ratings)} ratings (${count(d.firstOfficeRatings)} at the first office; ${d.offices} offices, ${count(d.employees)} employees): ` +
        `made in ${d.insertSeconds.toFixed(0)} s, daily and monthly figures filled in ${d.fillSeconds.toFixed(0)} s, ANALYZE ${d.analyzeSeconds.toFixed(0)} s; ` +
        `${count(d.dailyRows)} + ${count(d.dailyEmployeeRows)} daily rows, ${count(d.monthlyRows)} + ${count(d.monthlyEmployeeRows)} monthly rows; ` +
        (d.mismatches === null
          ? 'figures not checked against the raw ratings at this size (the check reads every rating eight times)'
          : `figures ${d.mismatches ? `DIFFER in ${d.mismatches} rows from` : 'equal to'} the raw ratings (checked in ${d.checkSeconds.toFixed(0)} s)`) +
        `; database ${(d.databaseBytes / 2 ** 30).toFixed(1)} GiB; load average ${d.load.join(' / ')} before the timings`,
    ),
  ].join('\n');
}

function render(r: Results): string {
  const m = r.machine;
  return [
    `Run ${m.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (--quick: short runs, figures not comparable)' : ''}, ${r.seconds.toFixed(0)} s in all: ` +
      `\`npm run bench${r.args.length ? ` -- ${r.args.join(' ')}` : ''}\``,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB; load average ${m.loadAtStart.join(' / ')} at the start, ${r.loadAtEnd?.join(' / ') ?? '?'} at the end.`,
    `Versions: ${Object.entries(m.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    widgetTables(r),
    '',
    intakeTables(r),
    '',
    reportTables(r),
    '',
    ministryTables(r),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const START = '<!-- bench:start (written by npm run bench -- --write) -->';
const END = '<!-- bench:end -->';

function writeResults(text: string): void {
  const file = join(projectRoot, 'tests', 'bench', 'RESULTS.md');
  const before = readFileSync(file, 'utf8');
  const from = before.indexOf(START);
  const to = before.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${file} lacks the markers ${START} … ${END}`);
  writeFileSync(file, `${before.slice(0, from + START.length)}\n${text}\n${before.slice(to)}`);
  log(`wrote ${file}`);
}

async function main(): Promise<void> {
  if (flag('help')) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const began = performance.now();
  const only = list<Section>('only', SECTIONS);
  const quick = flag('quick');
  const args = process.argv.slice(2);
  const results: Results = { machine: await describeMachine(), quick, args, seconds: 0 };
  log(`machine: ${results.machine.cores} cores, load average ${results.machine.loadAtStart.join(' / ')}`);
  if (results.machine.loadAtStart[0]! > results.machine.cores) {
    log(`the load average is above the number of cores: other work is running, and the figures will be low and noisy`);
  }

  if (only.includes('widget')) await widgetPart(results, quick);
  if (only.includes('intake')) {
    results.intakeSeconds = quick ? 3 : 8;
    results.intake = await benchIntake({
      dbs: list<BenchDb>('intake-dbs', ['sqlite', 'postgres', 'mariadb']),
      connections: [1, 20, 100],
      seconds: results.intakeSeconds,
      profile: flag('profile'),
      log,
    });
  }
  if (only.includes('reports')) {
    results.reportSizes = quick ? [10_000, 100_000] : [100_000, 1_000_000];
    results.reports = await benchReports({
      dbs: list<BenchDb>('reports-dbs', ['sqlite']),
      sizes: results.reportSizes,
      runs: quick ? 3 : 5,
      log,
    });
  }
  if (only.includes('ministry')) {
    results.ministrySizes = (option('ministry-sizes')?.split(',').map(Number) ?? (quick ? [100_000, 300_000] : [1_000_000, 10_000_000]))
      .filter((size) => Number.isInteger(size) && size > 0)
      .sort((a, b) => a - b);
    results.ministry = await benchMinistry({
      sizes: results.ministrySizes,
      runs: quick ? 3 : 5,
      checkUpTo: Number(option('ministry-check-up-to') ?? 1_000_000),
      log,
    });
  }
  results.seconds = (performance.now() - began) / 1000;
  results.loadAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
  const text = render(results);
  process.stdout.write(`\n${text}\n`);
  if (flag('write')) writeResults(text);
}

await main();
