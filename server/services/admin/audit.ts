import { Op, type Transaction, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { AuditEntry, Office } from '../../db/models/index.js';
import { notFound } from '../../domain/problem.js';
import { nextDay, startOfLocalDay } from '../../domain/local-date.js';
import { mapStrings, maskPhonesIn } from '../privacy/free-text.js';
import { assertRole, type AuthUser } from '../access/scope.js';

/** Who does something: a signed-in user, or the command line (`user: null`), and from which address. */
export interface Actor {
  user: AuthUser | null;
  /** Keyed hash of the client address (services.addressHash); null from the command line. */
  ipHash: string | null;
}

export const CLI_ACTOR: Actor = { user: null, ipHash: null };

export interface AuditRecord {
  officeId: number | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  changes?: Record<string, unknown>;
}

/** Keys never written to the log (and phone numbers in any text masked), whatever a caller passes: the log must not become a copy of secrets. */
const SECRET_KEY = /password|phone(?!masked)|token|secret|cipher/i;

function cleanChanges(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, value]) => [
        key,
        value && typeof value === 'object' && !Array.isArray(value)
          ? cleanChanges(value as Record<string, unknown>)
          : mapStrings(value, maskPhonesIn),
      ]),
  );
}

const isoDate = z.iso.date('must be a date YYYY-MM-DD');

export const auditQuerySchema = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: z.string().max(64).optional(),
  /** Superadmin only: one office's entries. */
  office: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The audit log: written in the same transaction as the change it records, so neither exists alone. */
export class AuditLog {
  async record(actor: Actor, record: AuditRecord, transaction?: Transaction): Promise<void> {
    await AuditEntry.create(
      {
        officeId: record.officeId,
        actorId: actor.user?.id ?? null,
        actorUsername: actor.user?.username ?? 'cli',
        action: record.action,
        targetType: record.targetType,
        targetId: record.targetId === undefined || record.targetId === null ? null : String(record.targetId),
        changes: record.changes ? JSON.stringify(cleanChanges(record.changes)) : null,
        ipHash: actor.ipHash,
      },
      { transaction },
    );
  }

  /** Newest first. An admin reads their office's entries; a superadmin every office's (or one, `office`). */
  async list(user: AuthUser, query: AuditQuery): Promise<{ entries: unknown[]; total: number }> {
    assertRole(user, ['admin', 'superadmin']);
    const where: WhereOptions<AuditEntry>[] = [];
    const code = user.role === 'admin' ? user.officeCode : query.office;
    // Days are the office's own when one office is read, UTC days across offices.
    let timeZone = 'UTC';
    if (code) {
      const office = await Office.findOne({ where: { code }, attributes: ['id', 'timezone'] });
      if (!office) throw notFound('No office has that code.');
      where.push({ officeId: office.id });
      timeZone = office.timezone;
    }
    if (query.from) where.push({ createdAt: { [Op.gte]: startOfLocalDay(query.from, timeZone) } });
    if (query.to) where.push({ createdAt: { [Op.lt]: startOfLocalDay(nextDay(query.to), timeZone) } });
    if (query.action) where.push({ action: query.action });
    const { rows, count } = await AuditEntry.findAndCountAll({
      where: { [Op.and]: where },
      order: [['id', 'DESC']],
      limit: query.limit,
      offset: query.offset,
    });
    const offices = new Map((await Office.findAll({ attributes: ['id', 'code'] })).map((office) => [office.id, office.code]));
    return {
      total: count,
      entries: rows.map((entry) => ({
        id: entry.id,
        at: new Date(entry.createdAt).toISOString(),
        office: entry.officeId === null ? null : (offices.get(entry.officeId) ?? null),
        actor: { id: entry.actorId, username: entry.actorUsername },
        action: entry.action,
        target: { type: entry.targetType, id: entry.targetId },
        changes: entry.changes ? (JSON.parse(entry.changes) as unknown) : null,
        ipHash: entry.ipHash,
      })),
    };
  }
}
