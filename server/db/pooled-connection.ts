import type { Sequelize } from 'sequelize';

/**
 * Runs `work` on a driver connection (pg's Client, mysql2's Connection) borrowed from Sequelize's own
 * pool, so the lean rating stores share everything the rest of the server has: DB_POOL_MAX,
 * DB_POOL_ACQUIRE_MS (a ConnectionAcquireTimeoutError, answered 503), the statement time limit and
 * the session settings of each connection, and its replacement when the database ends it.
 * `work` may instead throw {@link DiscardConnection}: the connection is then closed, not reused.
 */
export async function withPooledConnection<C, T>(sequelize: Sequelize, work: (connection: C) => Promise<T>): Promise<T> {
  const manager = sequelize.connectionManager;
  const connection = await manager.getConnection({ type: 'write' });
  let discard = false;
  try {
    return await work(connection as C);
  } catch (error) {
    if (error instanceof DiscardConnection) {
      discard = true;
      throw error.cause;
    }
    throw error;
  } finally {
    if (discard) await manager.destroyConnection(connection).catch(() => undefined);
    else manager.releaseConnection(connection);
  }
}

/** Thrown by a pooled connection's user when the connection's state is unknown: it is closed, and `cause` thrown on. */
export class DiscardConnection extends Error {
  override name = 'DiscardConnection';

  constructor(override readonly cause: unknown) {
    super('the connection is in an unknown state');
  }
}
