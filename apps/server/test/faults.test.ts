import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { databaseFaultOf } from '../src/db/faults.js';
import { migrate } from '../src/db/migrate.js';
import { createPool, endWhenIdle, unbounded, withTransaction, type DatabaseBounds } from '../src/db/pool.js';
import {
  buildArea,
  buildTask,
  buildTwoSidedAgreement,
  buildUser,
  clientFor,
  errorCode,
  signInAs,
  startTestApp,
  unique,
  type Client,
  type TestContext,
} from './support.js';

/**
 * The server under database faults: a connection lost during a request fails that request (and
 * only it) with a coded 503 and the server goes on; a database that is away, or a wait past its
 * bound, answers 503 with Retry-After; health checks tell liveness from readiness.
 */
let ctx: TestContext;
let coordinator: Client;
let agreementId: string;
let areaId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const world = await buildTwoSidedAgreement(ctx.db);
  agreementId = world.agreementId;
  areaId = (await buildArea(ctx.db, agreementId)).id;
  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: world.provinceId })).email);
});
afterAll(() => ctx.close());

/** An app on a pool of its own (so that its connections can be found and killed), sharing the session store. */
async function appWith(bounds: Partial<DatabaseBounds>, size = 4): Promise<TestContext & { name: string }> {
  const name = unique('accord-faults-');
  return { ...(await startTestApp({}, { size, name, bounds })), name };
}

const as = (app: FastifyInstance) => clientFor(app, coordinator.cookie, coordinator.csrf, coordinator.userId);
const taskUrl = (id: string) => `/api/agreements/${agreementId}/tasks/${id}`;

/** Holds a task's row lock from outside the app until `release` is called. */
async function lockTask(taskId: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM tasks WHERE id = $1 FOR UPDATE', [taskId]);
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('a connection lost during a request', () => {
  it('fails that request with 503 DATABASE_UNAVAILABLE, keeps the server up, and the same edit then goes through once', async () => {
    const server = await appWith(unbounded);
    try {
      const task = await buildTask(ctx.db, { agreementId, areaId, obligor: 'government' });
      const held = await lockTask(task.id);
      // The edit waits for the row inside its transaction, on a connection checked out of the pool.
      const pending = as(server.app).patch(taskUrl(task.id), { responsiblePerson: 'Nguyễn Văn An' }, { 'if-match': '"1"' });
      const pid = await waitFor(async () => {
        const { rows } = await ctx.db.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
          [server.name],
        );
        return rows[0]?.pid;
      });
      await ctx.db.query('SELECT pg_terminate_backend($1)', [pid]);
      const lost = await pending;
      expect(lost.statusCode).toBe(503);
      expect(errorCode(lost)).toBe('DATABASE_UNAVAILABLE');
      expect(lost.headers['retry-after']).toBe('5');
      await held.release();

      // The server goes on, on a new connection, and nothing of the lost edit was kept.
      const again = await as(server.app).patch(taskUrl(task.id), { responsiblePerson: 'Nguyễn Văn An' }, { 'if-match': '"1"' });
      expect(again.statusCode).toBe(200);
      expect((again.json() as { version: number }).version).toBe(2);
      const { rows } = await ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'update'`,
        [task.id],
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('under concurrent creates with its connections killed again and again: acknowledged tasks are there once each, with their history', async () => {
    const server = await appWith(unbounded, 3);
    const prefix = unique('Nhiệm vụ chịu lỗi ');
    const acknowledged: string[] = [];
    const statuses: Record<number, number> = {};
    let stop = false;
    const killer = (async () => {
      while (!stop) {
        await new Promise((r) => setTimeout(r, 40));
        // One of the app's connections at a time, whatever it is doing (in a statement, between two, idle).
        await ctx.db.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 ORDER BY random() LIMIT 1', [
          server.name,
        ]);
      }
    })();
    try {
      const client = as(server.app);
      // Until both kinds of answer have been seen enough (bounded: at most 400 creates).
      let attempts = 0;
      const enough = () => acknowledged.length >= 10 && (statuses[503] ?? 0) >= 3;
      await Promise.all(
        Array.from({ length: 4 }, async (_, worker) => {
          while (!enough() && attempts < 400) {
            const n = attempts++;
            const res = await client.post(`/api/agreements/${agreementId}/tasks`, {
              areaId,
              title: `${prefix} ${worker}-${n}`,
              obligor: 'government',
            });
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            if (res.statusCode === 201 || res.statusCode === 200) acknowledged.push((res.json() as { id: string }).id);
            else expect(errorCode(res), res.body).toBe('DATABASE_UNAVAILABLE');
          }
        }),
      );
    } finally {
      stop = true;
      await killer;
    }
    try {
      // Some answers were lost to the kills, and some got through.
      expect(acknowledged.length, JSON.stringify(statuses)).toBeGreaterThanOrEqual(10);
      expect(statuses[503], JSON.stringify(statuses)).toBeGreaterThanOrEqual(3);
      const { rows } = await ctx.db.query<{ id: string; title: string; events: number }>(
        `SELECT t.id, t.title, (SELECT count(*)::int FROM audit_events e WHERE e.entity_id = t.id AND e.action = 'create') AS events
         FROM tasks t WHERE t.agreement_id = $1 AND t.title LIKE $2`,
        [agreementId, `${prefix}%`],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of acknowledged) expect(byId.get(id)?.events, id).toBe(1);
      // None half-applied: every task that exists has its history event; no title twice.
      for (const r of rows) expect(r.events, r.title).toBe(1);
      expect(new Set(rows.map((r) => r.title)).size).toBe(rows.length);
      // And the server recovers on its own: a request may still meet a connection killed a moment
      // before (its end not yet read), and gets 503; the next ones are served.
      const recovered = await waitFor(async () => {
        const res = await as(server.app).get(`/api/agreements/${agreementId}`);
        if (res.statusCode === 503) return undefined;
        return res.statusCode;
      });
      expect(recovered).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('a database that is away', () => {
  it('answers every request 503 DATABASE_UNAVAILABLE with Retry-After; liveness stays 200, readiness says 503', async () => {
    const port = await freePort();
    const server = await appWith({ acquireTimeoutMs: 2_000 });
    // The same app code on a pool that points at nothing.
    const away = createPool(`postgres://accord:x@127.0.0.1:${port}/accord`, 2, 'accord-away', { acquireTimeoutMs: 2_000 });
    const app = await buildApp({ db: away, config: loadConfig({}) });
    try {
      await app.ready();
      const live = await app.inject({ method: 'GET', url: '/api/health/live' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'ok' });
      for (const res of [
        await app.inject({ method: 'GET', url: '/api/health' }),
        await as(app).get(`/api/agreements/${agreementId}`),
        await as(app).post(`/api/agreements/${agreementId}/tasks`, { areaId, title: 'Không lưu được', obligor: 'government' }),
      ]) {
        expect(res.statusCode, res.body).toBe(503);
        expect(errorCode(res)).toBe('DATABASE_UNAVAILABLE');
        expect(res.headers['retry-after']).toBe('5');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
      // The same requests on a reachable database.
      expect((await server.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
        status: 'ok',
        database: 'ok',
        migrations: 'ok',
      });
    } finally {
      await app.close();
      await away.end();
      await server.close();
    }
  });
});

describe('waits', () => {
  it('a row lock held past the lock bound answers 503 DATABASE_TIMEOUT, quickly, and changes nothing', async () => {
    const server = await appWith({ lockTimeoutMs: 300 });
    const task = await buildTask(ctx.db, { agreementId, areaId, obligor: 'government' });
    const held = await lockTask(task.id);
    try {
      const started = Date.now();
      const res = await as(server.app).patch(taskUrl(task.id), { responsiblePerson: 'Trần Thị Bình' }, { 'if-match': '"1"' });
      expect(res.statusCode).toBe(503);
      expect(errorCode(res)).toBe('DATABASE_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await held.release();
      await server.close();
    }
    const { rows } = await ctx.db.query<{ version: number }>('SELECT version FROM tasks WHERE id = $1', [task.id]);
    expect(rows[0]?.version).toBe(1);
  });

  it('a full pool answers 503 DATABASE_TIMEOUT past the acquisition bound, while readiness on its own pool still answers', async () => {
    const db = createPool(inject('databaseUrl'), 1, unique('accord-full-'), { acquireTimeoutMs: 300 });
    const healthDb = createPool(inject('databaseUrl'), 1, unique('accord-health-'), { acquireTimeoutMs: 300 });
    const app = await buildApp({ db, healthDb, config: loadConfig({}) });
    const taken = await db.connect();
    try {
      await app.ready();
      const res = await as(app).get(`/api/agreements/${agreementId}`);
      expect(res.statusCode).toBe(503);
      expect(errorCode(res)).toBe('DATABASE_TIMEOUT');
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      taken.release();
      await app.close();
      await db.end();
      await healthDb.end();
    }
  });

  it('migrations leave no unbounded connection in the pool: the statement bound holds afterwards', async () => {
    const db = createPool(inject('databaseUrl'), 1, unique('accord-migrate-'), { statementTimeoutMs: 1_500, lockTimeoutMs: 700 });
    try {
      await migrate(db);
      const { rows } = await db.query<{ s: string; l: string }>(
        `SELECT current_setting('statement_timeout') AS s, current_setting('lock_timeout') AS l`,
      );
      expect(rows[0]).toEqual({ s: '1500ms', l: '700ms' });
    } finally {
      await db.end();
    }
  });
});

describe('databaseFaultOf', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    ['ECONNREFUSED', 'unavailable'],
    ['ECONNRESET', 'unavailable'],
    ['57P01', 'unavailable'], // admin shutdown
    ['57P03', 'unavailable'], // starting up
    ['53300', 'unavailable'], // too many clients
    ['53100', 'unavailable'], // disk full
    ['08006', 'unavailable'], // connection failure
    ['57014', 'timeout'], // statement timeout
    ['55P03', 'timeout'], // lock timeout
  ])('%s is %s', (code, fault) => {
    expect(databaseFaultOf(withCode(code))?.fault).toBe(fault);
  });

  it('knows the driver’s own errors and leaves statement errors and the app’s own to their handlers', () => {
    expect(databaseFaultOf(new Error('Connection terminated unexpectedly'))).toEqual({ fault: 'unavailable', discard: true });
    expect(databaseFaultOf(new Error('Query read timeout'))).toEqual({ fault: 'timeout', discard: true });
    expect(databaseFaultOf(new Error('timeout exceeded when trying to connect'))?.fault).toBe('timeout');
    expect(databaseFaultOf(withCode('23514'))).toBeUndefined();
    expect(databaseFaultOf(withCode('VERSION_CONFLICT', 'Connection terminated'))).toBeUndefined();
    expect(databaseFaultOf(new Error('Something else'))).toBeUndefined();
  });
});

describe('the client-side query bound', () => {
  it('fails a query the database does not answer in time with a timeout, and the pool goes on', async () => {
    const db = createPool(inject('databaseUrl'), 2, unique('accord-watch-'), { queryTimeoutMs: 300 });
    // The watchdog reads no deprecated pg property: a production log carries no DeprecationWarning.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const started = Date.now();
      const error = await db.query('SELECT pg_sleep(3)').then(
        () => null,
        (e: unknown) => e,
      );
      expect(databaseFaultOf(error)).toEqual({ fault: 'timeout', discard: true });
      expect(Date.now() - started).toBeLessThan(1_500);
      // Inside a transaction too, and the connection is not handed on.
      const inTx = await withTransaction(db, (tx) => tx.query('SELECT pg_sleep(3)')).then(
        () => null,
        (e: unknown) => e,
      );
      expect(databaseFaultOf(inTx)?.fault).toBe('timeout');
      expect((await db.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
      expect(db.totalCount).toBeLessThanOrEqual(2);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => /activeQuery|deprecat/i.test(w))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await db.end();
    }
  });
});

describe('a graceful stop', () => {
  it('ends a pool only once the statements running on it have finished', async () => {
    const db = createPool(inject('databaseUrl'), 2, unique('accord-drain-'));
    const running = db.query('SELECT pg_sleep(0.3) AS slept');
    // A handler running one statement after another on the pool, as a request does (its session, then its work).
    const handler = (async () => {
      await db.query('SELECT pg_sleep(0.1)');
      return (await db.query('SELECT 2 AS two')).rows[0];
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await endWhenIdle(db, 5_000);
    await expect(running).resolves.toMatchObject({ rowCount: 1 });
    await expect(handler).resolves.toEqual({ two: 2 });
    expect(db.ended).toBe(true);
  });
});
