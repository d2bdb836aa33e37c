import { createPool } from '@accord/server/src/db/pool.js';
import type { Generator, GeneratorContext } from './context.js';
import { prepareBulkLoad } from './bulk-load.js';
import { copyRows, type DbClient } from './copy.js';
import { generators as allGenerators } from './generators/index.js';
import { writeDatasetInfo } from './dataset-info.js';
import { Rng } from './prng.js';
import { benchFilesDir } from './evidence-store.js';
import { emptyRegistry, type DatasetRegistry } from './registry.js';
import { dayOf } from './time.js';

/** The dataset's "today": fixed, so that a seed gives the same rows whenever it runs. */
export const DATASET_TODAY = '2026-11-20';

export interface DatasetOptions {
  /** A migrated database; the rows are added to what it holds (run it once per database). */
  url: string;
  /** 1: national scale (~300 agreements, ~100k tasks, ~20k users, ~1M history events). */
  scale?: number;
  seed?: number;
  /** ISO date the data treats as today (default DATASET_TODAY). */
  today?: string;
  log?: (line: string) => void;
  /** Default: every registered generator. Their dependencies must be included. */
  generators?: readonly Generator[];
  /**
   * Load faster: build the loaded tables' secondary indexes after their rows, and check foreign
   * keys in one pass after the load when the role may (see bulk-load.ts). Takes exclusive locks:
   * for a database of the benchmark's own, not a shared one.
   */
  bulkLoad?: boolean;
  /** Where evidence files' bytes go (default: the database's own folder, benchFilesDir). */
  filesDir?: string;
  /** Record the dataset in the table `bench_dataset` (default true). */
  record?: boolean;
}

export interface GeneratorReport {
  name: string;
  rows: Record<string, number>;
  seconds: number;
}

export interface DatasetReport {
  seed: number;
  scale: number;
  today: string;
  generators: GeneratorReport[];
  /** Rows per table. */
  rows: Record<string, number>;
  seconds: number;
  /** What was generated, for a caller that wants ids without asking the database. */
  data: DatasetRegistry;
}

/** The generators in an order where each comes after those it depends on (stable otherwise). */
export function orderGenerators(list: readonly Generator[]): Generator[] {
  const byName = new Map(list.map((g) => [g.name, g]));
  if (byName.size !== list.length) throw new Error('Two generators have the same name');
  const ordered: Generator[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (g: Generator, path: string[]) => {
    if (state.get(g.name) === 'done') return;
    if (state.get(g.name) === 'visiting') throw new Error(`Generators depend on each other in a loop: ${[...path, g.name].join(' → ')}`);
    state.set(g.name, 'visiting');
    for (const dep of g.dependsOn) {
      const d = byName.get(dep);
      if (!d) throw new Error(`Generator ${g.name} depends on ${dep}, which is not in the list`);
      visit(d, [...path, g.name]);
    }
    state.set(g.name, 'done');
    ordered.push(g);
  };
  for (const g of list) visit(g, []);
  return ordered;
}

function totalRows(reports: readonly GeneratorReport[]): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const r of reports) for (const [t, n] of Object.entries(r.rows)) rows[t] = (rows[t] ?? 0) + n;
  return rows;
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

interface RunOptions {
  seed: number;
  scale: number;
  today: string;
  data: DatasetRegistry;
  filesDir: string;
  log: (line: string) => void;
  bulkLoad: boolean;
}

async function runGenerator(g: Generator, client: DbClient, o: RunOptions): Promise<GeneratorReport> {
  const since = performance.now();
  const rows: Record<string, number> = {};
  const ctx: GeneratorContext = {
    seed: o.seed,
    scale: o.scale,
    today: dayOf(o.today),
    filesDir: o.filesDir,
    data: o.data,
    rng: new Rng(`accord-bench:${o.seed}:${g.name}`),
    copy: async (table, columns, source) => {
      if (!g.tables.includes(table)) throw new Error(`Generator ${g.name} writes ${table}, which it does not declare`);
      const n = await copyRows(client, table, columns, source);
      rows[table] = (rows[table] ?? 0) + n;
      return n;
    },
    query: async (sql, params) => client.query(sql, params),
    log: (line) => o.log(`${g.name}: ${line}`),
  };
  const finish = o.bulkLoad ? await prepareBulkLoad(client, g.tables) : null;
  await g.generate(ctx);
  if (finish) await finish();
  const report = { name: g.name, rows, seconds: seconds(since) };
  o.log(
    `${g.name}: ${
      Object.entries(rows)
        .map(([t, n]) => `${n.toLocaleString('en')} ${t}`)
        .join(', ') || 'no rows'
    } in ${report.seconds} s`,
  );
  return report;
}

/**
 * Generates the benchmark dataset into a migrated database, deterministically from the seed:
 * every generator in dependency order, streaming its rows with COPY, and the record of it in
 * `bench_dataset`, all in one transaction; then VACUUM (ANALYZE). Returns the row counts and timings.
 */
export async function generateDataset(options: DatasetOptions): Promise<DatasetReport> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  const today = options.today ?? DATASET_TODAY;
  const log = options.log ?? (() => undefined);
  const filesDir = options.filesDir ?? benchFilesDir(options.url);
  if (!(scale > 0 && scale <= 10)) throw new Error(`The scale must be above 0 and at most 10, not ${scale}`);
  if (!Number.isInteger(seed)) throw new Error(`The seed must be an integer, not ${seed}`);
  const ordered = orderGenerators(options.generators ?? allGenerators);
  const data = emptyRegistry();
  const started = performance.now();
  const reports: GeneratorReport[] = [];
  const pool = createPool(options.url, 1);
  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Nothing here needs to survive a crash before the commit; indexes build with more memory.
      await client.query('SET LOCAL synchronous_commit = off');
      await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
      for (const g of ordered)
        reports.push(await runGenerator(g, client, { seed, scale, today, data, filesDir, log, bulkLoad: options.bulkLoad === true }));
      if (options.record !== false) {
        await writeDatasetInfo(client, {
          seed,
          scale,
          today,
          generators: reports.map((r) => r.name),
          rows: totalRows(reports),
          seconds: seconds(started),
          generatedAt: new Date().toISOString(),
        });
      }
      await client.query('COMMIT');
      client.release();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      throw error;
    }
    const tables = [...new Set(ordered.flatMap((g) => g.tables))];
    const since = performance.now();
    // VACUUM as well: a freshly loaded table has no visibility map and every row's hint bits
    // still to set, and autovacuum would do it during the first benchmark instead. A database
    // in service is in this steady state.
    await pool.query(`VACUUM (ANALYZE) ${tables.join(', ')}`);
    log(`vacuum, analyze: ${seconds(since)} s`);
  } finally {
    await pool.end();
  }
  return { seed, scale, today, generators: reports, rows: totalRows(reports), seconds: seconds(started), data };
}
