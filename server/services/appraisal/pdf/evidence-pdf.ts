import { PassThrough, type Readable } from 'node:stream';
import QRCode from 'qrcode';
import { loadPdfDocument } from '../../documents/libraries.js';
import { COMBINED_PARTS, type CombinedPart } from '../../../domain/appraisal/combined.js';
import type { EmployeeAppraisal, Signer } from '../appraisal.js';
import type { Letterhead } from '../letterhead.js';
import { FONTS, printable, type GlyphSource } from '../../pdf/fonts.js';
import { localDate, localDateTime } from './local-time.js';

export interface EvidenceInput {
  evidence: EmployeeAppraisal;
  letterhead: Letterhead;
  /** The link's code and address, and the fingerprint of the printed figures the address shows again. */
  verification: { code: string; url: string; fingerprint: string };
  /** The employee's direct superior, who signs; blank lines to fill in by hand when not given. */
  superior: Signer | null;
  now?: Date;
}

const LEVEL_ID: Record<string, string> = { below: 'di bawah ekspektasi', meeting: 'sesuai ekspektasi', above: 'di atas ekspektasi' };
const PART_ID: Record<CombinedPart, string> = { customers: 'pelanggan', attendance: 'kehadiran', skp: 'hasil kerja SKP' };
const comma = (value: number, places: number) => value.toFixed(places).replace('.', ',');
const MAX_COMMENTS = 4;

/**
 * The appraisal evidence ("data dukung") for one employee and period, on one A4 page to attach in
 * E-Kinerja: the office's letterhead, the period by name, the customers' figures, the BerAKHLAK core
 * values behind them, the behaviour suggestion labelled as such, a few comments, the direct
 * superior's signature block and a QR code that opens the same report for anyone checking it.
 */
export async function evidencePdf({ evidence, letterhead, verification, superior, now = new Date() }: EvidenceInput): Promise<Readable> {
  const qr = await QRCode.toBuffer(verification.url, { type: 'png', margin: 1, width: 160, errorCorrectionLevel: 'M' });
  const out = new PassThrough();
  const PDFDocument = await loadPdfDocument();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 36, bottom: 30, left: 48, right: 48 },
    compress: true,
    info: { Title: `Bukti dukung penilaian perilaku: ${evidence.employee.name}`, Author: letterhead.officeName },
  });
  doc.pipe(out);
  const zone = evidence.office.timeZone;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const font = (bold = false) => {
    doc.font(bold ? FONTS.bold : FONTS.regular);
    return FONTS.embedded ? ((doc as unknown as { _font: { font: GlyphSource } })._font.font ?? null) : null;
  };
  const say = (value: string, bold = false) => printable(value, font(bold));
  const { employee, figures, period } = evidence;
  const { coreValues, suggestion, rules } = evidence.appraisal;

  // Letterhead: logo at the left, the office's name and address centred, a double rule under it.
  const top = doc.y;
  if (letterhead.logo) doc.image(letterhead.logo.bytes, left, top, { fit: [54, 54] });
  doc.fontSize(13).text(say(letterhead.officeName.toUpperCase(), true), left + 60, top, { width: width - 120, align: 'center' });
  if (letterhead.address) doc.fontSize(8.5).text(say(letterhead.address), { width: width - 120, align: 'center' });
  const ruleY = Math.max(doc.y, top + 56) + 4;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(1.5)
    .stroke('#000000');
  doc
    .moveTo(left, ruleY + 2.5)
    .lineTo(left + width, ruleY + 2.5)
    .lineWidth(0.5)
    .stroke('#000000');

  const periodName = period.name?.id ?? `${period.from} s.d. ${period.to}`;
  doc.x = left;
  doc.y = ruleY + 10;
  doc.fontSize(11.5).text(say('BUKTI DUKUNG PENILAIAN PERILAKU KERJA', true), { align: 'center' });
  doc.fontSize(9).text(say(`Penilaian pelanggan (PACAK) periode ${periodName}`), { align: 'center' });
  doc.moveDown(0.5);

  const line = (label: string, value: string) => {
    const y = doc.y;
    doc.fontSize(9).text(say(label, true), left, y, { width: 130 });
    doc.text(say(`: ${value}`), left + 130, y, { width: width - 130 });
  };
  line('Nama', employee.name);
  line('NIP / kode pegawai', employee.nip);
  line('Jabatan', employee.position || '-');
  line('Unit / wilayah kerja', employee.workArea.name);
  line('Periode penilaian', `${periodName} (${period.from} s.d. ${period.to})`);
  const score =
    figures.score === null ? 'belum ada penilaian' : `${comma(figures.score, 1)} dari 100 (${figures.grade} ${figures.gradeLabel})`;
  line(
    'Penilaian pelanggan',
    `${figures.count} penilaian (${figures.verifiedCount} terverifikasi); rata-rata ${figures.overall === null ? '-' : comma(figures.overall, 2)} dari 5`,
  );
  line('Skor PACAK', score);
  const attendance = evidence.appraisal.attendance;
  if (attendance) {
    const rate = attendance.presentRate === null ? '' : ` (${comma(attendance.presentRate, 1)}%)`;
    line(
      'Kehadiran',
      `hadir ${attendance.presentDays} dari ${attendance.workingDays} hari kerja${rate}; cuti ${attendance.leaveDays}, tanpa keterangan ${attendance.absentDays}; ` +
        `terlambat ${attendance.lateMinutes} menit, pulang cepat ${attendance.earlyLeaveMinutes} menit (${attendance.months.length} bulan)`,
    );
  }

  const skp = evidence.appraisal.skp;
  if (skp) {
    const ratings =
      skp.workResult && skp.behaviour ? `hasil kerja ${LEVEL_ID[skp.workResult]}, perilaku kerja ${LEVEL_ID[skp.behaviour]}` : '';
    const found = evidence.appraisal.predikat;
    const predikat = found ? `predikat ${found.name.id}${found.source === 'matrix' ? ' (matriks PermenPANRB 6/2022)' : ''}` : '';
    line('SKP (E-Kinerja)', [ratings, predikat].filter(Boolean).join('; '));
  }

  // The combined score, once the office has set its weights or weighs more than the customers' part.
  const combined = evidence.appraisal.combined;
  if (combined && (rules.setByOffice || rules.weights.attendance > 0 || rules.weights.skp > 0)) {
    const parts = COMBINED_PARTS.filter((part) => combined.usedWeights[part] > 0)
      .map((part) => `${PART_ID[part]} ${comma(combined.parts[part] ?? 0, 1)} x ${comma(combined.usedWeights[part] * 100, 0)}%`)
      .join(', ');
    line(
      'Nilai gabungan',
      combined.score === null
        ? `data belum cukup${combined.missing.length ? ` (belum ada: ${combined.missing.map((part) => PART_ID[part]).join(', ')})` : ''}`
        : `${comma(combined.score, 1)} dari 100 (${parts}; ${rules.setByOffice ? `bobot kantor sejak ${rules.effectiveFrom}` : 'bobot bawaan PACAK'})`,
    );
  }

  // Core values: what customers said that bears on each, by the office's mapping.
  doc.moveDown(0.5).fontSize(10).text(say('Nilai Dasar BerAKHLAK dan bukti pelanggan', true), left);
  const columns = [left, left + 140, left + 370, left + 430];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.fontSize(8.5);
    cells.forEach((cell, i) =>
      doc.text(say(cell, bold), columns[i] as number, y, { width: (columns[i + 1] ?? left + width) - (columns[i] as number) - 4 }),
    );
    doc.x = left;
    doc.y = y + 12;
  };
  row(['Nilai dasar', 'Indikator PACAK (rata-rata dari 5)', 'Rata-rata', 'Skor 0-100'], true);
  for (const value of coreValues) {
    const fed = value.indicators.map((i) => `${i.name} ${i.average === null ? '-' : comma(i.average, 2)}`).join(', ');
    row([
      value.name,
      fed || 'tidak ada bukti pelanggan',
      value.average === null ? '-' : comma(value.average, 2),
      value.score === null ? '-' : comma(value.score, 1),
    ]);
  }
  doc
    .fontSize(7)
    .text(
      say(
        `Pemetaan indikator ke nilai dasar ${rules.setByOffice ? `ditetapkan kantor, berlaku sejak ${rules.effectiveFrom}` : 'bawaan PACAK (bukan ketentuan peraturan)'}.`,
      ),
      left,
      doc.y,
      { width },
    );

  // The suggestion, boxed and labelled, with its numbers and rule.
  doc.moveDown(0.5);
  const boxY = doc.y;
  doc
    .fontSize(9.5)
    .text(say(`Saran perilaku kerja (bukan penilaian): ${suggestion.label.id}`, true), left + 6, boxY + 5, { width: width - 12 });
  doc.fontSize(8).text(say(suggestion.explanation.id), left + 6, doc.y + 1, { width: width - 12 });
  doc
    .rect(left, boxY, width, doc.y - boxY + 5)
    .lineWidth(0.6)
    .stroke('#444444');
  doc.x = left;
  doc.y += 10;

  doc.fontSize(10).text(say('Komentar pelanggan', true), left);
  doc.fontSize(8);
  if (!evidence.comments.length) doc.text(say('Tidak ada komentar pada periode ini.'));
  for (const c of evidence.comments.slice(0, MAX_COMMENTS)) {
    const text = c.comment.length > 220 ? `${c.comment.slice(0, 219)}…` : c.comment;
    doc.text(say(`${c.date} · ${c.serviceType}: ${text}`), { width });
  }
  if (evidence.comments.length > MAX_COMMENTS)
    doc.text(say(`… dan ${evidence.comments.length - MAX_COMMENTS} komentar lain (lihat laporan lengkap melalui kode QR).`));

  // Verification at the left, signature at the right, both kept to the page's foot.
  const footY = Math.max(doc.y + 12, doc.page.height - doc.page.margins.bottom - 190);
  doc.image(qr, left, footY, { fit: [82, 82] });
  doc.fontSize(7.5).text(say(`Kode verifikasi: ${verification.code}`, true), left + 88, footY + 4, { width: 180 });
  doc.fontSize(6.5).text(say(`Kode pemeriksa angka: ${verification.fingerprint}`), left + 88, doc.y, { width: 180 });
  doc
    .fontSize(7.5)
    .text(
      say(
        'Pindai kode QR, atau buka alamat di bawah, untuk memeriksa angka dokumen ini (alamat itu menampilkan angka dan kode pemeriksa angkanya saja, tanpa komentar; bila kodenya sama, angkanya belum berubah).',
      ),
      left + 88,
      doc.y,
      { width: 180 },
    );
  doc.fontSize(7).text(verification.url, left, footY + 122, { width, link: verification.url, lineBreak: false });
  const signX = left + width - 200;
  doc.fontSize(9).text(say(`${localDate(now, zone)}`), signX, footY, { width: 200 });
  doc.text(say('Atasan langsung,'), signX, doc.y, { width: 200 });
  doc.text(say(superior ? superior.name : '(nama)'), signX, footY + 78, { width: 200, underline: Boolean(superior) });
  doc.text(say(`NIP ${superior ? superior.nip : '...................................'}`), signX, doc.y, { width: 200 });
  doc.text(say(superior ? superior.position : '(jabatan)'), signX, doc.y, { width: 200 });

  doc
    .fontSize(6.5)
    .text(
      say(`Dibuat ${localDateTime(now, zone)} oleh PACAK rating. ${evidence.method.id}`),
      left,
      doc.page.height - doc.page.margins.bottom - 46,
      { width, lineBreak: true, height: 46, ellipsis: true },
    );
  doc.end();
  return out;
}
