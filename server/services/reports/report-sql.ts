import { QueryTypes, type Sequelize } from 'sequelize';
import { INDICATOR_CODES } from '../../domain/indicators.js';

/** The aggregate columns every grouped report selects: count, verified count and one sum per indicator. */
export function totalsColumns(source: 'daily' | 'raw'): string {
  if (source === 'daily') {
    return [
      'SUM(rating_count) AS n',
      'SUM(CASE WHEN verified THEN rating_count ELSE 0 END) AS verified_n',
      ...INDICATOR_CODES.map((c) => `SUM(sum_${c}) AS s_${c}`),
    ].join(', ');
  }
  return [
    'COUNT(*) AS n',
    'SUM(CASE WHEN verified THEN 1 ELSE 0 END) AS verified_n',
    ...INDICATOR_CODES.map((c) => `SUM(${c}) AS s_${c}`),
  ].join(', ');
}

/** WHERE conditions with their `?` parameters, built up filter by filter. */
export class Conditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

export function select<T extends object = Record<string, unknown>>(sequelize: Sequelize, sql: string, params: unknown[]): Promise<T[]> {
  return sequelize.query<T>(sql, { replacements: params, type: QueryTypes.SELECT });
}
