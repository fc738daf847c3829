import type ExcelJS from 'exceljs';
import { loadExcel } from '../documents/libraries.js';
import { badRequest } from '../../domain/problem.js';

/** A cell as the importer reads it: text, numbers without Excel's float noise, dates as days. */
function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return text(value.result as ExcelJS.CellValue);
    return '';
  }
  // Excel keeps 15 significant digits: an 18-digit NIP typed into a number cell has lost its last ones.
  // Written in exponent form it is refused by the NIP check, rather than imported with wrong digits.
  if (typeof value === 'number') return Math.abs(value) >= 1e15 ? value.toExponential() : String(value);
  return String(value);
}

const quote = (field: string): string => (/[;"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/**
 * The first worksheet of an Excel file (.xlsx) as the semicolon CSV the employee import reads, so an
 * office can upload its personnel sheet as it is. Empty rows are left out.
 */
export async function sheetToCsv(bytes: Buffer): Promise<string> {
  const book = new (await loadExcel()).Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badRequest('The file is not an Excel workbook (.xlsx). Save it as .xlsx or as "CSV UTF-8".');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw badRequest('The workbook has no worksheet.');
  const lines: string[] = [];
  // Every line as wide as the widest, as a CSV export would write it.
  const width = sheet.actualColumnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= width; i++) cells.push(quote(text(row.getCell(i).value).trim()));
    if (cells.some(Boolean)) lines.push(cells.join(';'));
  });
  return lines.join('\n');
}
