/**
 * `npm run bench`: measures Accord's hot paths on the national-scale dataset.
 *
 *   npm run bench -- [--duration 10] [--connections 32] [--only plan-tree,search] [--no-web]
 *                    [--no-bare] [--scale 1] [--amount N] [--warmup 2] [--pool 10] [--out file.json]
 *
 * Builds the dataset first when the bench database has none (`npm run bench:data` does it alone).
 * Writes the results to .accord/bench/ (JSON and the table) and prints the table.
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
    duration: { type: 'string', default: '10' },
    connections: { type: 'string' },
    only: { type: 'string' },
    'no-web': { type: 'boolean', default: false },
    'no-bare': { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    amount: { type: 'string' },
    warmup: { type: 'string', default: '2' },
    pool: { type: 'string', default: '10' },
    out: { type: 'string' },
  },
});

const log = (line: string) => console.log(`[bench] ${line}`);

async function main() {
  const budgets = loadBudgets();
  const target = await openBenchDatabase({ fresh: false, log });
  let result: BenchResult;
  let web: WebResult | undefined;
  try {
    if (!(await hasDataset(target.url))) {
      log(`no dataset yet: generating it (scale ${values.scale}, seed ${values.seed}); npm run bench:data does this step alone`);
      await generateDataset({ url: target.url, scale: Number(values.scale), seed: Number(values.seed), bulkLoad: true, log });
    }
    result = await runBench({
      databaseUrl: target.url,
      password: BENCH_PASSWORD,
      connections: Number(values.connections ?? budgets.connections),
      duration: Number(values.duration),
      ...(values.amount ? { amount: Number(values.amount) } : {}),
      warmup: Number(values.warmup),
      ...(values.only ? { only: values.only.split(',') } : {}),
      bare: !values['no-bare'],
      poolSize: Number(values.pool),
      budgets,
      log,
    });
    if (!values['no-web']) {
      if (!fs.existsSync(path.join(projectDir, 'apps/web/dist/index.html'))) {
        log('building the web app');
        execFileSync('npm', ['run', 'build', '-w', '@accord/web'], { cwd: projectDir, stdio: 'inherit' });
      }
      web = await measureWeb({ databaseUrl: target.url, password: BENCH_PASSWORD, budgets, log });
    }
  } finally {
    await target.stop();
  }
  const table = renderTable(result, budgets, web);
  const dir = path.join(projectDir, '.accord/bench');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const json = JSON.stringify({ ...result, web }, null, 2);
  const out = values.out ?? path.join(dir, `results-${stamp}.json`);
  fs.writeFileSync(out, json);
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  fs.writeFileSync(path.join(dir, 'latest.md'), `${table}\n`);
  console.log(`\n${table}\n\nresults: ${path.relative(process.cwd(), out)} (and .accord/bench/latest.md)`);
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
