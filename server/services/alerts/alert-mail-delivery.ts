import { Op } from 'sequelize';
import { AdminUser, AlertOutbox, Office, Rating } from '../../db/models/index.js';
import { alertMailText, wantsAlertMail, type AlertItem } from '../../domain/alert-mail.js';
import type { Mailer } from '../mail/mailer.js';

export interface AlertMailDeliveryOptions {
  mailer: Mailer | null;
  /** At most one alert mail per account per this long. */
  batchMs: number;
  baseUrl: string;
  now: () => Date;
  payload: (alerts: AlertOutbox[]) => Promise<AlertItem[]>;
  failed: (attempts: number, error: string) => Record<string, unknown>;
}

/**
 * Sends one recipient's leased alert rows as one mail. Batching: an account takes a send slot by moving
 * its `alert_mail_next_at` on by the batch time, in one conditional UPDATE, so of several workers only
 * one mails it per batch time; rows that find the slot taken wait, still pending, until it ends, and go
 * out together then. A failed send gives the slot back, so the retry follows the backoff alone. Every row
 * update is conditional on the worker's lease, as for the webhook.
 */
export class AlertMailDelivery {
  constructor(private readonly options: AlertMailDeliveryOptions) {}

  async deliver(lease: string, recipientId: number, leased: AlertOutbox[]): Promise<void> {
    const { mailer, now } = this.options;
    const user = await AdminUser.findByPk(recipientId);
    // Rows the account may no longer read (moved to another work area or office since) are skipped.
    const readable = user ? await this.#readable(user, leased) : new Set<number>();
    const unreadable = leased.filter((alert) => !readable.has(alert.id)).map((alert) => alert.id);
    if (unreadable.length)
      await AlertOutbox.update(
        { status: 'skipped', lastError: 'the account no longer reads this work area', leaseOwner: null, leaseUntil: null },
        { where: { id: unreadable, leaseOwner: lease } },
      );
    const alerts = leased.filter((alert) => readable.has(alert.id));
    if (!alerts.length) return;
    const where = { id: alerts.map((alert) => alert.id), leaseOwner: lease };
    const release = (values: Record<string, unknown>) => AlertOutbox.update({ ...values, leaseOwner: null, leaseUntil: null }, { where });
    if (!mailer) return void (await release({ status: 'skipped', lastError: 'no mail server (SMTP_URL)' }));
    if (!user?.active || !user.email || !wantsAlertMail(user))
      return void (await release({ status: 'skipped', lastError: 'the account no longer takes alert mail' }));

    const start = now();
    const slotEnd = new Date(start.getTime() + this.options.batchMs);
    const [claimed] = await AdminUser.update(
      { alertMailNextAt: slotEnd },
      { where: { id: recipientId, [Op.or]: [{ alertMailNextAt: null }, { alertMailNextAt: { [Op.lte]: start } }] } },
    );
    if (!claimed) {
      const taken = (await AdminUser.findByPk(recipientId, { attributes: ['alertMailNextAt'] }))?.alertMailNextAt;
      return void (await release({ nextAttemptAt: taken && taken > start ? taken : slotEnd }));
    }

    const office = await Office.findByPk(user.officeId as number, { attributes: ['name', 'timezone'] });
    const items = await this.options.payload(alerts);
    const { subject, text } = alertMailText(office ?? { name: 'PACAK', timezone: 'Asia/Jakarta' }, items, this.options.baseUrl);
    let failure: string | null = null;
    try {
      await mailer.send({ to: user.email, subject, text });
    } catch (error) {
      failure = (error as Error).message || 'mail server error';
    }
    if (failure) await AdminUser.update({ alertMailNextAt: null }, { where: { id: recipientId } });
    for (const alert of alerts) {
      const attempts = alert.attempts + 1;
      // A mail that went is marked sent even if a slow send outlived the lease: another worker that
      // leased the row meanwhile found the slot taken and only postponed it.
      const values = failure ? this.options.failed(attempts, failure) : { attempts, status: 'sent', sentAt: now(), lastError: null };
      const whose = failure ? { leaseOwner: lease } : { status: 'pending' };
      await AlertOutbox.update({ ...values, leaseOwner: null, leaseUntil: null }, { where: { id: alert.id, ...whose } });
    }
  }

  /** The rows of ratings the account reads now: its office's, and for a coordinator its work area's. */
  async #readable(user: AdminUser, alerts: AlertOutbox[]): Promise<Set<number>> {
    const ratings = await Rating.findAll({
      where: { id: alerts.map((alert) => alert.ratingId) },
      attributes: ['id', 'officeId', 'workAreaId'],
    });
    const ok = new Set(
      ratings
        .filter((rating) => rating.officeId === user.officeId && (user.role !== 'coordinator' || rating.workAreaId === user.workAreaId))
        .map((rating) => rating.id),
    );
    return new Set(alerts.filter((alert) => ok.has(alert.ratingId)).map((alert) => alert.id));
  }
}
