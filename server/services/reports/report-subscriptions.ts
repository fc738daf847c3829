import { z } from 'zod';
import { Office, ReportSubscription, WorkArea } from '../../db/models/index.js';
import { conflict, forbidden, invalid, notFound } from '../../domain/problem.js';
import { periodOf, type AppraisalPeriod } from '../../domain/appraisal/periods.js';
import { localDate, startOfLocalDay } from '../../domain/local-date.js';
import { CADENCES, lastClosedPeriod, periodAfter, type Cadence } from '../../domain/appraisal/report-schedule.js';
import { REPORT_READERS } from '../../domain/roles.js';
import { assertRole, scopeOf, type AuthUser } from '../access/scope.js';
import { slugCode } from '../admin/fields.js';

export const subscriptionCreateSchema = z.strictObject({
  /** The work area whose summary is mailed; left out or null: the office summary. */
  workArea: slugCode.nullable().default(null),
  cadence: z.enum(CADENCES, { error: 'must be monthly or quarterly' }),
});
export type SubscriptionCreateBody = z.infer<typeof subscriptionCreateSchema>;

export interface SubscriptionView {
  id: number;
  report: 'summary';
  workArea: { code: string; name: string } | null;
  cadence: Cadence;
  /** The last period mailed (at first, the last one closed when subscribing). */
  lastPeriod: string;
  /** The next period to be mailed, after it closes in the office's time zone. */
  nextPeriod: string;
  lastSentAt: string | null;
  attempts: number;
  lastError: string | null;
}

/** When a period after `last` closes: the start of the office-local day after its last day. */
export const closesAt = (cadence: Cadence, last: string, timeZone: string): Date => {
  const next = periodOf(periodAfter(cadence, last)) as AppraisalPeriod;
  const dayAfter = new Date(Date.parse(`${next.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfLocalDay(dayAfter, timeZone);
};

/**
 * Scheduled reports: any signed-in reader of an office's reports subscribes themselves to the office
 * summary or a work area's, monthly or quarterly, within what they may read (a coordinator: their own
 * work area only). Each person sees and removes only their own subscriptions.
 */
export class ReportSubscriptions {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async list(user: AuthUser): Promise<SubscriptionView[]> {
    const rows = await ReportSubscription.findAll({ where: { userId: user.id }, order: [['id', 'ASC']] });
    return this.#views(rows);
  }

  async create(user: AuthUser, body: SubscriptionCreateBody): Promise<SubscriptionView> {
    assertRole(user, REPORT_READERS);
    const scope = scopeOf(user);
    let workAreaId: number | null = null;
    if (body.workArea) {
      const area = await WorkArea.findOne({ where: { officeId: scope.officeId, code: body.workArea }, attributes: ['id'] });
      if (!area) throw invalid([{ path: 'workArea', message: 'is not a work area of your office', code: 'unknown_work_area' }]);
      workAreaId = area.id;
    }
    if (scope.workAreaId && workAreaId !== scope.workAreaId)
      throw forbidden('A coordinator subscribes to their own work area’s report only.');
    const taken = await ReportSubscription.count({ where: { userId: user.id, workAreaId, cadence: body.cadence } });
    if (taken) throw conflict('already-exists', 'Already subscribed', 'You already get this report on this schedule.');
    const office = (await Office.findByPk(scope.officeId, { attributes: ['timezone'] })) as Office;
    const lastPeriod = lastClosedPeriod(body.cadence, localDate(this.now(), office.timezone));
    const row = await ReportSubscription.create({
      officeId: scope.officeId,
      userId: user.id,
      workAreaId,
      cadence: body.cadence,
      lastPeriod,
      nextAttemptAt: closesAt(body.cadence, lastPeriod, office.timezone),
    });
    return (await this.#views([row]))[0] as SubscriptionView;
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const removed = await ReportSubscription.destroy({ where: { id, userId: user.id } });
    if (!removed) throw notFound('You have no such subscription.');
  }

  async #views(rows: ReportSubscription[]): Promise<SubscriptionView[]> {
    const areas = new Map(
      (await WorkArea.findAll({ where: { id: rows.flatMap((row) => (row.workAreaId ? [row.workAreaId] : [])) } })).map((area) => [
        area.id,
        area,
      ]),
    );
    return rows.map((row) => {
      const area = row.workAreaId ? areas.get(row.workAreaId) : undefined;
      const cadence = row.cadence as Cadence;
      return {
        id: row.id,
        report: 'summary',
        workArea: area ? { code: area.code, name: area.name } : null,
        cadence,
        lastPeriod: row.lastPeriod,
        nextPeriod: periodAfter(cadence, row.lastPeriod),
        lastSentAt: row.lastSentAt ? new Date(row.lastSentAt).toISOString() : null,
        attempts: row.attempts,
        lastError: row.lastError,
      };
    });
  }
}
