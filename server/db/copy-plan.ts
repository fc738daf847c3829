import type { QueryInterface } from 'sequelize';
import { MIGRATIONS_TABLE } from './migrate.js';

export interface TablePlan {
  name: string;
  columns: string[];
  /** The primary key's columns, which batches are read in the order of. */
  key: string[];
  /** Turns a value read from the source into what the target's column takes. */
  convert: Record<string, (value: unknown) => unknown>;
}

/** Every table of the migrated target except umzug's record, parents before the tables that refer to them. */
export async function planTables(qi: QueryInterface, dialect: string): Promise<TablePlan[]> {
  const names = ((await qi.showAllTables()) as string[]).filter((name) => name !== MIGRATIONS_TABLE);
  const parents = new Map<string, Set<string>>();
  for (const name of names) {
    const references = (await qi.getForeignKeyReferencesForTable(name)) as { referencedTableName?: string }[];
    parents.set(
      name,
      new Set(references.map((ref) => ref.referencedTableName).filter((parent): parent is string => !!parent && parent !== name)),
    );
  }
  const ordered: string[] = [];
  const visit = (name: string, path: string[]): void => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`Foreign keys form a cycle: ${[...path, name].join(' -> ')}`);
    for (const parent of parents.get(name) ?? []) if (parents.has(parent)) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of [...names].sort()) visit(name, []);

  const plans: TablePlan[] = [];
  for (const name of ordered) {
    const description = await qi.describeTable(name);
    const columns = Object.keys(description);
    const key = columns.filter((column) => description[column]?.primaryKey);
    const convert = Object.fromEntries(columns.map((column) => [column, converterFor(description[column]?.type ?? '', dialect)]));
    plans.push({ name, columns, key: key.length ? key : columns, convert });
  }
  return plans;
}

/**
 * Values by the target column's type: drivers disagree on booleans (0/1, true/false) and times (strings,
 * Dates). For MySQL and MariaDB an instant is spelled out in UTC with its milliseconds, which Sequelize's
 * generic escaping of a Date would drop (the connection's time zone is +00:00).
 */
function converterFor(type: string, dialect: string): (value: unknown) => unknown {
  if (/^(BOOLEAN|TINYINT\(1\))$/i.test(type)) return toBoolean;
  if (/^(TIMESTAMP|DATETIME)/i.test(type) && dialect === 'mysql') {
    return (value) => toInstant(value)?.toISOString().replace('T', ' ').replace('Z', '') ?? null;
  }
  if (/^(TIMESTAMP|DATETIME)/i.test(type)) return toInstant;
  if (/^DATE$/i.test(type)) return toDay;
  return (value) => value;
}

const toBoolean = (value: unknown): boolean | null =>
  value === null || value === undefined ? null : value === true || value === 1 || value === '1' || value === 't' || value === 'true';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** SQLite keeps Sequelize's `2026-05-10 17:30:00.123 +00:00`; a time without a zone is UTC, as this server writes it. */
function toInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const match = DATE_TIME.exec(String(value).trim());
  if (!match) throw new Error(`Cannot read "${String(value)}" as a date and time`);
  const zone = match[3] ?? 'Z';
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
  const instant = new Date(`${match[1]}T${match[2]}${offset}`);
  if (Number.isNaN(instant.getTime())) throw new Error(`Cannot read "${String(value)}" as a date and time`);
  return instant;
}

function toDay(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // pg's own parser makes a DATE local midnight; Sequelize's (in use here) keeps the string.
  if (value instanceof Date)
    return [value.getFullYear(), value.getMonth() + 1, value.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const day = String(value).slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Cannot read "${String(value)}" as a date`);
  return day;
}
