import type { DashboardStrings } from './dashboard-strings.js';
import type { Figures } from '../../../contract/index.js';

/**
 * Numbers as the reader's language writes them (88,3 in Indonesian, 88.3 in English), with exactly
 * the decimals the server rounded to, so the screen shows the figure the API and the exports give.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function number(value: number, locale: string, digits: number, signed = false): string {
  const key = `${locale}/${digits}/${signed}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** A 0-100 score, one decimal: "88,3". */
export const score = (value: number | null, t: DashboardStrings): string => (value === null ? t.none : number(value, t.locale, 1));

/** A 1-5 average, two decimals as the server rounds them ("4,42"); the Bayesian average has three. */
export const average = (value: number | null, t: DashboardStrings, digits = 2): string =>
  value === null ? t.none : number(value, t.locale, digits);

/** A whole count: "1.234" in Indonesian. */
export const count = (value: number, t: DashboardStrings): string => number(value, t.locale, 0);

/** A change with its sign: "+2,5", "−1,0", "0,0". */
export const delta = (value: number, t: DashboardStrings, digits = 1): string => number(value, t.locale, digits, true);

/** A share of a whole, for labels inside a bar: "42%". */
export const percent = (part: number, whole: number): string => (whole ? `${Math.round((part / whole) * 100)}%` : '0%');

/** "A (Sangat Baik)" in the reader's language, or a dash without ratings. */
export const grade = (figures: Pick<Figures, 'grade'>, t: DashboardStrings): string =>
  figures.grade ? `${figures.grade} (${t.grades[figures.grade]})` : t.none;

/** Bytes received so far: "12 KB", "1,4 MB". */
export function bytes(value: number, t: DashboardStrings): string {
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${number(value / 1024, t.locale, 0)} KB`;
  return `${number(value / 1024 / 1024, t.locale, 1)} MB`;
}

/** A day or an instant in the reader's language: "5 Mar 2025". */
export function day(value: string, t: DashboardStrings): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return new Intl.DateTimeFormat(t.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: value.length === 10 ? 'UTC' : undefined,
  }).format(date);
}
