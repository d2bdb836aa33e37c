import {
  addDays,
  agreementStatuses,
  deriveStatus,
  derivedStatusSql,
  derivedStatuses,
  isOverdue,
  isPublished,
  overdueSql,
  publishedSql,
  taskStatuses,
  todayInVietnam,
  type StatusFacts,
} from '@accord/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from './support.js';

/** Each derived status is a domain function with an SQL twin: both must say the same of the same rows. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => ctx.close());

describe('derived statuses and their SQL twins agree', () => {
  it('on "overdue", for every status and due dates around today in Việt Nam', async () => {
    const today = todayInVietnam();
    const { rows: days } = await ctx.db.query<{ d: string }>(
      `SELECT to_char(d, 'YYYY-MM-DD') AS d FROM generate_series(($1::date - 2), ($1::date + 2), interval '1 day') d`,
      [today],
    );
    const dues = [null, ...days.map((r) => r.d)];
    const rows = taskStatuses.flatMap((status) => dues.map((dueDate) => ({ status, dueDate })));
    const { rows: sql } = await ctx.db.query<{ i: number; overdue: boolean }>(
      `SELECT t.i, ${overdueSql('t')} AS overdue
       FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS t(status, due_date, i)`,
      [rows.map((r) => r.status), rows.map((r) => r.dueDate)],
    );
    const fromSql = sql.sort((a, b) => a.i - b.i).map((r) => r.overdue);
    expect(fromSql).toEqual(rows.map((r) => isOverdue(r, today)));
    expect(fromSql.some(Boolean) && fromSql.some((x) => !x)).toBe(true);
  });

  it('on "published", for every status and visibility', async () => {
    const rows = agreementStatuses.flatMap((status) => (['parties', 'public'] as const).map((visibility) => ({ status, visibility })));
    const { rows: sql } = await ctx.db.query<{ i: number; published: boolean }>(
      `SELECT a.i, ${publishedSql('a')} AS published FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS a(status, visibility, i)`,
      [rows.map((r) => r.status), rows.map((r) => r.visibility)],
    );
    expect(sql.sort((a, b) => a.i - b.i).map((r) => r.published)).toEqual(rows.map((r) => isPublished(r)));
  });

  it('on the status of a task worked out from its facts, around today and its due date, with the rules as parameters', async () => {
    const today = todayInVietnam();
    const days = [null, -30, -7, -1, 0, 1, 6, 7, 30].map((n) => (n === null ? null : addDays(today, n)));
    const rows: StatusFacts[] = [];
    for (const state of ['open', 'paused', 'cancelled'] as const)
      for (const progress of [0, 29.9, 60, 100])
        for (const startDate of [null, addDays(today, -20), addDays(today, 2)])
          for (const dueDate of days)
            for (const [deliveredOn, acceptedOn] of [
              [null, null],
              [addDays(today, -2), null],
              [addDays(today, -8), addDays(today, -1)],
              [addDays(today, -2), today],
            ] as const)
              rows.push({ state, progress, startDate, dueDate, deliveredOn, acceptedOn, started: progress === 60 });
    const rules = { atRiskDays: 7, progressMargin: 20 };
    const sql = derivedStatusSql(
      {
        state: 't.state',
        progress: 't.progress',
        startDate: 't.start_date',
        dueDate: 't.due_date',
        deliveredOn: 't.delivered_on',
        acceptedOn: 't.accepted_on',
        started: 't.started',
      },
      { atRiskDays: '$8::int', progressMargin: '$9::numeric' },
    );
    const { rows: found } = await ctx.db.query<{ i: number; status: string }>(
      `SELECT t.i, ${sql} AS status
       FROM unnest($1::text[], $2::numeric[], $3::date[], $4::date[], $5::date[], $6::date[], $7::boolean[])
         WITH ORDINALITY AS t(state, progress, start_date, due_date, delivered_on, accepted_on, started, i)`,
      [
        rows.map((r) => r.state),
        rows.map((r) => r.progress),
        rows.map((r) => r.startDate),
        rows.map((r) => r.dueDate),
        rows.map((r) => r.deliveredOn),
        rows.map((r) => r.acceptedOn),
        rows.map((r) => r.started),
        rules.atRiskDays,
        rules.progressMargin,
      ],
    );
    const fromSql = found.sort((a, b) => a.i - b.i).map((r) => r.status);
    expect(fromSql).toEqual(rows.map((r) => deriveStatus(r, today, rules)));
    // The grid reaches every status, so no branch of either goes untested.
    expect(new Set(fromSql)).toEqual(new Set(derivedStatuses));
  });
});
