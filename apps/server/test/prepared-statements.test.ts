import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPool, withTransaction, type Db } from '../src/db/pool.js';
import { prepared } from '../src/db/sql.js';
import { findAgreementFacts } from '../src/modules/access/access.repository.js';
import { findSession } from '../src/modules/auth/auth.repository.js';
import { insertEvent } from '../src/modules/history/history.repository.js';
import { findTask } from '../src/modules/tasks/task.repository.js';

/**
 * The statements nearly every request runs are parsed and planned once per connection: planning
 * them each time cost more than running them (docs/PERFORMANCE.md, "Prepared statements").
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

describe('prepared statements', () => {
  it('keep the session, an agreement’s access facts, a task by id and the history event prepared on the connection', async () => {
    const id = crypto.randomUUID();
    await findSession(db, crypto.randomBytes(32), 12, 120);
    await findAgreementFacts(db, id);
    await findAgreementFacts(db, id, { lock: 'share' });
    await findTask(db, id, id);
    await findTask(db, id, id, { forUpdate: true });
    // An event for nothing, in a transaction that is rolled back: the statement is prepared all the same.
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
      throw new Error('roll back');
    }).catch((e: Error) => expect(e.message).toBe('roll back'));
    expect(await preparedOnConnection()).toEqual(
      expect.arrayContaining(['agreement.facts', 'agreement.facts.share', 'history.insert', 'session.find', 'task.find', 'task.find.lock']),
    );
  });

  it('give one name one text: a second text under a name already taken is refused', () => {
    const make = prepared('test.one', 'SELECT 1');
    expect(make([])).toEqual({ name: 'test.one', text: 'SELECT 1', values: [] });
    // The same text again (a module loaded twice) is the same statement.
    expect(() => prepared('test.one', 'SELECT 1')).not.toThrow();
    expect(() => prepared('test.one', 'SELECT 2')).toThrow(/test\.one/);
  });
});
