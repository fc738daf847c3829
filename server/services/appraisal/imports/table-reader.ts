import type ExcelJS from 'exceljs';
import { loadExcel } from '../../documents/libraries.js';
import { badRequest, invalid } from '../../../domain/problem.js';
import { CsvSyntaxError, detectDelimiter, parseCsv } from '../../admin/csv.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_LINES = 20_000;

export interface ImportTable {
  header: string[];
  rows: { line: number; fields: string[] }[];
  /** `;`, `,`, `tab` for CSV, `xlsx` for a workbook. */
  source: string;
}

/** A workbook cell as the text a person sees in it: numbers without a thousands mark, dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/**
 * The rows of an uploaded file, as attendance and personnel systems export them: CSV (UTF-8, any of
 * the usual separators) or the first sheet of an XLSX workbook. Blank rows are skipped; line numbers
 * are the file's, so a person finds the row that was refused.
 */
export async function readImportTable(body: Buffer, type: 'csv' | 'xlsx'): Promise<ImportTable> {
  let header: string[] | undefined;
  let rows: ImportTable['rows'] = [];
  let source: string;
  if (type === 'csv') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body).replace(/^\uFEFF/, '');
    } catch {
      throw badRequest('The file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (Comma delimited)", or send the .xlsx itself.');
    }
    const delimiter = detectDelimiter(text);
    try {
      const [first, ...rest] = parseCsv(text, delimiter);
      header = first?.fields;
      rows = rest;
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw badRequest(`The CSV file is malformed at ${error.message}.`);
      throw error;
    }
    source = delimiter === '\t' ? 'tab' : delimiter;
  } else {
    const workbook = new (await loadExcel()).Workbook();
    try {
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
    } catch {
      throw badRequest('The file is not a readable XLSX workbook.');
    }
    const sheet = workbook.worksheets[0];
    sheet?.eachRow({ includeEmpty: false }, (row, number) => {
      const fields = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value).trim());
      if (!fields.some(Boolean)) return;
      if (!header) header = fields;
      else rows.push({ line: number, fields });
    });
    source = 'xlsx';
  }
  if (!header || rows.length === 0)
    throw invalid([{ path: 'body', message: 'needs a header line and at least one data line', code: 'empty_import' }]);
  if (rows.length > MAX_LINES) throw invalid([{ path: 'body', message: `may hold at most ${MAX_LINES} lines`, code: 'too_many_lines' }]);
  return { header, rows, source };
}

/** Finds each wanted column in a header by its accepted names (compared as lower-case letters and digits). */
export function columnsOf<K extends string>(
  header: string[],
  names: Record<K, string[]>,
  required: readonly K[],
  labels: Record<K, string>,
) {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const index = {} as Partial<Record<K, number>>;
  const problems: { path: string; message: string; code: string }[] = [];
  header.forEach((name, i) => {
    const key = (Object.keys(names) as K[]).find((k) => names[k].includes(squash(name)));
    if (key === undefined) return;
    if (index[key] !== undefined)
      problems.push({ path: 'header', message: `names the ${labels[key]} column twice`, code: 'repeated_column' });
    else index[key] = i;
  });
  for (const key of required)
    if (index[key] === undefined) problems.push({ path: 'header', message: `has no ${labels[key]} column`, code: 'missing_column' });
  if (problems.length) throw invalid(problems, `The header line must name the columns ${required.map((k) => labels[k]).join(', ')}.`);
  return index as Record<K, number>;
}
