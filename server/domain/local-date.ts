const formatters = new Map<string, Intl.DateTimeFormat>();

/** The last day each time zone was asked about, with the instants it spans: most asks are about today. */
const lastDays = new Map<string, { day: string; from: number; to: number }>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone, e.g. the office's. */
export function localDate(instant: Date, timeZone: string): string {
  const time = instant.getTime();
  const last = lastDays.get(timeZone);
  if (last && time >= last.from && time < last.to) return last.day;
  const day = formatDay(instant, timeZone);
  const from = startOfLocalDay(day, timeZone).getTime();
  const to = startOfLocalDay(nextDay(day), timeZone).getTime();
  if (time >= from && time < to) lastDays.set(timeZone, { day, from, to });
  return day;
}

function formatDay(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the time zone is ahead of UTC at an instant (420 for Asia/Jakarta). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const asUtc = Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day, parts.hour, parts.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

const dayStarts = new Map<string, number>();

/**
 * The instant a calendar day (YYYY-MM-DD) starts in a time zone: for ranges over timestamp columns.
 * Remembered (a few days per zone are asked for over and over: every rating asks for today's).
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const key = `${day} ${timeZone}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    const midnightUtc = Date.parse(`${day}T00:00:00Z`);
    start = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
    if (dayStarts.size > 10_000) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return new Date(start);
}

/** The day after a calendar day (YYYY-MM-DD), for exclusive upper bounds. */
export const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
