import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths.js';
import { AuditEntry, Employee, PublicCode } from '../../server/db/models/index.js';
import { adminApi, makeOffice, newNip, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

interface Line {
  line: number;
  nip: string;
  action: string;
  changes?: Record<string, { from: unknown; to: unknown }>;
  problems?: { column: string; message: string }[];
}
interface Report {
  dryRun: boolean;
  applied: boolean;
  delimiter: string;
  summary: Record<string, number>;
  ignoredColumns: string[];
  lines: Line[];
  errors?: { path: string; message: string }[];
  detail?: string;
}

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const upload = (text: string | Buffer, query = '', type = 'text/csv') =>
  adminApi(server, admin.token).csv<Report>(`/employees/import${query}`, text, type);
const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const byNip = (nip: string) => Employee.findOne({ where: { nip } });

describe('importing a personnel export', () => {
  it('adds every line of a good file, with work areas by code or by name, and audits the import', async () => {
    const [asn, pppk] = [newNip(), newNip()];
    const response = await upload(
      csv(
        'No,NIP,Nama,Jabatan,Unit Kerja,Jenis,Golongan',
        `1,${asn},"dr. Ahmad Fauzi, M.Kes",Dokter Ahli Muda,boom-baru,PNS,III/c`,
        `2,${pppk.slice(0, 8)}2023211${pppk.slice(15)},Sri Wahyuni,Perawat Terampil,Pos Bandara SMB II Palembang,PPPK,IX`,
        '3,OS-PLG-0200,Joko Susilo,Pengemudi,kantor-induk,Alih Daya,-',
      ),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      dryRun: false,
      applied: true,
      delimiter: ',',
      summary: { add: 3, change: 0, unchanged: 0, refuse: 0 },
      ignoredColumns: ['No', 'Golongan'],
    });
    expect(response.body.lines.map((line) => line.line)).toEqual([2, 3, 4]);
    const ahmad = await byNip(asn);
    expect(ahmad).toMatchObject({ name: 'dr. Ahmad Fauzi, M.Kes', position: 'Dokter Ahli Muda', kind: 'asn', active: true });
    expect(await PublicCode.count({ where: { employeeId: ahmad!.id, replacedAt: null } })).toBe(1);
    expect((await byNip('OS-PLG-0200'))!.kind).toBe('outsourced');
    const entry = await AuditEntry.findOne({ where: { action: 'employee.import' }, order: [['id', 'DESC']] });
    expect(JSON.parse(entry!.changes!)).toMatchObject({ summary: { add: 3 }, added: [asn, expect.any(String), 'OS-PLG-0200'] });
  });

  it('reads an Excel export: UTF-8 with a BOM, semicolons, CRLF and quoted fields', async () => {
    const nip = newNip();
    const text = Buffer.from(
      `\uFEFF${csv('NIP;Nama;Jabatan;Wilker;Jenis', `'${nip};"Ir. Bambang Sutejo; M.T.";"Kepala ""Seksi""";Kantor Induk;ASN`, 'OS-PLG-0201;José Ramírez;Satpam;Wilker Pelabuhan Boom Baru;Outsourcing')}`,
      'utf8',
    );
    const response = await upload(text);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.delimiter).toBe(';');
    expect(await byNip(nip)).toMatchObject({ name: 'Ir. Bambang Sutejo; M.T.', position: 'Kepala "Seksi"' });
    expect((await byNip('OS-PLG-0201'))!.name).toBe('José Ramírez');
  });

  it('previews with dryRun=true and writes nothing', async () => {
    const nip = newNip();
    const before = await Employee.count();
    const response = await upload(csv('NIP,Nama,Unit Kerja,Jenis', `${nip},Calon Pegawai,kantor-induk,ASN`), '?dryRun=true');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: true, applied: false, summary: { add: 1 } });
    expect(await Employee.count()).toBe(before);
  });

  it('imports nothing when one line is bad, and says which line and why', async () => {
    const [good, bad] = [newNip(), newNip()];
    const before = await Employee.count();
    const response = await upload(
      csv(
        'NIP,Nama,Unit Kerja,Jenis',
        `${good},Baik,kantor-induk,ASN`,
        `${bad.slice(0, 14)}3${bad.slice(15)},Buruk,kantor-induk,ASN`,
        `${newNip()},Tanpa Wilker,atlantis,ASN`,
        `${newNip()},,boom-baru,PNS`,
        `${newNip()},Magang,boom-baru,Magang`,
      ),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect(response.body).toMatchObject({ applied: false, summary: { add: 1, refuse: 4 } });
    const lines = response.body.lines;
    expect(lines[0]).toMatchObject({ line: 2, action: 'add' });
    expect(lines[1]).toMatchObject({ line: 3, action: 'refuse', problems: [{ column: 'NIP', message: expect.stringMatching(/gender/) }] });
    expect(lines[2]!.problems![0]).toMatchObject({ column: 'Unit Kerja', message: expect.stringMatching(/atlantis/) });
    expect(lines[3]!.problems![0]).toMatchObject({ column: 'Nama', message: 'is required' });
    expect(lines[4]!.problems![0]).toMatchObject({ column: 'Jenis', message: expect.stringMatching(/Magang/) });
    expect(response.body.errors!.map((error) => error.path)).toEqual(['line.3.NIP', 'line.4.Unit Kerja', 'line.5.Nama', 'line.6.Jenis']);
    expect(await Employee.count()).toBe(before);
    expect(await byNip(good)).toBeNull();
  });

  it('refuses a NIP that appears twice in the file, even written differently', async () => {
    const nip = newNip();
    const grouped = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    const response = await upload(csv('NIP,Nama,Unit Kerja,Jenis', `${nip},Satu,kantor-induk,ASN`, `"${grouped}",Dua,boom-baru,ASN`));
    expect(response.status).toBe(422);
    expect(response.body.lines[1]).toMatchObject({ action: 'refuse', problems: [{ message: 'appears already on line 2' }] });
    expect(await byNip(nip)).toBeNull();
  });

  it('reports employees already in the office as changed or unchanged, and reactivates one listed again', async () => {
    const response = await upload(
      csv(
        'NIP,Nama,Jabatan,Unit Kerja,Jenis',
        '199203152019032001,"dr. Rina Kartika, M.Kes",Dokter Ahli Muda,kantor-induk,ASN',
        '198507222010121002,"Agus Salim, S.KM, M.Epid",Epidemiolog Kesehatan Ahli Muda,boom-baru,ASN',
      ),
      '?dryRun=true',
    );
    expect(response.body.lines[0]).toMatchObject({ action: 'unchanged' });
    expect(response.body.lines[1]).toMatchObject({
      action: 'change',
      changes: { name: { from: 'Agus Salim, S.KM', to: 'Agus Salim, S.KM, M.Epid' }, workArea: { from: 'kantor-induk', to: 'boom-baru' } },
    });
    await Employee.update({ active: false }, { where: { nip: '199405182020122004' } });
    const again = await upload(
      csv('NIP,Nama,Jabatan,Unit Kerja,Jenis', '199405182020122004,"Siti Aminah, A.Md.Kes",Entomolog Kesehatan Terampil,sungai-lumpur,ASN'),
    );
    expect(again.body.lines[0]).toMatchObject({ action: 'change', changes: { active: { from: false, to: true } } });
    expect((await byNip('199405182020122004'))!.active).toBe(true);
  });

  it('refuses a NIP registered with another office', async () => {
    const { employee } = await makeOffice('bkk-lain');
    const response = await upload(csv('NIP,Nama,Unit Kerja,Jenis', `${employee.nip},Pindahan,kantor-induk,ASN`));
    expect(response.status).toBe(422);
    expect(response.body.lines[0]!.problems![0]!.message).toMatch(/another office/);
    expect((await byNip(employee.nip))!.name).toBe('Petugas Lain');
  });

  it('explains a NIP that Excel turned into scientific notation', async () => {
    const response = await upload(csv('NIP,Nama,Unit Kerja,Jenis', '1.99203E+17,Hilang Digit,kantor-induk,PNS'));
    expect(response.body.lines[0]!.problems![0]!.message).toMatch(/format the NIP column as text/);
  });
});

describe('the README example', () => {
  it('is a file the import accepts', async () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const response = await upload(example!, '?dryRun=true');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ delimiter: ';', summary: { refuse: 0 } });
    expect(response.body.lines).toHaveLength(3);
  });
});

describe('files the import cannot read', () => {
  it('names the missing columns of the header', async () => {
    const response = await upload(csv('Nama,Jabatan', 'A,B'));
    expect(response.status).toBe(422);
    expect(response.body.errors!.map((error) => error.message)).toEqual([
      'has no NIP column',
      'has no Unit Kerja column',
      'has no Jenis column',
    ]);
  });

  it('refuses a header without employee lines', async () => {
    expect((await upload(csv('NIP,Nama,Unit Kerja,Jenis'))).status).toBe(422);
    expect((await upload('')).status).toBe(422);
  });

  it('answers 400 to an unclosed quote and to text that is not UTF-8', async () => {
    const unclosed = await upload(csv('NIP,Nama,Unit Kerja,Jenis', `${newNip()},"Tidak ditutup,kantor-induk,ASN`));
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.detail).toMatch(/line 2/);
    const latin1 = Buffer.concat([
      Buffer.from(`NIP,Nama,Unit Kerja,Jenis\n${newNip()},Jos`),
      Buffer.from([0xe9]),
      Buffer.from(',kantor-induk,ASN\n'),
    ]);
    const response = await upload(latin1);
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/CSV UTF-8/);
  });

  it('answers 415 to another content type and 413 to a file over 1 MB', async () => {
    expect((await upload('{"nip":"1"}', '', 'application/json')).status).toBe(415);
    expect((await upload('NIP,Nama\n1,2', '', 'text/csv; charset=windows-1252')).status).toBe(415);
    const big = `NIP,Nama,Unit Kerja,Jenis\n${`${newNip()},${'x'.repeat(80)},kantor-induk,ASN\n`.repeat(12_000)}`;
    const before = await Employee.count();
    expect((await upload(big)).status).toBe(413);
    expect(await Employee.count()).toBe(before);
  });
});
