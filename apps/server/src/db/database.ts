import type { Config } from '../config.js';
import { startEmbeddedPostgres, type EmbeddedRole } from './embedded.js';
import { ensureDatabase } from './pool.js';

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export interface ResolveOptions {
  /**
   * `server` (the default): this process owns the embedded PostgreSQL: it is refused while another
   * live server owns the same data folder, starts the cluster again if it dies, and stops it on
   * stop(). `tool` (db:migrate, db:seed, creating the first administrator): attaches to a running
   * cluster without owning it and never stops it; with none running, starts one for its own run.
   */
  role?: EmbeddedRole;
  /** How another process's messages name this one ("npm run db:migrate"). */
  label?: string;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL with an `accord` database. */
export async function resolveDatabase(config: Config, log: (line: string) => void, options: ResolveOptions = {}): Promise<DatabaseTarget> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const started = Date.now();
  // ACCORD_FRESH_DATABASE=true starts from an empty database (the e2e tests use it).
  const fresh = process.env.ACCORD_FRESH_DATABASE === 'true';
  const role = options.role ?? 'server';
  const pg = await startEmbeddedPostgres({
    baseDir: config.dataDir,
    name: 'pg',
    port: config.embeddedPgPort,
    // Set on purpose: a taken port is an error naming who holds it. Left unset: another free port is chosen.
    explicitPort: Boolean(process.env.ACCORD_PG_PORT?.trim()),
    role,
    label: options.label ?? (role === 'server' ? `the Accord server on port ${config.port}` : 'an Accord command'),
    log,
    disposable: fresh,
  });
  const url = await ensureDatabase(pg.url, 'accord', { recreate: fresh });
  const how = pg.mode === 'attached' ? 'in use by another process, attached' : pg.mode === 'adopted' ? 'adopted' : 'started';
  log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data: ${pg.dataDir}, port ${pg.port}, ${how})`);
  return { url, embedded: true, stop: pg.stop };
}
