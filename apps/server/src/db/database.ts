import type { Config } from '../config.js';
import { startEmbeddedPostgres } from './embedded.js';
import { ensureDatabase } from './pool.js';

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL with an `accord` database. */
export async function resolveDatabase(config: Config, log: (line: string) => void): Promise<DatabaseTarget> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const started = Date.now();
  // ACCORD_FRESH_DATABASE=true starts from an empty database (the e2e tests use it).
  const fresh = process.env.ACCORD_FRESH_DATABASE === 'true';
  const pg = await startEmbeddedPostgres({ baseDir: config.dataDir, name: 'pg', port: config.embeddedPgPort, log, disposable: fresh });
  const url = await ensureDatabase(pg.url, 'accord', { recreate: fresh });
  log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data: ${pg.dataDir})`);
  return { url, embedded: true, stop: pg.stop };
}
