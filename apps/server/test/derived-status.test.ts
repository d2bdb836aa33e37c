import { isOverdue, isPublished, overdueSql, publishedSql, taskStatuses, todayInVietnam, agreementStatuses } from '@accord/domain';
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
});
