/**
 * Appraisal periods. PermenPANRB 6/2022 has behaviour evaluated periodically (monthly, quarterly or
 * half-yearly, as the organisation sets) and once a year; each office picks its periodic kind, and
 * every report can be asked for by a period's code instead of two dates.
 *
 * Codes: `2026-10` (a month), `2026-Q3` (a quarter, "Triwulan III 2026"), `2026-S1` (a half year,
 * "Semester I 2026"), `2026` (the year).
 */
export const PERIOD_KINDS = ['monthly', 'quarterly', 'half-yearly'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface AppraisalPeriod {
  code: string;
  kind: PeriodKind | 'yearly';
  year: number;
  /** First and last office-local day, both included. */
  from: string;
  to: string;
  name: { id: string; en: string };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const HALVES_EN = ['First half', 'Second half'];

export const PERIOD_CODE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-S([12]))?$/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Months `first` to `last` (1-12) of a year as a period. */
function span(
  code: string,
  kind: AppraisalPeriod['kind'],
  year: number,
  first: number,
  last: number,
  name: AppraisalPeriod['name'],
): AppraisalPeriod {
  return { code, kind, year, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`, name };
}

/** The period a code names, or null when it names none (or a year out of 2000-2100). */
export function periodOf(code: string): AppraisalPeriod | null {
  const match = PERIOD_CODE.exec(code);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  if (match[2]) {
    const month = Number(match[2]);
    return span(code, 'monthly', year, month, month, { id: `${MONTHS_ID[month - 1]} ${year}`, en: `${MONTHS_EN[month - 1]} ${year}` });
  }
  if (match[3]) {
    const q = Number(match[3]);
    return span(code, 'quarterly', year, 3 * q - 2, 3 * q, {
      id: `Triwulan ${ROMAN[q - 1]} ${year}`,
      en: `Quarter ${ROMAN[q - 1]} ${year}`,
    });
  }
  if (match[4]) {
    const s = Number(match[4]);
    return span(code, 'half-yearly', year, 6 * s - 5, 6 * s, { id: `Semester ${ROMAN[s - 1]} ${year}`, en: `${HALVES_EN[s - 1]} ${year}` });
  }
  return span(code, 'yearly', year, 1, 12, { id: `Tahun ${year}`, en: `Year ${year}` });
}

/** The code of the period of `kind` that holds an office-local day (YYYY-MM-DD). */
export function periodCodeOn(kind: PeriodKind | 'yearly', day: string): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (kind) {
    case 'monthly':
      return `${year}-${pad(month)}`;
    case 'quarterly':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half-yearly':
      return `${year}-S${month <= 6 ? 1 : 2}`;
    default:
      return year;
  }
}

/** Every period of a kind in a year, in order: 12 months, 4 quarters or 2 halves. */
export function periodsOfYear(kind: PeriodKind, year: number): AppraisalPeriod[] {
  const count = kind === 'monthly' ? 12 : kind === 'quarterly' ? 4 : 2;
  const code = (i: number) => (kind === 'monthly' ? `${year}-${pad(i)}` : kind === 'quarterly' ? `${year}-Q${i}` : `${year}-S${i}`);
  return Array.from({ length: count }, (_, i) => periodOf(code(i + 1)) as AppraisalPeriod);
}

/** The period whose dates these are exactly, if any: a report by dates still gets its name. */
export function periodOfRange(from: string, to: string): AppraisalPeriod | null {
  const code = periodCodeOn('monthly', from);
  const year = Number(from.slice(0, 4));
  const candidates = [
    periodOf(code),
    periodOf(periodCodeOn('quarterly', from)),
    periodOf(periodCodeOn('half-yearly', from)),
    periodOf(String(year)),
  ];
  return candidates.find((period) => period && period.from === from && period.to === to) ?? null;
}
