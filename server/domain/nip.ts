/**
 * Staff identifiers: what an employee is looked up and rated by.
 *
 * - ASN (civil servants) carry an 18-digit NIP: birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM,
 *   gender 1 (male) or 2 (female), a 3-digit sequence. Example (made up): 199203152019032001.
 * - PPPK (contract civil servants) carry an 18-digit NI that starts with the birth date too, but its
 *   digits 9-14 are the appointment year and a PPPK marker (e.g. 202321), not a month: they are not
 *   checked. The gender digit and the sequence follow the NIP's rules.
 * - Outsourced staff get a staff code from their office. The documented pattern is
 *   `OS-<OFFICE-ABBR>-<4 digits>` (the first office's seeded `OS-PLG-0007`); any code of letters, digits
 *   and single dashes, 3 to 32 characters, not all digits, is accepted and stored in capitals.
 *
 * A NIP has no check digit: these rules only catch typing errors and spreadsheet damage. Being in the
 * office's own staff list is the real check.
 */
export const STAFF_KINDS = ['asn', 'pppk', 'outsourced'] as const;

export type StaffKind = (typeof STAFF_KINDS)[number];

const STAFF_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** How a spreadsheet shows a long number it has rounded: 1.99203E+17. */
const SCIENTIFIC = /^\d(?:[.,]\d+)?E\+\d+$/i;

/** Youngest age at which someone can be on the staff, and the earliest birth year taken as plausible. */
const MIN_AGE_YEARS = 15;
const EARLIEST_BIRTH_YEAR = 1940;

/**
 * The form an identifier is stored in: a NIP as 18 bare digits (letters print it grouped,
 * "19920315 201903 2 001", and spreadsheets may prefix a text marker '), a staff code in capitals.
 */
export function normaliseStaffId(raw: string, kind: StaffKind): string {
  const trimmed = raw.trim().replace(/^'/, '');
  if (kind === 'outsourced') return trimmed.toUpperCase();
  // Left as it is, so staffIdProblems can say what a spreadsheet did to it.
  return SCIENTIFIC.test(trimmed) ? trimmed : trimmed.replace(/[\s.-]/g, '');
}

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function realDate(year: number, month: number, day: number): CalendarDay | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? { year, month, day } : null;
}

const dayNumber = ({ year, month, day }: CalendarDay): number => year * 10_000 + month * 100 + day;

function birthDateProblems(digits: string, today: CalendarDay): { problems: string[]; birth: CalendarDay | null } {
  const birth = realDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
  if (!birth) return { problems: ['digits 1-8 must be a real birth date (YYYYMMDD)'], birth: null };
  const latest = { ...today, year: today.year - MIN_AGE_YEARS };
  if (birth.year < EARLIEST_BIRTH_YEAR || dayNumber(birth) > dayNumber(latest)) {
    return {
      problems: [`digits 1-8 must be a plausible birth date: from ${EARLIEST_BIRTH_YEAR} to ${MIN_AGE_YEARS} years ago`],
      birth: null,
    };
  }
  return { problems: [], birth };
}

function appointmentProblems(digits: string, birth: CalendarDay | null, today: CalendarDay): string[] {
  const year = Number(digits.slice(8, 12));
  const month = Number(digits.slice(12, 14));
  if (month < 1 || month > 12 || year < EARLIEST_BIRTH_YEAR) return ['digits 9-14 must be a real appointment month (YYYYMM)'];
  const months = year * 12 + month;
  if (months > today.year * 12 + today.month) return ['digits 9-14 (appointment month) must not be in the future'];
  if (birth && months < (birth.year + MIN_AGE_YEARS) * 12 + birth.month) {
    return [`digits 9-14 (appointment month) must be at least ${MIN_AGE_YEARS} years after the birth date`];
  }
  return [];
}

function today(now: Date): CalendarDay {
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

/**
 * What is wrong with an identifier for a kind of staff, as short messages a person can act on; an
 * empty list when it is acceptable. Pass the identifier already normalised.
 */
export function staffIdProblems(id: string, kind: StaffKind, now: Date = new Date()): string[] {
  if (kind === 'outsourced') {
    if (id.length < 3 || id.length > 32) return ['a staff code must be 3 to 32 characters'];
    if (!STAFF_CODE.test(id)) return ['a staff code may hold only letters, digits and single dashes, e.g. OS-PLG-0007'];
    if (/^\d+$/.test(id)) return ['a staff code must not be all digits (an 18-digit number is a NIP: choose ASN or PPPK)'];
    return [];
  }
  if (SCIENTIFIC.test(id)) {
    return ['looks shortened by a spreadsheet (scientific notation): format the NIP column as text and export again'];
  }
  if (!/^\d{18}$/.test(id)) return [`a ${kind === 'asn' ? 'NIP' : 'PPPK NI'} must be exactly 18 digits`];
  const current = today(now);
  const { problems, birth } = birthDateProblems(id, current);
  if (kind === 'asn') problems.push(...appointmentProblems(id, birth, current));
  if (!['1', '2'].includes(id.charAt(14))) problems.push('digit 15 (gender) must be 1 or 2');
  if (id.slice(15) === '000') problems.push('digits 16-18 (sequence) must be above 000');
  return problems;
}

export const isStaffKind = (value: unknown): value is StaffKind =>
  typeof value === 'string' && (STAFF_KINDS as readonly string[]).includes(value);
