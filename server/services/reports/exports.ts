import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, Table } from './report-tables.js';

/**
 * CSV as Excel in Indonesia opens it: UTF-8 with a byte-order mark, semicolons between fields
 * (the Indonesian list separator, since the comma is the decimal mark) and decimals written with a
 * comma. Cells that a spreadsheet would run as formulas are prefixed with an apostrophe.
 */
export function csvStream(table: Table): Readable {
  const out = new PassThrough();
  const field = (value: Cell, decimal: boolean): string => {
    if (value === null) return '';
    if (typeof value === 'number') return decimal ? String(value).replace('.', ',') : String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[";\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const line = (cells: Cell[], header = false) =>
    `${cells.map((cell, i) => field(cell, !header && table.columns[i]?.kind === 'decimal')).join(';')}\r\n`;
  queueMicrotask(() => {
    out.write('\uFEFF');
    out.write(line(table.columns.map((column) => column.header), true));
    for (const row of table.rows) out.write(line(row));
    out.end();
  });
  return out;
}

/**
 * An .xlsx workbook, one sheet per table, each with a frozen bold header row and numbers stored as
 * numbers. Written by exceljs's streaming writer, so rows leave as they are made.
 */
export function xlsxStream(tables: Table[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'PACAK rating';
  void (async () => {
    try {
      for (const table of tables) {
        const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
        sheet.columns = table.columns.map((column) => ({
          header: column.header,
          width: column.width,
          style: column.kind === 'decimal' ? { numFmt: '0.00' } : column.kind === 'integer' ? { numFmt: '0' } : {},
        }));
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
