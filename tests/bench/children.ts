import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export interface Child<T> {
  process: ChildProcess;
  pid: number;
  ready: T;
  /** Asks the child to close, waits for it to leave, and kills it (by its pid) if it has not within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Forks one of the benchmark's compiled scripts (a file beside this one) with its own environment,
 * and waits until it reports `{ ready: true, … }` over IPC. Fails after `timeoutMs` or when it exits.
 */
export async function startChild<T extends object>(
  script: string,
  env: Record<string, string>,
  { timeoutMs = 120_000, execArgv = [] }: { timeoutMs?: number; execArgv?: string[] } = {},
): Promise<Child<T>> {
  const child = fork(join(here, script), [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.on('message', (message: { ready?: boolean }) => {
      if (message && typeof message === 'object' && message.ready) {
        clearTimeout(timer);
        resolve(message as T);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} before it was ready`));
    });
  }).catch((error) => {
    if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
    throw error;
  });
  const pid = child.pid as number;
  return {
    process: child,
    pid,
    ready,
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send('close');
      const timer = setTimeout(() => child.exitCode === null && process.kill(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs one job in a fresh child (the load generator) and answers its result. */
export async function runInChild<J, R>(script: string, job: J, timeoutMs: number): Promise<R> {
  const child = fork(join(here, script), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    return await new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} took longer than ${timeoutMs} ms`)), timeoutMs);
      child.once('message', (message: { result?: R; error?: string }) => {
        clearTimeout(timer);
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.result as R);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited with code ${code} before answering`));
      });
      child.send(job as object);
    });
  } finally {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
  }
}
