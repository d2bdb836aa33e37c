import { purgeIdempotencyKeys } from './change/idempotency.js';
import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { resolveDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createPool, healthBounds } from './db/pool.js';
import { purgeExpired } from './modules/auth/auth.service.js';
import { seedDemo } from './seed/demo.js';

/** Starts Accord: the database (embedded unless DATABASE_URL), migrations, optional demo data, the server. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const log = (line: string) => console.log(`[accord] ${line}`);
  const target = await resolveDatabase(config, log);
  // Migrations wait as long as they take, on a connection of their own that is closed afterwards.
  const migrator = createPool(target.url, 1, 'accord-migrate');
  try {
    await migrate(migrator, log);
  } finally {
    await migrator.end();
  }
  const db = createPool(target.url, config.databasePoolSize, 'accord', config.databaseBounds);
  // Health checks have a connection of their own with short bounds, so they never queue behind user work.
  const healthDb = createPool(target.url, 1, 'accord-health', healthBounds);
  // A read replica, when configured, serves read-only lists, search, plan trees and histories.
  const readDb = config.databaseReadUrl
    ? createPool(config.databaseReadUrl, config.databasePoolSize, 'accord-read', config.databaseBounds)
    : db;
  if (config.databaseReadUrl) log('read-only queries go to DATABASE_READ_URL');
  if (process.env.ACCORD_DEMO === 'true') {
    const seeded = await seedDemo(db, log);
    if (seeded) log('demo data loaded');
  }
  // Every instance purges now and then; the deletes are idempotent, so no coordination is needed.
  const purge = () =>
    Promise.all([purgeExpired(db, config), purgeIdempotencyKeys(db)]).catch((error: unknown) => log(`purge failed: ${String(error)}`));
  await purge();
  setInterval(purge, 30 * 60 * 1000).unref();
  const app = await buildApp({ db, readDb, healthDb, config, logger: process.env.LOG_REQUESTS === 'true' });
  await app.listen({ port: config.port, host: config.host });
  log(`Accord is ready at http://localhost:${config.port} (started in ${Date.now() - started} ms)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await app.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await healthDb.end().catch(() => undefined);
    if (readDb !== db) await readDb.end().catch(() => undefined);
    await target.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[accord] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
