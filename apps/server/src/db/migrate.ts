import fs from 'node:fs';
import path from 'node:path';
import { projectDir } from '../config.js';
import { runBackfills } from './backfills.js';
import { withClient, type Db, type Queryable } from './pool.js';

// From the project folder, so that the compiled server (apps/server/dist) reads the same files.
const migrationsDir = path.join(projectDir, 'apps/server/src/db/migrations');
// Any constant: every instance takes the same lock, so only one migrates at a time.
const MIGRATION_LOCK = 726_354_001;

/**
 * Applies the migrations not yet applied, in file-name order (timestamped, forward-only),
 * each in its own transaction, then fills in what only the domain can work out (backfills.ts).
 * Safe to run from several server instances at once.
 */
export async function migrate(db: Db, log: (line: string) => void = () => undefined): Promise<string[]> {
  const files = migrationFiles();
  const applied: string[] = [];
  await withClient(
    db,
    async (client) => {
      try {
        // A migration (an index on a large table) may take longer than a request's statement may,
        // and waits for another instance that is migrating. The connection is closed afterwards,
        // so these settings never reach a request.
        await client.query('SET statement_timeout = 0');
        await client.query('SET lock_timeout = 0');
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
        const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
        for (const file of files) {
          if (done.has(file)) continue;
          const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
          // On the connection that holds the lock, so that a pool of one connection migrates too.
          await client.query('BEGIN');
          try {
            await client.query(sql);
            await client.query('INSERT INTO schema_migrations(name) VALUES ($1)', [file]);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
          }
          log(`migrated ${file}`);
          applied.push(file);
        }
        await runBackfills(client, log);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      }
    },
    { close: true },
  );
  return applied;
}

function migrationFiles(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/** The migrations this code knows that the database has not applied (all of them on an empty one). */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations').catch((error: { code?: string }) => {
    // No table yet: nothing applied.
    if (error.code === '42P01') return { rows: [] as { name: string }[] };
    throw error;
  });
  const done = new Set(rows.map((r) => r.name));
  return migrationFiles().filter((f) => !done.has(f));
}
