import { QueryTypes, type Sequelize } from 'sequelize';
import { SKM_ELEMENT_CODES } from '../../domain/skm/elements.js';
import type { SkmTotals } from '../../domain/skm/ikm.js';

/** Which questionnaires a figure covers: one office, a span of office-local dates, maybe one service type. */
export interface SkmFilter {
  officeId: number;
  from: string;
  to: string;
  serviceTypeId?: number | null;
}

function whereOf(filter: SkmFilter): { sql: string; replacements: Record<string, unknown> } {
  const serviceClause = filter.serviceTypeId ? ' AND service_type_id = :serviceTypeId' : '';
  return {
    sql: `office_id = :officeId AND local_date >= :from AND local_date <= :to${serviceClause}`,
    replacements: { officeId: filter.officeId, from: filter.from, to: filter.to, serviceTypeId: filter.serviceTypeId ?? null },
  };
}

/**
 * The sums and counts per element and the number of questionnaires, in one aggregate. Column names
 * come from the fixed element list, never from input. Drivers answer SUM and COUNT as strings on
 * some databases (PostgreSQL's bigint, MariaDB's decimal), hence Number().
 */
export async function skmTotals(sequelize: Sequelize, filter: SkmFilter): Promise<{ respondents: number; totals: SkmTotals }> {
  const where = whereOf(filter);
  const columns = SKM_ELEMENT_CODES.map((code) => `SUM(${code}) AS ${code}_sum, COUNT(${code}) AS ${code}_count`).join(', ');
  const [row] = await sequelize.query<Record<string, string | number | null>>(
    `SELECT COUNT(*) AS respondents, ${columns} FROM skm_responses WHERE ${where.sql}`,
    {
      replacements: where.replacements,
      type: QueryTypes.SELECT,
    },
  );
  const totals: SkmTotals = {};
  for (const code of SKM_ELEMENT_CODES) {
    const count = Number(row?.[`${code}_count`] ?? 0);
    if (count > 0) totals[code] = { sum: Number(row?.[`${code}_sum`] ?? 0), count };
  }
  return { respondents: Number(row?.respondents ?? 0), totals };
}

const GROUPABLE = ['sex', 'age_group', 'education', 'occupation', 'service_type_id'] as const;
export type SkmGroupColumn = (typeof GROUPABLE)[number];

/** Questionnaires counted by one profile column (or service type): the respondent profile of a report. */
export async function skmCountsBy(sequelize: Sequelize, filter: SkmFilter, column: SkmGroupColumn): Promise<Map<string, number>> {
  if (!GROUPABLE.includes(column)) throw new Error(`not a profile column: ${column}`);
  const where = whereOf(filter);
  const rows = await sequelize.query<{ value: string | number; n: string | number }>(
    `SELECT ${column} AS value, COUNT(*) AS n FROM skm_responses WHERE ${where.sql} GROUP BY ${column}`,
    { replacements: where.replacements, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [String(row.value), Number(row.n)]));
}

/** Suggestions written in the questionnaires of a span, newest first, at most `limit`. */
export async function skmSuggestions(
  sequelize: Sequelize,
  filter: SkmFilter,
  limit: number,
): Promise<{ localDate: string; text: string }[]> {
  const where = whereOf(filter);
  const rows = await sequelize.query<{ local_date: string; suggestion: string }>(
    `SELECT local_date, suggestion FROM skm_responses WHERE ${where.sql} AND suggestion IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT :limit`,
    { replacements: { ...where.replacements, limit }, type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({ localDate: row.local_date, text: row.suggestion }));
}
