import { loadConfig } from '@accord/server/src/config.js';
import { startEmbeddedPostgres } from '@accord/server/src/db/embedded.js';
import { migrate } from '@accord/server/src/db/migrate.js';
import { createPool, ensureDatabase } from '@accord/server/src/db/pool.js';

export interface BenchDatabase {
  url: string;
  /** Stops the embedded PostgreSQL if this process started it. */
  stop(): Promise<void>;
  embedded: boolean;
}

export interface OpenOptions {
  /** Drop and recreate the bench database first. */
  fresh: boolean;
  log: (line: string) => void;
}

const DEFAULT_NAME = 'accord_bench';

/**
 * The benchmark's own database, migrated: `accord_bench` (or BENCH_DATABASE_NAME) on the
 * server DATABASE_URL names, or else on an embedded PostgreSQL of its own in
 * `.accord/bench-pg` (port BENCH_PG_PORT, default 54339) that keeps its data between runs.
 */
export async function openBenchDatabase({ fresh, log }: OpenOptions): Promise<BenchDatabase> {
  const name = process.env.BENCH_DATABASE_NAME || DEFAULT_NAME;
  const config = loadConfig();
  let adminUrl: string;
  let stop: () => Promise<void> = async () => undefined;
  let embedded = false;
  if (config.databaseUrl) {
    const server = new URL(config.databaseUrl);
    // Dropping the database we are connected to is not possible: connect to another one.
    if (decodeURIComponent(server.pathname.slice(1)) === name) server.pathname = '/postgres';
    adminUrl = server.toString();
  } else {
    const started = Date.now();
    const pg = await startEmbeddedPostgres({
      baseDir: config.dataDir,
      name: 'bench-pg',
      port: Number(process.env.BENCH_PG_PORT || 54339),
      log,
    });
    log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data: ${pg.dataDir})`);
    adminUrl = pg.url;
    stop = pg.stop;
    embedded = true;
  }
  try {
    const url = await ensureDatabase(adminUrl, name, { recreate: fresh }).catch((error: { code?: string }) => {
      // DATABASE_URL names a database that does not exist (yet): go through the maintenance database.
      if (error.code !== '3D000') throw error;
      const server = new URL(adminUrl);
      server.pathname = '/postgres';
      return ensureDatabase(server.toString(), name, { recreate: fresh });
    });
    const db = createPool(url, 2);
    try {
      await migrate(db, log);
    } finally {
      await db.end();
    }
    return { url, stop, embedded };
  } catch (error) {
    await stop();
    throw error;
  }
}
