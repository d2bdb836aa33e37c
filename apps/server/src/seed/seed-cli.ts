/**
 * `npm run db:seed`: loads the demo into the database Accord is configured with (DATABASE_URL, or
 * the embedded PostgreSQL that `npm start` uses), applying pending migrations first.
 *
 * It loads only into an empty database. One that already holds rows (demo or not), or tables
 * that are not Accord's, is left exactly as it was, and the command exits with 1 saying why.
 */
import { loadConfig } from '../config.js';
import { resolveDatabase, type DatabaseTarget } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createPool, type Db } from '../db/pool.js';
import { createFileStorage } from '../storage/index.js';
import { seedDemo } from './demo.js';

const log = (line: string) => console.log(`[accord] ${line}`);

/** Tables the migrations themselves fill: rows in them do not make a database hold data. */
const bookkeeping = new Set(['schema_migrations', 'organisation_generation']);

/** The tables of the current schema that hold rows, with their row counts. */
async function tablesWithRows(db: Db): Promise<{ table: string; rows: number }[]> {
  const { rows: tables } = await db.query<{ name: string; quoted: string }>(
    `SELECT tablename AS name, format('%I.%I', schemaname, tablename) AS quoted
       FROM pg_tables WHERE schemaname = ANY (current_schemas(false)) ORDER BY tablename`,
  );
  const found: { table: string; rows: number }[] = [];
  for (const t of tables) {
    if (bookkeeping.has(t.name)) continue;
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.quoted}`);
    const n = rows[0]?.n ?? 0;
    if (n > 0) found.push({ table: t.name, rows: n });
  }
  return found;
}

/** Why this database may not receive the demo, or null when it is empty. Runs before any change. */
async function reasonToRefuse(db: Db): Promise<string | null> {
  const { rows } = await db.query<{ accord: boolean; tables: number }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS accord,
            (SELECT count(*)::int FROM pg_tables WHERE schemaname = ANY (current_schemas(false))) AS tables`,
  );
  const schema = rows[0] as { accord: boolean; tables: number };
  if (!schema.accord && schema.tables > 0) return `it holds ${schema.tables} table(s) that are not Accord's`;
  const found = await tablesWithRows(db);
  if (found.length === 0) return null;
  return `it already holds data (${found.map((f) => `${f.table}: ${f.rows}`).join(', ')})`;
}

function describeTarget(target: DatabaseTarget): string {
  const url = new URL(target.url);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  return target.embedded ? `the embedded PostgreSQL (${where})` : `DATABASE_URL (${where})`;
}

async function main(): Promise<number> {
  const config = loadConfig();
  // A tool: it uses the embedded PostgreSQL a running server owns, and leaves it running.
  const target = await resolveDatabase(config, log, { role: 'tool', label: 'npm run db:seed' });
  const where = describeTarget(target);
  const db = createPool(target.url, 2);
  try {
    const refusal = await reasonToRefuse(db);
    if (refusal) {
      console.error(`[accord] db:seed refused: ${where} is not empty — ${refusal}. Nothing was changed.`);
      console.error('[accord] The demo loads only into an empty database: point DATABASE_URL at one, or ACCORD_DATA_DIR at a new folder.');
      return 1;
    }
    const applied = await migrate(db, log);
    log(applied.length ? `applied ${applied.length} migration(s) to ${where}` : `${where} is up to date`);
    // seedDemo looks again: another process may have loaded it since.
    if (!(await seedDemo(db, log, { storage: createFileStorage(config), maxBytes: config.files.maxBytes }))) {
      console.error(`[accord] db:seed refused: ${where} got demo accounts while this ran. Nothing was loaded.`);
      return 1;
    }
    const loaded = await tablesWithRows(db);
    log(`loaded the demo into ${where}: ${loaded.map((f) => `${f.table}: ${f.rows}`).join(', ')}`);
    log('sign in with the demo accounts listed in README.md');
    return 0;
  } finally {
    await db.end();
    await target.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('[accord] db:seed failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
