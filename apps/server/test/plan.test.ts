import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { todayInVietnam, type SessionUser } from '@accord/domain';
import { migrate } from '../src/db/migrate.js';
import { loadViewer } from '../src/modules/access/viewer.js';
import { findUserByEmail } from '../src/modules/auth/auth.repository.js';
import { listAreas, listTasks } from '../src/modules/plan/plan.repository.js';
import { getPlan, planJson } from '../src/modules/plan/plan.service.js';
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

let ctx: TestContext;
let coordinator: Client;
let partner: Client;
let agreementId: string;
let deptId: string;
let unitId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const province = await buildOrganisation(ctx.db, { kind: 'province' });
  deptId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: province.id, nameVi: 'Sở Y tế' })).id;
  const group = await buildOrganisation(ctx.db, { kind: 'enterprise_group' });
  unitId = (await buildOrganisation(ctx.db, { kind: 'enterprise_unit', parentId: group.id, nameVi: 'Công ty Công nghệ thông tin' })).id;
  agreementId = (
    await buildAgreement(ctx.db, {
      parties: [
        { organisationId: province.id, side: 'government' },
        { organisationId: group.id, side: 'enterprise' },
      ],
    })
  ).id;
  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: deptId })).email);
  partner = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: group.id })).email);
});
afterAll(() => ctx.close());

type Task = {
  id: string;
  version: number;
  title: string;
  areaId: string;
  parentId: string | null;
  position: number;
  leadUnit: { name: string } | null;
  coordinatingUnits: { name: string }[];
  allowed: { update: boolean };
  status?: string;
  lastReportedAt?: string | null;
  clarityWaiver?: { by: string } | null;
};
type PlanBody = { areas: { id: string; title: string; tasks: (Task & { children: Task[] })[] }[] };

const url = (path = '') => `/api/agreements/${agreementId}${path}`;

async function area(title: string) {
  const res = await coordinator.post(url('/areas'), { title, theme: 'digital_government' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function task(areaId: string, extra: Record<string, unknown> = {}, who = coordinator) {
  const res = await who.post(url('/tasks'), { areaId, title: 'Triển khai hệ thống', obligor: 'government', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Task;
}

async function plan(): Promise<PlanBody> {
  return (await coordinator.get(url('/plan'))).json() as PlanBody;
}

describe('the joint plan', () => {
  it('builds areas with tasks and sub-tasks carrying the 5-rõ fields', async () => {
    const a = await area('Chính quyền số');
    const parent = await task(a.id, {
      code: '1.1',
      title: 'Xây dựng Trung tâm điều hành thông minh (IOC)',
      description: 'Giám sát, chỉ đạo, điều hành của tỉnh',
      obligor: 'joint',
      leadUnitId: deptId,
      coordinatingUnitIds: [unitId],
      responsiblePerson: 'Nguyễn Văn Hùng – Phó Giám đốc Sở',
      startDate: '2025-10-01',
      dueDate: '2026-06-30',
      expectedProduct: 'IOC được đưa vào vận hành',
    });
    const child = await task(a.id, { parentId: parent.id, title: 'Kết nối camera giao thông' });
    const body = await plan();
    const found = body.areas.find((x) => x.id === a.id);
    expect(found?.tasks[0]).toMatchObject({
      id: parent.id,
      leadUnit: { name: 'Sở Y tế' },
      coordinatingUnits: [{ name: 'Công ty Công nghệ thông tin' }],
      responsiblePerson: 'Nguyễn Văn Hùng – Phó Giám đốc Sở',
      expectedProduct: 'IOC được đưa vào vận hành',
    });
    expect(found?.tasks[0]?.children.map((c) => c.id)).toEqual([child.id]);
  });

  it('refuses a due date before the start date and a parent from another agreement', async () => {
    const a = await area('Kinh tế số');
    const bad = await coordinator.post(url('/tasks'), {
      areaId: a.id,
      title: 'x',
      obligor: 'government',
      startDate: '2026-01-01',
      dueDate: '2025-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues[0]?.field).toBe('dueDate');
    const stranger = await coordinator.post(url('/tasks'), {
      areaId: a.id,
      title: 'x',
      obligor: 'government',
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(400);
  });

  it('moves a task with its sub-tasks to another area and closes the gap it leaves', async () => {
    const from = await area('Hạ tầng số');
    const to = await area('Xã hội số');
    const first = await task(from.id, { title: 'Thứ nhất' });
    const second = await task(from.id, { title: 'Thứ hai' });
    const sub = await task(from.id, { title: 'Con', parentId: first.id });
    const moved = await coordinator.post(
      url(`/tasks/${first.id}/move`),
      { areaId: to.id, parentId: null, position: 0 },
      { 'if-match': `"${first.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const body = await plan();
    const target = body.areas.find((x) => x.id === to.id);
    expect(target?.tasks.map((t) => t.id)).toEqual([first.id]);
    expect(target?.tasks[0]?.children.map((c) => c.id)).toEqual([sub.id]);
    const source = body.areas.find((x) => x.id === from.id);
    expect(source?.tasks.map((t) => [t.id, t.position])).toEqual([[second.id, 0]]);
  });

  it('reorders siblings', async () => {
    const a = await area('Đô thị thông minh');
    const t1 = await task(a.id, { title: 'A' });
    const t2 = await task(a.id, { title: 'B' });
    const t3 = await task(a.id, { title: 'C' });
    await coordinator.post(url(`/tasks/${t3.id}/move`), { areaId: a.id, parentId: null, position: 0, version: t3.version });
    const titles = (await plan()).areas.find((x) => x.id === a.id)?.tasks.map((t) => t.id);
    expect(titles).toEqual([t3.id, t1.id, t2.id]);
  });

  it('refuses to move a task under its own sub-task', async () => {
    const a = await area('An toàn thông tin');
    const parent = await task(a.id);
    const child = await task(a.id, { parentId: parent.id });
    const res = await coordinator.post(url(`/tasks/${parent.id}/move`), {
      areaId: a.id,
      parentId: child.id,
      position: 0,
      version: parent.version,
    });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('INVALID_MOVE');
  });

  it('soft-deletes a task with its sub-tasks, keeping the record in history', async () => {
    const a = await area('Nguồn nhân lực');
    const parent = await task(a.id, { title: 'Đào tạo kỹ năng số' });
    await task(a.id, { parentId: parent.id });
    const res = await coordinator.delete(url(`/tasks/${parent.id}`), { 'if-match': `"${parent.version}"` });
    expect(res.statusCode).toBe(204);
    expect((await plan()).areas.find((x) => x.id === a.id)?.tasks).toEqual([]);
    expect((await coordinator.get(url(`/tasks/${parent.id}`))).statusCode).toBe(404);
    const { rows } = await ctx.db.query('SELECT deleted_at FROM tasks WHERE id = $1 OR parent_id = $1', [parent.id]);
    expect(rows).toHaveLength(2);
    expect(rows.every((r: { deleted_at: Date | null }) => r.deleted_at !== null)).toBe(true);
    const history = (await coordinator.get(url(`/tasks/${parent.id}/history`))).json() as { items: { action: string }[] };
    expect(history.items.map((h) => h.action)).toEqual(['delete', 'create']);
  });

  it('answers a stale delete with 412 and the task as it is now, in the shape GET gives', async () => {
    const a = await area('Du lịch số');
    const t = await task(a.id);
    await coordinator.patch(url(`/tasks/${t.id}`), { title: 'Đã đổi tên' }, { 'if-match': '"1"' });
    const stale = await coordinator.delete(url(`/tasks/${t.id}`), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const current = (stale.json() as { error: { details: { current: Task & { depth?: number } } } }).error.details.current;
    expect(current).toMatchObject({ id: t.id, title: 'Đã đổi tên', version: 2, allowed: { update: true } });
    expect(current.depth).toBeUndefined();
    expect((await coordinator.get(url(`/tasks/${t.id}`))).statusCode).toBe(200);
  });

  it('refuses a delete without the version', async () => {
    const a = await area('Chiến lược');
    const t = await task(a.id);
    expect((await coordinator.delete(url(`/tasks/${t.id}`))).statusCode).toBe(428);
  });

  it('lets two editors race: one wins, the other gets 412 and the winner is kept', async () => {
    const a = await area('Y tế số');
    const t = await task(a.id, { obligor: 'joint' });
    const [one, two] = await Promise.all([
      coordinator.patch(url(`/tasks/${t.id}`), { title: 'Bản tỉnh' }, { 'if-match': `"${t.version}"` }),
      partner.patch(url(`/tasks/${t.id}`), { title: 'Bản đối tác' }, { 'if-match': `"${t.version}"` }),
    ]);
    const codes = [one.statusCode, two.statusCode].sort();
    expect(codes).toEqual([200, 412]);
    const winner = one.statusCode === 200 ? 'Bản tỉnh' : 'Bản đối tác';
    expect(((await coordinator.get(url(`/tasks/${t.id}`))).json() as Task).title).toBe(winner);
    const history = (await coordinator.get(url(`/tasks/${t.id}/history`))).json() as { items: unknown[] };
    expect(history.items).toHaveLength(2);
  });

  it('records who changed what on a task', async () => {
    const a = await area('Giáo dục số');
    const t = await task(a.id, { responsiblePerson: 'Trần Thị Mai' });
    await coordinator.patch(url(`/tasks/${t.id}`), { responsiblePerson: 'Lê Văn Nam', progress: 40 }, { 'if-match': '"1"' });
    const history = (await coordinator.get(url(`/tasks/${t.id}/history`))).json() as {
      items: { actor: { id: string }; changes: { field: string; before: unknown; after: unknown }[] }[];
    };
    expect(history.items[0]?.actor.id).toBe(coordinator.userId);
    expect(history.items[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'responsiblePerson', before: 'Trần Thị Mai', after: 'Lê Văn Nam' },
        { field: 'progress', before: 0, after: 40 },
      ]),
    );
  });

  it('keeps who decides on a task (the sixth "rõ") and the agreement\'s switch for it, each change in history', async () => {
    const a = await area('Rõ thẩm quyền');
    const t = await task(a.id, { decidedBy: 'Chủ tịch UBND tỉnh' });
    expect(t).toMatchObject({ decidedBy: 'Chủ tịch UBND tỉnh' });
    const tooLong = await coordinator.patch(url(`/tasks/${t.id}`), { decidedBy: 'x'.repeat(201) }, { 'if-match': '"1"' });
    expect(tooLong.statusCode).toBe(400);
    expect((tooLong.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues[0]?.field).toBe('decidedBy');
    expect(((await coordinator.get(url(`/tasks/${t.id}`))).json() as Task).version).toBe(1);
    const edited = await coordinator.patch(url(`/tasks/${t.id}`), { decidedBy: 'Giám đốc Sở KH&CN' }, { 'if-match': '"1"' });
    expect(edited.json()).toMatchObject({ decidedBy: 'Giám đốc Sở KH&CN', version: 2 });
    const history = (await coordinator.get(url(`/tasks/${t.id}/history`))).json() as {
      items: { changes: { field: string; before: unknown; after: unknown }[] }[];
    };
    expect(history.items[0]?.changes).toEqual([{ field: 'decidedBy', before: 'Chủ tịch UBND tỉnh', after: 'Giám đốc Sở KH&CN' }]);

    const agreement = (await coordinator.get(url())).json() as { checksAuthority: boolean; version: number };
    expect(agreement.checksAuthority).toBe(false);
    const on = await coordinator.patch(url(), { checksAuthority: true }, { 'if-match': `"${agreement.version}"` });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ checksAuthority: true });
    const agreementHistory = (await coordinator.get(url('/history'))).json() as {
      items: { changes: { field: string; before: unknown; after: unknown }[] }[];
    };
    expect(agreementHistory.items[0]?.changes).toEqual([{ field: 'checksAuthority', before: false, after: true }]);
    const off = await coordinator.patch(url(), { checksAuthority: false }, { 'if-match': `"${agreement.version + 1}"` });
    expect(off.json()).toMatchObject({ checksAuthority: false });
  });

  it('edits and deletes an area with its tasks', async () => {
    const a = await area('Nông nghiệp số');
    await task(a.id);
    const edited = await coordinator.patch(url(`/areas/${a.id}`), { title: 'Nông nghiệp và môi trường' }, { 'if-match': '"1"' });
    expect(edited.statusCode).toBe(200);
    const stale = await coordinator.delete(url(`/areas/${a.id}`), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await coordinator.delete(url(`/areas/${a.id}`), { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await plan()).areas.some((x) => x.id === a.id)).toBe(false);
  });

  it('keeps sub-tasks within the depth limit', async () => {
    const a = await area('Sâu');
    let parent = await task(a.id);
    for (let i = 0; i < 3; i++) parent = await task(a.id, { parentId: parent.id });
    const tooDeep = await coordinator.post(url('/tasks'), { areaId: a.id, title: 'x', obligor: 'government', parentId: parent.id });
    expect(tooDeep.statusCode).toBe(400);
  });
});

describe('sending the plan', () => {
  const get = (who: Client, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'GET', url: url('/plan'), headers: { cookie: who.cookie, ...headers } });

  it('lets a browser keep an unchanged plan: an ETag of what this viewer sees, 304 while it holds', async () => {
    const a = await area('Hạ tầng số');
    await task(a.id, { title: 'Nâng cấp mạng diện rộng' });
    const first = await get(coordinator);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]{32}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect((first.json() as PlanBody).areas.some((x) => x.id === a.id)).toBe(true);

    const again = await get(coordinator, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    // In a list, or without the weak marker: still the same plan.
    expect((await get(coordinator, { 'if-none-match': `"other", ${etag.slice(2)}` })).statusCode).toBe(304);
    // The other party sees the plan with its own permissions: another ETag.
    expect((await get(partner)).headers.etag).not.toBe(etag);
    // A change to the plan: the old ETag no longer holds, and the new answer shows it.
    await task(a.id, { title: 'Trung tâm dữ liệu tỉnh' });
    const changed = await get(coordinator, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(JSON.stringify(changed.json())).toContain('Trung tâm dữ liệu tỉnh');
  });

  it('compresses large answers for a client that accepts it, never the small ones that carry the CSRF token', async () => {
    const a = await area('Dữ liệu số');
    for (let i = 0; i < 8; i++) await task(a.id, { title: `Số hóa hồ sơ đợt ${i + 1}`, description: 'Số hóa và làm sạch dữ liệu hộ tịch' });
    const plain = await get(coordinator);
    const br = await get(coordinator, { 'accept-encoding': 'br, gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect((await get(coordinator, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    const session = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: coordinator.cookie, 'accept-encoding': 'br, gzip' },
    });
    expect(session.statusCode).toBe(200);
    expect(session.headers['content-encoding']).toBeUndefined();
  });

  it('sends each viewer their own permissions from the plan it keeps: two unit officers of one side, each leading one task', async () => {
    const a = await area('Xã hội số');
    const otherUnitId = (await buildOrganisation(ctx.db, { kind: 'enterprise_unit', parentId: unitId, nameVi: 'Trung tâm Dữ liệu' })).id;
    const byUnit = await task(a.id, { title: 'Ứng dụng công dân số', obligor: 'enterprise', leadUnitId: unitId }, partner);
    const byOther = await task(a.id, { title: 'Trung tâm dữ liệu vùng', obligor: 'enterprise', leadUnitId: otherUnitId }, partner);
    const officerOf = async (organisationId: string) =>
      signInAs(ctx.app, (await buildUser(ctx.db, { role: 'unit_officer', organisationId })).email);
    // The unit above leads both (its subtree holds the other); the unit below only its own.
    const [above, below] = [await officerOf(unitId), await officerOf(otherUnitId)];
    const allowedOf = async (who: Client) => {
      const body = (await get(who, { 'accept-encoding': 'br' })).rawPayload;
      const tasks = (JSON.parse(zlib.brotliDecompressSync(body).toString()) as PlanBody).areas.find((x) => x.id === a.id)?.tasks ?? [];
      return Object.fromEntries(tasks.map((t) => [t.title, t.allowed.update]));
    };
    for (let round = 0; round < 2; round++) {
      expect(await allowedOf(above)).toEqual({ [byUnit.title]: true, [byOther.title]: true });
      expect(await allowedOf(below)).toEqual({ [byUnit.title]: false, [byOther.title]: true });
      expect(await allowedOf(coordinator)).toEqual({ [byUnit.title]: false, [byOther.title]: false });
    }
    // The plan's lead units are as the tests below expect them.
    expect((await partner.delete(url(`/tasks/${byOther.id}`), { 'if-match': `"${byOther.version}"` })).statusCode).toBe(204);
  });

  it('sends the plan as it is after changes that no version number counts: shifted siblings, a report, a rename, the status rules', async () => {
    const a = await area('Chuyển đổi số doanh nghiệp');
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const first = await task(a.id, { title: 'Khảo sát hiện trạng', leadUnitId: deptId, startDate: day(10), dueDate: day(100) });
    const second = await task(a.id, { title: 'Đánh giá mức độ sẵn sàng' });
    const inArea = async () => (await plan()).areas.find((x) => x.id === a.id)?.tasks ?? [];
    const positions = async () => Object.fromEntries((await inArea()).map((t) => [t.title, t.position]));
    expect(await positions()).toEqual({ [first.title]: 0, [second.title]: 1 });
    // Moving the second before the first shifts the first, whose version stays as it was.
    expect(
      (await coordinator.post(url(`/tasks/${second.id}/move`), { areaId: a.id, parentId: null, position: 0, version: second.version }))
        .statusCode,
    ).toBe(200);
    expect(await positions()).toEqual({ [first.title]: 1, [second.title]: 0 });
    // A progress report sets the task's last report, not its version.
    const before = (await inArea()).find((t) => t.id === first.id);
    const report = await coordinator.post(url(`/tasks/${first.id}/reports`), { body: 'Đã khảo sát 12 sở' });
    expect(report.statusCode, report.body).toBe(201);
    const after = (await inArea()).find((t) => t.id === first.id);
    expect(after?.lastReportedAt).toBeTruthy();
    expect(after?.lastReportedAt).not.toBe(before?.lastReportedAt);
    // A unit renamed outside the plan.
    await ctx.db.query(`UPDATE organisations SET name_vi = 'Sở Y tế tỉnh' WHERE id = $1`, [deptId]);
    expect((await inArea()).find((t) => t.id === first.id)?.leadUnit?.name).toBe('Sở Y tế tỉnh');
    await ctx.db.query(`UPDATE organisations SET name_vi = 'Sở Y tế' WHERE id = $1`, [deptId]);
    // The name of who waived a task's "5 rõ", changed on their account.
    const current = (await inArea()).find((t) => t.id === second.id) as Task;
    expect(
      (await coordinator.post(url(`/tasks/${second.id}/waiver`), { reason: 'Chờ khảo sát', version: current.version })).statusCode,
    ).toBe(200);
    const waivedBy = async () => (await inArea()).find((t) => t.id === second.id)?.clarityWaiver?.by;
    const named = await waivedBy();
    await ctx.db.query(`UPDATE users SET display_name = 'Nguyễn Văn Điều Phối' WHERE display_name = $1`, [named]);
    expect(await waivedBy()).toBe('Nguyễn Văn Điều Phối');
    // The agreement's rules of status: a task due in 100 days is at risk once the window is a year.
    const statusOf = async () => (await inArea()).find((t) => t.id === first.id)?.status;
    expect(await statusOf()).toBe('not_started');
    await ctx.db.query('UPDATE agreements SET at_risk_days = 365 WHERE id = $1', [agreementId]);
    expect(await statusOf()).toBe('at_risk');
    await ctx.db.query('UPDATE agreements SET at_risk_days = DEFAULT WHERE id = $1', [agreementId]);
    expect(await statusOf()).toBe('not_started');
  });

  it('makes the JSON an area at a time, byte for byte the whole plan serialised at once', async () => {
    const a = await area('Kinh tế số nông thôn');
    const parent = await task(a.id, { title: 'Sàn thương mại điện tử', leadUnitId: deptId, coordinatingUnitIds: [unitId] });
    await task(a.id, { title: 'Đưa hộ sản xuất lên sàn', parentId: parent.id });
    const email = (await buildUser(ctx.db, { role: 'coordinator', organisationId: deptId })).email;
    const viewer = await loadViewer(ctx.db, (await findUserByEmail(ctx.db, email))?.user as SessionUser);
    const whole = JSON.stringify(await getPlan(ctx.db, viewer, agreementId));
    const [areas, rows] = [await listAreas(ctx.db, agreementId), await listTasks(ctx.db, agreementId)];
    const pieces = [...planJson(agreementId, areas, rows, viewer, 'government', todayInVietnam())];
    expect(pieces.length).toBe(areas.length + 2);
    expect(pieces.join('')).toBe(whole);
    expect(whole).toContain('Đưa hộ sản xuất lên sàn');
  });

  it('never inflates a compressed request body', async () => {
    const a = await area('Kinh tế số');
    const body = zlib.gzipSync(JSON.stringify({ areaId: a.id, title: 'Nén', obligor: 'government' }));
    const res = await ctx.app.inject({
      method: 'POST',
      url: url('/tasks'),
      headers: {
        cookie: coordinator.cookie,
        'x-csrf-token': coordinator.csrf,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      payload: body,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(JSON.stringify((await plan()).areas.find((x) => x.id === a.id)?.tasks ?? [])).not.toContain('Nén');
  });
});

describe('the plan by area', () => {
  type Outline = {
    areas: { id: string; taskCount: number; topLevelCount: number; clarity: { clear: number; total: number; met: number; of: number } }[];
    clarity: { clear: number; total: number; met: number; of: number };
    leadUnits: { id: string; name: string }[];
  };
  type Page = { areaId: string; from: number; tasks: (Task & { children: Task[] })[]; topLevelCount: number; next: number | null };
  const outline = async (who = coordinator) => (await who.get(url('/plan/outline'))).json() as Outline;
  const page = async (areaId: string, query = '', who = coordinator) => {
    const res = await who.get(url(`/plan/areas/${areaId}/tasks${query}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const ids = (tasks: readonly (Task & { children?: Task[] })[]): string[] =>
    tasks.flatMap((t) => [t.id, ...ids((t.children ?? []) as (Task & { children?: Task[] })[])]);

  it('outlines every area with its task counts and "5 rõ" tally, as the whole plan adds them up', async () => {
    const a = await area('Đô thị thông minh');
    const clear = await task(a.id, {
      title: 'Camera giám sát',
      description: 'Lắp đặt 200 camera tại các nút giao',
      responsiblePerson: 'Trần Thị Lan',
      startDate: '2026-01-01',
      dueDate: '2026-12-31',
      leadUnitId: deptId,
      expectedProduct: 'Hệ thống camera vận hành',
    });
    await task(a.id, { parentId: clear.id, title: 'Khảo sát vị trí', leadUnitId: unitId });
    await task(a.id, { title: 'Chiếu sáng thông minh' });
    const body = await outline();
    const mine = body.areas.find((x) => x.id === a.id);
    // The clear task meets all five, its sub-task one (the lead unit), the last none.
    expect(mine).toMatchObject({ taskCount: 3, topLevelCount: 2, clarity: { clear: 1, total: 3, met: 6, of: 15 } });
    const whole = await plan();
    const count = (ts: readonly (Task & { children?: Task[] })[]): number => ids(ts).length;
    expect(body.areas.map((x) => [x.id, x.taskCount])).toEqual(whole.areas.map((x) => [x.id, count(x.tasks)]));
    expect(body.clarity.total).toBe(body.areas.reduce((n, x) => n + x.taskCount, 0));
    expect(body.leadUnits.map((u) => u.id).sort()).toEqual([deptId, unitId].sort());
  });

  it("keeps each task's check with it: an edit shows in the outline, and so does the agreement's rule on who decides", async () => {
    const a = await area('Kinh tế số');
    const t = await task(a.id, { title: 'Sàn thương mại điện tử', responsiblePerson: 'Lê Văn Nam' });
    const tally = async () => (await outline()).areas.find((x) => x.id === a.id)?.clarity;
    expect(await tally()).toEqual({ clear: 0, total: 1, met: 1, of: 5 });
    const edit = await coordinator.patch(
      url(`/tasks/${t.id}`),
      {
        description: 'Đưa 500 hộ kinh doanh lên sàn',
        startDate: '2026-02-01',
        dueDate: '2026-11-30',
        leadUnitId: deptId,
        expectedProduct: 'Sàn vận hành',
      },
      { 'if-match': `"${t.version}"` },
    );
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await tally()).toEqual({ clear: 1, total: 1, met: 5, of: 5 });
    // Stored as the domain checks it, with and without who decides.
    const { rows } = await ctx.db.query('SELECT clarity_met, clarity_met_authority FROM tasks WHERE id = $1', [t.id]);
    expect(rows[0]).toEqual({ clarity_met: 5, clarity_met_authority: 5 });
    await ctx.db.query('UPDATE agreements SET checks_authority = true WHERE id = $1', [agreementId]);
    try {
      expect(await tally()).toEqual({ clear: 0, total: 1, met: 5, of: 6 });
    } finally {
      await ctx.db.query('UPDATE agreements SET checks_authority = false WHERE id = $1', [agreementId]);
    }
  });

  it('checks a task whose check is not stored yet itself, and migrating fills it in', async () => {
    const a = await area('Xã hội số');
    await task(a.id, { title: 'Ví điện tử cho người dân', responsiblePerson: 'Phạm Thu Hà', leadUnitId: deptId });
    const before = await outline();
    await ctx.db.query('UPDATE tasks SET clarity_met = NULL, clarity_met_authority = NULL WHERE agreement_id = $1', [agreementId]);
    // As a task written before the column existed, or by an older instance during a rollout.
    expect(await outline()).toEqual(before);
    await migrate(ctx.db);
    const { rows } = await ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tasks WHERE agreement_id = $1 AND clarity_met IS NULL AND deleted_at IS NULL',
      [agreementId],
    );
    expect(rows[0]?.n).toBe(0);
    expect(await outline()).toEqual(before);
  });

  it("sends an area's tasks a page of top-level tasks at a time, each with its sub-tasks, in the tree's order", async () => {
    const a = await area('Dữ liệu số');
    const tops: Task[] = [];
    for (let i = 0; i < 5; i++) tops.push(await task(a.id, { title: `Nhiệm vụ ${i + 1}` }));
    const sub = await task(a.id, { parentId: tops[3]?.id, title: 'Nhiệm vụ con' });
    const subSub = await task(a.id, { parentId: sub.id, title: 'Việc nhỏ' });

    const first = await page(a.id, '?limit=2');
    expect(first).toMatchObject({ areaId: a.id, from: 0, topLevelCount: 5, next: 2 });
    expect(first.tasks.map((t) => t.id)).toEqual([tops[0]?.id, tops[1]?.id]);
    const second = await page(a.id, '?from=2&limit=2');
    expect(second.next).toBe(4);
    expect(second.tasks[1]?.children[0]).toMatchObject({ id: sub.id, children: [{ id: subSub.id }] });
    const last = await page(a.id, '?from=4&limit=2');
    expect(last.next).toBeNull();
    // The pages put together are the area as the whole plan sends it.
    const whole = (await plan()).areas.find((x) => x.id === a.id);
    expect([...first.tasks, ...second.tasks, ...last.tasks]).toEqual(whole?.tasks);
    // Past the end: an empty page, not an error.
    expect(await page(a.id, '?from=9')).toMatchObject({ tasks: [], next: null });
  });

  it('reaches as far as a task asked for, so that a link to it opens it', async () => {
    const a = await area('Xã hội số');
    const tops: Task[] = [];
    for (let i = 0; i < 4; i++) tops.push(await task(a.id, { title: `Việc ${i + 1}` }));
    const deep = await task(a.id, { parentId: tops[2]?.id, title: 'Việc con' });
    const reached = await page(a.id, `?limit=1&through=${deep.id}`);
    expect(reached.tasks.map((t) => t.id)).toEqual(tops.slice(0, 3).map((t) => t.id));
    expect(reached.next).toBe(3);
    // A task of another area does not widen the page.
    const other = await area('Khác');
    const elsewhere = await task(other.id);
    expect((await page(a.id, `?limit=1&through=${elsewhere.id}`)).tasks).toHaveLength(1);
  });

  it('answers 404 for an area of another agreement or none, and 400 for a bad page', async () => {
    const stranger = await buildOrganisation(ctx.db, { kind: 'province' });
    const otherGroup = await buildOrganisation(ctx.db, { kind: 'enterprise_group' });
    const other = await buildAgreement(ctx.db, {
      parties: [
        { organisationId: stranger.id, side: 'government' },
        { organisationId: otherGroup.id, side: 'enterprise' },
      ],
    });
    const res = await coordinator.get(`/api/agreements/${other.id}/plan/areas/${crypto.randomUUID()}/tasks`);
    expect(res.statusCode).toBe(404);
    const missing = await coordinator.get(url(`/plan/areas/${crypto.randomUUID()}/tasks`));
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe('AREA_NOT_FOUND');
    const a = await area('Trang');
    const bad = await coordinator.get(url(`/plan/areas/${a.id}/tasks?limit=0`));
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues[0]?.field).toBe('limit');
  });

  it('lets a browser keep an unchanged outline and area page (ETag, 304), and changes both when a task changes', async () => {
    const a = await area('Nhân lực số');
    await task(a.id, { title: 'Đào tạo kỹ năng số' });
    for (const path of ['/plan/outline', `/plan/areas/${a.id}/tasks`]) {
      const get = (headers: Record<string, string> = {}) =>
        ctx.app.inject({ method: 'GET', url: url(path), headers: { cookie: coordinator.cookie, ...headers } });
      const first = await get();
      const etag = first.headers.etag as string;
      expect((await get({ 'if-none-match': etag })).statusCode).toBe(304);
      await task(a.id, { title: `Thêm ${path}` });
      expect((await get({ 'if-none-match': etag })).statusCode).toBe(200);
    }
  });
});
