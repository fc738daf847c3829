import { existsSync } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { INDICATORS } from '../../domain/indicators.js';
import type { EmployeeReport } from './report-builders.js';

/** DejaVu covers names and comments in any script; without it (fonts-dejavu-core) the PDF falls back to Helvetica. */
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FONTS = existsSync(`${FONT_DIR}/DejaVuSans.ttf`)
  ? { regular: `${FONT_DIR}/DejaVuSans.ttf`, bold: `${FONT_DIR}/DejaVuSans-Bold.ttf`, unicode: true }
  : { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };

/** Helvetica knows Latin-1 only: other characters become '?' instead of garbage. */
const safe = (value: string): string => (FONTS.unicode ? value : value.replace(/[^\u0020-\u00FF\n]/g, '?'));

const MAX_COMMENTS = 12;

/**
 * The appraisal evidence for one employee and period, in Indonesian, meant to be attached in
 * E-Kinerja: the figures, a small bar chart per indicator, the comments, the method, and a
 * verification link that opens the same report for anyone checking it. One or two A4 pages.
 */
export function evidencePdf(report: EmployeeReport, verification: { code: string; url: string; fingerprint: string }): Readable {
  const out = new PassThrough();
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Bukti penilaian PACAK: ${report.employee.name}`, Author: 'PACAK rating' } });
  doc.pipe(out);
  const { employee, figures, period } = report;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font(FONTS.bold).fontSize(11).text(safe(report.office.name.toUpperCase()), { align: 'center' });
  doc.font(FONTS.bold).fontSize(15).text('Bukti Penilaian Kinerja Pegawai oleh Pelanggan (PACAK)', { align: 'center' });
  doc.moveDown(0.8).font(FONTS.regular).fontSize(10);
  const line = (label: string, value: string) => doc.font(FONTS.bold).text(`${label}: `, { continued: true }).font(FONTS.regular).text(safe(value));
  line('Nama', employee.name);
  line('NIP / kode pegawai', employee.nip);
  line('Jabatan', employee.position || '-');
  line('Wilayah kerja', employee.workArea.name);
  line('Periode', `${period.from} s.d. ${period.to} (${report.office.timeZone})`);
  if (report.filters.serviceType || report.filters.verifiedOnly) {
    line('Saringan', [report.filters.serviceType && `jenis pelayanan ${report.filters.serviceType}`, report.filters.verifiedOnly && 'hanya terverifikasi'].filter(Boolean).join(', '));
  }

  doc.moveDown(0.6).font(FONTS.bold).fontSize(12).text('Hasil');
  doc.font(FONTS.regular).fontSize(10);
  const score = figures.score === null ? 'belum ada penilaian' : `${figures.score.toFixed(1).replace('.', ',')} (${figures.grade} ${figures.gradeLabel})`;
  line('Jumlah penilaian', `${figures.count} (terverifikasi ${figures.verifiedCount})`);
  line('Rata-rata keseluruhan', figures.overall === null ? '-' : `${figures.overall.toFixed(2).replace('.', ',')} dari 5`);
  line('Skor PACAK', score);

  // One bar per indicator: its average out of 5, and the count of each star beside it.
  doc.moveDown(0.6);
  const barX = left + 110;
  const barWidth = width - 110 - 200;
  for (const indicator of INDICATORS) {
    const y = doc.y;
    const average = figures.averages[indicator.code];
    doc.font(FONTS.regular).fontSize(10).text(indicator.name, left, y + 2, { width: 105 });
    doc.rect(barX, y, barWidth, 14).lineWidth(0.5).stroke('#444444');
    if (average !== null) doc.rect(barX, y, (barWidth * average) / 5, 14).fill('#555555');
    const stars = (report.stars[indicator.code] ?? []).map((n, i) => `${i + 1}★:${n}`).join(' ');
    doc.fillColor('#000000').text(`${average === null ? '-' : average.toFixed(2).replace('.', ',')}  ${FONTS.unicode ? stars : stars.replace(/★/g, '*')}`, barX + barWidth + 8, y + 2, { width: 192 });
    doc.x = left;
    doc.y = y + 20;
  }

  doc.moveDown(0.6).font(FONTS.bold).fontSize(12).text('Komentar pelanggan', left);
  doc.font(FONTS.regular).fontSize(9);
  if (!report.comments.length) doc.text('Tidak ada komentar pada periode ini.');
  for (const comment of report.comments.slice(0, MAX_COMMENTS)) {
    doc.text(safe(`${comment.date} · ${comment.serviceType} · ${comment.phone}: ${comment.comment}`), { width });
  }
  if (report.comments.length > MAX_COMMENTS) doc.text(`… dan ${report.comments.length - MAX_COMMENTS} komentar lain (lihat laporan lengkap).`);

  doc.moveDown(0.6).font(FONTS.bold).fontSize(12).text('Metode');
  doc.font(FONTS.regular).fontSize(8.5).text(report.method.id, { width });
  doc.moveDown(0.6).font(FONTS.bold).fontSize(10).text(`Kode verifikasi: ${verification.code}`);
  doc.font(FONTS.regular).fontSize(8.5).text(`Sidik angka: ${verification.fingerprint}`, { width });
  doc.text('Periksa keaslian angka dokumen ini di (alamat itu menampilkan angka dan sidiknya saja, tanpa komentar):', { width });
  doc.text(verification.url, { width, link: verification.url });
  doc.text(`Dibuat ${report.generatedAt} oleh PACAK rating.`);
  doc.end();
  return out;
}
