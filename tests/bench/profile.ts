/**
 * Where a rating's CPU goes: the V8 CPU profiles a server process writes under `--cpu-prof` (one file
 * per thread: the event loop's and, on SQLite, the rating writer's), cut to the time of one load run
 * and summed into the steps of a request. Sample times and `process.hrtime` read the same monotonic
 * clock, so the parent's start and end of the run pick the samples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Step {
  step: string;
  /** Share of the busy (not idle) samples of the run. */
  share: number;
  /** Busy time per answered request, in microseconds. */
  microsPerRequest: number;
}

/** The steps, first match wins; `file` is the script's path or the built-in's name, `fn` the function. */
const STEPS: [string, (file: string, fn: string) => boolean][] = [
  ['garbage collection', (_, fn) => fn === '(garbage collector)'],
  ['rating writer thread (SQLite)', (file) => /sqlite-writer\.js|sqlite-rating-store\.js/.test(file)],
  ['hand-over to the writer thread', (file, fn) => /sqlite-writer-thread\.js|messageport/.test(file) || fn === 'postMessage'],
  [
    'database driver and pool',
    (file) => /node_modules\/(pg|pg-protocol|pg-pool|mysql2|sqlite3|sequelize|generic-pool|lru\.min)\/|\/server\/db\//.test(file),
  ],
  [
    'validation (zod, canonical forms)',
    (file) => /node_modules\/zod\/|validate\.js|rating-schema\.js|canonical\.js|control-characters\.js/.test(file),
  ],
  ['crypto (HMACs, AES of the phone)', (file) => /crypto|phone\.js|form-tokens\.js|derived-key\.js/.test(file)],
  ['body reading and JSON', (file, fn) => /json-body\.js/.test(file) || fn === 'parse' || fn === 'stringify'],
  ['rating service, catalogue and limits', (file) => /\/server\/(services|domain)\//.test(file) || /node_modules\/lru-cache\//.test(file)],
  [
    'Koa, middleware and routing',
    (file) =>
      /node_modules\/(koa|@koa|koa-compose|delegates|type-is|vary|content-type|mime|statuses|on-finished|http-errors)|\/server\/(app|http|routes)\//.test(
        file,
      ),
  ],
  [
    "Node's HTTP, sockets and streams",
    (file, fn) =>
      /^node:(_http|net|internal\/streams|internal\/stream_base|stream|events|internal\/http)/.test(file) ||
      /writev|writeBuffer|writeUtf8String|readFromStream/.test(fn),
  ],
];

const stepOf = (node: ProfileNode): string => {
  const { url, functionName } = node.callFrame;
  return STEPS.find(([, test]) => test(url, functionName))?.[0] ?? 'other (timers, promises, the runtime)';
};

/**
 * Sums the profiles in `dir` between `from` and `to` (monotonic microseconds, as `process.hrtime.bigint() / 1000n`)
 * into steps, each with its share and its time per request.
 */
export function stepsOfRun(dir: string, from: number, to: number, requests: number): Step[] {
  const busy = new Map<string, number>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      const delta = profile.timeDeltas[i] ?? 0;
      at += delta;
      const node = nodes.get(id);
      if (!node || at < from || at > to || node.callFrame.functionName === '(idle)') return;
      const step = stepOf(node);
      busy.set(step, (busy.get(step) ?? 0) + delta);
    });
  }
  const total = [...busy.values()].reduce((sum, micros) => sum + micros, 0) || 1;
  return [...busy]
    .map(([step, micros]) => ({ step, share: micros / total, microsPerRequest: micros / Math.max(1, requests) }))
    .sort((a, b) => b.share - a.share);
}
