import { parseArgs } from 'node:util';
import { openBenchDatabase, type BenchDatabase } from './database.js';
import { BENCH_PASSWORD, DATASET_TODAY, generateDataset, generators, readDatasetInfo, type DatasetInfo } from './data/index.js';

/**
 * npm run bench:data -- [--scale 1] [--seed 1] [--today 2026-11-20] [--keep]
 *
 * Makes the benchmark dataset in a fresh bench database. --keep leaves the database alone when it
 * already holds a dataset made with the same seed, scale, today and generators.
 */

const log = (line: string) => console.log(`[bench:data] ${line}`);

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string', default: DATASET_TODAY },
      keep: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number above 0 and at most 10, not ${values.scale}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not ${values.seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error(`--today must be a date (yyyy-mm-dd), not ${values.today}`);
  return { scale, seed, today: values.today, keep: values.keep };
}

function isSame(info: DatasetInfo | null, wanted: { scale: number; seed: number; today: string }): boolean {
  return (
    info !== null &&
    info.seed === wanted.seed &&
    info.scale === wanted.scale &&
    info.today === wanted.today &&
    info.generators.join(',') === generators.map((g) => g.name).join(',')
  );
}

function printRows(rows: Record<string, number>) {
  const width = Math.max(...Object.keys(rows).map((t) => t.length));
  for (const [table, n] of Object.entries(rows)) log(`  ${table.padEnd(width)} ${n.toLocaleString('en').padStart(12)}`);
}

async function main() {
  const wanted = options();
  const started = performance.now();
  let db: BenchDatabase = await openBenchDatabase({ fresh: !wanted.keep, log });
  try {
    if (wanted.keep) {
      const info = await readDatasetInfo(db.url);
      if (isSame(info, wanted) && info) {
        log(`the bench database already holds the dataset of seed ${info.seed}, scale ${info.scale} (made ${info.generatedAt}); kept`);
        printRows(info.rows);
        return;
      }
      log('the bench database holds another dataset or none: making it afresh');
      await db.stop();
      db = await openBenchDatabase({ fresh: true, log });
    }
    log(`generating seed ${wanted.seed}, scale ${wanted.scale}, today ${wanted.today}`);
    const report = await generateDataset({ url: db.url, ...wanted, log, bulkLoad: true });
    log('generator        seconds  rows');
    for (const g of report.generators) {
      log(
        `  ${g.name.padEnd(14)} ${g.seconds.toFixed(2).padStart(7)}  ${Object.entries(g.rows)
          .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
          .join(', ')}`,
      );
    }
    log('rows per table:');
    printRows(report.rows);
    log(
      `done in ${((performance.now() - started) / 1000).toFixed(1)} s (generation ${report.seconds.toFixed(1)} s); every account's password is ${BENCH_PASSWORD}`,
    );
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:data] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
