import { describe, expect, it } from 'vitest';
import { normaliseStaffId, staffIdProblems } from '../../server/domain/nip.js';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';

const TODAY = new Date('2026-11-29T08:00:00Z');
const ok = (id: string, kind: 'asn' | 'pppk' | 'outsourced') => expect(staffIdProblems(id, kind, TODAY)).toEqual([]);
const refused = (id: string, kind: 'asn' | 'pppk' | 'outsourced', pattern: RegExp) =>
  expect(staffIdProblems(id, kind, TODAY).join('; ')).toMatch(pattern);

describe('ASN NIP', () => {
  it('accepts every seeded NIP with its kind', () => {
    for (const person of FIRST_OFFICE.employees) ok(person.nip, person.kind);
  });

  it('accepts a NIP written in groups as on official letters, once normalised', () => {
    expect(normaliseStaffId(' 19920315 201903 2 001 ', 'asn')).toBe('199203152019032001');
    expect(normaliseStaffId("'199203152019032001", 'asn')).toBe('199203152019032001');
    ok(normaliseStaffId('19920315 201903 2 001', 'asn'), 'asn');
  });

  it('refuses anything but exactly 18 digits', () => {
    for (const id of ['19920315201903200', '1992031520190320011', '19920315201903200a', '', 'OS-PLG-0007'])
      refused(id, 'asn', /exactly 18 digits/);
  });

  it('refuses a number a spreadsheet turned into scientific notation, saying so', () => {
    refused('1.99203E+17', 'asn', /scientific notation/);
    refused(normaliseStaffId('1,99203E+17', 'asn'), 'asn', /scientific notation/);
  });

  it('refuses a birth date that is not a real calendar day', () => {
    refused('199202302019032001', 'asn', /real birth date/); // 30 February
    refused('199213012019032001', 'asn', /real birth date/); // month 13
    refused('199200102019032001', 'asn', /real birth date/); // month 00
    refused('199001002015011001', 'asn', /real birth date/); // day 00
    refused('199104312015011001', 'asn', /real birth date/); // 31 April
  });

  it('accepts 29 February only in a leap year', () => {
    ok('199202292019032001', 'asn');
    refused('199302292019032001', 'asn', /real birth date/);
  });

  it('refuses a birth year before 1940 or someone younger than fifteen', () => {
    refused('193912312000011001', 'asn', /plausible birth date/);
    ok('194001012000011001', 'asn');
    refused('201201012026011001', 'asn', /plausible birth date/); // 14 today
    ok('201111292026111001', 'asn'); // fifteen today, appointed this month
    refused('201111302026111001', 'asn', /plausible birth date/); // fifteen tomorrow
  });

  it('refuses an appointment month that is not real, in the future, or before the fifteenth birthday', () => {
    refused('199203152019132001', 'asn', /real appointment month/);
    refused('199203152019002001', 'asn', /real appointment month/);
    refused('199203152026122001', 'asn', /in the future/);
    ok('199203152026112001', 'asn');
    refused('199203152007022001', 'asn', /15 years after the birth date/);
    ok('199203152007032001', 'asn');
  });

  it('refuses a gender digit other than 1 or 2, and the sequence 000', () => {
    refused('199203152019033001', 'asn', /gender/);
    refused('199203152019030001', 'asn', /gender/);
    refused('199203152019032000', 'asn', /sequence/);
    ok('199203152019031999', 'asn');
  });

  it('names every problem of a NIP at once', () => {
    expect(staffIdProblems('199202302019133000', 'asn', TODAY)).toHaveLength(4);
  });
});

describe('PPPK NI', () => {
  it('does not refuse on digits 9 to 14, which are no month', () => {
    ok('199707142023211006', 'pppk');
    ok('199707142024991006', 'pppk');
    refused('199707142024991006', 'asn', /appointment month/);
  });

  it('still checks the birth date, the gender digit and the sequence', () => {
    refused('199713142023211006', 'pppk', /real birth date/);
    refused('199707142023213006', 'pppk', /gender/);
    refused('199707142023211000', 'pppk', /sequence/);
    refused('19970714202321100', 'pppk', /18 digits/);
  });
});

describe('outsourced staff codes', () => {
  it('accepts the documented pattern and other codes of letters, digits and single dashes', () => {
    for (const code of ['OS-PLG-0007', 'OS-MKS-1234', 'PPNPN-12', 'AB1']) ok(code, 'outsourced');
  });

  it('stores codes in capitals', () => {
    expect(normaliseStaffId(' os-plg-0007 ', 'outsourced')).toBe('OS-PLG-0007');
  });

  it('refuses codes that are too short, too long, all digits or hold other characters', () => {
    refused('OS', 'outsourced', /3 to 32/);
    refused(`OS-${'9'.repeat(30)}`, 'outsourced', /3 to 32/);
    refused('199203152019032001', 'outsourced', /all digits/);
    for (const code of ['OS PLG 7', 'OS--PLG', '-OS-PLG', 'OS-PLG-', 'OS_PLG', "OS'; DROP", 'ÖS-PLG'])
      refused(code, 'outsourced', /letters, digits and single dashes/);
  });
});
