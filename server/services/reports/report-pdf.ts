import { loadPdfDocument } from '../documents/libraries.js';
import { FONTS, printable, type GlyphSource } from '../pdf/fonts.js';
import type { Cell, Column, Table } from './report-tables.js';

const comma = (value: number, places: number) => value.toFixed(places).replace('.', ',');

const cellText = (cell: Cell, column: Column): string => {
  if (cell === null) return '';
  if (typeof cell === 'number') return column.kind === 'decimal' ? comma(cell, column.places ?? 2) : String(cell);
  return cell;
};

/**
 * A report's first table (the export's main sheet) on A4 landscape pages, under a title and a line
 * about the period: the PDF a scheduled report attaches beside the workbook. Columns share the width
 * in proportion to their spreadsheet widths; the header row repeats on every page. Uses the evidence
 * PDF's fonts, so names in any script the font knows print as they are.
 */
export async function tablePdf(input: { title: string; subtitle: string; note: string; table: Table }): Promise<Buffer> {
  const PDFDocument = await loadPdfDocument();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 30, bottom: 30, left: 30, right: 30 },
    compress: true,
    info: { Title: input.title, Author: 'PACAK rating' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const font = (bold: boolean): GlyphSource | null => {
    doc.font(bold ? FONTS.bold : FONTS.regular);
    return FONTS.embedded ? ((doc as unknown as { _font: { font: GlyphSource } })._font.font ?? null) : null;
  };
  const say = (value: string, bold = false) => printable(value, font(bold));

  doc.fontSize(14).text(say(input.title, true));
  doc.fontSize(10).text(say(input.subtitle));
  doc.moveDown(0.5);

  const { columns, rows } = input.table;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / total) * width);
  const line = (cells: string[], bold: boolean) => {
    doc.fontSize(7);
    const texts = cells.map((cell) => say(cell, bold));
    const height = Math.max(...texts.map((value, i) => doc.heightOfString(value, { width: (widths[i] as number) - 4 }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold)
        line(
          columns.map((column) => column.header),
          true,
        );
    }
    const top = doc.y;
    let x = left;
    texts.forEach((value, i) => {
      font(bold);
      doc.text(value, x + 2, top + 2, { width: (widths[i] as number) - 4, lineBreak: true });
      x += widths[i] as number;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + width, top + height)
      .lineWidth(0.3)
      .stroke('#999999');
    doc.x = left;
    doc.y = top + height;
  };
  line(
    columns.map((column) => column.header),
    true,
  );
  for (const row of rows)
    line(
      row.map((cell, i) => cellText(cell, columns[i] as Column)),
      false,
    );
  if (!rows.length) doc.fontSize(9).text(say('Tidak ada penilaian pada periode ini. / No ratings in this period.'));
  doc.moveDown(1);
  doc.fontSize(7).text(say(input.note), left, doc.y, { width });
  doc.end();
  return ended;
}
