import { addDays, reportCycleStart, todayInVietnam } from '@accord/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgreement,
  buildOrganisation,
  buildUser,
  errorCode,
  signInAs,
  startTestApp,
  type Client,
  type TestContext,
} from './support.js';

// The reporting cadence: a task under way whose lead unit has not reported in the current cycle is
// stale; flagged on the task, kept or left out by the lists' filter, and counted per lead unit.
// Internal reports do not count: the other party would learn of them from the flag.

let ctx: TestContext;
let agreementId: string;
let deptId: string;
let otherDeptId: string;
const people: Record<'coordinator' | 'officer' | 'partner' | 'outsider', Client> = {} as never;

interface Task {
  id: string;
  version: number;
  stale: boolean;
  lastReportedAt: string | null;
  status: string;
}
interface Reporting {
  cadence: string;
  cycleStart: string;
  cycleEnd: string;
  units: { unit: { id: string; name: string } | null; underway: number; stale: number }[];
  underway: number;
  stale: number;
}

beforeAll(async () => {
  ctx = await startTestApp();
  const provinceId = (await buildOrganisation(ctx.db, { kind: 'province' })).id;
  deptId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: provinceId })).id;
  otherDeptId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: provinceId })).id;
  const groupId = (await buildOrganisation(ctx.db, { kind: 'enterprise_group' })).id;
  const otherProvince = (await buildOrganisation(ctx.db, { kind: 'province' })).id;
  agreementId = (
    await buildAgreement(ctx.db, {
      parties: [
        { organisationId: provinceId, side: 'government' },
        { organisationId: groupId, side: 'enterprise' },
      ],
    })
  ).id;
  const make = async (key: keyof typeof people, role: Parameters<typeof buildUser>[1]['role'], org: string) => {
    const u = await buildUser(ctx.db, { role, organisationId: org });
    people[key] = await signInAs(ctx.app, u.email);
  };
  await make('coordinator', 'coordinator', provinceId);
  await make('officer', 'unit_officer', deptId);
  await make('partner', 'coordinator', groupId);
  await make('outsider', 'coordinator', otherProvince);
});
afterAll(() => ctx.close());

const url = (path = '') => `/api/agreements/${agreementId}${path}`;
let areaId: string | undefined;

/** A task of the government side led by `unit`, started `daysAgo` days ago and never reported on. */
async function startedTask(unit = deptId, daysAgo = 60): Promise<Task> {
  if (!areaId) {
    const area = await people.coordinator.post(url('/areas'), { title: 'Chính quyền số', theme: 'digital_government' });
    areaId = (area.json() as { id: string }).id;
  }
  const res = await people.coordinator.post(url('/tasks'), {
    areaId,
    title: 'Số hoá hồ sơ thủ tục hành chính',
    obligor: 'government',
    leadUnitId: unit,
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id } = res.json() as Task;
  await ctx.db.query('UPDATE tasks SET started_on = $2, progress = 30 WHERE id = $1', [id, addDays(todayInVietnam(), -daysAgo)]);
  return get(people.coordinator, id);
}
async function get(who: Client, id: string): Promise<Task> {
  const res = await who.get(url(`/tasks/${id}`));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Task;
}
async function reporting(who: Client): Promise<Reporting> {
  const res = await who.get(url('/reporting'));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Reporting;
}
async function listed(who: Client, query: string): Promise<string[]> {
  const res = await who.get(url(`/tasks?pageSize=100&${query}`));
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Task[] }).items.map((t) => t.id);
}
const unitRow = (r: Reporting, unit: string) => r.units.find((u) => u.unit?.id === unit);

describe('stale tasks', () => {
  it('a task under way and never reported on is stale, for both sides, in the task, the lists and the counts', async () => {
    const task = await startedTask();
    expect(task).toMatchObject({ stale: true, lastReportedAt: null });
    expect((await get(people.partner, task.id)).stale).toBe(true);
    expect(await listed(people.coordinator, 'stale=true')).toContain(task.id);
    expect(await listed(people.coordinator, 'stale=false')).not.toContain(task.id);
    // "Việc của đơn vị": the unit officer's stale work across agreements.
    const mine = await people.officer.get('/api/tasks?stale=true&pageSize=100');
    expect((mine.json() as { items: Task[] }).items.map((t) => t.id)).toContain(task.id);
    const r = await reporting(people.partner);
    expect(r.cadence).toBe('monthly');
    expect(r.cycleStart).toBe(reportCycleStart('monthly', todayInVietnam()));
    expect(r.cycleEnd >= todayInVietnam()).toBe(true);
    expect(unitRow(r, deptId)).toMatchObject({ underway: 1, stale: 1 });
    expect(r).toMatchObject({ underway: 1, stale: 1 });
  });

  it('a shared report makes it fresh; an internal one does not; withdrawing the report makes it stale again', async () => {
    const task = await startedTask();
    const before = unitRow(await reporting(people.coordinator), deptId)?.stale ?? 0;
    // An internal report tells the other party nothing: the flag stays, for both sides.
    const internal = await people.officer.post(url(`/tasks/${task.id}/reports`), { body: 'Nháp nội bộ', internal: true });
    expect(internal.statusCode, internal.body).toBe(201);
    expect((await get(people.coordinator, task.id)).stale).toBe(true);
    expect((await get(people.partner, task.id)).lastReportedAt).toBeNull();

    const report = await people.officer.post(url(`/tasks/${task.id}/reports`), { body: 'Đã số hoá 40% hồ sơ.', progress: 40 });
    expect(report.statusCode, report.body).toBe(201);
    const posted = report.json() as { entry: { id: string; version: number }; task: Task };
    expect(posted.task.stale).toBe(false);
    expect(posted.task.lastReportedAt).not.toBeNull();
    expect((await get(people.partner, task.id)).stale).toBe(false);
    expect(await listed(people.partner, 'stale=true')).not.toContain(task.id);
    expect(unitRow(await reporting(people.coordinator), deptId)?.stale).toBe(before - 1);

    // A comment is not a report.
    const del = await people.officer.delete(url(`/tasks/${task.id}/entries/${posted.entry.id}`), {
      'if-match': `"${posted.entry.version}"`,
    });
    expect(del.statusCode, del.body).toBe(204);
    await people.partner.post(url(`/tasks/${task.id}/comments`), { body: 'Đề nghị báo cáo tiến độ.' });
    const after = await get(people.partner, task.id);
    expect(after).toMatchObject({ stale: true, lastReportedAt: null });
    expect(unitRow(await reporting(people.coordinator), deptId)?.stale).toBe(before);
  });

  it("follows the agreement's cadence: a report of last week is fresh for the month and the quarter only when it is in them", async () => {
    const task = await startedTask(otherDeptId, 200);
    const today = todayInVietnam();
    const weekStart = reportCycleStart('weekly', today);
    const lastWeek = addDays(weekStart, -1);
    await ctx.db.query(`UPDATE tasks SET last_reported_at = ($2::date + time '12:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' WHERE id = $1`, [
      task.id,
      lastWeek,
    ]);
    const staleUnder = async (cadence: string) => {
      const a = (await people.coordinator.get(url())).json() as { version: number };
      const res = await people.coordinator.patch(url(), { reportCadence: cadence }, { 'if-match': `"${a.version}"` });
      expect(res.statusCode, res.body).toBe(200);
      const r = await reporting(people.partner);
      expect(r.cadence).toBe(cadence);
      const flag = (await get(people.partner, task.id)).stale;
      expect(unitRow(r, otherDeptId)?.stale).toBe(flag ? 1 : 0);
      return flag;
    };
    expect(await staleUnder('weekly')).toBe(true);
    expect(await staleUnder('monthly')).toBe(lastWeek < reportCycleStart('monthly', today));
    expect(await staleUnder('quarterly')).toBe(lastWeek < reportCycleStart('quarterly', today));
    await staleUnder('monthly');
  });

  it('leaves out what is not under way: paused, delivered, not started, started in this cycle', async () => {
    const paused = await startedTask();
    const pause = await people.coordinator.patch(
      url(`/tasks/${paused.id}`),
      { state: 'paused', stateReason: 'Chờ kinh phí' },
      { 'if-match': `"${paused.version}"` },
    );
    expect(pause.statusCode, pause.body).toBe(200);
    expect((pause.json() as Task).stale).toBe(false);
    const fresh = await startedTask(deptId, 0);
    expect(fresh.stale).toBe(false);
    const delivered = await startedTask();
    const deliver = await people.officer.post(
      url(`/tasks/${delivered.id}/deliver`),
      { note: 'Bàn giao' },
      { 'if-match': `"${delivered.version}"` },
    );
    expect(deliver.statusCode, deliver.body).toBe(200);
    expect((deliver.json() as Task).stale).toBe(false);
    const stale = await listed(people.coordinator, 'stale=true');
    for (const t of [paused, fresh, delivered]) expect(stale).not.toContain(t.id);
  });

  it('answers 404 to someone outside the agreement, and 400 naming a bad filter', async () => {
    const outside = await people.outsider.get(url('/reporting'));
    expect(outside.statusCode).toBe(404);
    const bad = await people.coordinator.get(url('/tasks?stale=maybe'));
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    expect(bad.body).toContain('stale');
  });
});

describe('the two-sided view', () => {
  it("counts each party's tasks by where they stand, as the lists filtered by the party and the statuses find them", async () => {
    // A task of each party, and one of the government's overdue and one paused.
    for (const obligor of ['enterprise', 'joint'] as const) {
      const res = await (obligor === 'enterprise' ? people.partner : people.coordinator).post(url('/tasks'), {
        areaId,
        title: `Nhiệm vụ ${obligor}`,
        obligor,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const late = await people.coordinator.post(url('/tasks'), {
      areaId,
      title: 'Việc quá hạn',
      obligor: 'government',
      startDate: addDays(todayInVietnam(), -60),
      dueDate: addDays(todayInVietnam(), -1),
    });
    expect(late.statusCode, late.body).toBe(201);
    const r = (await people.partner.get(url('/reporting'))).json() as Reporting & {
      byObligor: {
        obligor: string;
        total: number;
        owing: number;
        overdue: number;
        delivered: number;
        stopped: number;
        completedOnTime: number;
        completedLate: number;
      }[];
    };
    expect(r.byObligor.map((b) => b.obligor)).toEqual(['government', 'enterprise', 'joint']);
    const columns = {
      total: '',
      owing: '&status=not_started,in_progress,at_risk',
      overdue: '&status=overdue',
      delivered: '&status=delivered',
      completedOnTime: '&status=completed_on_time',
      completedLate: '&status=completed_late',
      stopped: '&status=paused,cancelled',
    } as const;
    for (const side of r.byObligor) {
      for (const [column, query] of Object.entries(columns)) {
        const res = await people.partner.get(url(`/tasks?pageSize=1&obligor=${side.obligor}${query}`));
        expect((res.json() as { total: number }).total, `${side.obligor} ${column}`).toBe(side[column as keyof typeof columns]);
      }
    }
    const gov = r.byObligor[0] as { total: number; overdue: number; stopped: number };
    expect(gov.overdue).toBeGreaterThanOrEqual(1);
    expect(gov.stopped).toBeGreaterThanOrEqual(1);
    expect(r.byObligor[1]?.total).toBe(1);
    const bad = await people.coordinator.get(url('/tasks?obligor=both'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('obligor');
  });
});
