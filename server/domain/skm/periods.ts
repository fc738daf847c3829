/**
 * The periods an SKM is reported for: PermenPANRB 14/2017 asks for a survey at least once a year
 * (Pasal 1), and units report it per quarter (triwulan), per half (semester) or per year. A period is
 * named by a key, `2026-Q3`, `2026-H1` or `2026`, and covers whole office-local dates, inclusive.
 */
export type SkmPeriodKind = 'quarter' | 'half' | 'year';

export interface SkmPeriod {
  key: string;
  kind: SkmPeriodKind;
  year: number;
  /** 1-4 for a quarter, 1-2 for a half, 1 for a year. */
  part: number;
  /** First and last office-local date, YYYY-MM-DD. */
  from: string;
  to: string;
  label: { id: string; en: string };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const KEY = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;
const MONTHS: Record<SkmPeriodKind, number> = { quarter: 3, half: 6, year: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function periodOf(kind: SkmPeriodKind, year: number, part: number): SkmPeriod {
  const months = MONTHS[kind];
  const firstMonth = (part - 1) * months + 1;
  const key = kind === 'year' ? String(year) : `${year}-${kind === 'quarter' ? 'Q' : 'H'}${part}`;
  const label =
    kind === 'quarter'
      ? { id: `Triwulan ${ROMAN[part - 1]} ${year}`, en: `Q${part} ${year}` }
      : kind === 'half'
        ? { id: `Semester ${ROMAN[part - 1]} ${year}`, en: `H${part} ${year}` }
        : { id: `Tahun ${year}`, en: String(year) };
  return { key, kind, year, part, from: `${year}-${pad(firstMonth)}-01`, to: lastDay(year, firstMonth + months - 1), label };
}

/** The period a key names, or null for anything else (years 2000 to 2999). */
export function parsePeriodKey(key: string): SkmPeriod | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2999) return null;
  const tag = match[2];
  if (!tag) return periodOf('year', year, 1);
  return periodOf(tag[0] === 'Q' ? 'quarter' : 'half', year, Number(tag[1]));
}

/** The period of a kind that holds an office-local date (YYYY-MM-DD). */
export function periodContaining(kind: SkmPeriodKind, localDate: string): SkmPeriod {
  const year = Number(localDate.slice(0, 4));
  const month = Number(localDate.slice(5, 7));
  return periodOf(kind, year, Math.floor((month - 1) / MONTHS[kind]) + 1);
}

/** The `count` periods of the same kind ending with `last`, oldest first: the trend of a report. */
export function periodsUpTo(last: SkmPeriod, count: number): SkmPeriod[] {
  const perYear = 12 / MONTHS[last.kind];
  const periods: SkmPeriod[] = [];
  let year = last.year;
  let part = last.part;
  for (let i = 0; i < count; i++) {
    periods.unshift(periodOf(last.kind, year, part));
    part -= 1;
    if (part < 1) {
      year -= 1;
      part = perYear;
    }
  }
  return periods;
}
