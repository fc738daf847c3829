import { fn, col } from 'sequelize';
import { z } from 'zod';
import { AdminUser, AlertOutbox, Rating } from '../../db/models/index.js';
import type { Actor } from '../admin/audit.js';
import { officeOf } from '../admin/fields.js';

export const ALERT_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;

export const alertListSchema = z.strictObject({
  status: z.enum(ALERT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AlertListQuery = z.infer<typeof alertListSchema>;

/** The delivery of the office's low-score alerts, for its admins: counts by status and the rows, newest first. */
export class AlertStatus {
  async list(actor: Actor, query: AlertListQuery): Promise<{ counts: Record<string, number>; alerts: unknown[]; total: number }> {
    const officeId = officeOf(actor);
    const grouped = (await AlertOutbox.findAll({
      where: { officeId },
      attributes: ['status', [fn('COUNT', col('id')), 'count']],
      group: ['status'],
      raw: true,
    })) as unknown as { status: string; count: number | string }[];
    const counts = Object.fromEntries(ALERT_STATUSES.map((status) => [status, 0]));
    for (const row of grouped) counts[row.status] = Number(row.count);
    const { rows, count } = await AlertOutbox.findAndCountAll({
      where: { officeId, ...(query.status ? { status: query.status } : {}) },
      order: [['id', 'DESC']],
      limit: query.limit,
      offset: query.offset,
    });
    const receipts = new Map(
      (await Rating.findAll({ where: { id: rows.map((row) => row.ratingId) }, attributes: ['id', 'receipt'] })).map((rating) => [
        rating.id,
        rating.receipt,
      ]),
    );
    const recipients = new Map(
      (await AdminUser.findAll({ where: { id: rows.map((row) => row.recipientId) }, attributes: ['id', 'username'] })).map((user) => [
        user.id,
        user.username,
      ]),
    );
    return {
      counts,
      total: count,
      alerts: rows.map((row) => ({
        id: row.id,
        rating: row.ratingId,
        receipt: receipts.get(row.ratingId) ?? null,
        channel: row.channel,
        /** The account a mail goes to; null for the office's webhook. */
        recipient: recipients.get(row.recipientId) ?? null,
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        nextAttemptAt: row.status === 'pending' ? new Date(row.nextAttemptAt).toISOString() : null,
        sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
        createdAt: new Date(row.createdAt).toISOString(),
      })),
    };
  }
}
