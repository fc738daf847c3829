import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import { AdminUser, Office, ReportSubscription, WorkArea } from '../../db/models/index.js';
import { localDate } from '../../domain/local-date.js';
import { REPORT_READERS } from '../../domain/roles.js';
import { periodsDue, type Cadence } from '../../domain/appraisal/report-schedule.js';
import { SCORE_METHOD } from './figures.js';
import type { Mailer } from '../mail/mailer.js';
import { exportFileName } from './export-names.js';
import { xlsxStream } from './exports.js';
import type { ReportBuilders } from './report-builders.js';
import { reportQuerySchema } from './report-query.js';
import { tablePdf } from './report-pdf.js';
import { closesAt } from './report-subscriptions.js';
import { summaryTables, type Table } from './report-tables.js';
import type { ShareLinks } from './share-links.js';
import { RepeatingRounds } from '../workers/repeating-rounds.js';

export interface ReportMailWorkerOptions {
  mailer: Mailer | null;
  builders: ReportBuilders;
  shareLinks: ShareLinks;
  now?: () => Date;
  leaseMs?: number;
  backoffMs?: number;
  /** How long the mailed share link stays valid. */
  linkDays?: number;
}

/**
 * Why an account may no longer read a subscription's report (its role or work area changed since it
 * subscribed), or null: checked before every send, as the API checks a reader on every request.
 */
function mayNotRead(user: AdminUser, subscription: ReportSubscription): string | null {
  if (user.officeId !== subscription.officeId || !(REPORT_READERS as readonly string[]).includes(user.role))
    return 'the account no longer reads this office’s reports';
  if (user.role === 'coordinator' && user.workAreaId !== subscription.workAreaId)
    return 'the account no longer reads this work area’s reports';
  return null;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const bufferOf = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
};

/**
 * Mails scheduled reports. A round reads the subscriptions whose next period has closed (their
 * `next_attempt_at` has passed), leases each with one conditional UPDATE (free or lapsed lease, and the
 * `last_period` it read), and mails every period owed, oldest first: the summary as XLSX and PDF and a
 * share link to its page. Each sent period moves `last_period` on, conditional on the lease, so of
 * several processes one sends it, and a period that closed while no server ran goes when one runs
 * again, once. A failure waits with a doubling backoff (up to six hours) and is tried again.
 */
export class ReportMailWorker extends RepeatingRounds {
  readonly #now: () => Date;
  readonly #leaseMs: number;
  readonly #backoffMs: number;
  readonly #linkDays: number;

  constructor(private readonly options: ReportMailWorkerOptions) {
    super();
    this.#now = options.now ?? (() => new Date());
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#backoffMs = options.backoffMs ?? 60_000;
    this.#linkDays = options.linkDays ?? 30;
  }

  /** One round; answers how many reports it mailed. */
  override async runOnce(): Promise<number> {
    if (!this.options.mailer) return 0;
    const now = this.#now();
    const due = await ReportSubscription.findAll({
      where: { nextAttemptAt: { [Op.lte]: now }, [Op.or]: [{ leaseUntil: null }, { leaseUntil: { [Op.lt]: now } }] },
      order: [['id', 'ASC']],
      limit: 50,
    });
    let sent = 0;
    for (const subscription of due) sent += await this.#serve(subscription);
    return sent;
  }

  async #serve(subscription: ReportSubscription): Promise<number> {
    const now = this.#now();
    const lease = `${process.pid}:${randomUUID()}`.slice(0, 64);
    const [leased] = await ReportSubscription.update(
      { leaseOwner: lease, leaseUntil: new Date(now.getTime() + this.#leaseMs) },
      {
        where: {
          id: subscription.id,
          lastPeriod: subscription.lastPeriod,
          [Op.or]: [{ leaseUntil: null }, { leaseUntil: { [Op.lt]: now } }],
        },
      },
    );
    if (!leased) return 0;
    const mine = { id: subscription.id, leaseOwner: lease };
    const office = (await Office.findByPk(subscription.officeId)) as Office;
    const cadence = subscription.cadence as Cadence;
    let last = subscription.lastPeriod;
    let sent = 0;
    try {
      const user = await AdminUser.findByPk(subscription.userId);
      const problem = !user?.active || !user.email ? 'the account has no e-mail address or is inactive' : mayNotRead(user, subscription);
      if (problem || !user?.email) {
        // Nothing to send to (or no longer allowed): look again in an hour; the periods stay owed meanwhile.
        await ReportSubscription.update({ lastError: problem, nextAttemptAt: new Date(now.getTime() + 3_600_000) }, { where: mine });
        return 0;
      }
      for (const period of periodsDue(cadence, last, localDate(now, office.timezone))) {
        try {
          await this.#mail(subscription, office, user.email, period);
        } catch (error) {
          const attempts = subscription.attempts + 1;
          const wait = Math.min(this.#backoffMs * 2 ** (attempts - 1), 6 * 3_600_000);
          await ReportSubscription.update(
            {
              attempts,
              lastError: ((error as Error).message || 'mail error').slice(0, 500),
              nextAttemptAt: new Date(now.getTime() + wait),
            },
            { where: mine },
          );
          return sent;
        }
        const [moved] = await ReportSubscription.update(
          {
            lastPeriod: period,
            attempts: 0,
            lastError: null,
            lastSentAt: this.#now(),
            nextAttemptAt: closesAt(cadence, period, office.timezone),
          },
          { where: mine },
        );
        if (!moved) return sent; // The lease ran out: another process goes on from here.
        last = period;
        sent++;
      }
      return sent;
    } finally {
      await ReportSubscription.update({ leaseOwner: null, leaseUntil: null }, { where: mine });
    }
  }

  async #mail(subscription: ReportSubscription, office: Office, to: string, period: string): Promise<void> {
    const area = subscription.workAreaId ? await WorkArea.findByPk(subscription.workAreaId) : null;
    const scope = { officeId: office.id, workAreaId: subscription.workAreaId };
    const query = reportQuerySchema.parse({ period, format: 'xlsx' });
    const report = await this.options.builders.summary(scope, query);
    const tables = summaryTables(report, 'id');
    const periodName = report.period.name ?? { id: period, en: period };
    const subject = area ? `${office.name}, ${area.name}` : office.name;
    const xlsx = await bufferOf(xlsxStream(tables));
    const pdf = await tablePdf({
      title: `Laporan PACAK: ${subject}`,
      subtitle: `${periodName.id} (${report.period.from} s.d. ${report.period.to}) / ${periodName.en}`,
      note: `${SCORE_METHOD.id} / ${SCORE_METHOD.en}`,
      table: tables[0] as Table,
    });
    const link = await this.options.shareLinks.create({
      report: 'summary',
      params: { period },
      scope,
      createdBy: subscription.userId,
      days: this.#linkDays,
    });
    const text = [
      `Laporan ringkasan PACAK ${subject}, ${periodName.id}, terlampir sebagai XLSX dan PDF.`,
      `Lihat laporan di: ${link.url}`,
      `(tautan berlaku sampai ${link.expiresAt.slice(0, 10)})`,
      '',
      'Anda menerima surel ini karena berlangganan laporan ini di konsol PACAK (halaman Akun).',
      '',
      '---',
      '',
      `The PACAK summary report of ${subject}, ${periodName.en}, is attached as XLSX and PDF.`,
      `See the report at: ${link.url}`,
      `(the link is valid until ${link.expiresAt.slice(0, 10)})`,
      '',
      'You get this e-mail because you subscribed to this report in the PACAK console (Account page).',
      '',
    ].join('\n');
    await (this.options.mailer as Mailer).send({
      to,
      subject: `[PACAK] Laporan ${periodName.id} / Report ${periodName.en}: ${subject}`,
      text,
      attachments: [
        { filename: exportFileName(report, 'xlsx', 'id'), content: xlsx, contentType: XLSX },
        { filename: exportFileName(report, 'pdf', 'id'), content: pdf, contentType: 'application/pdf' },
      ],
    });
  }
}
