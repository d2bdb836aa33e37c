/**
 * `npm run faults`: the long fault run (docs/RELIABILITY.md, "The long fault run").
 *
 *   npm run faults -- [--db-kills 20] [--server-kills 5] [--clients 8] [--pg-port 54381] [--ports 3301,3302]
 *                     [--gap-ms 1500-2500] [--outage-ms 500-3000] [--server-down-ms 300-1500]
 *                     [--retry-cap-ms 30000] [--hang-ms 15000] [--edit-share 0.25] [--drop-share 0.03] [--seed faults]
 *
 * A PostgreSQL of its own (.accord/faults-pg), two server processes on it as behind a load
 * balancer, clients creating and editing tasks with Idempotency-Keys, and faults one after another:
 * the database killed, its connections terminated, restarted; a server killed. Then the database
 * is checked against what the clients were told. Prints the figures as Markdown (and keeps them in
 * .accord/faults/); exits 1 when anything was lost, made twice or half, a server died on its own,
 * an answer was 500, or a request hung.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectDir } from '@accord/server/src/config.js';
import { migrate } from '@accord/server/src/db/migrate.js';
import { createPool } from '@accord/server/src/db/pool.js';
import { Rng } from '../data/prng.js';
import { signIn, type SignedIn } from '../web/sign-in.js';
import { FaultDatabase } from './database.js';
import { FaultInjector, planFaults } from './faults.js';
import { Journal } from './journal.js';
import { probeIdempotency } from './probe.js';
import { startLoad, type RunningLoad } from './load.js';
import { computeFigures, renderExamples, renderFigures, type Figures } from './report.js';
import { ServerFleet } from './servers.js';
import { verify } from './verify.js';
import { FAULT_PASSWORD, buildFaultWorld } from './world.js';

const { values } = parseArgs({
  options: {
    'db-kills': { type: 'string', default: '20' },
    'server-kills': { type: 'string', default: '5' },
    clients: { type: 'string', default: '8' },
    'pg-port': { type: 'string', default: '54381' },
    ports: { type: 'string', default: '3301,3302' },
    'gap-ms': { type: 'string', default: '1500-2500' },
    'outage-ms': { type: 'string', default: '500-3000' },
    'server-down-ms': { type: 'string', default: '300-1500' },
    'retry-cap-ms': { type: 'string', default: '30000' },
    'hang-ms': { type: 'string', default: '15000' },
    'edit-share': { type: 'string', default: '0.25' },
    'drop-share': { type: 'string', default: '0.03' },
    seed: { type: 'string', default: 'faults' },
  },
});

const log = (line: string) => console.log(`[faults] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `500-3000` as [500, 3000]; `800` as [800, 800]. */
function range(text: string): [number, number] {
  const [min, max = min] = text.split('-').map(Number) as [number, number?];
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) throw new Error(`not a range of ms: ${text}`);
  return [min, max];
}

/**
 * The servers' bounds, shorter than the defaults, so that every answer during an outage comes
 * within seconds (a hang is anything past --hang-ms).
 */
const serverEnv = (databaseUrl: string): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  DATABASE_READ_URL: '',
  DATABASE_POOL_SIZE: '5',
  DATABASE_ACQUIRE_TIMEOUT_MS: '2000',
  DATABASE_STATEMENT_TIMEOUT_MS: '5000',
  DATABASE_LOCK_TIMEOUT_MS: '2000',
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '5000',
  DATABASE_QUERY_TIMEOUT_MS: '6000',
  // Every client signs in from 127.0.0.1.
  SIGN_IN_LIMIT_ADDRESS: '1000',
  ACCORD_DEMO: 'false',
  LOG_REQUESTS: 'false',
  NODE_ENV: 'production',
});

function commitOf(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectDir, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: projectDir, encoding: 'utf8' }).trim();
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}

/** Everything the run started, so that it is all stopped however the run ends. */
interface Started {
  db: FaultDatabase;
  fleet?: ServerFleet;
  load?: RunningLoad;
  cancelled: boolean;
}

async function prepare(started: Started, clients: number) {
  const { db } = started;
  const t0 = Date.now();
  await db.open();
  const setup = createPool(db.url, 2, 'faults-setup');
  try {
    await migrate(setup);
    const world = await buildFaultWorld(setup, clients);
    log(`database ready in ${Date.now() - t0} ms (${db.url.replace(/:[^:@/]*@/, ':…@')})`);
    return world;
  } finally {
    await setup.end();
  }
}

async function run(started: Started): Promise<Figures> {
  const startedAt = Date.now();
  const rng = new Rng(values.seed);
  const clients = Number(values.clients);
  const world = await prepare(started, clients);
  const fleet = new ServerFleet(values.ports.split(',').map(Number), serverEnv(started.db.url), log);
  started.fleet = fleet;
  await fleet.startAll();
  log(`servers ready at ${Array.from({ length: fleet.size }, (_, s) => fleet.url(s)).join(', ')}`);
  const sessions = await Promise.all(world.emails.map((email, i) => signIn(fleet.url(i % fleet.size), email, FAULT_PASSWORD)));
  const [first, second] = [fleet.url(0), fleet.url(fleet.size - 1)];
  const idempotency = await probeIdempotency([first, second], sessions[0] as SignedIn, world.agreementId, world.areaId, 'Kiểm tra khóa');
  log(`Idempotency-Key honoured: ${idempotency.honoured ? 'yes' : 'NO'} (${idempotency.detail})`);

  const journal = new Journal();
  const prefix = `Nhiệm vụ chạy lỗi ${startedAt}`;
  const load = startLoad({
    servers: fleet,
    sessions,
    agreementId: world.agreementId,
    areaId: world.areaId,
    prefix,
    journal,
    retryCapMs: Number(values['retry-cap-ms']),
    hangMs: Number(values['hang-ms']),
    retryPauseMs: 200,
    pauseMs: 20,
    editShare: Number(values['edit-share']),
    dropShare: Number(values['drop-share']),
    rng: rng.fork('load'),
  });
  started.load = load;
  await sleep(2_000);
  const injector = new FaultInjector({
    db: started.db,
    fleet,
    journal,
    rng: rng.fork('faults'),
    gapMs: range(values['gap-ms']),
    outageMs: range(values['outage-ms']),
    serverDownMs: range(values['server-down-ms']),
    recoveryCapMs: 30_000,
    log,
    cancelled: () => started.cancelled,
  });
  const plan = planFaults(Number(values['db-kills']), Number(values['server-kills']), fleet.size);
  await injector.run(plan);
  await sleep(2_000);
  log('faults done; letting the clients finish what they are on');
  const result = await load.stop();
  const endedAt = Date.now();
  await fleet.stopAll();

  const db = createPool(started.db.url, 2, 'faults-verify');
  try {
    const verdict = await verify(db, world.agreementId, prefix, result);
    return computeFigures({
      startedAt,
      endedAt,
      faults: injector.log,
      journal,
      load: result,
      verdict,
      idempotency,
      deaths: fleet.deaths,
      failedStarts: fleet.failedStarts,
    });
  } finally {
    await db.end();
  }
}

/** Keeps the figures in .accord/faults/ (JSON and Markdown). */
function keep(figures: Figures, markdown: string): string {
  const dir = path.join(projectDir, '.accord/faults');
  fs.mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(figures, (_, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v), 2);
  const stamp = figures.startedAt.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `results-${stamp}.json`), json);
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  fs.writeFileSync(path.join(dir, 'latest.md'), markdown);
  return dir;
}

async function main(): Promise<number> {
  const started: Started = {
    db: new FaultDatabase({
      baseDir: path.join(projectDir, '.accord'),
      name: 'faults-pg',
      port: Number(values['pg-port']),
      database: 'accord_faults',
      log,
    }),
    cancelled: false,
  };
  const stopEverything = async () => {
    await started.load?.abort();
    await started.fleet?.stopAll();
    await started.db.stop();
  };
  const interrupt = (signal: string) => {
    log(`${signal}: stopping everything this run started`);
    started.cancelled = true;
    started.fleet?.killNow();
    void Promise.race([stopEverything(), sleep(10_000)]).finally(() => process.exit(130));
  };
  process.once('SIGINT', () => interrupt('SIGINT'));
  process.once('SIGTERM', () => interrupt('SIGTERM'));
  process.once('exit', () => {
    started.fleet?.killNow();
    started.db.stopNow();
  });

  let figures: Figures;
  try {
    figures = await run(started);
  } finally {
    await stopEverything();
  }
  const options = `--db-kills ${values['db-kills']} --server-kills ${values['server-kills']} --clients ${values.clients}`;
  const markdown = renderFigures(figures, { commit: commitOf(), options });
  console.log(`\n${markdown}`);
  const examples = renderExamples(figures);
  if (examples) console.log(examples);
  log(`figures kept in ${keep(figures, markdown)}`);
  return figures.failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[faults] the run failed:', error);
    process.exit(2);
  },
);
