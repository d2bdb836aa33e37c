import { hasAdministrator } from './admin/create-admin.js';
import { purgeIdempotencyKeys } from './change/idempotency.js';
import { loadConfig } from './config.js';
import { createLogger } from './http/logging.js';
import { buildApp } from './app.js';
import { resolveDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createPool, endWhenIdle, healthBounds } from './db/pool.js';
import { prepareAppConnection, type AppConnection } from './db/roles.js';
import { purgeExpired } from './modules/auth/auth.service.js';
import { seedDemo } from './seed/demo.js';
import { createFileStorage } from './storage/index.js';

/** Starts Accord: the database (embedded unless DATABASE_URL), migrations, optional demo data, the server. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const log = (line: string) => console.log(`[accord] ${line}`);
  const target = await resolveDatabase(config, log);
  // Migrations wait as long as they take, on a connection of their own that is closed afterwards.
  // They run as the database's owner; the app then connects under a role of its own (db/roles.ts).
  const migrator = createPool(target.url, 1, 'accord-migrate');
  let appConnection: AppConnection;
  try {
    await migrate(migrator, log);
    appConnection = await prepareAppConnection(migrator, target.url, { role: config.databaseAppRole, appUrl: config.databaseAppUrl });
  } finally {
    await migrator.end();
  }
  if (appConnection.warning) log(`warning: ${appConnection.warning}`);
  else log(`the app connects as the role ${appConnection.role} (no superuser; the audit and security logs append-only)`);
  const db = createPool(appConnection.url, config.databasePoolSize, 'accord', config.databaseBounds);
  // Health checks have a connection of their own with short bounds, so they never queue behind user work.
  const healthDb = createPool(appConnection.url, 1, 'accord-health', healthBounds);
  // A read replica, when configured, serves read-only lists, search, plan trees and histories.
  const readDb = config.databaseReadUrl
    ? createPool(config.databaseReadUrl, config.databasePoolSize, 'accord-read', config.databaseBounds)
    : db;
  if (config.databaseReadUrl) log('read-only queries go to DATABASE_READ_URL');
  // Demo accounts (with the README's password) only when asked for: `npm start` asks on the embedded
  // database, never on one given by DATABASE_URL unless ACCORD_DEMO=true says so.
  if (process.env.ACCORD_DEMO === 'true') {
    const seeded = await seedDemo(db, log, { storage: createFileStorage(config), maxBytes: config.files.maxBytes });
    if (seeded) log('demo data loaded: demo accounts with the password printed in README.md, for trying Accord; never for real use');
  }
  if (!(await hasAdministrator(db))) {
    log(
      'no administrator yet: make the first with npm run admin:create -- --email <e-mail> --name "<name>" --organisation "<organisation>"',
    );
  }
  // Every instance purges now and then; the deletes are idempotent, so no coordination is needed.
  const purge = () =>
    Promise.all([purgeExpired(db, config), purgeIdempotencyKeys(db)]).catch((error: unknown) => log(`purge failed: ${String(error)}`));
  await purge();
  setInterval(purge, 30 * 60 * 1000).unref();
  const logger = createLogger(config);
  // Whatever escapes every handler is logged before Node ends the process (its default is kept).
  process.on('uncaughtExceptionMonitor', (error, origin) => logger.fatal({ err: error, origin }, 'uncaught exception'));
  if (config.logFile) log(`logs: standard output and ${config.logDir} (rotated daily or at 10 MB, 14 kept)`);
  const app = await buildApp({ db, readDb, healthDb, config, logger, logRequests: process.env.LOG_REQUESTS === 'true' });
  await app.listen({ port: config.port, host: config.host });
  log(`Accord is ready at http://localhost:${config.port} (started in ${Date.now() - started} ms)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await app.close().catch(() => undefined);
    // Handlers of requests whose clients hung up may still be running: the pools end once idle.
    await Promise.all([endWhenIdle(db), endWhenIdle(healthDb), readDb !== db ? endWhenIdle(readDb) : undefined]).catch(() => undefined);
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
