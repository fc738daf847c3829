import type { QueryInterface } from 'sequelize';

/**
 * PostgreSQL only: `pacak_within_limits(full_limits)`, which PostgreSQL's rating statement
 * (postgres-rating-store.ts) calls with the limits a rating's counter bumps found full, or NULL when
 * none was. It answers true for NULL and otherwise raises SQLSTATE PK429 with the limits in DETAIL:
 * an error is the one way a single statement can take its own counter bumps back. Plain SQL cannot
 * raise one, hence this small function. The other databases need nothing.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  if (qi.sequelize.getDialect() !== 'postgres') return;
  await qi.sequelize.query(`CREATE OR REPLACE FUNCTION pacak_within_limits(full_limits text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $body$
BEGIN
  IF full_limits IS NULL THEN
    RETURN true;
  END IF;
  RAISE EXCEPTION 'rating limit reached: %', full_limits USING ERRCODE = 'PK429', DETAIL = full_limits;
END
$body$`);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  if (qi.sequelize.getDialect() !== 'postgres') return;
  await qi.sequelize.query('DROP FUNCTION IF EXISTS pacak_within_limits(text)');
}
