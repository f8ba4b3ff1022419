// The drivers are imported when a store is opened, not with this module: the command line's help and usage
// errors, and `zmot serve` deciding whether to install the server's dependencies, run before they exist.
import type { SqliteOptions } from './sqlite.js';
import type { Store } from './types.js';

export interface StoreOptions extends SqliteOptions {
  /** A `postgres://` URL; when given, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string | undefined;
  /** The SQLite file, created on first start. */
  db?: string | undefined;
  /** A `postgres://` URL of a replica of `databaseUrl`: the owner's reports read from it (store/replica.ts). */
  readDatabaseUrl?: string | undefined;
}

export const DEFAULT_DB = './zmot.db';

/** Opens the store the options name and runs its migrations. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.readDatabaseUrl && !options.databaseUrl) throw new Error('a read replica (--read-database-url) needs PostgreSQL (--database-url)');
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    const primary = await openPostgres(options.databaseUrl);
    if (!options.readDatabaseUrl) return primary;
    // A replica is read-only: it gets its tables from the primary's migrations, through replication.
    const replica = await openPostgres(options.readDatabaseUrl, { migrate: false }).catch(async (error: unknown) => {
      await primary.close();
      throw error;
    });
    return (await import('./replica.js')).withReplica(primary, replica);
  }
  return (await import('./sqlite.js')).openSqlite(options.db ?? DEFAULT_DB, options);
}

/** Where the store is, for log lines, without a password. */
export function describeStore(options: StoreOptions): string {
  if (!options.databaseUrl) return `SQLite ${options.db ?? DEFAULT_DB}`;
  try {
    const url = new URL(options.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.toString()}${options.readDatabaseUrl ? `, reads from ${describeStore({ databaseUrl: options.readDatabaseUrl })}` : ''}`;
  } catch {
    return 'PostgreSQL';
  }
}
