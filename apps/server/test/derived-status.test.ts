import {
  addDays,
  agreementStatuses,
  deriveStatus,
  derivedStatusSql,
  derivedStatuses,
  isPublished,
  isStale,
  reportCadences,
  reportCycleStart,
  reportCycleStartSql,
  staleFrom,
  type StaleFacts,
  owingStatuses,
  publishedSql,
  statusFilterSql,
  type DerivedStatus,
  taskStatuses,
  todayInVietnam,
  type StatusFacts,
  type TaskStatus,
} from '@accord/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskListStatements, type TaskListFilter } from '../src/modules/tasks/task.repository.js';
import { buildArea, buildTask, buildTwoSidedAgreement, startTestApp, type TaskFactsWrite, type TestContext } from './support.js';

/** Each derived status is a domain function with an SQL twin: both must say the same of the same rows. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => ctx.close());

/** A list of one agreement's tasks, every filter off but those of `extra`, 500 a page. */
function filterOf(agreementId: string, extra: Partial<TaskListFilter>): TaskListFilter {
  return {
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
    ...extra,
  };
}

/** The ids of one agreement's tasks a list with `extra` keeps (sorted), its count checked against them. */
async function listedIds(agreementId: string, extra: Partial<TaskListFilter>): Promise<string[]> {
  const { page, count } = taskListStatements(filterOf(agreementId, extra));
  const { rows } = await ctx.db.query<{ id: string }>(page.text, page.values);
  const total = (await ctx.db.query<{ n: number }>(count.text, count.values)).rows[0]?.n;
  expect(total).toBe(rows.length);
  return rows.map((r) => r.id).sort();
}

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
    const dues = [addDays(today, -10), addDays(today, -1), today, addDays(today, 8), addDays(today, 40), null];
    const built: { id: string; facts: StatusFacts }[] = [];
    // Every case against every due date: each rule of the agreement's decides some row.
    for (const [facts, dueDate] of cases.flatMap((c) => dues.map((d) => [c, d] as const))) {
      const { id } = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'joint', dueDate, facts });
      const startDate = dueDate && dueDate < '2025-10-01' ? null : '2025-10-01';
      built.push({ id, facts: { ...facts, startDate, dueDate, started: facts.startedOn !== null } });
    }
    const rules = { atRiskDays: 10, progressMargin: 5 };
    const expected = new Map(built.map((b) => [b.id, deriveStatus(b.facts, today, rules)]));
    const listOf = (statuses: TaskStatus[] | undefined, extra: Partial<TaskListFilter> = {}) =>
      listedIds(agreementId, { statuses, ...extra });
    const idsWith = (keep: (s: TaskStatus) => boolean) =>
      built
        .filter((b) => keep(expected.get(b.id) as TaskStatus))
        .map((b) => b.id)
        .sort();
    // Every status alone, the owing ones, and overdue or not: the list keeps exactly the tasks whose status the domain says.
    for (const status of taskStatuses) expect(await listOf([status]), status).toEqual(idsWith((s) => s === status));
    expect(await listOf([...owingStatuses])).toEqual(idsWith((s) => owingStatuses.includes(s)));
    expect(await listOf(['in_progress', 'at_risk', 'delivered'])).toEqual(
      idsWith((s) => ['in_progress', 'at_risk', 'delivered'].includes(s)),
    );
    expect(await listOf(undefined, { overdue: true })).toEqual(idsWith((s) => s === 'overdue'));
    expect(await listOf(undefined, { overdue: false })).toEqual(idsWith((s) => s !== 'overdue'));
    // Sorted by status, in the domain's order of statuses.
    const { page: byStatus } = taskListStatements(filterOf(agreementId, { sort: 'status', order: 'asc' }));
    const sorted = await ctx.db.query<{ id: string }>(byStatus.text, byStatus.values);
    const ranks = sorted.rows.map((r) => taskStatuses.indexOf(expected.get(r.id) as TaskStatus));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(new Set(expected.values())).toEqual(new Set(taskStatuses));
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
  it('on which rows a status filter keeps, for every status alone, the owing ones, and many mixed sets', async () => {
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
              [addDays(today, -40), today],
            ] as const)
              rows.push({ state, progress, startDate, dueDate, deliveredOn, acceptedOn, started: progress === 60 });
    const rules = { atRiskDays: 7, progressMargin: 20 };
    const columns = {
      state: 't.state',
      progress: 't.progress',
      startDate: 't.start_date',
      dueDate: 't.due_date',
      deliveredOn: 't.delivered_on',
      acceptedOn: 't.accepted_on',
      started: 't.started',
    };
    // Every single status, the owing four, all, none, and every set a bit pattern of 0..511 picks in steps of 7.
    const sets: DerivedStatus[][] = [
      ...derivedStatuses.map((s) => [s]),
      [...owingStatuses],
      [...derivedStatuses],
      [],
      ...Array.from({ length: 74 }, (_, i) => derivedStatuses.filter((_, bit) => ((i * 7) >> bit) & 1)),
    ];
    const filters = sets.map((set) => statusFilterSql(columns, set, { atRiskDays: '$8::int', progressMargin: '$9::numeric' }));
    expect(filters.find((f, i) => sets[i]?.join() === owingStatuses.join())?.usesRules).toBe(false);
    const { rows: found } = await ctx.db.query<{ i: number; keep: boolean[] }>(
      `SELECT t.i, ARRAY[${filters.map((f) => f.sql).join(', ')}] AS keep
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
    const byRow = found.sort((a, b) => a.i - b.i);
    sets.forEach((set, j) => {
      const fromSql = byRow.map((r) => r.keep[j]);
      expect(fromSql, set.join(',') || '(none)').toEqual(rows.map((r) => set.includes(deriveStatus(r, today, rules))));
    });
  });

  it('on the first day of every reporting cycle, for every cadence, over three years of days', async () => {
    const days = Array.from({ length: 3 * 366 }, (_, i) => addDays('2025-12-01', i));
    const { rows } = await ctx.db.query<{ day: string; starts: string[] }>(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
         ARRAY[${reportCadences.map((c) => `to_char(${reportCycleStartSql(`'${c}'`, 'd.day')}, 'YYYY-MM-DD')`).join(', ')}] AS starts
       FROM unnest($1::date[]) AS d(day) ORDER BY d.day`,
      [days],
    );
    expect(rows.map((r) => r.starts)).toEqual(days.map((d) => reportCadences.map((c) => reportCycleStart(c, d))));
    // A cycle starts on a Monday, the 1st, or a quarter's first day, and never after the day itself.
    for (const d of days) for (const c of reportCadences) expect(reportCycleStart(c, d) <= d).toBe(true);
  });

  it('on which tasks are stale, for every cadence, around the start of the cycle', async () => {
    const rows: { facts: StaleFacts; cadence: (typeof reportCadences)[number]; today: string; reportedAt: string | null }[] = [];
    for (const today of ['2026-12-01', '2026-12-03', '2027-01-04', '2027-03-31', '2027-04-01'])
      for (const cadence of reportCadences) {
        const start = reportCycleStart(cadence, today);
        const around = [null, addDays(start, -40), addDays(start, -1), start, today];
        for (const state of ['open', 'paused', 'cancelled'] as const)
          for (const deliveredOn of [null, addDays(today, -1)])
            for (const startedOn of around)
              for (const [k, lastReportedOn] of around.entries()) {
                // A report is a moment: its day is the day in Việt Nam (UTC+7), just after midnight or just before the next.
                const reportedAt = lastReportedOn && `${lastReportedOn}T${k % 2 ? '00:10' : '23:50'}:00+07:00`;
                rows.push({ facts: { state, deliveredOn, startedOn, lastReportedOn }, cadence, today, reportedAt });
              }
      }
    // The database's twin (migration 20261207010000), as the trigger writes it onto each task.
    const { rows: found } = await ctx.db.query<{ i: number; from: string | null; stale: boolean }>(
      `SELECT t.i, to_char(f.d, 'YYYY-MM-DD') AS "from", COALESCE(f.d <= t.today, false) AS stale
       FROM unnest($1::text[], $2::date[], $3::date[], $4::timestamptz[], $5::text[], $6::date[])
         WITH ORDINALITY AS t(state, delivered_on, started_on, reported_at, cadence, today, i)
       CROSS JOIN LATERAL (SELECT accord_stale_from(t.cadence, t.state, t.delivered_on, t.started_on, t.reported_at) AS d) f`,
      [
        rows.map((r) => r.facts.state),
        rows.map((r) => r.facts.deliveredOn),
        rows.map((r) => r.facts.startedOn),
        rows.map((r) => r.reportedAt),
        rows.map((r) => r.cadence),
        rows.map((r) => r.today),
      ],
    );
    const byRow = found.sort((a, b) => a.i - b.i);
    expect(byRow.map((r) => r.from)).toEqual(rows.map((r) => staleFrom(r.facts, r.cadence)));
    expect(byRow.map((r) => r.stale)).toEqual(rows.map((r) => isStale(r.facts, r.cadence, r.today)));
    expect(new Set(byRow.map((r) => r.stale))).toEqual(new Set([true, false]));
  });

  it("on the stored tasks: the day each becomes stale follows its facts, its reports and its agreement's cadence", async () => {
    const today = todayInVietnam();
    const { agreementId } = await buildTwoSidedAgreement(ctx.db);
    const area = await buildArea(ctx.db, agreementId);
    const days = [null, addDays(today, -100), addDays(today, -35), addDays(today, -8), addDays(today, -1), today];
    const built: { id: string; facts: StaleFacts }[] = [];
    for (const state of ['open', 'paused'] as const)
      for (const deliveredOn of [null, addDays(today, -2)])
        for (const startedOn of days) {
          const facts = { state, progress: 10, weight: 1, startedOn, deliveredOn, acceptedOn: null, deliveredBySide: null };
          const { id } = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'joint', facts });
          built.push({ id, facts: { state, deliveredOn, startedOn, lastReportedOn: null } });
        }
    const stored = async () =>
      new Map(
        (
          await ctx.db.query<{ id: string; from: string | null }>(
            `SELECT id, to_char(stale_from, 'YYYY-MM-DD') AS "from" FROM tasks WHERE agreement_id = $1`,
            [agreementId],
          )
        ).rows.map((r) => [r.id, r.from]),
      );
    const staleList = async () => new Set(await listedIds(agreementId, { stale: true }));
    const check = async (cadence: (typeof reportCadences)[number]) => {
      const now = await stored();
      for (const b of built) expect(now.get(b.id), `${cadence} ${JSON.stringify(b.facts)}`).toBe(staleFrom(b.facts, cadence));
      expect(await staleList()).toEqual(new Set(built.filter((b) => isStale(b.facts, cadence, today)).map((b) => b.id)));
    };
    await check('monthly');
    // A report shared with both sides (the thread's refreshLastReported writes the moment), on some of them.
    for (const [i, b] of built.entries()) {
      const on = days[(i % (days.length - 1)) + 1] as string;
      await ctx.db.query('UPDATE tasks SET last_reported_at = $2::timestamptz WHERE id = $1', [b.id, `${on}T12:00:00+07:00`]);
      b.facts = { ...b.facts, lastReportedOn: on };
    }
    await check('monthly');
    // The agreement's cadence changes: every task of it follows, in the same statement.
    for (const cadence of ['weekly', 'quarterly', 'fortnightly'] as const) {
      await ctx.db.query('UPDATE agreements SET report_cadence = $2 WHERE id = $1', [agreementId, cadence]);
      await check(cadence);
    }
    // Delivered, paused again, started later: each write of the facts works the day out again.
    const [first, second] = built.filter((b) => b.facts.state === 'open' && b.facts.deliveredOn === null && b.facts.startedOn !== null);
    await ctx.db.query('UPDATE tasks SET delivered_on = $2 WHERE id = $1', [first?.id, today]);
    if (first) first.facts = { ...first.facts, deliveredOn: today };
    await ctx.db.query("UPDATE tasks SET state = 'paused' WHERE id = $1", [second?.id]);
    if (second) second.facts = { ...second.facts, state: 'paused' };
    // Nothing can set the day by hand: it is worked out again.
    await ctx.db.query("UPDATE tasks SET stale_from = DATE '2000-01-01' WHERE agreement_id = $1", [agreementId]);
    await check('fortnightly');
    expect([...(await stored()).values()].filter((d) => d !== null).length).toBeGreaterThan(0);
  });
});

describe('the day in Việt Nam (todayInVietnam)', () => {
  const byZoneDatabase = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

  it('is the time-zone database’s date at every moment from 1975 on, midnight included', () => {
    const moments = [
      Date.UTC(1975, 5, 12, 17),
      Date.UTC(2026, 11, 31, 16, 59, 59, 999),
      Date.UTC(2026, 11, 31, 17),
      Date.UTC(2028, 1, 28, 17),
      Date.UTC(2099, 11, 31, 17),
    ];
    // And a spread of moments between, each at an odd minute of the day.
    for (let i = 0; i < 2_000; i++) moments.push(Date.UTC(1976, 0, 1) + i * 649_817_123);
    for (const ms of moments) expect(todayInVietnam(new Date(ms)), new Date(ms).toISOString()).toBe(byZoneDatabase.format(ms));
  });

  it('follows the time-zone database before 1975, when the South kept UTC+8', () => {
    const at = new Date(Date.UTC(1970, 0, 1, 16, 30));
    expect(todayInVietnam(at)).toBe(byZoneDatabase.format(at));
    expect(todayInVietnam(at)).toBe('1970-01-02');
  });
});
