import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-embedded-'));
fs.chmodSync(base, 0o755);
const port = 54_000 + Math.floor(Math.random() * 900);

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

async function count(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS kept (n int)');
    await client.query('INSERT INTO kept VALUES (1)');
    return Number((await client.query('SELECT count(*) AS n FROM kept')).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL', () => {
  it('keeps its data across restarts, with its password beside the data folder', async () => {
    const first = await startEmbeddedPostgres({ baseDir: base, name: 'kept', port, log: () => undefined });
    expect(await count(first.url)).toBe(1);
    await first.stop();
    expect(fs.existsSync(`${first.dataDir}.credentials.json`)).toBe(true);
    const second = await startEmbeddedPostgres({ baseDir: base, name: 'kept', port, log: () => undefined });
    try {
      expect(await count(second.url)).toBe(2);
    } finally {
      await second.stop();
    }
  });

  it('refuses, with a clear message, a data folder whose password file is lost, and changes nothing', async () => {
    const first = await startEmbeddedPostgres({ baseDir: base, name: 'lost', port: port + 1, log: () => undefined });
    await first.stop();
    fs.rmSync(`${first.dataDir}.credentials.json`);
    await expect(startEmbeddedPostgres({ baseDir: base, name: 'lost', port: port + 1, log: () => undefined })).rejects.toThrow(
      /lost its password file/,
    );
    expect(fs.existsSync(path.join(first.dataDir, 'PG_VERSION'))).toBe(true);
  });

  it('makes a disposable (test) cluster anew when its password file is lost', async () => {
    const first = await startEmbeddedPostgres({ baseDir: base, name: 'tmp', port: port + 2, log: () => undefined, disposable: true });
    await first.stop();
    fs.rmSync(`${first.dataDir}.credentials.json`);
    const again = await startEmbeddedPostgres({ baseDir: base, name: 'tmp', port: port + 2, log: () => undefined, disposable: true });
    try {
      expect(await count(again.url)).toBe(1);
    } finally {
      await again.stop();
    }
  });
});
