import { QueryTypes, Transaction, type Sequelize } from 'sequelize';
import { openSequelize } from './connection.js';
import { planTables, type TablePlan } from './copy-plan.js';
import { migrate, MIGRATIONS_TABLE } from './migrate.js';
import { withStartupLock } from './startup-lock.js';

export interface CopyOptions {
  from: string;
  to: string;
  /** Rows read and inserted at a time. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface CopyReport {
  tables: { name: string; rows: number }[];
}

/** The copy was not attempted: same database, or a target that already holds data. */
export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

const settings = (databaseUrl: string) => ({ databaseUrl, db: { poolMax: 4, acquireMs: 60_000, statementTimeoutMs: 0 } });

/**
 * Copies every table of one installation into an empty database of any kind (`npm run db:copy`), e.g.
 * from the SQLite file to PostgreSQL or MariaDB. Both sides are brought to this release's schema first,
 * as a start would; the tables are those of the migrated schema (so tables added by later migrations
 * come along without changes here), copied parents first in batches inside one target transaction,
 * read from one consistent snapshot of the source. PostgreSQL sequences are moved past the copied ids,
 * and the row counts of every table must match before the transaction commits. The target's startup
 * lock is held throughout, so a server started on it meanwhile waits rather than seeding it.
 */
export async function copyDatabase({ from, to, batchSize = 1_000, log = () => undefined }: CopyOptions): Promise<CopyReport> {
  if (from === to) throw new CopyRefusedError('--from and --to name the same database.');
  const source = openSequelize(settings(from));
  const target = openSequelize(settings(to));
  try {
    const sourceApplied = await withStartupLock(source, () => migrate(source));
    if (sourceApplied.length) log(`migrated the source: ${sourceApplied.join(', ')}`);
    return await withStartupLock(target, async () => {
      const existing = ((await target.getQueryInterface().showAllTables()) as string[]).filter((name) => name !== MIGRATIONS_TABLE);
      const filled = [];
      for (const name of existing) if ((await countRows(target, name)) > 0) filled.push(name);
      if (filled.length)
        throw new CopyRefusedError(`The target is not empty (rows in ${filled.join(', ')}); copy only into a new, empty database.`);
      const applied = await migrate(target);
      if (applied.length) log(`migrated the target: ${applied.join(', ')}`);
      const plans = await planTables(target.getQueryInterface(), target.getDialect());
      return copyTables(source, target, plans, batchSize, log);
    });
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

async function copyTables(
  source: Sequelize,
  target: Sequelize,
  plans: TablePlan[],
  batchSize: number,
  log: (line: string) => void,
): Promise<CopyReport> {
  // SQLite in WAL mode reads a snapshot from a plain transaction; the servers need repeatable read.
  const snapshot = source.getDialect() === 'sqlite' ? {} : { isolationLevel: Transaction.ISOLATION_LEVELS.REPEATABLE_READ };
  return target.transaction((write) =>
    source.transaction(snapshot, async (read) => {
      const tables: CopyReport['tables'] = [];
      for (const plan of plans) {
        const copied = await copyTable(source, target, plan, batchSize, read, write);
        const [expected, stored] = [await countRows(source, plan.name, read), await countRows(target, plan.name, write)];
        if (copied !== expected || stored !== expected) {
          throw new Error(`Row counts differ for ${plan.name}: ${expected} in the source, ${stored} in the target; nothing was copied.`);
        }
        tables.push({ name: plan.name, rows: stored });
        log(`${plan.name}: ${stored} rows`);
      }
      if (target.getDialect() === 'postgres') await resetSequences(target, write);
      return { tables };
    }),
  );
}

async function copyTable(
  source: Sequelize,
  target: Sequelize,
  plan: TablePlan,
  batchSize: number,
  read: Transaction,
  write: Transaction,
): Promise<number> {
  const qi = source.getQueryInterface();
  const q = (name: string) => qi.quoteIdentifier(name);
  const select = `SELECT ${plan.columns.map(q).join(', ')} FROM ${qi.quoteIdentifier(plan.name)}`;
  const single = plan.key.length === 1 ? plan.key[0] : undefined;
  let copied = 0;
  let last: unknown;
  for (;;) {
    // One key column: read on from the last key seen, which stays fast deep into a big table.
    const sql = single
      ? `${select}${copied ? ` WHERE ${q(single)} > :last` : ''} ORDER BY ${q(single)} LIMIT ${batchSize}`
      : `${select} ORDER BY ${plan.key.map(q).join(', ')} LIMIT ${batchSize} OFFSET ${copied}`;
    const rows = await source.query<Record<string, unknown>>(sql, { type: QueryTypes.SELECT, transaction: read, replacements: { last } });
    if (!rows.length) break;
    const converted = rows.map((row) => Object.fromEntries(plan.columns.map((column) => [column, plan.convert[column](row[column])])));
    await target.getQueryInterface().bulkInsert(plan.name, converted, { transaction: write });
    copied += rows.length;
    if (single) last = rows[rows.length - 1][single];
    if (rows.length < batchSize) break;
  }
  return copied;
}

async function countRows(sequelize: Sequelize, table: string, transaction?: Transaction): Promise<number> {
  const sql = `SELECT COUNT(*) AS n FROM ${sequelize.getQueryInterface().quoteIdentifier(table)}`;
  const [row] = await sequelize.query<{ n: number | string }>(sql, { type: QueryTypes.SELECT, transaction });
  return Number(row?.n ?? 0);
}

/** Copied rows carry their ids, which PostgreSQL's sequences do not notice; the next insert must not collide. */
async function resetSequences(target: Sequelize, transaction: Transaction): Promise<void> {
  const columns = await target.query<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
    { type: QueryTypes.SELECT, transaction },
  );
  const qi = target.getQueryInterface();
  for (const { table, column } of columns) {
    await target.query(
      `SELECT setval(pg_get_serial_sequence(:table, :column), COALESCE((SELECT MAX(${qi.quoteIdentifier(column)}) FROM ${qi.quoteIdentifier(table)}), 0) + 1, false)`,
      { replacements: { table: qi.quoteIdentifier(table), column }, transaction },
    );
  }
}
