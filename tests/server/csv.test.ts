import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, parseCsv } from '../../server/services/admin/csv.js';
import { kindOf, mapHeader } from '../../server/services/admin/import-columns.js';

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe('CSV parsing', () => {
  it('reads comma-separated lines with CRLF, LF or CR line ends', () => {
    expect(fields('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('detects the separator from the header line: semicolon, comma or tab', () => {
    expect(detectDelimiter('NIP;Nama;Unit Kerja\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('NIP,Nama,Unit Kerja\n1;2;3')).toBe(',');
    expect(detectDelimiter('NIP\tNama\tUnit Kerja')).toBe('\t');
    expect(detectDelimiter('"Nama; gelar",NIP,Jenis')).toBe(',');
    expect(fields('NIP;Nama\n1;dr. A, M.Kes')).toEqual([
      ['NIP', 'Nama'],
      ['1', 'dr. A, M.Kes'],
    ]);
  });

  it('keeps separators, line breaks and doubled quotes inside quoted fields', () => {
    expect(fields('a;"b; c";"say ""hi"""\n"multi\nline";x;""\n')).toEqual([
      ['a', 'b; c', 'say "hi"'],
      ['multi\nline', 'x', ''],
    ]);
  });

  it('drops a UTF-8 byte order mark and skips blank lines, keeping line numbers of the file', () => {
    const records = parseCsv('\uFEFFNIP,Nama\n\n1,A\r\n\r\n"2\n",B\n3,C\n');
    expect(records.map((record) => record.line)).toEqual([1, 3, 5, 7]);
    expect(records[0]?.fields).toEqual(['NIP', 'Nama']);
  });

  it('counts a CRLF as one line end inside a quoted field too', () => {
    expect(parseCsv('NIP,Nama\r\n"1\r\n",A\r\n\r\n2,B\r\n').map((record) => record.line)).toEqual([1, 2, 5]);
    expect(() => parseCsv('a,b\r\n"p\r\nq"y,c')).toThrow(/line 3: text follows a closing quote/);
    expect(() => parseCsv('a,b\n\n"open')).toThrow(/line 3: a quoted field is never closed/);
  });

  it('keeps a line of empty fields, which is not a blank line', () => {
    expect(fields('a,b\n,\n')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,c\nd,e')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n"open,c\nd,e')).toThrow(/line 2/);
    expect(() => parseCsv('a,b\n"x"y,c')).toThrow(/line 2: text follows a closing quote/);
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    expect(fields('a,5" disk')).toEqual([['a', '5" disk']]);
  });
});

describe('personnel export headers', () => {
  it('recognises Indonesian and English header names in any case and spacing', () => {
    const map = mapHeader(['No', 'NIP', 'Nama Lengkap', 'JABATAN', 'Unit_Kerja', 'Jenis Pegawai', 'Golongan']);
    expect(map.columns).toEqual({ nip: 1, name: 2, position: 3, workArea: 4, kind: 5 });
    expect(map.ignored).toEqual(['No', 'Golongan']);
    expect(map.missing).toEqual([]);
    expect(mapHeader(['Kode Pegawai', 'Name', 'Wilker', 'Status']).missing).toEqual([]);
  });

  it('names the required columns that are missing and the ones named twice', () => {
    const map = mapHeader(['Nama', 'Jabatan', 'Nama']);
    expect(map.missing).toEqual(['nip', 'workArea', 'kind']);
    expect(map.repeated).toEqual(['name']);
  });

  it('reads the kinds personnel exports write', () => {
    expect(['PNS', 'cpns', 'ASN'].map(kindOf)).toEqual(['asn', 'asn', 'asn']);
    expect(['PPPK', 'P3K'].map(kindOf)).toEqual(['pppk', 'pppk']);
    expect(['Alih Daya', 'Outsourcing', 'non-ASN', 'PPNPN'].map(kindOf)).toEqual(['outsourced', 'outsourced', 'outsourced', 'outsourced']);
    expect(kindOf('Magang')).toBeNull();
  });
});
