import { createHmac, randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { isDeadlockVictim } from '../../db/errors.js';
import { AlertOutbox, Employee, Office, Rating, ServiceType, WorkArea } from '../../db/models/index.js';
import type { AlertItem } from '../../domain/alert-mail.js';
import { INDICATOR_CODES } from '../../domain/indicators.js';
import type { Mailer } from '../mail/mailer.js';
import { withoutPhones } from '../privacy/free-text.js';
import { AlertMailDelivery } from './alert-mail-delivery.js';
import { RepeatingRounds } from '../workers/repeating-rounds.js';

/** How many times a worker claims due alerts in one round when its claim is a deadlock's victim. */
const LEASE_ATTEMPTS = 3;

export interface AlertWorkerOptions {
  /** Rows leased per round. */
  batchSize?: number;
  /** How long a lease holds: a worker that dies mid-send leaves its rows to others after this. */
  leaseMs?: number;
  /** Attempts before a row is given up as `failed`. */
  maxAttempts?: number;
  /** The wait after the first failure; it doubles with each further one, up to an hour. */
  backoffMs?: number;
  /** How long one webhook call may take. */
  timeoutMs?: number;
  now?: () => Date;
  /** Sends alert mail; null or left out: mail rows are `skipped`. */
  mailer?: Mailer | null;
  /** At most one alert mail per account per this many minutes, listing what came in meanwhile. */
  batchMinutes?: number;
  /** The console's address, for the links in alert mail. */
  publicBaseUrl?: string;
}

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body, keyed with the office's secret>`. */
export const SIGNATURE_HEADER = 'x-pacak-signature';

export const signBody = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Delivers the low-score alert outbox: to each office's webhook, and by mail to each recipient account
 * (see alert-mail-delivery.ts). A round leases the due rows (PostgreSQL
 * and MariaDB with FOR UPDATE SKIP LOCKED, SQLite with one conditional UPDATE under its write lock), so
 * several processes running workers send each row once; posts one signed JSON message per office listing
 * its leased alerts (never a phone number); and marks them sent, or retries later with a doubling wait,
 * or after the last attempt `failed`. Every update after the send is conditional on the lease, so a
 * worker whose lease ran out changes nothing.
 */
export class AlertWorker extends RepeatingRounds {
  readonly #batch: number;
  readonly #leaseMs: number;
  readonly #maxAttempts: number;
  readonly #backoffMs: number;
  readonly #timeoutMs: number;
  readonly #now: () => Date;
  readonly #mail: AlertMailDelivery;

  constructor(
    private readonly db: Sequelize,
    options: AlertWorkerOptions = {},
  ) {
    super();
    this.#batch = options.batchSize ?? 100;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#backoffMs = options.backoffMs ?? 30_000;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#now = options.now ?? (() => new Date());
    this.#mail = new AlertMailDelivery({
      mailer: options.mailer ?? null,
      batchMs: (options.batchMinutes ?? 10) * 60_000,
      baseUrl: options.publicBaseUrl ?? 'http://localhost:8080',
      now: this.#now,
      payload: (alerts) => this.#payload(alerts),
      failed: (attempts, error) => this.#failed(attempts, error),
    });
  }

  /** One round: leases what is due and delivers it; answers how many rows it leased. */
  override async runOnce(): Promise<number> {
    const lease = `${process.pid}:${randomUUID()}`.slice(0, 64);
    const ids = await this.#lease(lease);
    if (!ids.length) return 0;
    const rows = await AlertOutbox.findAll({ where: { id: ids, leaseOwner: lease }, order: [['id', 'ASC']] });
    const byOffice = new Map<number, AlertOutbox[]>();
    const byRecipient = new Map<number, AlertOutbox[]>();
    for (const row of rows) {
      if (row.channel === 'mail') byRecipient.set(row.recipientId, [...(byRecipient.get(row.recipientId) ?? []), row]);
      else byOffice.set(row.officeId, [...(byOffice.get(row.officeId) ?? []), row]);
    }
    for (const [officeId, alerts] of byOffice) await this.#deliver(lease, officeId, alerts);
    for (const [recipientId, alerts] of byRecipient) await this.#mail.deliver(lease, recipientId, alerts);
    return ids.length;
  }

  async #lease(lease: string): Promise<number[]> {
    const now = this.#now();
    const until = new Date(now.getTime() + this.#leaseMs);
    const due = `status = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)`;
    if (this.db.getDialect() === 'sqlite') {
      // A read first: in WAL mode it takes no lock, so an idle round never holds up the rating writer.
      const any = await this.db.query(`SELECT id FROM alert_outbox WHERE ${due} LIMIT 1`, {
        replacements: { now },
        type: QueryTypes.SELECT,
      });
      if (!any.length) return [];
      await this.db.query(
        `UPDATE alert_outbox SET lease_owner = :lease, lease_until = :until
         WHERE id IN (SELECT id FROM alert_outbox WHERE ${due} ORDER BY id LIMIT :limit)`,
        { replacements: { lease, until, now, limit: this.#batch } },
      );
      const leased = await AlertOutbox.findAll({ where: { leaseOwner: lease }, attributes: ['id'] });
      return leased.map((row) => row.id);
    }
    const claim = () =>
      this.db.transaction(async (transaction) => {
        const found = await this.db.query<{ id: number }>(
          `SELECT id FROM alert_outbox WHERE ${due} ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED`,
          { replacements: { now, limit: this.#batch }, type: QueryTypes.SELECT, transaction },
        );
        const ids = found.map((row) => Number(row.id));
        if (ids.length) await AlertOutbox.update({ leaseOwner: lease, leaseUntil: until }, { where: { id: ids }, transaction });
        return ids;
      });
    // Two workers claiming at once can deadlock on InnoDB's index locks; the victim's claim was rolled back
    // whole, so it claims again (the rows the other took are skipped then) instead of losing its round.
    for (let attempt = 1; ; attempt++) {
      try {
        return await claim();
      } catch (error) {
        if (attempt >= LEASE_ATTEMPTS || !isDeadlockVictim(error)) throw error;
      }
    }
  }

  async #deliver(lease: string, officeId: number, alerts: AlertOutbox[]): Promise<void> {
    const office = await Office.findByPk(officeId, { attributes: ['id', 'code', 'alertWebhookUrl', 'alertWebhookSecret'] });
    const where = { id: alerts.map((alert) => alert.id), leaseOwner: lease };
    if (!office?.alertWebhookUrl || !office.alertWebhookSecret) {
      await AlertOutbox.update({ status: 'skipped', leaseOwner: null, leaseUntil: null }, { where });
      return;
    }
    const body = JSON.stringify({ office: office.code, sentAt: this.#now().toISOString(), alerts: await this.#payload(alerts) });
    let failure: string | null = null;
    try {
      const response = await fetch(office.alertWebhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(office.alertWebhookSecret, body) },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      if (!response.ok) failure = `HTTP ${response.status}`;
      await response.body?.cancel();
    } catch (error) {
      failure = (error as Error).message || 'network error';
    }
    for (const alert of alerts) {
      const attempts = alert.attempts + 1;
      const values = failure ? this.#failed(attempts, failure) : { attempts, status: 'sent', sentAt: this.#now(), lastError: null };
      await AlertOutbox.update({ ...values, leaseOwner: null, leaseUntil: null }, { where: { id: alert.id, leaseOwner: lease } });
    }
  }

  /** A row's values after a failed attempt: a doubling wait up to an hour, or `failed` after the last. */
  #failed(attempts: number, error: string): { attempts: number; lastError: string; status: string; nextAttemptAt: Date } {
    return {
      attempts,
      lastError: error.slice(0, 500),
      status: attempts >= this.#maxAttempts ? 'failed' : 'pending',
      nextAttemptAt: new Date(this.#now().getTime() + Math.min(this.#backoffMs * 2 ** (attempts - 1), 3_600_000)),
    };
  }

  /** What the office is told of each rating: who, which service, the scores and the comment; never the customer's number. */
  async #payload(alerts: AlertOutbox[]): Promise<AlertItem[]> {
    const ratings = await Rating.findAll({
      where: { id: alerts.map((alert) => alert.ratingId) },
      order: [['id', 'ASC']],
      include: [
        { model: Employee, as: 'employee', attributes: ['nip', 'name'] },
        { model: ServiceType, as: 'serviceType', attributes: ['code', 'name'] },
        { model: WorkArea, as: 'workArea', attributes: ['code', 'name'] },
      ],
    });
    return ratings.map((rating) => {
      const loaded = rating as Rating & { employee: Employee; serviceType: ServiceType; workArea: WorkArea };
      return {
        rating: rating.id,
        receipt: rating.receipt,
        createdAt: new Date(rating.createdAt).toISOString(),
        employee: { nip: loaded.employee.nip, name: loaded.employee.name },
        workArea: { code: loaded.workArea.code, name: loaded.workArea.name },
        serviceType: { code: loaded.serviceType.code, name: loaded.serviceType.name },
        scores: Object.fromEntries(INDICATOR_CODES.map((code) => [code, rating[code]])) as AlertItem['scores'],
        // A number the customer typed into the comment leaves the server no more than their own.
        comment: rating.comment === null ? null : withoutPhones(rating.comment),
        contactConsent: rating.contactConsent,
      };
    });
  }
}
