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

// Plan approval: submitted as a version, approved by a coordinator of each side or returned with
// reasons, revised and compared; not submitted while a task fails the "5 rõ" check unless waived.

let ctx: TestContext;
let agreementId: string;
let deptId: string;
let unitId: string;
let areaId: string;
const people: Record<'coordinator' | 'officer' | 'partner' | 'outsider' | 'leader', Client> = {} as never;

interface Task {
  id: string;
  version: number;
  title: string;
  clarityWaiver: { reason: string; by: string | null; at: string } | null;
  allowed: { waive: boolean };
}
interface Version {
  id: string;
  number: number;
  state: string;
  version: number;
  taskCount: number;
  submittedSide: string | null;
  decisions: { side: string; decision: string; note: string | null; by: { name: string } }[];
}
interface Approval {
  state: string;
  waiting: Version | null;
  lastApproved: Version | null;
  versions: Version[];
  readiness: { tasks: number; failing: number; waived: number; failingTaskIds: string[] };
  changedSinceApproved: boolean;
  changedSinceSubmitted: boolean;
  allowed: { submit: boolean; approve: boolean; return: boolean; withdraw: boolean };
}
interface Snapshot {
  id: string;
  number: string;
  title: string;
}
interface Diff {
  added: Snapshot[];
  removed: Snapshot[];
  changed: { before: Snapshot; after: Snapshot; changes: { field: string; before: unknown; after: unknown }[] }[];
  unchanged: number;
}

beforeAll(async () => {
  ctx = await startTestApp();
  const provinceId = (await buildOrganisation(ctx.db, { kind: 'province' })).id;
  deptId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: provinceId })).id;
  const groupId = (await buildOrganisation(ctx.db, { kind: 'enterprise_group' })).id;
  unitId = (await buildOrganisation(ctx.db, { kind: 'enterprise_unit', parentId: groupId })).id;
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
  await make('leader', 'leader', provinceId);
  const area = await people.coordinator.post(url('/areas'), { title: 'Hạ tầng số', theme: 'digital_infrastructure' });
  areaId = (area.json() as { id: string }).id;
});
afterAll(() => ctx.close());

const url = (path = '') => `/api/agreements/${agreementId}${path}`;
const ifMatch = (v: { version: number }) => ({ 'if-match': `"${v.version}"` });
const approval = async (who: Client = people.coordinator) => (await who.get(url('/plan/approval'))).json() as Approval;
const countVersions = async () =>
  Number((await ctx.db.query<{ n: string }>('SELECT count(*) AS n FROM plan_versions WHERE agreement_id = $1', [agreementId])).rows[0]?.n);

/** A task clear in all five, owed by `side`. */
async function clearTask(title: string, side: 'government' | 'enterprise' = 'government'): Promise<Task> {
  const who = side === 'government' ? people.coordinator : people.partner;
  const res = await who.post(url('/tasks'), {
    areaId,
    title,
    description: `Triển khai: ${title.toLowerCase()} trên địa bàn toàn tỉnh`,
    obligor: side,
    leadUnitId: side === 'government' ? deptId : unitId,
    responsiblePerson: 'Nguyễn Văn An',
    startDate: '2026-01-01',
    dueDate: '2026-12-31',
    expectedProduct: 'Biên bản nghiệm thu',
  });
  expect(res.statusCode).toBe(201);
  return res.json() as Task;
}

describe('plan approval', () => {
  let unclear: Task;
  let kept: Task;
  let dropped: Task;
  let first: Version;

  it('starts as a draft that a coordinator may submit and a unit officer may not', async () => {
    kept = await clearTask('Phủ sóng 5G khu công nghiệp');
    dropped = await clearTask('Lắp đặt Wi-Fi công cộng', 'enterprise');
    const bare = await people.coordinator.post(url('/tasks'), { areaId, title: 'Khảo sát hiện trạng', obligor: 'government' });
    unclear = bare.json() as Task;
    const a = await approval();
    expect(a).toMatchObject({ state: 'draft', waiting: null, versions: [], changedSinceApproved: false });
    expect(a.readiness).toMatchObject({ tasks: 3, failing: 1, waived: 0, failingTaskIds: [unclear.id] });
    expect(a.allowed).toEqual({ submit: true, approve: false, return: false, withdraw: false });
    expect((await approval(people.officer)).allowed.submit).toBe(false);
    expect((await people.outsider.get(url('/plan/approval'))).statusCode).toBe(404);
  });

  it('is not submitted while a task fails the check, and nothing is kept', async () => {
    const res = await people.coordinator.post(url('/plan/versions'), { note: 'Trình lần 1' });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('PLAN_NOT_READY');
    expect((res.json() as { error: { details: { readiness: { failing: number } } } }).error.details.readiness.failing).toBe(1);
    expect(await countVersions()).toBe(0);
    expect((await people.officer.post(url('/plan/versions'), {})).statusCode).toBe(403);
  });

  it('lets a coordinator of the side that owes a failing task waive it with a reason, kept in its history', async () => {
    const waiver = url(`/tasks/${unclear.id}/waiver`);
    expect(unclear.allowed.waive).toBe(true);
    expect((await people.partner.post(waiver, { reason: 'Chưa có' }, ifMatch(unclear))).statusCode).toBe(403);
    expect((await people.officer.post(waiver, { reason: 'Chưa có' }, ifMatch(unclear))).statusCode).toBe(403);
    expect((await people.outsider.post(waiver, { reason: 'Chưa có' }, ifMatch(unclear))).statusCode).toBe(404);
    const blank = await people.coordinator.post(waiver, { reason: '   ' }, ifMatch(unclear));
    expect(blank.statusCode).toBe(400);
    expect(errorCode(await people.coordinator.post(waiver, { reason: 'x' }, { 'if-match': '"99"' }))).toBe('VERSION_CONFLICT');
    const clear = await people.coordinator.post(url(`/tasks/${kept.id}/waiver`), { reason: 'Không cần' }, ifMatch(kept));
    expect(errorCode(clear)).toBe('TASK_CLEAR');

    const res = await people.coordinator.post(waiver, { reason: 'Khảo sát do Sở tự làm, chưa giao người phụ trách' }, ifMatch(unclear));
    expect(res.statusCode).toBe(200);
    unclear = res.json() as Task;
    expect(unclear.clarityWaiver).toMatchObject({ reason: 'Khảo sát do Sở tự làm, chưa giao người phụ trách' });
    expect(unclear.clarityWaiver?.by).toBeTruthy();
    const history = (await people.partner.get(url(`/tasks/${unclear.id}/history`))).json() as {
      items: { changes: { field: string; before: unknown; after: unknown }[] }[];
    };
    expect(history.items[0]?.changes).toContainEqual({
      field: 'clarityWaiver',
      before: null,
      after: 'Khảo sát do Sở tự làm, chưa giao người phụ trách',
    });
    expect((await approval()).readiness).toMatchObject({ failing: 0, waived: 1 });
  });

  it('is submitted as version 1, once: a second submission waits for the first', async () => {
    const res = await people.coordinator.post(url('/plan/versions'), { note: 'Trình lần 1' });
    expect(res.statusCode).toBe(201);
    first = res.json() as Version;
    expect(first).toMatchObject({ number: 1, state: 'submitted', taskCount: 3, submittedSide: 'government', decisions: [] });
    expect(errorCode(await people.partner.post(url('/plan/versions'), {}))).toBe('PLAN_ALREADY_SUBMITTED');
    const a = await approval(people.partner);
    expect(a.state).toBe('submitted');
    expect(a.allowed).toEqual({ submit: false, approve: true, return: true, withdraw: false });
    expect((await approval()).allowed.withdraw).toBe(true);
  });

  it("is approved by each side's coordinator, each once, on the version as it is", async () => {
    const approve = url(`/plan/versions/${first.id}/approve`);
    expect((await people.officer.post(approve, {}, ifMatch(first))).statusCode).toBe(403);
    expect((await people.leader.post(approve, {}, ifMatch(first))).statusCode).toBe(403);
    expect((await people.outsider.post(approve, {}, ifMatch(first))).statusCode).toBe(404);
    expect((await people.coordinator.post(approve, {}, { 'if-match': '"7"' })).statusCode).toBe(412);
    expect((await people.coordinator.post(approve, {})).statusCode).toBe(428);

    const once = await people.coordinator.post(approve, { note: 'Sở TT&TT đồng ý' }, ifMatch(first));
    expect(once.statusCode).toBe(200);
    const half = once.json() as Version;
    expect(half).toMatchObject({ state: 'submitted', decisions: [{ side: 'government', decision: 'approved', note: 'Sở TT&TT đồng ý' }] });
    expect(errorCode(await people.coordinator.post(approve, {}, ifMatch(half)))).toBe('PLAN_ALREADY_DECIDED');
    expect((await approval()).allowed.approve).toBe(false);

    const both = await people.partner.post(approve, {}, ifMatch(half));
    expect(both.statusCode).toBe(200);
    first = both.json() as Version;
    expect(first.state).toBe('approved');
    expect(first.decisions.map((d) => d.side)).toEqual(['government', 'enterprise']);
    const a = await approval();
    expect(a).toMatchObject({ state: 'approved', waiting: null, changedSinceApproved: false });
    expect(a.lastApproved?.id).toBe(first.id);
    expect(errorCode(await people.partner.post(url(`/plan/versions/${first.id}/return`), { reason: 'Muộn' }, ifMatch(first)))).toBe(
      'PLAN_NOT_SUBMITTED',
    );
  });

  it('is not submitted again unchanged', async () => {
    expect(errorCode(await people.coordinator.post(url('/plan/versions'), {}))).toBe('PLAN_UNCHANGED');
  });

  it('is revising once changed, and shows what changed since the approved version, before → after', async () => {
    const changed = await people.coordinator.patch(url(`/tasks/${kept.id}`), { dueDate: '2027-03-31' }, ifMatch(kept));
    expect(changed.statusCode).toBe(200);
    kept = changed.json() as Task;
    const added = await clearTask('Trung tâm điều hành thông minh');
    const gone = (await people.partner.get(url(`/tasks/${dropped.id}`))).json() as Task;
    expect((await people.partner.delete(url(`/tasks/${dropped.id}`), ifMatch(gone))).statusCode).toBe(204);

    expect((await approval()).state).toBe('revising');
    const res = await people.partner.get(url(`/plan/diff?from=${first.id}&to=current`));
    expect(res.statusCode).toBe(200);
    const diff = res.json() as Diff;
    expect(diff.added.map((t) => t.id)).toEqual([added.id]);
    expect(diff.removed.map((t) => t.id)).toEqual([dropped.id]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.changes).toEqual([{ field: 'dueDate', before: '2026-12-31', after: '2027-03-31' }]);
    expect(diff.unchanged).toBe(1);
    expect((await people.outsider.get(url(`/plan/diff?from=${first.id}`))).statusCode).toBe(404);
    expect(errorCode(await people.partner.get(url(`/plan/diff?from=${crypto.randomUUID()}`)))).toBe('PLAN_VERSION_NOT_FOUND');
  });

  it('can be returned with reasons by either side, and taken back only by the side that submitted it', async () => {
    const second = (await people.coordinator.post(url('/plan/versions'), { note: 'Điều chỉnh lần 1' })).json() as Version;
    expect(second.number).toBe(2);
    const back = url(`/plan/versions/${second.id}/return`);
    expect((await people.partner.post(back, { reason: '' }, ifMatch(second))).statusCode).toBe(400);
    const returned = await people.partner.post(back, { reason: 'Đề nghị làm rõ thời hạn nhiệm vụ 1.1' }, ifMatch(second));
    expect(returned.json()).toMatchObject({
      state: 'returned',
      decisions: [{ side: 'enterprise', decision: 'returned', note: 'Đề nghị làm rõ thời hạn nhiệm vụ 1.1' }],
    });
    expect((await approval()).state).toBe('revising');

    const third = (await people.coordinator.post(url('/plan/versions'), {})).json() as Version;
    const withdraw = url(`/plan/versions/${third.id}/withdraw`);
    expect((await people.partner.post(withdraw, undefined, ifMatch(third))).statusCode).toBe(403);
    expect((await people.officer.post(withdraw, undefined, ifMatch(third))).statusCode).toBe(403);
    const taken = await people.coordinator.post(withdraw, undefined, ifMatch(third));
    expect(taken.json()).toMatchObject({ state: 'withdrawn' });
  });

  it('approved again, compares any two versions', async () => {
    const fourth = (await people.partner.post(url('/plan/versions'), {})).json() as Version;
    expect(fourth).toMatchObject({ number: 4, submittedSide: 'enterprise' });
    const one = (await people.partner.post(url(`/plan/versions/${fourth.id}/approve`), {}, ifMatch(fourth))).json() as Version;
    const done = (await people.coordinator.post(url(`/plan/versions/${fourth.id}/approve`), {}, ifMatch(one))).json() as Version;
    expect(done.state).toBe('approved');
    const a = await approval();
    expect(a).toMatchObject({ state: 'approved', changedSinceApproved: false });
    expect(a.versions.map((v) => [v.number, v.state])).toEqual([
      [4, 'approved'],
      [3, 'withdrawn'],
      [2, 'returned'],
      [1, 'approved'],
    ]);
    const diff = (await people.leader.get(url(`/plan/diff?from=${first.id}&to=${fourth.id}`))).json() as Diff;
    expect([diff.added.length, diff.removed.length, diff.changed.length]).toEqual([1, 1, 1]);
    const history = (await people.partner.get(url('/history'))).json() as { items: { entityType: string; action: string }[] };
    const plan = history.items.filter((e) => e.entityType === 'plan');
    // Four submissions; both sides approving #1 and #4, one return, one withdrawal.
    expect(plan.filter((e) => e.action === 'create')).toHaveLength(4);
    expect(plan.filter((e) => e.action === 'status')).toHaveLength(6);

    // A version kept before versions had a content hash is compared task by task.
    await ctx.db.query('UPDATE plan_versions SET snapshot_hash = NULL WHERE agreement_id = $1', [agreementId]);
    expect(await approval()).toMatchObject({ state: 'approved', changedSinceApproved: false });
    expect(errorCode(await people.coordinator.post(url('/plan/versions'), {}))).toBe('PLAN_UNCHANGED');
  });

  it('takes one of two submissions sent at once', async () => {
    await clearTask('Chuyển đổi số trường học');
    const [a, b] = await Promise.all([people.coordinator.post(url('/plan/versions'), {}), people.partner.post(url('/plan/versions'), {})]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((await approval()).versions.filter((v) => v.state === 'submitted')).toHaveLength(1);
  });

  it('takes a waiver back', async () => {
    const t = (await people.coordinator.get(url(`/tasks/${unclear.id}`))).json() as Task;
    const res = await people.coordinator.delete(url(`/tasks/${unclear.id}/waiver`), ifMatch(t));
    expect(res.statusCode).toBe(200);
    expect((res.json() as Task).clarityWaiver).toBeNull();
    expect((await approval()).readiness).toMatchObject({ failing: 1, waived: 0 });
  });

  it('answers with the plan as it is now, also after a change that no version number counts', async () => {
    const before = await approval();
    expect(await approval()).toEqual(before);
    expect(before.changedSinceSubmitted).toBe(false);
    await ctx.db.query('UPDATE tasks SET responsible_person = NULL WHERE id = $1', [kept.id]);
    const after = await approval();
    expect(after.readiness).toMatchObject({ failing: before.readiness.failing + 1 });
    expect(after.changedSinceSubmitted).toBe(true);
  });
});
