import {
  addDays,
  agreementStatuses,
  deriveStatus,
  derivedStatusSql,
  derivedStatuses,
  isPublished,
  publishedSql,
  todayInVietnam,
  type StatusFacts,
} from '@accord/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskListStatements } from '../src/modules/tasks/task.repository.js';
import { buildArea, buildTask, buildTwoSidedAgreement, startTestApp, type TaskFactsWrite, type TestContext } from './support.js';

/** Each derived status is a domain function with an SQL twin: both must say the same of the same rows. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => ctx.close());

describe('derived statuses and their SQL twins agree', () => {
  it("on the stored tasks: every list shows each task's status as the domain works it out from its facts", async () => {
    const today = todayInVietnam();
    const { agreementId } = await buildTwoSidedAgreement(ctx.db);
    // The agreement's own rules, not the defaults: at risk within 10 days, 5 points behind.
    await ctx.db.query('UPDATE agreements SET at_risk_days = 10, progress_margin = 5 WHERE id = $1', [agreementId]);
    const area = await buildArea(ctx.db, agreementId);
    const cases: TaskFactsWrite[] = [];
    for (const state of ['open', 'paused', 'cancelled'] as const)
      for (const progress of [0, 40, 80, 100])
        for (const [deliveredOn, acceptedOn] of [
          [null, null],
          [addDays(today, -3), null],
          [addDays(today, -3), today],
        ] as const)
          cases.push({
            state,
            progress,
            weight: 1,
            startedOn: progress > 0 ? addDays(today, -20) : null,
            deliveredOn,
            acceptedOn,
            deliveredBySide: null,
          });
    const dues = [addDays(today, -1), today, addDays(today, 8), addDays(today, 40), null];
    const built: { id: string; facts: StatusFacts }[] = [];
    // Every case against every due date: each rule of the agreement's decides some row.
    for (const [facts, dueDate] of cases.flatMap((c) => dues.map((d) => [c, d] as const))) {
      const { id } = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'joint', dueDate, facts });
      const startDate = dueDate && dueDate < '2025-10-01' ? null : '2025-10-01';
      built.push({ id, facts: { ...facts, startDate, dueDate, started: facts.startedOn !== null } });
    }
    const { page } = taskListStatements({
      agreementId,
      viewer: null,
      leadUnits: null,
      areaId: undefined,
      statuses: undefined,
      overdue: undefined,
      dueFrom: undefined,
      dueTo: undefined,
      words: [],
      sort: undefined,
      order: undefined,
      limit: 500,
      offset: 0,
    });
    const { rows } = await ctx.db.query<{ id: string; status: string }>(page.text, page.values);
    const shown = new Map(rows.map((r) => [r.id, r.status]));
    const rules = { atRiskDays: 10, progressMargin: 5 };
    expect(built.map((b) => shown.get(b.id))).toEqual(built.map((b) => deriveStatus(b.facts, today, rules)));
    expect([...new Set(shown.values())].sort()).toEqual(
      expect.arrayContaining(['at_risk', 'cancelled', 'completed_on_time', 'delivered', 'overdue', 'paused']),
    );
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
