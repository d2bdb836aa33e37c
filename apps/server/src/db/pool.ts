import pg from 'pg';
import { databaseFaultOf } from './faults.js';

// DATE columns come back as 'yyyy-mm-dd' strings, never as Date objects shifted by a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts fit comfortably in a JS number here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Db = pg.Pool;
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * How long anything may wait on the database, in ms (0: no bound). The server bounds each, so
 * that one locked row, a full pool or a database that stops answering costs a request a coded
 * 503 within seconds instead of holding it (and everything queued behind it) for minutes.
 */
export interface DatabaseBounds {
  /** Waiting for a free connection of the pool, or for a new one to open. */
  acquireTimeoutMs: number;
  /** One statement, enforced by PostgreSQL. */
  statementTimeoutMs: number;
  /** Waiting for a row or table lock, enforced by PostgreSQL. */
  lockTimeoutMs: number;
  /** A transaction left open with nothing running (PostgreSQL ends its connection). */
  idleInTransactionTimeoutMs: number;
  /** The client's own bound on any one query: for a database that accepts a query and never answers. */
  queryTimeoutMs: number;
}

/** Tools (migrations, seeding, the benchmark's loader) wait as long as their work takes. */
export const unbounded: DatabaseBounds = {
  acquireTimeoutMs: 0,
  statementTimeoutMs: 0,
  lockTimeoutMs: 0,
  idleInTransactionTimeoutMs: 0,
  queryTimeoutMs: 0,
};

/** The health check's: it answers within about three seconds whatever the database does. */
export const healthBounds: DatabaseBounds = {
  acquireTimeoutMs: 2_000,
  statementTimeoutMs: 2_000,
  lockTimeoutMs: 1_000,
  idleInTransactionTimeoutMs: 2_000,
  queryTimeoutMs: 3_000,
};

/** A pg client that notes when its current query was sent, for the pool's query watchdog. */
interface WatchedClient {
  accordQueryStartedAt?: number;
  // pg 8 deprecated the public `activeQuery` (each read prints a DeprecationWarning); these are what it reads.
  _getActiveQuery?: () => ActiveQuery | null | undefined;
  _activeQuery?: ActiveQuery | null;
}

interface ActiveQuery {
  callback?: (error: Error) => void;
}

/**
 * The client-side query bound, kept by one watchdog per pool rather than by pg's `query_timeout`:
 * pg arms and clears a timer for every query, and together with the pool's acquisition timer that
 * cost the cheapest request a quarter of its CPU at 32 connections (measured: 846 against 1,130
 * requests a second). The watchdog looks every quarter of the bound (at most every second); a
 * query past it fails with pg's own "Query read timeout" (so `DATABASE_TIMEOUT`), and the
 * connection is closed when it is released (its state is unknown). A query is failed between one and 1.25 times its bound.
 */
function watchQueries(pool: pg.Pool, clients: Set<WatchedClient>, boundMs: number): void {
  const timer = setInterval(
    () => {
      const now = performance.now();
      for (const client of clients) {
        const query = client._getActiveQuery ? client._getActiveQuery() : client._activeQuery;
        if (!query || client.accordQueryStartedAt === undefined || now - client.accordQueryStartedAt < boundMs) continue;
        const callback = query.callback;
        query.callback = () => undefined;
        client.accordQueryStartedAt = undefined;
        // Its holder releases the client with this error, and the pool then closes the connection.
        callback?.(new Error('Query read timeout'));
      }
    },
    Math.min(1_000, Math.max(50, boundMs / 4)),
  );
  timer.unref();
  const end = pool.end.bind(pool);
  pool.end = (async () => {
    clearInterval(timer);
    return end();
  }) as typeof pool.end;
}

/** A pool of connections with the given bounds on every wait. */
export function createPool(url: string, max = 10, applicationName = 'accord', bounds: Partial<DatabaseBounds> = {}): Db {
  const b = { ...unbounded, ...bounds };
  const when = (ms: number) => (ms > 0 ? ms : undefined);
  const clients = new Set<WatchedClient>();
  class Client extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      const self = this as unknown as WatchedClient;
      clients.add(self);
      this.once('end', () => clients.delete(self));
    }
    override query(...args: unknown[]): never {
      (this as unknown as WatchedClient).accordQueryStartedAt = performance.now();
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: applicationName,
    connectionTimeoutMillis: when(b.acquireTimeoutMs),
    statement_timeout: when(b.statementTimeoutMs),
    lock_timeout: when(b.lockTimeoutMs),
    idle_in_transaction_session_timeout: when(b.idleInTransactionTimeoutMs),
    ...(b.queryTimeoutMs > 0 ? { Client } : {}),
  });
  if (b.queryTimeoutMs > 0) watchQueries(pool, clients, b.queryTimeoutMs);
  pool.on('error', () => {
    // An idle client's connection was lost; the pool replaces it on the next query.
  });
  return pool;
}

/**
 * Ends a pool once the work on it is done, for a graceful stop. The HTTP server has closed by then,
 * but a request whose client went away keeps running its handler: ending the pool under it failed
 * it with "Cannot use a pool after calling end" (seen when a load generator hung up during a
 * rolling restart). So this waits until no connection has been checked out for a moment, at most
 * `timeoutMs`, and then ends the pool.
 */
export async function endWhenIdle(db: Db, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  while (Date.now() < deadline) {
    const busy = db.totalCount - db.idleCount + db.waitingCount > 0;
    if (busy) quietSince = 0;
    else if (quietSince === 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 50) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await db.end();
}

/**
 * A connection checked out of the pool for a series of statements. A connection that drops while
 * it is checked out emits 'error' on its client, which with no listener would end the process:
 * here it is kept as the reason to discard the connection, and the statement that was running (or
 * the next one) fails, so that request and only it gets the coded answer.
 */
export async function withClient<T>(
  db: Db,
  fn: (client: pg.PoolClient, lost: () => unknown) => Promise<T>,
  { close = false }: { close?: boolean } = {},
): Promise<T> {
  let lost: unknown;
  const onError = (error: unknown) => {
    lost = error;
  };
  // The listener goes on in the pool's own callback, not after an await: a client handed over
  // while its socket is still being read (the pool passes it on inside the previous user's
  // release) may report its connection's end before a promise continuation would run.
  const client = await new Promise<pg.PoolClient>((resolve, reject) => {
    db.connect((error, c) => {
      if (error || !c) return reject(error ?? new Error('Connection terminated: no client'));
      c.on('error', onError);
      resolve(c);
    });
  });
  let failure: unknown;
  try {
    return await fn(client, () => lost);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    client.off('error', onError);
    // A connection whose state is unknown (or that `close` asks for) is closed, not handed to the next request.
    const broken = lost ?? (databaseFaultOf(failure)?.discard ? failure : undefined);
    if (broken !== undefined) client.release(broken instanceof Error ? broken : new Error(String(broken)));
    else client.release(close);
  }
}

/** Runs `fn` in a transaction: committed when it returns, rolled back when it throws. */
export async function withTransaction<T>(db: Db, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(db, async (client, lost) => {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // Nothing to roll back on a lost connection: PostgreSQL has already done it.
      if (lost() === undefined && !databaseFaultOf(error)?.discard) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Runs `fn` in one read-only snapshot (REPEATABLE READ, READ ONLY): what several statements read
 * is of one moment, and nothing can be written (PostgreSQL refuses it: 25006). For reads whose
 * parts must agree, such as the plan tree and the stamp it is kept under.
 */
export async function withReadSnapshot<T>(db: Db, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return fn(tx);
  });
}

/** Creates a database if it does not exist (the name is validated, it cannot be a parameter). */
export async function ensureDatabase(adminUrl: string, name: string, { recreate = false } = {}): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (recreate) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
