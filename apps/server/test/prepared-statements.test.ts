import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPool, withTransaction, type Db, type Queryable } from '../src/db/pool.js';
import { buildOrganisation, buildUser } from './support.js';
import { prepared } from '../src/db/sql.js';
import { findAgreementFacts } from '../src/modules/access/access.repository.js';
import { findSession, findSessions } from '../src/modules/auth/auth.repository.js';
import { insertEvent } from '../src/modules/history/history.repository.js';
import { countTopLevel, listAreaPage } from '../src/modules/plan/plan.repository.js';
import { findTask, updateTask } from '../src/modules/tasks/task.repository.js';

/**
 * The statements nearly every request runs are parsed and planned once per connection: planning
 * them each time cost more than running them (docs/PERFORMANCE.md, "Prepared statements" and
 * "Plans made once").
 */
let db: Db;
beforeAll(() => {
  // One connection, so that every statement below runs on the connection asked afterwards.
  db = createPool(inject('databaseUrl'), 1);
});
afterAll(() => db.end());

async function preparedOnConnection(): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
  return rows.map((r) => r.name);
}

async function plansOnConnection(on: Queryable = db): Promise<Map<string, { generic: number; custom: number }>> {
  const { rows } = await on.query<{ name: string; generic: string; custom: string }>(
    'SELECT name, generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements',
  );
  return new Map(rows.map((r) => [r.name, { generic: Number(r.generic), custom: Number(r.custom) }]));
}

const hot = [
  'agreement.facts',
  'agreement.facts.share',
  'history.insert',
  'plan.area-page',
  'plan.area-top-count',
  'session.find.1',
  'session.find.4',
  'task.find',
  'task.find.lock',
  'task.update.read',
];
/**
 * Of those, the ones whose cost does not depend on the value at hand, so that PostgreSQL keeps one
 * plan for any. An area's top-level count is estimated from the area's own share of the tasks:
 * for an area it has no statistics for (as here) the plan for the value is rightly cheaper, and
 * PostgreSQL may plan it each time; it is still parsed once.
 */
const plannedOnce = hot.filter((name) => name !== 'plan.area-top-count');

describe('prepared statements', () => {
  it('keep what every request runs prepared on the connection, each planned once and reused', async () => {
    const id = crypto.randomUUID();
    const write = {
      code: null,
      title: 'Không có',
      description: null,
      obligor: 'government' as const,
      leadUnitId: null,
      coordinatingUnitIds: [],
      responsiblePerson: null,
      startDate: null,
      dueDate: null,
      expectedProduct: null,
      decidedBy: null,
      state: 'open' as const,
      stateReason: null,
      progress: 0,
      weight: 1,
      startedOn: null,
    };
    // PostgreSQL makes a plan for the values at hand for a statement's first five runs, then keeps
    // one for any values if that is no dearer: run each more often than that.
    for (let run = 0; run < 8; run += 1) {
      await findSession(db, crypto.randomBytes(32), 12, 120);
      await findSessions(db, [crypto.randomBytes(32), crypto.randomBytes(32), crypto.randomBytes(32)], 12, 120);
      await findAgreementFacts(db, id);
      await findAgreementFacts(db, id, { lock: 'share' });
      await findTask(db, id, id);
      await findTask(db, id, id, { forUpdate: true });
      await listAreaPage(db, id, id, 0, 10);
      await countTopLevel(db, id, id);
      // An event and an edit of nothing, in a transaction that is rolled back: prepared all the same.
      await withTransaction(db, async (tx) => {
        await insertEvent(tx, {
          actorId: null,
          action: 'update',
          entityType: 'task',
          entityId: id,
          agreementId: null,
          entityTitle: null,
          before: null,
          after: null,
          causeId: null,
          audienceSide: null,
        });
        await updateTask(tx, id, id, write, false);
        throw new Error('roll back');
      }).catch((e: Error) => expect(e.message).toBe('roll back'));
    }
    expect(await preparedOnConnection()).toEqual(expect.arrayContaining(hot));
    const plans = await plansOnConnection();
    // A statement planned afresh on every run (as the session lookup by an array of hashes was)
    // costs PostgreSQL more than it runs for.
    expect(Object.fromEntries(plannedOnce.map((name) => [name, (plans.get(name)?.generic ?? 0) > 0]))).toEqual(
      Object.fromEntries(plannedOnce.map((name) => [name, true])),
    );
  });

  it('plan the session lookup once also where there are thousands of sessions, for one request and for a batch', async () => {
    const organisation = await buildOrganisation(db, { kind: 'province' });
    const user = await buildUser(db, { role: 'coordinator', organisationId: organisation.id });
    let plans = new Map<string, { generic: number; custom: number }>();
    await withTransaction(db, async (tx) => {
      // Enough sessions that a plan for the hashes at hand looks cheaper than one for any hashes,
      // as it did for an array of hashes: rolled back, only the table's statistics stay.
      await tx.query(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
         SELECT sha256(convert_to(g::text || $2, 'UTF8')), $1, 'x', now() + interval '1 hour' FROM generate_series(1, 5000) g`,
        [user.id, crypto.randomUUID()],
      );
      await tx.query('ANALYZE sessions');
      for (let run = 0; run < 8; run += 1) {
        await findSession(tx, crypto.randomBytes(32), 12, 120);
        await findSessions(tx, [crypto.randomBytes(32), crypto.randomBytes(32)], 12, 120);
      }
      plans = await plansOnConnection(tx);
      throw new Error('roll back');
    }).catch((e: Error) => expect(e.message).toBe('roll back'));
    expect({ one: plans.get('session.find.1')?.generic, two: plans.get('session.find.2')?.generic }).toEqual({
      one: expect.toSatisfy((n: number) => n > 0),
      two: expect.toSatisfy((n: number) => n > 0),
    });
  });

  it('find every live session among any number of hashes, in forms of every size', async () => {
    const organisation = await buildOrganisation(db, { kind: 'province' });
    const user = await buildUser(db, { role: 'coordinator', organisationId: organisation.id });
    const live = [crypto.randomBytes(32), crypto.randomBytes(32)];
    const expired = crypto.randomBytes(32);
    await db.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
       VALUES ($1, $4, 'a', now() + interval '1 hour'), ($2, $4, 'b', now() + interval '1 hour'), ($3, $4, 'c', now() - interval '1 second')`,
      [live[0], live[1], expired, user.id],
    );
    const others = (n: number) => Array.from({ length: n }, () => crypto.randomBytes(32));
    // One, three (padded to four), and 300 (a form of 256 and one of 64) with a live one first and one last in the first form.
    const asked = [[live[0]], [live[0], expired, live[1]], [live[0], ...others(254), live[1], ...others(43), expired]] as Buffer[][];
    for (const hashes of asked) {
      const found = await findSessions(db, hashes, 12, 120);
      const expected = live.filter((h) => hashes.includes(h)).map((h) => h.toString('hex'));
      expect([...found.keys()].sort()).toEqual(expected.sort());
      for (const hex of expected) expect(found.get(hex)?.user.id).toBe(user.id);
    }
    expect((await findSessions(db, [], 12, 120)).size).toBe(0);
    await db.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
  });

  it('give one name one text: a second text under a name already taken is refused', () => {
    const make = prepared('test.one', 'SELECT 1');
    expect(make([])).toEqual({ name: 'test.one', text: 'SELECT 1', values: [] });
    // The same text again (a module loaded twice) is the same statement.
    expect(() => prepared('test.one', 'SELECT 1')).not.toThrow();
    expect(() => prepared('test.one', 'SELECT 2')).toThrow(/test\.one/);
  });
});
