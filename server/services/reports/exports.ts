import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../documents/libraries.js';
import type { Cell, Column, Table } from './report-tables.js';

/** A NIP or staff code: only these characters, so it can sit inside a formula's quotes safely. */
const PLAIN_ID = /^[0-9A-Za-z-]{1,64}$/;

/**
 * One CSV field. A NIP is written as the formula `="198507222010121002"`: Excel and LibreOffice Calc
 * infer types from bare and quoted text alike, and would read the 18 digits as a floating-point
 * number, losing the last ones; a formula whose result is text keeps every digit, and it is the one
 * formula both open without a question. Decimals are written with a comma and all their places.
 */
export function csvField(value: Cell, column: Column | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    return column?.kind === 'decimal' ? value.toFixed(column.places ?? 2).replace('.', ',') : String(value);
  }
  if (column?.kind === 'id' && PLAIN_ID.test(value)) return `"=""${value}"""`;
  // Cells that a spreadsheet would run as formulas are prefixed with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV as spreadsheets in Indonesia open it: UTF-8 with a byte-order mark, semicolons between fields
 * (the Indonesian list separator, since the comma is the decimal mark), decimals with a comma.
 */
export function csvStream(table: Table): Readable {
  const out = new PassThrough();
  const line = (cells: Cell[], header = false) =>
    `${cells.map((cell, i) => csvField(cell, header ? undefined : table.columns[i])).join(';')}\r\n`;
  queueMicrotask(() => {
    out.write('\uFEFF');
    out.write(
      line(
        table.columns.map((column) => column.header),
        true,
      ),
    );
    for (const row of table.rows) out.write(line(row));
    out.end();
  });
  return out;
}

/** Numbers stay numbers, shown with their column's places; a NIP column is text ('@'), typed in or not. */
function columnStyle(column: Column): Partial<ExcelJS.Style> {
  const places = column.places ?? 2;
  if (column.kind === 'decimal') return { numFmt: places > 0 ? `0.${'0'.repeat(places)}` : '0' };
  if (column.kind === 'integer') return { numFmt: '0' };
  if (column.kind === 'id') return { numFmt: '@' };
  return {};
}

/**
 * An .xlsx workbook, one sheet per table, each with a frozen bold header row, numbers stored as
 * numbers and NIPs as text. Written by exceljs's streaming writer, so rows leave as they are made.
 */
export function xlsxStream(tables: Table[]): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      workbook.creator = 'PACAK rating';
      for (const table of tables) {
        const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
        sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width, style: columnStyle(column) }));
        sheet.getRow(1).font = { bold: true };
        sheet.getRow(1).commit();
        for (const row of table.rows) sheet.addRow(row).commit();
        sheet.commit();
      }
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
