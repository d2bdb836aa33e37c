import { addDays, todayInVietnam } from '@accord/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement, buildOrganisation, buildUser, signInAs, startTestApp, type Client, type TestContext } from './support.js';

// Carrying out the plan, step one: the facts a task keeps (progress, state, weight), the status
// worked out from them by the agreement's rules, and a parent's progress rolled up from its sub-tasks.

let ctx: TestContext;
let coordinator: Client;
let officer: Client;
let agreementId: string;
let deptId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const province = await buildOrganisation(ctx.db, { kind: 'province' });
  deptId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: province.id })).id;
  const group = await buildOrganisation(ctx.db, { kind: 'enterprise_group' });
  agreementId = (
    await buildAgreement(ctx.db, {
      parties: [
        { organisationId: province.id, side: 'government' },
        { organisationId: group.id, side: 'enterprise' },
      ],
    })
  ).id;
  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: province.id })).email);
  officer = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'unit_officer', organisationId: deptId })).email);
});
afterAll(() => ctx.close());

interface Task {
  id: string;
  version: number;
  parentId: string | null;
  status: string;
  state: string;
  stateReason: string | null;
  progress: number;
  weight: number;
  startedOn: string | null;
}

const url = (path = '') => `/api/agreements/${agreementId}${path}`;
const issues = (body: string) =>
  (JSON.parse(body) as { error: { details: { issues: { field: string; code: string }[] } } }).error.details.issues;

async function newArea() {
  const res = await coordinator.post(url('/areas'), { title: 'Hạ tầng số', theme: 'digital_infrastructure' });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function newTask(areaId: string, extra: Record<string, unknown> = {}): Promise<Task> {
  const res = await coordinator.post(url('/tasks'), { areaId, title: 'Phủ sóng 5G', obligor: 'government', leadUnitId: deptId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Task;
}

/** A coordinator of the agreement's enterprise party: the side that accepts the province's products. */
async function signInPartnerCoordinator(): Promise<Client> {
  const group = (
    await ctx.db.query<{ organisation_id: string }>(
      `SELECT organisation_id FROM agreement_parties WHERE agreement_id = $1 AND side = 'enterprise'`,
      [agreementId],
    )
  ).rows[0] as { organisation_id: string };
  return signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: group.organisation_id })).email);
}
const read = async (id: string) => (await coordinator.get(url(`/tasks/${id}`))).json() as Task;
const patch = (who: Client, t: { id: string; version: number }, body: Record<string, unknown>) =>
  who.patch(url(`/tasks/${t.id}`), body, { 'if-match': `"${t.version}"` });

describe("a task's facts and its status", () => {
  it('works the status out from the facts and the agreement’s rules, and refuses a status sent in', async () => {
    const areaId = await newArea();
    const today = todayInVietnam();
    const t = await newTask(areaId, { startDate: addDays(today, -10), dueDate: addDays(today, 60) });
    expect(t).toMatchObject({ status: 'not_started', state: 'open', progress: 0, weight: 1, startedOn: null });
    const set = await patch(officer, t, { status: 'completed_on_time' });
    expect(set.statusCode).toBe(400);
    expect(issues(set.body)).toEqual([expect.objectContaining({ field: 'status', code: 'statusIsWorkedOut' })]);

    // 20 % at day 10 of 70 is on track (14 % expected); the first progress is the day it started.
    const on = await patch(officer, t, { progress: 20 });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ status: 'in_progress', progress: 20, startedOn: today });
    // The agreement asks more: 5 days' notice is not enough when the rule is 90, so it is at risk.
    const agreement = (await coordinator.get(url())).json() as { version: number; atRiskDays: number; progressMargin: number };
    expect(agreement).toMatchObject({ atRiskDays: 7, progressMargin: 20 });
    const ruled = await coordinator.patch(url(), { atRiskDays: 90 }, { 'if-match': `"${agreement.version}"` });
    expect(ruled.statusCode, ruled.body).toBe(200);
    expect((await read(t.id)).status).toBe('at_risk');
    const history = (await coordinator.get(url('/history'))).json() as { items: { changes: { field: string }[] }[] };
    expect(history.items[0]?.changes).toEqual([{ field: 'atRiskDays', before: 7, after: 90 }]);
    const bad = await coordinator.patch(
      url(),
      { atRiskDays: -1, progressMargin: 101, reportCadence: 'daily' },
      { 'if-match': `"${agreement.version + 1}"` },
    );
    expect(bad.statusCode).toBe(400);
    expect(
      issues(bad.body)
        .map((i) => i.field)
        .sort(),
    ).toEqual(['atRiskDays', 'progressMargin', 'reportCadence']);
  });

  it('pauses and cancels only with a reason, and only a coordinator cancels or reweighs', async () => {
    const areaId = await newArea();
    const t = await newTask(areaId);
    const noReason = await patch(officer, t, { state: 'paused' });
    expect(noReason.statusCode).toBe(400);
    expect(issues(noReason.body)).toEqual([expect.objectContaining({ field: 'stateReason', code: 'reasonRequired' })]);
    const paused = await patch(officer, t, { state: 'paused', stateReason: 'Chờ bố trí kinh phí' });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'paused', stateReason: 'Chờ bố trí kinh phí' });
    const now = paused.json() as Task;
    for (const body of [{ state: 'cancelled', stateReason: 'Không còn phù hợp' }, { weight: 3 }]) {
      const denied = await patch(officer, now, body);
      expect(denied.statusCode, JSON.stringify(body)).toBe(403);
    }
    expect(await read(t.id)).toMatchObject({ version: now.version, state: 'paused', weight: 1 });
    const cancelled = await patch(coordinator, now, { state: 'cancelled', stateReason: 'Không còn phù hợp' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    const open = await patch(coordinator, cancelled.json() as Task, { state: 'open', stateReason: null });
    expect(open.json()).toMatchObject({ status: 'not_started', state: 'open', stateReason: null });
  });
});

describe("a parent's progress", () => {
  it('is the weighted mean of its sub-tasks, cannot be typed over, and each change is in its history', async () => {
    const areaId = await newArea();
    const parent = await newTask(areaId, { title: 'Hạ tầng viễn thông' });
    const a = await newTask(areaId, { parentId: parent.id, title: 'Trạm BTS' });
    const b = await newTask(areaId, { parentId: parent.id, title: 'Cáp quang' });
    const a1 = (await patch(officer, a, { progress: 60 })).json() as Task;
    await patch(officer, b, { progress: 20 });
    expect((await read(parent.id)).progress).toBe(40);
    // The coordinator gives the BTS stations three times the weight: (60·3 + 20) / 4 = 50.
    await patch(coordinator, a1, { weight: 3 });
    const rolled = await read(parent.id);
    expect(rolled).toMatchObject({ progress: 50, status: 'in_progress', version: parent.version });
    const typed = await patch(coordinator, rolled, { progress: 90 });
    expect(typed.statusCode).toBe(400);
    expect(issues(typed.body)).toEqual([expect.objectContaining({ field: 'progress', code: 'progressRolledUp' })]);

    const history = (await coordinator.get(url(`/tasks/${parent.id}/history`))).json() as {
      items: { causeId?: string | null; changes: { field: string; before: unknown; after: unknown }[] }[];
    };
    expect(history.items.slice(0, 3).map((e) => e.changes)).toEqual([
      [{ field: 'progress', before: 40, after: 50 }],
      [{ field: 'progress', before: 30, after: 40 }],
      [{ field: 'progress', before: 0, after: 30 }],
    ]);

    // Cancelled work leaves the mean; deleted work too.
    const bNow = await read(b.id);
    await patch(coordinator, bNow, { state: 'cancelled', stateReason: 'Chuyển sang dự án khác' });
    expect((await read(parent.id)).progress).toBe(60);
    const c = await newTask(areaId, { parentId: parent.id, title: 'Trạm phát sóng lưu động' });
    expect((await read(parent.id)).progress).toBe(45);
    const gone = await coordinator.delete(url(`/tasks/${c.id}`), { 'if-match': `"${c.version}"` });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await read(parent.id)).progress).toBe(60);
  });

  it('keeps two reports under one parent sent at once: both count', async () => {
    const areaId = await newArea();
    const parent = await newTask(areaId);
    const subs = await Promise.all([10, 20, 30, 40].map((n) => newTask(areaId, { parentId: parent.id, title: `Xã ${n}` })));
    const sent = await Promise.all(subs.map((s, i) => patch(officer, s, { progress: (i + 1) * 20 })));
    expect(sent.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect((await read(parent.id)).progress).toBe(50);
  });

  it('moves with a sub-task: the parent it leaves and the one it joins both roll up again', async () => {
    const areaId = await newArea();
    const from = await newTask(areaId, { title: 'Từ' });
    const to = await newTask(areaId, { title: 'Đến' });
    const stay = await newTask(areaId, { parentId: from.id });
    const go = await newTask(areaId, { parentId: from.id });
    await patch(officer, stay, { progress: 10 });
    const goNow = (await patch(officer, go, { progress: 90 })).json() as Task;
    expect((await read(from.id)).progress).toBe(50);
    const moved = await coordinator.post(
      url(`/tasks/${go.id}/move`),
      { areaId, parentId: to.id, position: 0 },
      { 'if-match': `"${goNow.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await read(from.id)).progress).toBe(10);
    expect((await read(to.id)).progress).toBe(90);
  });
});

describe('a delivered product, accepted or rejected by the other party', () => {
  let partner: Client;
  beforeAll(async () => {
    partner = await signInPartnerCoordinator();
  });
  const post = (who: Client, t: { id: string; version: number }, step: string, body: Record<string, unknown> = {}) =>
    who.post(url(`/tasks/${t.id}/${step}`), body, { 'if-match': `"${t.version}"` });

  it('goes delivered → rejected with reasons → delivered again → accepted: completed on time, each step in history', async () => {
    const areaId = await newArea();
    const today = todayInVietnam();
    // Due in 120 days: beyond the 90 days' warning the first test set on this agreement.
    const t = await newTask(areaId, { startDate: addDays(today, -30), dueDate: addDays(today, 120), expectedProduct: 'Báo cáo khảo sát' });
    const delivered = await post(officer, t, 'deliver');
    expect(delivered.statusCode, delivered.body).toBe(200);
    const d = delivered.json() as Task & { deliveredOn: string; deliveredBySide: string; allowed: { deliver: boolean; review: boolean } };
    expect(d).toMatchObject({ status: 'delivered', progress: 100, deliveredOn: today, deliveredBySide: 'government' });
    expect(d.allowed).toMatchObject({ deliver: false, review: false });
    // Nobody accepts their own side's product: the province's coordinator cannot; the partner's can.
    expect((await post(coordinator, d, 'accept')).statusCode).toBe(403);
    const seen = (await partner.get(url(`/tasks/${t.id}`))).json() as Task & { allowed: { review: boolean } };
    expect(seen.allowed.review).toBe(true);

    const noReason = await post(partner, d, 'reject', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    const rejected = await post(partner, d, 'reject', { reason: 'Thiếu số liệu của 20 xã' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'in_progress', deliveredOn: null, reviewNote: 'Thiếu số liệu của 20 xã' });
    const r = rejected.json() as Task;
    expect((await post(partner, r, 'accept')).statusCode).toBe(409);

    const again = (await post(officer, r, 'deliver')).json() as Task;
    const accepted = await post(partner, again, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'completed_on_time', acceptedOn: today, reviewNote: null });
    expect((await post(officer, accepted.json() as Task, 'deliver')).statusCode).toBe(409);

    const history = (await coordinator.get(url(`/tasks/${t.id}/history`))).json() as {
      items: { entityType: string; actor: { id: string }; changes: { field: string; before: unknown; after: unknown }[] }[];
    };
    // Each step is a change of the task and an entry of its thread.
    const ofTask = history.items.filter((e) => e.entityType === 'task');
    const fields = ofTask.slice(0, 4).map((e) => e.changes.map((c) => c.field).sort());
    expect(fields[0]).toEqual(['acceptedOn']);
    expect(fields[2]).toEqual(['deliveredBySide', 'deliveredOn', 'reviewNote']);
    expect(ofTask[2]?.actor.id).toBe(partner.userId);
    expect(history.items.filter((e) => e.entityType === 'entry')).toHaveLength(4);
  });

  it('refuses with 412 to accept a product changed since it was delivered, until it is delivered again', async () => {
    const areaId = await newArea();
    const t = await newTask(areaId, { expectedProduct: 'Phần mềm quản lý' });
    const d = (await post(officer, t, 'deliver')).json() as Task;
    const edited = (await patch(officer, d, { expectedProduct: 'Phần mềm quản lý (bản rút gọn)' })).json() as Task;
    const refused = await post(partner, edited, 'accept');
    expect(refused.statusCode).toBe(412);
    expect(refused.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    expect((await read(t.id)).status).toBe('delivered');
    const stale = await post(partner, d, 'accept');
    expect(stale.statusCode).toBe(412);
    const again = (await post(officer, edited, 'deliver')).json() as Task;
    expect((await post(partner, again, 'accept')).statusCode).toBe(200);
  });

  it('delivers nothing paused, and a parent keeps its rolled-up progress when it is delivered', async () => {
    const areaId = await newArea();
    const paused = await newTask(areaId, { state: 'paused', stateReason: 'Chờ kinh phí' });
    const refused = await post(officer, paused, 'deliver');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'TASK_NOT_DELIVERABLE' } });
    const parent = await newTask(areaId);
    const sub = await newTask(areaId, { parentId: parent.id });
    await patch(officer, sub, { progress: 40 });
    const delivered = (await post(officer, await read(parent.id), 'deliver')).json() as Task;
    expect(delivered).toMatchObject({ status: 'delivered', progress: 40 });
  });
});

describe('the products waiting for acceptance', () => {
  let partner: Client;
  beforeAll(async () => {
    partner = await signInPartnerCoordinator();
  });
  type Queue = { items: { id: string; status: string; agreementTitle: string }[]; total: number };
  const queue = async (who: Client, waiting: 'mine' | 'theirs', q = '') => {
    const res = await who.get(`/api/acceptance?waiting=${waiting}&pageSize=100${q ? `&q=${encodeURIComponent(q)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Queue;
  };

  it('lists for each side what it must accept and what the other side still has to, until it is accepted', async () => {
    const areaId = await newArea();
    const word = `nghiemthu${Date.now()}`;
    const gov = await newTask(areaId, { title: `Hồ sơ ${word} của sở` });
    const ent = (
      await partner.post(url('/tasks'), { areaId, title: `Phần mềm ${word} của doanh nghiệp`, obligor: 'enterprise' })
    ).json() as Task;
    const govDelivered = (await officer.post(url(`/tasks/${gov.id}/deliver`), {}, { 'if-match': `"${gov.version}"` })).json() as Task;
    await partner.post(url(`/tasks/${ent.id}/deliver`), {}, { 'if-match': `"${ent.version}"` });
    const ids = (q: Queue) => q.items.map((i) => i.id);
    expect(ids(await queue(partner, 'mine', word))).toEqual([gov.id]);
    expect(ids(await queue(partner, 'theirs', word))).toEqual([ent.id]);
    expect(ids(await queue(coordinator, 'mine', word))).toEqual([ent.id]);
    expect(ids(await queue(coordinator, 'theirs', word))).toEqual([gov.id]);
    expect((await queue(partner, 'mine', word)).items[0]?.status).toBe('delivered');
    await partner.post(url(`/tasks/${gov.id}/accept`), {}, { 'if-match': `"${govDelivered.version}"` });
    expect(ids(await queue(partner, 'mine', word))).toEqual([]);
    expect(ids(await queue(coordinator, 'theirs', word))).toEqual([]);
    const bad = await partner.get('/api/acceptance?waiting=everyone');
    expect(bad.statusCode).toBe(400);
  });
});
