import { BaseError, ConnectionError, TimeoutError } from 'sequelize';

type DriverError = { code?: string | number; errno?: number; message?: string };

const parentOf = (error: unknown): DriverError | undefined => (error as { parent?: DriverError }).parent;

/**
 * True only for a unique-index violation. Sequelize's SQLite dialect reports every constraint failure
 * (NOT NULL and foreign keys too) as UniqueConstraintError, so the driver's own code decides.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const parent = parentOf(error);
  if (!parent) return false;
  if (parent.code === '23505') return true; // PostgreSQL unique_violation
  if (parent.code === 'ER_DUP_ENTRY' || parent.errno === 1062) return true; // MySQL and MariaDB
  return parent.code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint failed/.test(parent.message ?? '');
}

/**
 * Driver codes that mean "the database cannot serve this now; the same request may succeed shortly":
 * a lost or refused connection, a statement cancelled by the time limit or an operator, a lock not
 * granted in time, a deadlock victim, too many connections, a server shutting down.
 */
const TRANSIENT_CODES = new Set<string | number>([
  // Node sockets and mysql2
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, query_canceled (statement_timeout),
  // lock_not_available, deadlock_detected, serialization_failure, too_many_connections, connection_failure
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '55P03',
  '40P01',
  '40001',
  '53300',
  '08000',
  '08003',
  '08006',
  // MySQL and MariaDB: connection killed, query interrupted, statement time limit, lock wait timeout,
  // deadlock, too many connections, server shutdown, MySQL's max_execution_time
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'ER_STATEMENT_TIMEOUT',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_QUERY_TIMEOUT',
  1927,
  1317,
  1969,
  1205,
  1213,
  1040,
  1053,
  3024,
  // SQLite: another connection held the write lock longer than busy_timeout
  'SQLITE_BUSY',
]);

/** Driver codes of a transaction chosen as a deadlock's victim (or a serialization failure): it was rolled back whole. */
const DEADLOCK_CODES = new Set<string | number>(['40P01', '40001', 'ER_LOCK_DEADLOCK', 1213]);

/** True when the database rolled the transaction back to break a deadlock: running it again is the remedy. */
export function isDeadlockVictim(error: unknown): boolean {
  return error instanceof Error && hasDriverCode(error, DEADLOCK_CODES);
}

/** Whether the driver's error under Sequelize's (or the driver's own error) carries one of `codes`, by name or number. */
function hasDriverCode(error: Error, codes: ReadonlySet<string | number>): boolean {
  const { code, errno } = parentOf(error) ?? (error as DriverError);
  return (code !== undefined && codes.has(code)) || (errno !== undefined && codes.has(errno));
}

/** Messages of failures that carry no code: a pool closed under a request, a socket gone mid-query. */
const TRANSIENT_MESSAGES =
  /connection manager was closed|Connection terminated|connection is closed|Cannot enqueue|Can't add new command when connection is in closed state/i;

/**
 * True when a failure is the database being unavailable rather than a bug: the answer is then 503
 * with Retry-After, never 500, and the client (the widget) tries again.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (error instanceof ConnectionError || error instanceof TimeoutError) return true;
  if (!(error instanceof Error)) return false;
  if (TRANSIENT_MESSAGES.test(error.message) || hasDriverCode(error, TRANSIENT_CODES)) return true;
  return TRANSIENT_MESSAGES.test(parentOf(error)?.message ?? '');
}
