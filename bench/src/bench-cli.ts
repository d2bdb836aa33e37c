/**
 * `npm run bench`: measures Accord's hot paths on the national-scale dataset.
 *
 *   npm run bench -- [--duration 10] [--connections 32] [--only plan-tree,search] [--no-web]
 *                    [--no-bare] [--scale 1] [--amount N] [--warmup 2] [--single 3] [--pool 10] [--out file.json]
 *   npm run bench -- --quick      # about a minute: a small dataset of its own, short runs, the same ratios
 *
 * Builds the dataset first when the bench database has none (`npm run bench:data` does it alone).
 * Writes the results to .accord/bench/ (JSON and the table) and prints the table.
 *
 * --quick is for every change: the budgets' ratios on a dataset at scale 0.02 in a database of its
 * own (`accord_bench_quick`, beside the national one), 2 s runs, no web. Its figures are not the
 * national ones (lists and plans are smaller), but a change that costs a route a share of the floor
 * shows there before it lands.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectDir } from '../../apps/server/src/config.js';
import { BENCH_PASSWORD, generateDataset, hasDataset } from './data/index.js';
import { openBenchDatabase } from './database.js';
import { loadBudgets } from './harness/budgets.js';
import { renderTable, type WebResult } from './harness/report.js';
import { runBench, type BenchResult } from './harness/run.js';
import { measureWeb } from './web/measure.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    connections: { type: 'string' },
    only: { type: 'string' },
    'no-web': { type: 'boolean', default: false },
    'no-bare': { type: 'boolean', default: false },
    scale: { type: 'string' },
    seed: { type: 'string', default: '1' },
    amount: { type: 'string' },
    warmup: { type: 'string' },
    single: { type: 'string' },
    pool: { type: 'string', default: '10' },
    out: { type: 'string' },
  },
});

const log = (line: string) => console.log(`[bench] ${line}`);

const quick = values.quick;
const scale = Number(values.scale ?? (quick ? '0.02' : '1'));
const duration = Number(values.duration ?? (quick ? '2' : '10'));
const warmup = Number(values.warmup ?? (quick ? '1' : '2'));
const single = Number(values.single ?? (quick ? '1' : '3'));
if (quick) process.env.BENCH_DATABASE_NAME = process.env.BENCH_DATABASE_NAME || 'accord_bench_quick';

async function main() {
  const budgets = loadBudgets();
  const target = await openBenchDatabase({ fresh: false, log });
  let result: BenchResult;
  let web: WebResult | undefined;
  try {
    if (!(await hasDataset(target.url))) {
      log(`no dataset yet: generating it (scale ${scale}, seed ${values.seed}); npm run bench:data does this step alone`);
      await generateDataset({ url: target.url, scale, seed: Number(values.seed), bulkLoad: true, log });
    }
    result = await runBench({
      databaseUrl: target.url,
      password: BENCH_PASSWORD,
      connections: Number(values.connections ?? budgets.connections),
      duration,
      ...(values.amount ? { amount: Number(values.amount) } : {}),
      warmup,
      single,
      ...(values.only ? { only: values.only.split(',') } : {}),
      bare: !values['no-bare'],
      poolSize: Number(values.pool),
      budgets,
      log,
    });
    if (!values['no-web'] && !quick) {
      if (!fs.existsSync(path.join(projectDir, 'apps/web/dist/index.html'))) {
        log('building the web app');
        execFileSync('npm', ['run', 'build', '-w', '@accord/web'], { cwd: projectDir, stdio: 'inherit' });
      }
      // The server's figures took most of the run: a failure of the web's step is reported with them, not instead of them.
      web = await measureWeb({ databaseUrl: target.url, password: BENCH_PASSWORD, budgets, log }).catch((error: unknown) => {
        const failed = `the web's measurement failed: ${error instanceof Error ? error.message : String(error)}`;
        log(failed);
        return { failed, overBudget: [failed] };
      });
    }
  } finally {
    await target.stop();
  }
  const table = renderTable(result, budgets, web);
  const dir = path.join(projectDir, '.accord/bench');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const json = JSON.stringify({ ...result, web }, null, 2);
  const out = values.out ?? path.join(dir, `${quick ? 'quick-' : ''}results-${stamp}.json`);
  fs.writeFileSync(out, json);
  const latest = quick ? 'quick-latest' : 'latest';
  fs.writeFileSync(path.join(dir, `${latest}.json`), json);
  fs.writeFileSync(path.join(dir, `${latest}.md`), `${table}\n`);
  console.log(`\n${table}\n\nresults: ${path.relative(process.cwd(), out)} (and .accord/bench/${latest}.md)`);
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
