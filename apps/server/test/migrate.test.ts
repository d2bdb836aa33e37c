import { describe, expect, inject, it } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { createPool, ensureDatabase } from '../src/db/pool.js';

describe('migrations', () => {
  it('apply on a pool of one connection, from two instances at once, exactly once', async () => {
    const admin = new URL(inject('databaseUrl'));
    admin.pathname = '/postgres';
    const url = await ensureDatabase(admin.toString(), 'accord_migrate_test', { recreate: true });
    const a = createPool(url, 1);
    const b = createPool(url, 1);
    try {
      const [fromA, fromB] = await Promise.all([migrate(a), migrate(b)]);
      expect(fromA.length + fromB.length).toBeGreaterThan(0);
      expect(fromA.filter((f) => fromB.includes(f))).toEqual([]);
      const { rows } = await a.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]?.n).toBe(fromA.length + fromB.length);
      expect(await migrate(a)).toEqual([]);
    } finally {
      await a.end();
      await b.end();
      await ensureDatabase(admin.toString(), 'accord_migrate_test', { recreate: true });
    }
  });
});
