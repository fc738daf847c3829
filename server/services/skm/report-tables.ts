import type { Cell, Column, Table } from '../reports/report-tables.js';
import type { SkmReport } from './reports.js';

const text = (header: string, width = 24): Column => ({ header, width, kind: 'text' });
const integer = (header: string): Column => ({ header, width: 12, kind: 'integer' });
// Places as SKM reports print them: NRR and converted values two, weighted NRR three, shares one.
const decimal = (header: string, places = 2): Column => ({ header, width: 14, kind: 'decimal', places });
const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits + 1e-9) / 10 ** digits;

const STATUS: Record<string, string> = { direncanakan: 'Direncanakan', berjalan: 'Sedang berjalan', selesai: 'Selesai' };

/**
 * The tables of an SKM report, laid out as SKM reports present them: first the IKM table per element
 * (U1-U9: sum of answers, questionnaires, NRR, weighted NRR, converted value, grade) closed by the
 * IKM rows; then the respondent profile, the trend, the service types, the follow-up and the notes.
 * A CSV holds the first table; a workbook one sheet each.
 */
export function skmTables(report: SkmReport): [Table, ...Table[]] {
  const { result } = report;
  const elementRows: Cell[][] = result.elements.map((element) => [
    `U${element.number}`,
    element.name.id,
    element.used ? element.sum : null,
    element.count,
    round(element.nrr, 3),
    round(element.weightedNrr, 3),
    round(element.converted, 2),
    element.grade ?? 'tidak berlaku',
  ]);
  const ikm: Table = {
    name: 'IKM per unsur',
    columns: [
      text('Kode', 6),
      text('Unsur pelayanan', 40),
      integer('Jumlah nilai'),
      integer('Jumlah responden'),
      decimal('NRR'),
      decimal('NRR tertimbang', 3),
      decimal('Nilai konversi'),
      text('Mutu', 14),
    ],
    rows: [
      ...elementRows,
      [
        'IKM',
        'Indeks Kepuasan Masyarakat (jumlah NRR tertimbang)',
        null,
        result.respondents,
        round(result.index, 3),
        round(result.index, 3),
        result.ikm,
        result.grade && result.gradeLabel ? `${result.grade} (${result.gradeLabel.id})` : null,
      ],
    ],
  };
  const profile: Table = {
    name: 'Profil responden',
    columns: [text('Aspek', 20), text('Kategori', 28), integer('Jumlah'), decimal('Persen', 1)],
    rows: (['sex', 'ageGroup', 'education', 'occupation'] as const).flatMap((field) => {
      const label = { sex: 'Jenis kelamin', ageGroup: 'Usia', education: 'Pendidikan', occupation: 'Pekerjaan' }[field];
      return report.profile[field].map((row): Cell[] => [label, row.label.id, row.count, row.percent]);
    }),
  };
  const trend: Table = {
    name: 'Tren',
    columns: [text('Periode', 20), integer('Responden'), decimal('IKM'), text('Mutu', 8)],
    rows: report.trend.map((row) => [row.label.id, row.respondents, row.ikm, row.grade]),
  };
  const services: Table = {
    name: 'Jenis layanan',
    columns: [text('Jenis layanan', 50), integer('Responden'), decimal('IKM'), text('Mutu', 8)],
    rows: report.serviceTypes.map((row) => [row.name, row.respondents, row.ikm, row.grade]),
  };
  const followUp: Table = {
    name: 'Rencana tindak lanjut',
    columns: [text('Unsur', 40), text('Rencana tindak lanjut', 80), text('Status', 16), text('Target', 12)],
    rows: report.followUps.map((row) => {
      const element = result.elements.find((e) => e.code === row.element);
      return [element ? `U${element.number} ${element.name.id}` : row.element, row.plan, STATUS[row.status] ?? row.status, row.dueDate];
    }),
  };
  const sample = report.sample;
  const notes: Table = {
    name: 'Keterangan',
    columns: [text('Keterangan', 24), text('Nilai', 100)],
    rows: [
      ['Kantor', report.office.name],
      ['Periode', `${report.period.label.id} (${report.period.from} s.d. ${report.period.to})`],
      ['Jenis layanan', report.serviceType?.name ?? 'semua'],
      ['Responden', String(result.respondents)],
      [
        'Sampel minimum',
        sample
          ? `${sample.minimum} dari populasi ${sample.population} (Krejcie-Morgan): ${sample.sufficient ? 'mencukupi' : `kurang ${sample.shortBy}`}`
          : 'populasi belum diisi',
      ],
      ['Unsur terendah', report.lowest.map((row) => row.name.id).join(', ') || '-'],
      ['Metode', report.method.id],
    ],
  };
  return [ikm, profile, trend, services, followUp, notes];
}
