/**
 * `npm run bench:serve`: Accord on the national-scale dataset, to look at it as a person would
 * (or to point Lighthouse at it). Prints the address and accounts to sign in with.
 *
 *   npm run bench:serve -- [--port 3300]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_PASSWORD, benchFileStoreEnv, hasDataset } from './data/index.js';
import { openBenchDatabase } from './database.js';
import { findFixtures } from './harness/fixtures.js';
import { ACCORD_SERVER, buildServer, startProcess } from './harness/processes.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3300' } } });
const log = (line: string) => console.log(`[bench:serve] ${line}`);

const target = await openBenchDatabase({ fresh: false, log });
if (!(await hasDataset(target.url))) {
  log('no dataset yet: run npm run bench:data first');
  await target.stop();
  process.exit(1);
}
const db = new pg.Pool({ connectionString: target.url, max: 2 });
const fixtures = await findFixtures(db);
await db.end();
buildServer();
const app = await startProcess(
  ACCORD_SERVER,
  { DATABASE_URL: target.url, ACCORD_DEMO: 'false', ...benchFileStoreEnv(target.url) },
  '/api/health',
  Number(values.port),
);
log(`Accord on the national dataset: ${app.url}`);
log(
  `sign in as ${fixtures.coordinator} (coordinator of the largest agreement, ${fixtures.large.tasks} tasks: /agreements/${fixtures.large.id}),`,
);
log(
  `  ${fixtures.thousand.coordinator} (/agreements/${fixtures.thousand.id}, ${fixtures.thousand.tasks} tasks), ${fixtures.unitOfficer} (unit officer), ${fixtures.observer} (observer); password ${BENCH_PASSWORD}`,
);
const stop = async () => {
  await app.stop();
  await target.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
