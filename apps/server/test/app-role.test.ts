import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { createPool, ensureDatabase, type Db } from '../src/db/pool.js';
import { prepareAppConnection } from '../src/db/roles.js';
import { unique } from './support.js';

/**
 * The app's own role: not a superuser, no DDL, and the audit and security logs append-only even for
 * the app itself (the trigger stops the owner too, but a superuser could drop it).
 */
let owner: Db;
let app: pg.Client;
let dbName: string;
let role: string | null;

const serverUrl = () => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = '/postgres';
  return url.toString();
};

beforeAll(async () => {
  dbName = `accord_role_${unique()}`;
  const ownerUrl = await ensureDatabase(serverUrl(), dbName, { recreate: true });
  owner = createPool(ownerUrl, 2);
  await migrate(owner);
  const connection = await prepareAppConnection(owner, ownerUrl, { role: 'accord_app' });
  role = connection.role;
  app = new pg.Client({ connectionString: connection.url });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await owner.end();
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await client.end();
});

const refused = async (sql: string) => {
  const error = await app.query(sql).then(
    () => null,
    (e: { code?: string }) => e,
  );
  return error?.code;
};

describe('the role the app connects as', () => {
  it('is its own, and no superuser', async () => {
    expect(role).toBe('accord_app');
    const { rows } = await app.query(
      'SELECT current_user AS who, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user',
    );
    expect(rows[0]).toEqual({ who: 'accord_app', rolsuper: false, rolcreaterole: false, rolcreatedb: false });
  });

  it('reads and writes the app’s tables', async () => {
    await app.query(`INSERT INTO sign_in_attempts (key, n) VALUES ('address:role-test', 1)`);
    await app.query(`UPDATE sign_in_attempts SET n = 2 WHERE key = 'address:role-test'`);
    await app.query(`DELETE FROM sign_in_attempts WHERE key = 'address:role-test'`);
    await app.query(`INSERT INTO security_events (kind, email) VALUES ('sign_in.failed', 'role@test.vn')`);
    expect((await app.query('SELECT count(*)::int AS n FROM security_events')).rows[0].n).toBe(1);
    expect((await app.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBeGreaterThan(0);
  });

  it('may not change or empty the audit and security logs, nor the migrations’ record', async () => {
    for (const sql of [
      'UPDATE audit_events SET entity_title = NULL',
      'DELETE FROM audit_events',
      'TRUNCATE audit_events',
      'UPDATE security_events SET email = NULL',
      'DELETE FROM security_events',
      'TRUNCATE security_events',
      'DELETE FROM schema_migrations',
      "INSERT INTO schema_migrations (name) VALUES ('forged.sql')",
    ]) {
      expect(await refused(sql), sql).toBe('42501');
    }
  });

  it('may not change the schema', async () => {
    expect(await refused('CREATE TABLE intruder (n int)')).toBe('42501');
    expect(await refused('DROP TRIGGER audit_events_no_update ON audit_events')).toBe('42501');
    expect(await refused('ALTER TABLE tasks ADD COLUMN x int')).toBe('42501');
  });

  it('is granted again, the same, after each start (idempotent, same password)', async () => {
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${dbName}`;
    const again = await prepareAppConnection(owner, url.toString(), { role: 'accord_app' });
    const client = new pg.Client({ connectionString: again.url });
    await client.connect();
    expect((await client.query('SELECT current_user AS who')).rows[0].who).toBe('accord_app');
    await client.end();
  });
});
