/** The usual Indonesian names of the three zones, as letters are dated. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** `4 Desember 2026 pukul 14.07 WIB`: an instant as the office's clock and calendar show it. */
export function localDateTime(instant: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
  const time = new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return `${date} pukul ${time} ${ZONE_NAMES[timeZone] ?? timeZone}`;
}

/** `4 Desember 2026`: the office-local day of an instant, for the signature's date. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}
