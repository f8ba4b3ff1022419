/**
 * Group commit: batches that arrive while the store is busy wait and go into the next transaction together,
 * so one durable commit answers many requests. Each `write` resolves with its own counts once the
 * transaction holding it has committed, or rejects if it failed (then nothing of it was stored). When a
 * group's transaction fails, each batch of it is retried alone, so one batch the database refuses never
 * fails the batches that happened to share its transaction.
 */
import type { EventRow } from './store/rows.js';
import type { InsertResult, Store } from './store/types.js';

interface Pending {
  rows: readonly EventRow[];
  resolve: (result: InsertResult) => void;
  reject: (error: unknown) => void;
}

/**
 * True for errors about the data, not the database's state: a constraint (SQLite `SQLITE_CONSTRAINT…`,
 * PostgreSQL class 23) or a value it cannot hold (SQLite `SQLITE_MISMATCH`/`SQLITE_TOOBIG`, PostgreSQL
 * class 22). Retrying such a batch cannot help, so the server answers 400 rather than 503.
 */
export function refusedByDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG)/.test(code) || /^2[23][0-9A-Z]{3}$/.test(code);
}

export interface WriterOptions {
  /** Transactions in flight at once: 1 for SQLite (one writer), 2 for PostgreSQL. */
  concurrency?: number;
  /** Most events in one transaction; a group closes before it would pass this. */
  maxEvents?: number;
}

export class Writer {
  readonly #store: Store;
  readonly #concurrency: number;
  readonly #maxEvents: number;
  #queue: Pending[] = [];
  #inFlight = 0;
  #scheduled = false;
  #idle: (() => void)[] = [];

  constructor(store: Store, options: WriterOptions = {}) {
    this.#store = store;
    // PostgreSQL: two transactions in flight. With four, groups were smaller and the commits more: on 2 cores
    // (collector, PostgreSQL and load generator together) 4 took 31,000 events/s and 2 took 42,000
    // (BENCHMARKS.md, "Collector"); more cores for PostgreSQL may want more.
    this.#concurrency = options.concurrency ?? (store.kind === 'sqlite' ? 1 : 2);
    this.#maxEvents = options.maxEvents ?? 10_000;
  }

  write(rows: readonly EventRow[]): Promise<InsertResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ rows, resolve, reject });
      this.#schedule();
    });
  }

  /** Resolves when every write so far has settled. */
  drain(): Promise<void> {
    if (this.#queue.length === 0 && this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#concurrency) return;
    this.#scheduled = true;
    // Let the requests already read in this turn of the event loop join the group.
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    if (this.#queue.length === 0 || this.#inFlight >= this.#concurrency) return;
    const group: Pending[] = [];
    let events = 0;
    while (this.#queue.length > 0) {
      const next = this.#queue[0]!;
      if (group.length > 0 && events + next.rows.length > this.#maxEvents) break;
      group.push(this.#queue.shift()!);
      events += next.rows.length;
    }
    this.#inFlight += 1;
    try {
      const results = await this.#store.insert(group.map((p) => p.rows));
      group.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      // The database refused some data and rolled the group back whole: one bad batch must not fail the
      // others, so each is tried again in a transaction of its own, and only those that fail alone are
      // refused. (Any other failure — a lock, a lost connection — would fail each of them alike.)
      if (group.length === 1 || !refusedByDatabase(error)) for (const p of group) p.reject(error);
      else for (const p of group) await this.#store.insert([p.rows]).then((r) => p.resolve(r[0]!), p.reject);
    } finally {
      this.#inFlight -= 1;
      if (this.#queue.length > 0) this.#schedule();
      else if (this.#inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
    }
  }
}
