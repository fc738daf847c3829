/**
 * Report periods as the office reads them: calendar days written YYYY-MM-DD in the office's time
 * zone, both ends included. All arithmetic is on UTC dates, so the reader's own clock never shifts a day.
 */
export interface Period {
  from: string;
  to: string;
}

export type Preset = 'this-month' | 'last-month' | 'this-quarter' | 'last-quarter' | 'this-year' | 'custom';

export const PRESETS: Preset[] = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'this-year', 'custom'];

const DAY = 86_400_000;

const parse = (day: string): Date => new Date(`${day}T00:00:00Z`);
const format = (date: Date): string => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month, day));
const lastDayOf = (year: number, month: number): number => utc(year, month + 1, 0).getUTCDate();

export const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && format(parse(value)) === value;

/** Today in a time zone, YYYY-MM-DD (the office's day, not the reader's). */
export function today(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return format(now);
  }
}

/** The period a preset means on a given day; "this …" periods end today, "last …" ones are whole. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, day: string): Period {
  const date = parse(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const quarter = month - (month % 3);
  switch (preset) {
    case 'this-month':
      return { from: format(utc(year, month, 1)), to: day };
    case 'last-month':
      return { from: format(utc(year, month - 1, 1)), to: format(utc(year, month, 0)) };
    case 'this-quarter':
      return { from: format(utc(year, quarter, 1)), to: day };
    case 'last-quarter':
      return { from: format(utc(year, quarter - 3, 1)), to: format(utc(year, quarter, 0)) };
    case 'this-year':
      return { from: format(utc(year, 0, 1)), to: day };
  }
}

/** Moves a day back by whole months; a month's last day stays a month's last day, other days are clamped. */
function monthsBack(day: string, months: number): string {
  const date = parse(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const target = utc(year, month, 1);
  const last = lastDayOf(target.getUTCFullYear(), target.getUTCMonth());
  const isLast = date.getUTCDate() === lastDayOf(year, date.getUTCMonth());
  return format(utc(target.getUTCFullYear(), target.getUTCMonth(), isLast ? last : Math.min(date.getUTCDate(), last)));
}

/**
 * The period to compare with, of the same length just before. A period starting on a month's first day
 * (every preset) is compared month for month: a quarter with the quarter before, 1-10 March with 1-10
 * February. Any other period is compared with the same number of days just before it.
 */
export function previousPeriod({ from, to }: Period): Period {
  const start = parse(from);
  const end = parse(to);
  if (start.getUTCDate() === 1) {
    const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
    return { from: monthsBack(from, months), to: monthsBack(to, months) };
  }
  const days = Math.round((end.getTime() - start.getTime()) / DAY) + 1;
  return { from: format(new Date(start.getTime() - days * DAY)), to: format(new Date(start.getTime() - DAY)) };
}

/** "1-31 Jan 2025" style, in the reader's language. */
export function describePeriod({ from, to }: Period, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).formatRange(parse(from), parse(to));
}

/** "Jan 2025" for a YYYY-MM month. */
export function describeMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(parse(`${month}-01`));
}

/** "Jan" for a YYYY-MM month: the trend's axis writes the year apart, once per year. */
export function shortMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(parse(`${month}-01`));
}

/** Every month a period touches, YYYY-MM, oldest first: the x axis of a trend. */
export function monthsOf({ from, to }: Period): string[] {
  const months: string[] = [];
  const end = to.slice(0, 7);
  const date = parse(`${from.slice(0, 7)}-01`);
  for (let month = format(date).slice(0, 7); month <= end && months.length < 60;) {
    months.push(month);
    date.setUTCMonth(date.getUTCMonth() + 1);
    month = format(date).slice(0, 7);
  }
  return months;
}
