import { INDICATORS, type IndicatorCode } from './indicators.js';

/** One low-score rating as an alert tells it: never the customer's number. */
export interface AlertItem {
  rating: number;
  receipt: string;
  createdAt: string;
  employee: { nip: string; name: string };
  workArea: { code: string; name: string };
  serviceType: { code: string; name: string };
  scores: Record<IndicatorCode, number>;
  comment: string | null;
  contactConsent: boolean;
}

/**
 * Whether an account wants low-score alert mail: its own choice, else by role (a work area's
 * coordinators yes, admins no; the outbox's recipient query in db/alert-outbox.ts says the same).
 */
export const wantsAlertMail = (user: { role: string; alertMail: boolean | null }): boolean =>
  (user.role === 'coordinator' || user.role === 'admin') && (user.alertMail ?? user.role === 'coordinator');

export interface AlertMailText {
  subject: string;
  text: string;
}

/**
 * The alert mail listing every low score that came in since the last one: Indonesian first, English
 * below, each with a link to the rating in the console's feedback inbox. The comment comes with any
 * phone number in it taken out (the worker does that); the customer's own number is never in an alert.
 */
export function alertMailText(office: { name: string; timezone: string }, items: AlertItem[], baseUrl: string): AlertMailText {
  const when = (iso: string) =>
    new Intl.DateTimeFormat('id-ID', { timeZone: office.timezone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const low = (item: AlertItem) => INDICATORS.map((indicator) => `${indicator.name} ${item.scores[indicator.code]}`).join(', ');
  const link = (item: AlertItem) => `${baseUrl}/admin/feedback?rating=${item.rating}`;
  const count = items.length;
  const block = (item: AlertItem, english: boolean) =>
    [
      `- ${when(item.createdAt)} · ${item.employee.name} · ${item.workArea.name} · ${item.serviceType.name}`,
      `  ${english ? 'Stars' : 'Bintang'}: ${low(item)}`,
      item.comment ? `  ${english ? 'Comment' : 'Komentar'}: "${item.comment}"` : '',
      item.contactConsent ? `  ${english ? 'The customer agreed to be contacted.' : 'Pelanggan bersedia dihubungi.'}` : '',
      `  ${english ? 'Receipt' : 'Tanda terima'} ${item.receipt}: ${link(item)}`,
    ]
      .filter(Boolean)
      .join('\n');
  const text = [
    `${office.name}: ${count} penilaian dengan nilai rendah perlu ditindaklanjuti.`,
    '',
    ...items.map((item) => block(item, false)),
    '',
    'Nomor pelanggan tidak dikirim lewat surel. Buka kotak masukan untuk menindaklanjuti.',
    `Berhenti menerima surel ini: ${baseUrl}/admin/account`,
    '',
    '---',
    '',
    `${office.name}: ${count} low-score rating${count === 1 ? '' : 's'} to follow up.`,
    '',
    ...items.map((item) => block(item, true)),
    '',
    "Customers' numbers are never sent by e-mail. Open the feedback inbox to follow up.",
    `Stop these e-mails: ${baseUrl}/admin/account`,
    '',
  ].join('\n');
  return { subject: `[PACAK] ${count} nilai rendah / low score${count === 1 ? '' : 's'}: ${office.name}`, text };
}
