import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectDir } from '../src/config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool, ensureDatabase } from '../src/db/pool.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let embedded: EmbeddedPostgres | undefined;

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL (a server URL; we create our own
 * database on it) or an embedded cluster of its own under .accord/test-pg. The test database
 * is made afresh and migrated once; tests build their own rows and never rely on demo data.
 */
export async function setup(project: TestProject) {
  // The tests that start Accord as an operator does (scripts/start.mjs) and the benchmark's smoke
  // test run the compiled server: built here once, before any of them, when a source is newer.
  const built = spawnSync(process.execPath, [path.join(projectDir, 'apps/server/build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the server (apps/server/build.mjs) failed');
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const port = Number(process.env.ACCORD_TEST_PG_PORT ?? 54331);
    embedded = await startEmbeddedPostgres({
      baseDir: path.join(projectDir, '.accord'),
      // One folder per port, so that runs on different ports never share (and wipe) a cluster.
      name: port === 54331 ? 'test-pg' : `test-pg-${port}`,
      port,
      log: () => undefined,
      disposable: true,
      label: 'a vitest run',
    });
    adminUrl = embedded.url;
  }
  const url = await ensureDatabase(adminUrl, 'accord_test', { recreate: true });
  const db = createPool(url, 2);
  await migrate(db);
  await db.end();
  project.provide('databaseUrl', url);
}

export async function teardown() {
  await embedded?.stop();
}
