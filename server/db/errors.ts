import { BaseError } from 'sequelize';

/**
 * True only for a unique-index violation. Sequelize's SQLite dialect reports every constraint failure
 * (NOT NULL and foreign keys too) as UniqueConstraintError, so the driver's own code decides.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const parent = (error as { parent?: { code?: string | number; errno?: number; message?: string } }).parent;
  if (!parent) return false;
  if (parent.code === '23505') return true; // PostgreSQL unique_violation
  if (parent.code === 'ER_DUP_ENTRY' || parent.errno === 1062) return true; // MySQL and MariaDB
  return parent.code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint failed/.test(parent.message ?? '');
}
