import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';
import { freePort } from './server.js';

export const BUILT_MAIN = join(projectRoot, 'dist', 'server', 'main.js');
export const BUILT_DB_COPY = join(projectRoot, 'dist', 'server', 'cli', 'db-copy.js');

/**
 * Secrets for spawned servers: production mode, as several processes behind a proxy would run. Random
 * looking, since production refuses obviously weak secrets; made for these tests, used nowhere else.
 */
export const PROCESS_SECRETS = {
  NODE_ENV: 'production',
  JWT_SECRET: 'Vq3Lr8Zk2Wn7Jd4Hs9Bx6Fm1Tc5Gy0Pe',
  PHONE_KEY: 'Kx7Rb2Nw9Qs4Lf8Dz1Mh6Vj3Tc0Gp5Ya',
} as const;

const newestSource = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestSource(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0;
    }),
  );

const isFresh = (): boolean => {
  try {
    // tsc writes every output at once, so main.js stands for the whole build.
    return statSync(BUILT_MAIN).mtimeMs >= newestSource(join(projectRoot, 'server'));
  } catch {
    return false;
  }
};

/**
 * Makes sure dist/server is built from the current sources. `npm test` builds it first; when vitest
 * runs alone, the first test to need it builds it, under a lock directory since projects run in parallel.
 */
export async function ensureServerBuilt(): Promise<void> {
  const lock = join(projectRoot, 'dist', '.server-build-lock');
  mkdirSync(join(projectRoot, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  while (!isFresh()) {
    try {
      mkdirSync(lock);
    } catch {
      // A lock older than any build is left over from a run that was killed mid-build.
      const made = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - made > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} is still there; remove it if no build is running`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      if (!isFresh())
        await promisify(execFile)(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'server/tsconfig.json'], {
          cwd: projectRoot,
        });
    } finally {
      rmdirSync(lock);
    }
  }
}

/**
 * Limits out of the way of tests that post many ratings from one address (a quiet machine takes a few
 * thousand in the fault test's seconds of load); the limit tests set their own.
 */
export const PROCESS_LIMITS = {
  RATE_LIMIT_RATINGS: '1000000',
  RATE_LIMIT_BURST: '1000000',
  RATE_LIMIT_PHONE_PER_DAY: '1000',
  MIN_FORM_SECONDS: '0',
} as const;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process has written so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `node dist/server/main.js` on a free loopback port and waits until /healthz answers 200. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [BUILT_MAIN], {
    cwd: projectRoot,
    // Plain HTTP on loopback is not production's https address: ALLOW_INSECURE=1 says the tests mean it.
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      LOG_LEVEL: 'info',
      ALLOW_INSECURE: '1',
      ...PROCESS_LIMITS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (gone !== undefined) throw new Error(`server process exited with code ${gone} before answering:\n${output}`);
    const status = await fetch(`${url}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server process did not answer /healthz within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, child, output: () => output, exited };
}

/** Runs the built `db:copy` and returns its exit code and output. */
export async function runDbCopy(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BUILT_DB_COPY, ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}
