/** Small helpers for figures and the tables the benchmark prints (Markdown, readable in a terminal too). */

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;
export const ms = (value: number): string =>
  value < 10 ? `${value.toFixed(2)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
export const ratio = (value: number): string => `${value.toFixed(2)}×`;
export const count = (value: number): string => Math.round(value).toLocaleString('en-US');

/** A verdict cell: within the budget, or not. */
export const verdict = (ok: boolean, note = ''): string => `${ok ? 'ok' : 'OVER'}${note ? ` (${note})` : ''}`;

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Milliseconds since `start` (a performance.now() value). */
export const since = (start: number): number => performance.now() - start;

/** Runs `work` and answers how long it took, in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: since(start), value };
}
