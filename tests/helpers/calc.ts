import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Path of LibreOffice's soffice, or undefined when Calc is not installed (Debian: libreoffice-calc-nogui). */
export function sofficePath(): string | undefined {
  const candidates = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
}

/** A cell as Calc holds it after opening a file: its type, and its value (a number only when Calc made one). */
export interface CalcCell {
  type: string;
  value: string | number;
}

export interface CalcSheet {
  name: string;
  rows: CalcCell[][];
}

/**
 * CSV as a spreadsheet user in Indonesia opens it: semicolon-separated, fields in double quotes, UTF-8,
 * from line 1, no column types forced, Indonesian locale (1057: comma as the decimal mark).
 */
export const INDONESIAN_CSV_FILTER = 'CSV:59,34,76,1,,1057';

const decode = (xml: string) =>
  xml
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n) => ' '.repeat(Number(n ?? 1)))
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attribute = (attrs: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];

/** Reads a flat OpenDocument spreadsheet's cells: types and values as Calc stored them, no formatting. */
export function parseFods(xml: string): CalcSheet[] {
  const sheets: CalcSheet[] = [];
  for (const table of xml.matchAll(/<table:table table:name="([^"]*)"[^>]*>([\s\S]*?)<\/table:table>/g)) {
    const rows: CalcCell[][] = [];
    for (const row of (table[2] ?? '').matchAll(/<table:table-row\b[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
      const cells: CalcCell[] = [];
      for (const cell of (row[1] ?? '').matchAll(
        /<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g,
      )) {
        const attrs = cell[1] ?? '';
        const type = attribute(attrs, 'office:value-type') ?? 'empty';
        const repeat = Math.min(Number(attribute(attrs, 'table:number-columns-repeated') ?? 1), 64);
        const textValue = [...(cell[2] ?? '').matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)].map((p) => decode(p[1] ?? '')).join('\n');
        const value =
          type === 'float' || type === 'percentage' || type === 'currency'
            ? Number(attribute(attrs, 'office:value'))
            : decode(attribute(attrs, 'office:string-value') ?? '') || textValue;
        for (let i = 0; i < repeat; i++) cells.push({ type, value });
      }
      while (cells.length && cells[cells.length - 1]?.type === 'empty') cells.pop();
      if (cells.length) rows.push(cells);
    }
    sheets.push({ name: decode(table[1] ?? ''), rows });
  }
  return sheets;
}

/**
 * Opens a file with LibreOffice Calc headless, as a person would, and returns what Calc made of it,
 * by converting it to a flat OpenDocument spreadsheet and reading that back. A profile of its own per
 * call, so parallel runs do not share one.
 */
export async function openWithCalc(bytes: Buffer, extension: 'csv' | 'xlsx'): Promise<CalcSheet[]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'pacak-calc-'));
  try {
    const input = join(dir, `export.${extension}`);
    await writeFile(input, bytes);
    const filter = extension === 'csv' ? [`--infilter=${INDONESIAN_CSV_FILTER}`] : [];
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--norestore',
        ...filter,
        '--convert-to',
        'fods',
        '--outdir',
        join(dir, 'out'),
        input,
      ],
      {
        timeout: 180_000,
      },
    );
    return parseFods(await readFile(join(dir, 'out', 'export.fods'), 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
