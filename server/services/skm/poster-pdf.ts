import { existsSync } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { loadPdfDocument } from '../documents/libraries.js';
import { isUsedElement } from '../../domain/skm/ikm.js';
import type { PublishedSkm } from './publications.js';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FONTS = existsSync(`${FONT_DIR}/DejaVuSans.ttf`)
  ? { regular: `${FONT_DIR}/DejaVuSans.ttf`, bold: `${FONT_DIR}/DejaVuSans-Bold.ttf`, unicode: true }
  : { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };
const safe = (value: string): string => (FONTS.unicode ? value : value.replace(/[^\u0020-\u00FF\n]/g, '?'));
const comma = (value: number | null, digits: number): string => (value === null ? '-' : value.toFixed(digits).replace('.', ','));
const STATUS: Record<string, string> = { direncanakan: 'Direncanakan', berjalan: 'Sedang berjalan', selesai: 'Selesai' };
const GREEN = '#00695c';

/**
 * The A4 poster of a published SKM result for the notice board, in Indonesian as the office posts it:
 * the office, the period, the IKM in large figures with its grade, the respondents, a bar per element
 * (NRR on its 1-4 scale with the converted value), the follow-up plan, and the link to the live page.
 */
export async function skmPosterPdf(report: PublishedSkm, link: string): Promise<Readable> {
  const PDFDocument = await loadPdfDocument();
  const out = new PassThrough();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 42,
    info: { Title: `Hasil SKM ${report.office.name} ${report.period.label.id}`, Author: 'PACAK rating' },
  });
  doc.pipe(out);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const { result } = report;

  doc.rect(0, 0, doc.page.width, 96).fill(GREEN);
  doc.fillColor('#ffffff').font(FONTS.bold).fontSize(20).text('HASIL SURVEI KEPUASAN MASYARAKAT', left, 26, { width, align: 'center' });
  doc
    .font(FONTS.regular)
    .fontSize(12)
    .text(safe(`${report.office.name} · ${report.period.label.id}`), { width, align: 'center' });
  doc.fillColor('#1b1f1d').moveDown(2.2);
  if (report.serviceType)
    doc
      .font(FONTS.regular)
      .fontSize(11)
      .text(safe(`Jenis layanan: ${report.serviceType.name}`), left, doc.y, { width, align: 'center' });

  doc.moveDown(0.5).font(FONTS.bold).fontSize(64).fillColor(GREEN).text(comma(result.ikm, 2), left, doc.y, { width, align: 'center' });
  doc
    .fillColor('#1b1f1d')
    .font(FONTS.regular)
    .fontSize(12)
    .text('Indeks Kepuasan Masyarakat (IKM, skala 25-100)', { width, align: 'center' });
  doc
    .moveDown(0.4)
    .font(FONTS.bold)
    .fontSize(20)
    .text(result.grade && result.gradeLabel ? `Mutu ${result.grade}: ${result.gradeLabel.id.toUpperCase()}` : 'Belum ada kuesioner', {
      width,
      align: 'center',
    });
  doc.font(FONTS.regular).fontSize(12).text(`${result.respondents} responden`, { width, align: 'center' });
  if (report.sample)
    doc
      .fontSize(10)
      .text(
        `Sampel minimum ${report.sample.minimum} (Krejcie-Morgan, populasi ${report.sample.population}): ${report.sample.sufficient ? 'terpenuhi' : `kurang ${report.sample.shortBy}`}`,
        { width, align: 'center' },
      );

  doc.moveDown(1).font(FONTS.bold).fontSize(13).text('Nilai per unsur pelayanan', left, doc.y);
  doc.moveDown(0.3);
  const labelWidth = 220;
  const barX = left + labelWidth + 8;
  const barWidth = width - labelWidth - 8 - 90;
  for (const element of result.elements.filter(isUsedElement)) {
    const y = doc.y;
    doc
      .font(FONTS.regular)
      .fontSize(10)
      .fillColor('#1b1f1d')
      .text(safe(`U${element.number}. ${element.name.id}`), left, y + 1, { width: labelWidth });
    doc.rect(barX, y, barWidth, 13).fill('#d9e2dc');
    doc.rect(barX, y, (barWidth * (element.nrr - 1)) / 3, 13).fill(GREEN);
    doc
      .fillColor('#1b1f1d')
      .text(`${comma(element.nrr, 2)} · ${comma(element.converted, 2)} ${element.grade}`, barX + barWidth + 6, y + 1, { width: 84 });
    doc.y = Math.max(doc.y, y + 19);
  }

  doc.moveDown(0.8).font(FONTS.bold).fontSize(13).text('Rencana tindak lanjut', left, doc.y);
  doc.font(FONTS.regular).fontSize(10);
  if (report.lowest.length)
    doc.text(safe(`Unsur terendah: ${report.lowest.map((row) => `${row.name.id} (${comma(row.nrr, 2)})`).join(', ')}`));
  if (!report.followUps.length) doc.text('Belum ada rencana tindak lanjut.');
  for (const row of report.followUps) {
    const element = result.elements.find((e) => e.code === row.element);
    doc
      .moveDown(0.2)
      .font(FONTS.bold)
      .text(safe(`${element ? element.name.id : row.element} (${STATUS[row.status] ?? row.status})`), { continued: false });
    doc.font(FONTS.regular).text(safe(row.plan), { width });
  }

  doc.font(FONTS.regular).fontSize(8).fillColor('#4a5550');
  doc.text(safe(`Dihitung menurut PermenPANRB 14/2017. Hasil terkini: ${link}`), left, doc.page.height - doc.page.margins.bottom - 24, {
    width,
    align: 'center',
  });
  doc.end();
  return out;
}
