import type { StaffKind } from '../../domain/nip.js';

/** The columns an employee import reads; everything else in a personnel export is ignored. */
export type ImportColumn = 'nip' | 'name' | 'position' | 'workArea' | 'kind';

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['nip', 'name', 'workArea', 'kind'];

/** How a column is shown in messages: the Indonesian header a personnel export uses. */
export const COLUMN_LABELS: Record<ImportColumn, string> = {
  nip: 'NIP',
  name: 'Nama',
  position: 'Jabatan',
  workArea: 'Unit Kerja',
  kind: 'Jenis',
};

/**
 * Header names accepted for each column, compared in lower case with everything but letters and
 * digits removed ("Unit Kerja", "UNIT_KERJA" and "unit-kerja" are one name).
 */
const HEADER_NAMES: Record<ImportColumn, string[]> = {
  nip: [
    'nip',
    'ni',
    'nipni',
    'nipnipppk',
    'nippppk',
    'nomorindukpegawai',
    'kodepegawai',
    'kodestaf',
    'kodepetugas',
    'staffcode',
    'staffid',
  ],
  name: ['nama', 'namapegawai', 'namalengkap', 'namadangelar', 'namalengkapdangelar', 'namagelar', 'name', 'fullname'],
  position: ['jabatan', 'namajabatan', 'position', 'jobtitle'],
  workArea: ['unitkerja', 'wilker', 'wilayahkerja', 'kodewilker', 'penempatan', 'workarea', 'post'],
  kind: ['jenis', 'jenispegawai', 'statuspegawai', 'statuskepegawaian', 'status', 'kind'],
};

/**
 * Staff kinds as personnel exports write them. PNS and CPNS are ASN; P3K is PPPK; outsourced staff
 * appear as "Alih Daya", "Outsourcing", "Non ASN" or PPNPN: all non-ASN staff the office gives a
 * staff code to.
 */
const KIND_NAMES: Record<StaffKind, string[]> = {
  asn: ['asn', 'pns', 'cpns', 'pegawainegerisipil'],
  pppk: ['pppk', 'p3k'],
  outsourced: ['outsourced', 'outsourcing', 'outsource', 'os', 'alihdaya', 'tenagaalihdaya', 'nonasn', 'ppnpn', 'honorer'],
};

export const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The kind a cell names, or null when it is none of the known writings. */
export function kindOf(cell: string): StaffKind | null {
  const name = squash(cell);
  for (const [kind, names] of Object.entries(KIND_NAMES) as [StaffKind, string[]][]) if (names.includes(name)) return kind;
  return null;
}

export interface HeaderMap {
  /** Index of each recognised column in a record. */
  columns: Partial<Record<ImportColumn, number>>;
  /** Header cells that name no column, as written. */
  ignored: string[];
  /** Required columns the header lacks. */
  missing: ImportColumn[];
  /** Columns named twice, which makes it unclear which to read. */
  repeated: ImportColumn[];
}

export function mapHeader(cells: string[]): HeaderMap {
  const columns: Partial<Record<ImportColumn, number>> = {};
  const ignored: string[] = [];
  const repeated: ImportColumn[] = [];
  cells.forEach((cell, index) => {
    const name = squash(cell);
    const column = (Object.keys(HEADER_NAMES) as ImportColumn[]).find((key) => HEADER_NAMES[key].includes(name));
    if (!column) {
      if (cell.trim()) ignored.push(cell.trim());
    } else if (columns[column] !== undefined) {
      repeated.push(column);
    } else {
      columns[column] = index;
    }
  });
  return { columns, ignored, missing: REQUIRED_COLUMNS.filter((column) => columns[column] === undefined), repeated };
}
