import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {} from '../../apps/server/test/global-setup.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { createPool, ensureDatabase } from '../../apps/server/src/db/pool.js';
import { BENCH_PASSWORD, generateDataset } from '../src/data/index.js';
import { loadBudgets } from '../src/harness/budgets.js';
import { processCpuMs } from '../src/harness/cpu.js';
import { renderTable } from '../src/harness/report.js';
import { runBench, type BenchResult } from '../src/harness/run.js';
import { scenarios } from '../src/scenarios/index.js';

/**
 * The benchmark harness cannot rot: a tiny dataset, a few requests per scenario, every scenario
 * answering without an error, its bare SQL too. Timings are not asserted: this is not a benchmark.
 */
let url: string;
let result: BenchResult;

beforeAll(async () => {
  const admin = new URL(inject('databaseUrl'));
  admin.pathname = '/postgres';
  url = await ensureDatabase(admin.toString(), 'accord_bench_smoke', { recreate: true });
  const db = createPool(url, 2);
  await migrate(db);
  await db.end();
  await generateDataset({ url, scale: 0.002, seed: 7, log: () => undefined });
  result = await runBench({
    databaseUrl: url,
    password: BENCH_PASSWORD,
    connections: 2,
    duration: 10,
    amount: 12,
    warmup: 0,
    single: 1,
    bare: true,
    poolSize: 2,
    budgets: loadBudgets(),
    log: () => undefined,
  });
}, 180_000);

afterAll(async () => {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await ensureDatabase(admin.toString(), 'accord_bench_smoke', { recreate: true });
});

describe('the benchmark harness (smoke)', () => {
  it('runs every scenario with no error, and the same SQL bare', () => {
    expect(result.scenarios.map((s) => s.name)).toEqual(scenarios.map((s) => s.name));
    for (const s of result.scenarios) {
      expect(s.endpoint.errors, `${s.name}: ${JSON.stringify(s.endpoint.statuses)}`).toBe(0);
      expect(s.endpoint.requests, s.name).toBeGreaterThanOrEqual(12);
      if (s.bareSql) expect(s.bareSql.errors, `${s.name} bare SQL`).toBe(0);
      expect(s.serverPeakRssMb, s.name).toBeGreaterThan(0);
    }
    expect(result.scenarios.filter((s) => s.bareSql).map((s) => s.name)).toEqual(
      expect.arrayContaining(['agreement-tasks', 'unit-tasks', 'search', 'plan-tree']),
    );
    expect(result.fastifyJson?.errors).toBe(0);
  });

  it('measures every scenario with one connection too, and puts its rate beside the ceiling and the floor', () => {
    const floor = result.scenarios.find((s) => s.name === 'session');
    for (const s of result.scenarios) {
      expect(s.single?.errors, s.name).toBe(0);
      expect(s.single?.requests, s.name).toBeGreaterThanOrEqual(1);
      expect(s.ofCeiling, s.name).toBeCloseTo(s.endpoint.rps / (result.fastifyJson?.rps ?? NaN), 3);
      expect(s.ofFloor, s.name).toBeCloseTo(s.endpoint.rps / (floor?.endpoint.rps ?? NaN), 3);
    }
    expect(renderTable(result, loadBudgets())).toMatch(/% floor/);
  });

  it('edits tasks with If-Match and gets 412 for a stale one', () => {
    const edit = result.scenarios.find((s) => s.name === 'task-edit');
    expect(edit?.endpoint.statuses['200']).toBe(edit?.endpoint.requests);
    const conflict = result.scenarios.find((s) => s.name === 'task-edit-conflict');
    expect(conflict?.endpoint.statuses['412']).toBe(conflict?.endpoint.requests);
  });

  it('counts the CPU each request cost the server and the database (here on this machine)', () => {
    for (const s of result.scenarios) {
      expect(s.cpu?.serverMs, s.name).toBeGreaterThanOrEqual(0);
      expect(s.cpu?.databaseMs, s.name).toBeGreaterThanOrEqual(0);
    }
    // Times come in 10 ms ticks: over every scenario together both have spent some.
    expect(result.scenarios.reduce((sum, s) => sum + (s.cpu?.serverMs ?? 0), 0)).toBeGreaterThan(0);
    expect(result.scenarios.reduce((sum, s) => sum + (s.cpu?.databaseMs ?? 0), 0)).toBeGreaterThan(0);
    expect(processCpuMs(process.pid)).toBeGreaterThan(0);
    expect(processCpuMs(2 ** 22 + 1)).toBeUndefined();
  });

  it('renders the table with every scenario and a budget verdict', () => {
    const table = renderTable(result, loadBudgets());
    for (const s of scenarios) expect(table).toContain(s.name);
    expect(table).toMatch(/Every budget met\.|Over budget: /);
  });
});
