import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc/<pid>/stat times (USER_HZ; 100 on every usual kernel). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) a process has used so far, in milliseconds; with `thread`, that one thread's
 * (the main thread's id is the process's own: its event loop).
 */
export function cpuMs(pid: number, thread?: number): number {
  const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
  // The command name, in brackets, may hold spaces: count fields after its closing bracket.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU time (user + system) each PostgreSQL and MariaDB server process has used so far, in milliseconds, by pid. */
export function databaseServerCpu(): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (/^(postgres|mariadbd|mysqld)$/.test(name)) used.set(Number(pid), cpuMs(Number(pid)));
    } catch {
      // The process ended while the list was read.
    }
  }
  return used;
}

/**
 * The database servers' CPU time since `before` (a {@link databaseServerCpu}), in milliseconds: what the
 * processes alive now used since then, a new one (a connection opened since) all it used. A process that
 * ended in between is not counted, so this is a lower bound.
 */
export const databaseServerCpuSince = (before: Map<number, number>): number =>
  [...databaseServerCpu()].reduce((sum, [pid, now]) => sum + now - (before.get(pid) ?? 0), 0);

/** Resident memory now and its peak (VmHWM) since the start or the last {@link resetPeakRss}, in bytes. */
export function rss(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { now: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Resets the peak resident size to the current one (Linux 4.0+; writing 5 to clear_refs). False when refused. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
