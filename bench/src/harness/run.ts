import path from 'node:path';
import pg from 'pg';
import { projectDir } from '../../../apps/server/src/config.js';
import { benchFileStoreEnv } from '../data/evidence-store.js';
import { scenarios as allScenarios } from '../scenarios/index.js';
import type { PreparedScenario, Scenario, ScenarioContext } from '../scenarios/types.js';
import { signIn, type SignedIn } from '../web/sign-in.js';
import { checkBudget, type Budgets } from './budgets.js';
import { cpuRatio, processCpuMs, startCpuMeter, type CpuPerRequest } from './cpu.js';
import { findFixtures } from './fixtures.js';
import { runLoad, type LoadResult } from './load.js';
import { ACCORD_SERVER, buildServer, sampleRss, startProcess, type ServerProcess } from './processes.js';

export interface BenchOptions {
  databaseUrl: string;
  password: string;
  connections: number;
  /** Seconds per measured run. */
  duration: number;
  /** Stop each run after this many requests (smoke runs). */
  amount?: number;
  /** Seconds of unmeasured warm-up before each scenario. */
  warmup: number;
  /** Scenario names to run; default all. */
  only?: string[];
  /** Also run each scenario's SQL bare and the bare Fastify route. */
  bare: boolean;
  /** Seconds of a second measured run with one connection (p95 without queueing); 0: none. */
  single?: number;
  /** Connections each server pool opens (the app's and the bare SQL server's alike). */
  poolSize: number;
  budgets: Budgets;
  scenarios?: Scenario[];
  log: (line: string) => void;
}

export interface ScenarioResult {
  name: string;
  title: string;
  note?: string;
  endpoint: LoadResult;
  bareSql?: LoadResult;
  /** endpoint p95 / bare SQL p95 */
  bareRatio?: number;
  /** The same request with one connection: what one user waits, without queueing. */
  single?: LoadResult;
  /** req/s as a share of the bare Fastify route's and of the session floor's, in the same run. */
  ofCeiling?: number;
  ofFloor?: number;
  serverPeakRssMb: number;
  /** CPU per request of the measured run, the server's and PostgreSQL's (when it runs on this machine). */
  cpu?: CpuPerRequest;
  /** The same for the bare SQL run: the bare server's process (the driver, and the rows as JSON) and PostgreSQL's. */
  bareCpu?: CpuPerRequest;
  overBudget: string[];
}

export interface BenchResult {
  startedAt: string;
  machine: { cpus: number; node: string; postgres: string };
  options: { connections: number; duration: number; amount?: number; poolSize: number; single?: number };
  dataset: Record<string, number>;
  scenarios: ScenarioResult[];
  fastifyJson?: LoadResult;
  serverIdleRssMb: number;
}

/**
 * The scenario's request sent from as many browsers as there are sessions of its user: each
 * request carries the next one's cookie (and CSRF token, for a change), after the scenario's own
 * `setup`. A request of no known session (sign-in) goes as it is.
 */
export function browsers(prepared: PreparedScenario, signedIn: SignedIn[][]): PreparedScenario {
  const cookie = prepared.request.headers?.cookie;
  const mine = signedIn.find((all) => all[0]?.cookieHeader === cookie);
  if (!cookie || !mine || mine.length < 2) return prepared;
  const { setup } = prepared.request;
  let next = 0;
  return {
    ...prepared,
    request: {
      ...prepared.request,
      setup: (req) => {
        const base = setup ? setup(req) : req;
        const s = mine[next++ % mine.length] as SignedIn;
        const headers = { ...base.headers, cookie: s.cookieHeader };
        if ('x-csrf-token' in headers) headers['x-csrf-token'] = s.csrfToken;
        return { ...base, headers };
      },
    },
  };
}

const share = (rps: number, of: number | undefined) => (of ? Math.round((rps / of) * 10_000) / 10_000 : undefined);

/**
 * Puts each scenario's throughput beside the run's own references (the bare Fastify route and the
 * session floor, measured minutes apart on the same machine) and checks every budget against them.
 */
export function judge(result: BenchResult, budgets: Budgets): void {
  const ceilingRps = result.fastifyJson?.rps;
  const floorRps = result.scenarios.find((s) => s.name === 'session')?.endpoint.rps;
  for (const s of result.scenarios) {
    const ofCeiling = share(s.endpoint.rps, ceilingRps);
    const ofFloor = share(s.endpoint.rps, floorRps);
    if (ofCeiling !== undefined) s.ofCeiling = ofCeiling;
    if (ofFloor !== undefined) s.ofFloor = ofFloor;
    const ofCpu = cpuRatio(s.cpu, s.bareCpu);
    s.overBudget = checkBudget(
      {
        name: s.name,
        rps: s.endpoint.rps,
        p95Ms: s.endpoint.latencyMs.p95,
        errors: s.endpoint.errors + (s.single?.errors ?? 0),
        ...(s.bareSql ? { bareErrors: s.bareSql.errors, bareRps: s.bareSql.rps } : {}),
        ...(s.bareRatio !== undefined ? { bareRatio: s.bareRatio } : {}),
        ...(ofCpu !== undefined ? { cpuRatio: ofCpu } : {}),
        ...(s.single ? { p95Ms1: s.single.latencyMs.p95 } : {}),
        peakRssMb: s.serverPeakRssMb,
      },
      budgets.scenarios[s.name] ?? {},
      { ...(ceilingRps ? { ceilingRps } : {}), ...(floorRps ? { floorRps } : {}) },
      budgets.serverRssMb,
    );
  }
}

/**
 * Waits until the previous scenario's work is over, so that each scenario is measured on its own:
 * no statement still running in PostgreSQL (a client that gave up leaves its query running until
 * it ends) and the server's CPU quiet (requests whose clients left are still built and sent: the
 * whole plan of 1,270 tasks left 32 of them, seconds of work, to the runs after it).
 */
async function settle(db: pg.Pool, serverPid: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const window = 250;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 2) {
    const cpuBefore = processCpuMs(serverPid);
    await new Promise((r) => setTimeout(r, window));
    const cpuAfter = processCpuMs(serverPid);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    // Under a tenth of a core over the window (its timers and the pool's keep-alive stay below).
    const serverBusy = cpuBefore !== undefined && cpuAfter !== undefined && cpuAfter - cpuBefore > window / 10;
    quiet = (rows[0]?.n ?? 0) === 0 && !serverBusy ? quiet + 1 : 0;
  }
}

const DATASET_TABLES = [
  'organisations',
  'users',
  'agreements',
  'areas',
  'tasks',
  'task_coordinators',
  'audit_events',
  'task_entries',
  'task_files',
];

async function datasetCounts(db: pg.Pool): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DATASET_TABLES) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

/**
 * Starts Accord and the bare baselines against the bench database, runs every scenario over
 * loopback with the same client, and returns the measurements with the budgets checked.
 */
export async function runBench(o: BenchOptions): Promise<BenchResult> {
  const db = new pg.Pool({ connectionString: o.databaseUrl, max: 4 });
  const env = {
    DATABASE_URL: o.databaseUrl,
    DATABASE_POOL_SIZE: String(o.poolSize),
    // Every sign-in of the sign-in scenario comes from one address.
    SIGN_IN_LIMIT_ADDRESS: '100000000',
    ACCORD_DEMO: 'false',
    LOG_REQUESTS: 'false',
    // The evidence files' bytes, where the dataset generator put them.
    ...benchFileStoreEnv(o.databaseUrl),
  };
  const processes: ServerProcess[] = [];
  try {
    buildServer();
    const app = await startProcess(ACCORD_SERVER, env, '/api/health');
    processes.push(app);
    const baseline = o.bare
      ? await startProcess(path.relative(projectDir, path.join(projectDir, 'bench/src/harness/baseline-server.ts')), env, '/bare/health')
      : undefined;
    if (baseline) processes.push(baseline);
    const version = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
    const result: BenchResult = {
      startedAt: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version, postgres: version },
      options: {
        connections: o.connections,
        duration: o.duration,
        ...(o.amount ? { amount: o.amount } : {}),
        poolSize: o.poolSize,
        ...(o.single ? { single: o.single } : {}),
      },
      dataset: await datasetCounts(db),
      scenarios: [],
      serverIdleRssMb: app.rssMb(),
    };
    // Each user is signed in once per connection, as that many browsers would be, and every request
    // goes out with one of those sessions in turn (see `browsers`): 32 requests of one session at
    // once would let the server find one session for all of them, which no real load does.
    const sessions = new Map<string, Promise<SignedIn[]>>();
    const signInMany = async (email: string): Promise<SignedIn[]> => {
      const all: SignedIn[] = [];
      for (let i = 0; i < Math.max(1, o.connections); i += 4)
        all.push(...(await Promise.all(Array.from({ length: Math.min(4, o.connections - i) }, () => signIn(app.url, email, o.password)))));
      return all;
    };
    const ctx: ScenarioContext = {
      db,
      fixtures: await findFixtures(db),
      password: o.password,
      baseUrl: app.url,
      async session(email) {
        let s = sessions.get(email);
        if (!s) sessions.set(email, (s = signInMany(email)));
        return (await s)[0] as SignedIn;
      },
    };
    if (baseline) {
      // First, while nothing else has run: the framework's ceiling on this machine.
      const load = { connections: o.connections, duration: o.duration, ...(o.amount ? { amount: o.amount } : {}) };
      result.fastifyJson = await runLoad({ ...load, url: baseline.url, request: { method: 'GET', path: '/bare/json' } });
      o.log(`bare Fastify JSON route: ${result.fastifyJson.rps} req/s, p95 ${result.fastifyJson.latencyMs.p95} ms`);
    }
    // The session floor is every other budget's reference: it runs whenever one asks for it.
    const wanted = new Set(o.only ?? []);
    if (o.only && o.only.some((name) => o.budgets.scenarios[name]?.ofFloor !== undefined)) wanted.add('session');
    const chosen = (o.scenarios ?? allScenarios).filter((s) => !o.only || wanted.has(s.name));
    for (const scenario of chosen) {
      await settle(db, app.pid);
      o.log(`${scenario.name}: ${scenario.title}`);
      const prepared = browsers(await scenario.prepare(ctx), await Promise.all([...sessions.values()]));
      const load = { connections: o.connections, duration: o.duration, ...(o.amount ? { amount: o.amount } : {}) };
      if (o.warmup > 0)
        await runLoad({
          ...load,
          duration: o.warmup,
          amount: undefined,
          url: app.url,
          request: prepared.request,
          ...(prepared.expect ? { expect: prepared.expect } : {}),
        });
      const rss = sampleRss(app);
      const meter = await startCpuMeter(app.pid, db);
      const endpoint = await runLoad({
        ...load,
        url: app.url,
        request: prepared.request,
        ...(prepared.expect ? { expect: prepared.expect } : {}),
      });
      const cpu = await meter.stop(endpoint.requests);
      let single: LoadResult | undefined;
      if (o.single) {
        await settle(db, app.pid);
        single = await runLoad({
          connections: 1,
          duration: o.single,
          ...(o.amount ? { amount: Math.max(1, Math.ceil(o.amount / o.connections)) } : {}),
          url: app.url,
          request: prepared.request,
          ...(prepared.expect ? { expect: prepared.expect } : {}),
        });
      }
      const serverPeakRssMb = rss.stop();
      let bareSql: LoadResult | undefined;
      let bareCpu: CpuPerRequest | undefined;
      if (baseline && prepared.bare) {
        const put = await fetch(`${baseline.url}/bare/sql/${scenario.name}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(prepared.bare),
        });
        if (!put.ok) throw new Error(`registering ${scenario.name}'s SQL failed: ${put.status}`);
        const request = { method: 'GET' as const, path: `/bare/sql/${scenario.name}` };
        if (o.warmup > 0) await runLoad({ ...load, duration: o.warmup, amount: undefined, url: baseline.url, request });
        const bareMeter = await startCpuMeter(baseline.pid, db);
        bareSql = await runLoad({ ...load, url: baseline.url, request });
        bareCpu = await bareMeter.stop(bareSql.requests);
      }
      const partial = {
        name: scenario.name,
        title: scenario.title,
        ...(prepared.note ? { note: prepared.note } : {}),
        endpoint,
        ...(bareSql
          ? { bareSql, bareRatio: Math.round((endpoint.latencyMs.p95 / Math.max(0.01, bareSql.latencyMs.p95)) * 100) / 100 }
          : {}),
        ...(single ? { single } : {}),
        serverPeakRssMb,
        ...(cpu ? { cpu } : {}),
        ...(bareCpu ? { bareCpu } : {}),
      };
      o.log(
        `  ${endpoint.rps} req/s, p95 ${endpoint.latencyMs.p95} ms, errors ${endpoint.errors}${bareSql ? `; bare SQL p95 ${bareSql.latencyMs.p95} ms` : ''}` +
          `${single ? `; 1 connection p95 ${single.latencyMs.p95} ms` : ''}; RSS ${serverPeakRssMb} MB` +
          (cpu ? `; CPU a request: server ${cpu.serverMs} ms, database ${cpu.databaseMs ?? '—'} ms` : '') +
          (bareCpu ? ` (bare SQL: driver ${bareCpu.serverMs} ms, database ${bareCpu.databaseMs ?? '—'} ms)` : ''),
      );
      result.scenarios.push({ ...partial, overBudget: [] });
    }
    judge(result, o.budgets);
    return result;
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await db.end();
  }
}
