import { createPool } from '@accord/server/src/db/pool.js';
import type { DbClient } from './copy.js';

/**
 * What a database holds, in a table of its own (`bench_dataset`, made here, not by the
 * migrations): the seed, scale, today and generators the dataset was made with and its row
 * counts, so that `bench:data --keep` and the benchmark harness can tell what is there.
 */
export interface DatasetInfo {
  seed: number;
  scale: number;
  today: string;
  generators: string[];
  rows: Record<string, number>;
  seconds: number;
  generatedAt: string;
}

/** Records the dataset, in the transaction that loads it. */
export async function writeDatasetInfo(client: DbClient, info: DatasetInfo): Promise<void> {
  await client.query('CREATE TABLE IF NOT EXISTS bench_dataset (key text PRIMARY KEY, value jsonb NOT NULL)');
  for (const [key, value] of Object.entries(info)) {
    await client.query(
      'INSERT INTO bench_dataset(key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
      [key, JSON.stringify(value)],
    );
  }
}

/** The dataset the database holds, or null when none was recorded. */
export async function readDatasetInfo(url: string): Promise<DatasetInfo | null> {
  const pool = createPool(url, 1);
  try {
    const exists = await pool.query<{ t: string | null }>(`SELECT to_regclass('bench_dataset')::text AS t`);
    if (!exists.rows[0]?.t) return null;
    const { rows } = await pool.query<{ key: string; value: unknown }>('SELECT key, value FROM bench_dataset');
    const info = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<DatasetInfo>;
    if (typeof info.seed !== 'number' || typeof info.scale !== 'number') return null;
    return info as DatasetInfo;
  } finally {
    await pool.end();
  }
}

/** Whether the database already holds a dataset (recorded, or at least agreements with tasks). */
export async function hasDataset(url: string): Promise<boolean> {
  if (await readDatasetInfo(url)) return true;
  const pool = createPool(url, 1);
  try {
    const { rows } = await pool.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM tasks) AS found');
    return rows[0]?.found === true;
  } finally {
    await pool.end();
  }
}
