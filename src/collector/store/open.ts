import { openPostgres } from './postgres.js';
import { openSqlite, type SqliteOptions } from './sqlite.js';
import type { Store } from './types.js';

export interface StoreOptions extends SqliteOptions {
  /** A `postgres://` URL; when given, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string | undefined;
  /** The SQLite file, created on first start. */
  db?: string | undefined;
}

export const DEFAULT_DB = './zmot.db';

/** Opens the store the options name and runs its migrations. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(options.db ?? DEFAULT_DB, options);
}

/** Where the store is, for log lines, without a password. */
export function describeStore(options: StoreOptions): string {
  if (!options.databaseUrl) return `SQLite ${options.db ?? DEFAULT_DB}`;
  try {
    const url = new URL(options.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}
