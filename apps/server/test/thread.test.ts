import { ENTRY_EDIT_MINUTES } from '@accord/domain';
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

// A task's thread: reports, comments and directions; internal entries the other party never sees;
// mentions of the agreement's people; the author's corrections within the window, kept in history.

let ctx: TestContext;
let agreementId: string;
let deptId: string;
let groupId: string;
let provinceId: string;
const people: Record<'coordinator' | 'officer' | 'leader' | 'partner' | 'partnerLeader' | 'observer' | 'outsider', Client> = {} as never;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await startTestApp();
  provinceId = (await buildOrganisation(ctx.db, { kind: 'province' })).id;
  deptId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: provinceId })).id;
  groupId = (await buildOrganisation(ctx.db, { kind: 'enterprise_group' })).id;
  const otherProvince = (await buildOrganisation(ctx.db, { kind: 'province' })).id;
  agreementId = (
    await buildAgreement(ctx.db, {
      parties: [
        { organisationId: provinceId, side: 'government' },
        { organisationId: groupId, side: 'enterprise' },
      ],
    })
  ).id;
  const make = async (key: keyof typeof people, role: Parameters<typeof buildUser>[1]['role'], org: string, name: string) => {
    const u = await buildUser(ctx.db, { role, organisationId: org, displayName: name });
    ids[key] = u.id;
    people[key] = await signInAs(ctx.app, u.email);
  };
  await make('coordinator', 'coordinator', provinceId, 'Nguyễn Thị Điều Phối');
  await make('officer', 'unit_officer', deptId, 'Trần Văn Cán Bộ');
  await make('leader', 'leader', provinceId, 'Lê Văn Lãnh Đạo');
  await make('partner', 'coordinator', groupId, 'Phạm Đối Tác');
  await make('partnerLeader', 'leader', groupId, 'Hoàng Lãnh Đạo Đối Tác');
  await make('observer', 'observer', otherProvince, 'Vũ Quan Sát');
  await make('outsider', 'coordinator', otherProvince, 'Đỗ Người Ngoài');
});
afterAll(() => ctx.close());

interface Entry {
  id: string;
  kind: string;
  body: string;
  internal: boolean;
  version: number;
  progress: number | null;
  mentions: { id: string; name: string }[];
  editedAt: string | null;
  allowed: { edit: boolean };
  author: { id: string; side: string | null };
}
interface Thread {
  items: Entry[];
  total: number;
  next: string | null;
  allowed: Record<string, boolean>;
}

const url = (path = '') => `/api/agreements/${agreementId}${path}`;
const issues = (body: string) =>
  (JSON.parse(body) as { error: { details: { issues: { field: string; code: string }[] } } }).error.details.issues;

async function newTask(extra: Record<string, unknown> = {}): Promise<{ id: string; version: number; progress: number; status: string }> {
  const area = await people.coordinator.post(url('/areas'), { title: 'Chính quyền số', theme: 'digital_government' });
  const res = await people.coordinator.post(url('/tasks'), {
    areaId: (area.json() as { id: string }).id,
    title: 'Triển khai hệ thống quản lý văn bản',
    obligor: 'government',
    leadUnitId: deptId,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; progress: number; status: string };
}
const thread = async (who: Client, taskId: string, query = '') => {
  const res = await who.get(url(`/tasks/${taskId}/entries${query}`));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Thread;
};
const post = (who: Client, taskId: string, kind: 'reports' | 'comments' | 'directions', body: Record<string, unknown>) =>
  who.post(url(`/tasks/${taskId}/${kind}`), body);
const history = async (who: Client, path: string) =>
  (await who.get(url(path))).json() as { items: { entityType: string; entityId: string; changes: { field: string }[] }[] };

describe('reports, comments and directions', () => {
  it('keeps each entry dated and attributed, newest first; a report moves the task through its one edit path', async () => {
    const task = await newTask();
    const report = await post(people.officer, task.id, 'reports', { body: 'Đã cài đặt xong máy chủ, đang cấu hình.', progress: 50 });
    expect(report.statusCode, report.body).toBe(201);
    const posted = report.json() as { entry: Entry; task: { progress: number; status: string; version: number } };
    expect(posted.entry).toMatchObject({ kind: 'report', progress: 50, internal: false, author: { id: ids.officer, side: 'government' } });
    expect(posted.task).toMatchObject({ progress: 50, version: task.version + 1 });
    expect((await post(people.partner, task.id, 'comments', { body: 'Đề nghị gửi kèm biên bản cài đặt.' })).statusCode).toBe(201);
    expect((await post(people.leader, task.id, 'directions', { body: 'Hoàn thành trước ngày 30/6.' })).statusCode).toBe(201);

    const seen = await thread(people.partner, task.id);
    expect(seen.items.map((e) => e.kind)).toEqual(['direction', 'comment', 'report']);
    expect(seen.total).toBe(3);
    // The task's progress change is in the task's history, and the entries beside it.
    const events = await history(people.partner, `/tasks/${task.id}/history`);
    expect(events.items.filter((e) => e.entityType === 'entry')).toHaveLength(3);
    expect(events.items.find((e) => e.entityType === 'task' && e.changes.some((c) => c.field === 'progress'))).toBeDefined();
  });

  it('keeps both of two reports posted at once; the task ends at one of them', async () => {
    const task = await newTask();
    const [a, b] = await Promise.all([
      post(people.officer, task.id, 'reports', { body: 'Báo cáo thứ nhất', progress: 30 }),
      post(people.coordinator, task.id, 'reports', { body: 'Báo cáo thứ hai', progress: 40 }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const seen = await thread(people.coordinator, task.id);
    expect(seen.items.map((e) => e.body).sort()).toEqual(['Báo cáo thứ hai', 'Báo cáo thứ nhất']);
    const now = (await people.coordinator.get(url(`/tasks/${task.id}`))).json() as { progress: number; version: number };
    expect([30, 40]).toContain(now.progress);
    expect(now.version).toBe(task.version + 2);
  });

  it('refuses what a report may not do, on its field, and keeps nothing of it', async () => {
    const task = await newTask();
    const paused = await post(people.officer, task.id, 'reports', { body: 'Tạm dừng', state: 'paused' });
    expect(paused.statusCode).toBe(400);
    expect(issues(paused.body)).toEqual([expect.objectContaining({ field: 'stateReason', code: 'reasonRequired' })]);
    const cancel = await post(people.officer, task.id, 'reports', { body: 'Hủy', state: 'cancelled', stateReason: 'Không cần nữa' });
    expect(cancel.statusCode).toBe(403);
    const internal = await post(people.officer, task.id, 'reports', { body: 'Nội bộ', progress: 10, internal: true });
    expect(issues(internal.body)).toEqual([expect.objectContaining({ field: 'internal', code: 'internalChangesNothing' })]);
    const empty = await post(people.officer, task.id, 'comments', { body: '   ' });
    expect(issues(empty.body)[0]).toMatchObject({ field: 'body' });
    const long = await post(people.officer, task.id, 'comments', { body: 'x'.repeat(10_001) });
    expect(issues(long.body)[0]).toMatchObject({ field: 'body', code: 'tooLong' });
    const parent = await newTask();
    await people.coordinator.post(url('/tasks'), {
      areaId: (await people.coordinator.get(url(`/tasks/${parent.id}`))).json().areaId,
      parentId: parent.id,
      title: 'Việc con',
      obligor: 'government',
    });
    const rolled = await post(people.coordinator, parent.id, 'reports', { body: 'Tiến độ chung', progress: 70 });
    expect(issues(rolled.body)).toEqual([expect.objectContaining({ field: 'progress', code: 'progressRolledUp' })]);
    for (const t of [task, parent]) expect((await thread(people.coordinator, t.id)).total).toBe(0);
    expect(((await people.coordinator.get(url(`/tasks/${task.id}`))).json() as { version: number }).version).toBe(task.version);
  });

  it('lets each role write what the policy says, and nobody outside the agreement', async () => {
    const task = await newTask();
    const cases: [keyof typeof people, 'reports' | 'comments' | 'directions', number][] = [
      ['officer', 'reports', 201],
      ['partner', 'reports', 403],
      ['leader', 'reports', 403],
      ['partner', 'comments', 201],
      ['leader', 'comments', 201],
      ['observer', 'comments', 403],
      ['outsider', 'comments', 404],
      ['leader', 'directions', 201],
      ['partnerLeader', 'directions', 201],
      ['coordinator', 'directions', 403],
      ['officer', 'directions', 403],
    ];
    for (const [who, kind, want] of cases) {
      const res = await post(people[who], task.id, kind, { body: `${who} ${kind}` });
      expect(res.statusCode, `${who} ${kind}: ${res.body}`).toBe(want);
    }
    expect((await thread(people.coordinator, task.id)).total).toBe(5);
    expect((await thread(people.partner, task.id)).allowed).toEqual({ report: false, comment: true, direction: false, internal: true });
    expect((await thread(people.officer, task.id)).allowed).toEqual({ report: true, comment: true, direction: false, internal: true });
    expect((await thread(people.observer, task.id)).allowed).toEqual({ report: false, comment: false, direction: false, internal: false });
    expect((await people.outsider.get(url(`/tasks/${task.id}/entries`))).statusCode).toBe(404);
  });

  it("answers 404 for a task of another agreement asked through this one's address, even to a reader of both", async () => {
    const task = await newTask();
    await post(people.officer, task.id, 'comments', { body: 'Ý kiến trong thỏa thuận thứ nhất' });
    const other = await buildAgreement(ctx.db, {
      parties: [
        { organisationId: provinceId, side: 'government' },
        { organisationId: groupId, side: 'enterprise' },
      ],
    });
    const res = await people.coordinator.get(`/api/agreements/${other.id}/tasks/${task.id}/entries`);
    expect(res.statusCode, res.body).toBe(404);
    expect(errorCode(res)).toBe('TASK_NOT_FOUND');
    expect(res.body).not.toContain('thỏa thuận thứ nhất');
    expect(
      (await people.coordinator.get(`/api/agreements/${other.id}/tasks/00000000-0000-4000-8000-000000000000/entries`)).statusCode,
    ).toBe(404);
  });

  it('pages the thread from newest to oldest without repeating an entry', async () => {
    const task = await newTask();
    for (let i = 1; i <= 7; i += 1) await post(people.officer, task.id, 'comments', { body: `Ý kiến ${i}` });
    const first = await thread(people.officer, task.id, '?limit=3');
    const second = await thread(people.officer, task.id, `?limit=3&before=${first.next}`);
    const third = await thread(people.officer, task.id, `?limit=3&before=${second.next}`);
    expect([...first.items, ...second.items, ...third.items].map((e) => e.body)).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `Ý kiến ${i}`));
    expect(third.next).toBeNull();
    expect((await people.officer.get(url(`/tasks/${task.id}/entries?before=abc`))).statusCode).toBe(400);
  });
});

describe('internal entries', () => {
  it('are never seen by the other party or an outside observer: not in the thread, its count, or any history', async () => {
    const task = await newTask();
    const mine = await post(people.officer, task.id, 'comments', { body: 'Ghi chú nội bộ: nhà thầu chậm', internal: true });
    expect(mine.statusCode, mine.body).toBe(201);
    const entry = (mine.json() as { entry: Entry }).entry;
    await post(people.partner, task.id, 'comments', { body: 'Ý kiến chung' });
    const theirs = await post(people.partner, task.id, 'comments', { body: 'Ghi chú của doanh nghiệp', internal: true });

    expect((await thread(people.coordinator, task.id)).items.map((e) => e.body)).toEqual(['Ý kiến chung', 'Ghi chú nội bộ: nhà thầu chậm']);
    for (const who of [people.partner, people.partnerLeader]) {
      const seen = await thread(who, task.id);
      expect(seen.items.map((e) => e.body)).toEqual(['Ghi chú của doanh nghiệp', 'Ý kiến chung']);
      expect(seen.total).toBe(2);
    }
    expect((await thread(people.observer, task.id)).items.map((e) => e.body)).toEqual(['Ý kiến chung']);
    for (const who of [people.partner, people.observer]) {
      for (const path of [`/tasks/${task.id}/history`, '/history?limit=200']) {
        const text = JSON.stringify(await history(who, path));
        expect(text).not.toContain(entry.id);
        expect(text).not.toContain('nhà thầu chậm');
      }
    }
    const theirId = (theirs.json() as { entry: Entry }).entry.id;
    expect(JSON.stringify(await history(people.coordinator, `/tasks/${task.id}/history`))).not.toContain(theirId);
    // Nor can the other party reach it by its id: answered as if it were not there.
    const hidden = await people.partner.patch(url(`/tasks/${task.id}/entries/${entry.id}`), { body: 'x' }, { 'if-match': '"1"' });
    expect(hidden.statusCode).toBe(404);
    expect(errorCode(hidden)).toBe('ENTRY_NOT_FOUND');
  });

  it('are refused to someone on no side of the agreement', async () => {
    const task = await newTask();
    const admin = await signInAs(
      ctx.app,
      (await buildUser(ctx.db, { role: 'admin', organisationId: (await buildOrganisation(ctx.db, { kind: 'province' })).id })).email,
    );
    const res = await post(admin, task.id, 'comments', { body: 'Quản trị', internal: true });
    expect(issues(res.body)).toEqual([expect.objectContaining({ field: 'internal', code: 'internalNeedsSide' })]);
  });
});

describe('mentions', () => {
  it('points at people of the agreement, found by name without diacritics; refuses anyone else on its field', async () => {
    const task = await newTask();
    const found = (await people.officer.get(url('/people?q=doi tac'))).json() as { items: { id: string; side: string }[] };
    expect(found.items.map((p) => p.id)).toEqual(expect.arrayContaining([ids.partner, ids.partnerLeader]));
    expect(found.items.every((p) => p.side === 'enterprise')).toBe(true);
    const ownOnly = (await people.officer.get(url('/people?q=lanh dao&internal=true'))).json() as { items: { id: string }[] };
    expect(ownOnly.items.map((p) => p.id)).toEqual([ids.leader]);
    expect((await people.outsider.get(url('/people'))).statusCode).toBe(404);
    expect((await people.observer.get(url('/people'))).statusCode).toBe(403);

    const ok = await post(people.officer, task.id, 'comments', { body: '@Phạm Đối Tác xem giúp', mentions: [ids.partner, ids.partner] });
    expect((ok.json() as { entry: Entry }).entry.mentions).toEqual([{ id: ids.partner, name: 'Phạm Đối Tác' }]);
    const stranger = await post(people.officer, task.id, 'comments', { body: '@Đỗ Người Ngoài', mentions: [ids.leader, ids.outsider] });
    expect(issues(stranger.body)).toEqual([expect.objectContaining({ field: 'mentions.1', code: 'notMentionable' })]);
    const otherSide = await post(people.officer, task.id, 'comments', { body: 'nội bộ', internal: true, mentions: [ids.partner] });
    expect(issues(otherSide.body)).toEqual([expect.objectContaining({ field: 'mentions.0', code: 'notMentionable' })]);
    const { rows } = await ctx.db.query<{ mentions: string[] }>(`SELECT mentions FROM task_entries WHERE task_id = $1`, [task.id]);
    expect(rows).toEqual([{ mentions: [ids.partner] }]);
  });
});

describe("an author's corrections", () => {
  it('are for the author only, with If-Match, within the window, each kept in history', async () => {
    const task = await newTask();
    const entry = ((await post(people.officer, task.id, 'comments', { body: 'Bản nháp' })).json() as { entry: Entry }).entry;
    expect(entry.allowed.edit).toBe(true);
    const edit = (who: Client, version: number, body: Record<string, unknown>) =>
      who.patch(url(`/tasks/${task.id}/entries/${entry.id}`), body, { 'if-match': `"${version}"` });
    expect((await edit(people.coordinator, 1, { body: 'Sửa hộ' })).statusCode).toBe(403);
    expect((await thread(people.coordinator, task.id)).items[0]?.allowed.edit).toBe(false);
    const fixed = await edit(people.officer, 1, { body: 'Bản đã sửa' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ body: 'Bản đã sửa', version: 2, editedAt: expect.any(String) });
    const stale = await edit(people.officer, 1, { body: 'Bản cũ' });
    expect(stale.statusCode).toBe(412);
    expect((stale.json() as { error: { details: { current: Entry } } }).error.details.current.body).toBe('Bản đã sửa');
    const events = await history(people.officer, `/tasks/${task.id}/history`);
    const update = events.items.find((e) => e.entityId === entry.id && e.changes.some((c) => c.field === 'body'));
    expect(update).toBeDefined();

    // After the window, nobody changes it, its author neither.
    await ctx.db.query(`UPDATE task_entries SET created_at = now() - make_interval(mins => $2) WHERE id = $1`, [
      entry.id,
      ENTRY_EDIT_MINUTES + 1,
    ]);
    const late = await edit(people.officer, 2, { body: 'Quá hạn' });
    expect(late.statusCode).toBe(409);
    expect(errorCode(late)).toBe('ENTRY_LOCKED');
    expect((await thread(people.officer, task.id)).items[0]).toMatchObject({ body: 'Bản đã sửa', allowed: { edit: false } });
  });

  it('withdraw an entry from the thread, not from history; what a report changed stays', async () => {
    const task = await newTask();
    const entry = ((await post(people.officer, task.id, 'reports', { body: 'Đạt 60%', progress: 60 })).json() as { entry: Entry }).entry;
    const gone = await people.officer.delete(url(`/tasks/${task.id}/entries/${entry.id}`), { 'if-match': '"1"' });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await thread(people.officer, task.id)).total).toBe(0);
    expect(((await people.officer.get(url(`/tasks/${task.id}`))).json() as { progress: number }).progress).toBe(60);
    const events = await history(people.officer, `/tasks/${task.id}/history`);
    expect(events.items.filter((e) => e.entityId === entry.id).map((e) => (e as unknown as { action: string }).action)).toEqual([
      'delete',
      'create',
    ]);
  });
});

describe('the delivery steps in the thread', () => {
  it('writes delivered, rejected (with the reasons) and accepted entries', async () => {
    const task = await newTask();
    const delivered = await people.officer.post(
      url(`/tasks/${task.id}/deliver`),
      { note: 'Gửi kèm biên bản' },
      { 'if-match': `"${task.version}"` },
    );
    expect(delivered.statusCode, delivered.body).toBe(200);
    const v = (delivered.json() as { version: number }).version;
    await people.partner.post(url(`/tasks/${task.id}/reject`), { reason: 'Thiếu hướng dẫn sử dụng' }, { 'if-match': `"${v}"` });
    const seen = await thread(people.coordinator, task.id);
    expect(seen.items.map((e) => [e.kind, e.body, e.allowed.edit])).toEqual([
      ['rejected', 'Thiếu hướng dẫn sử dụng', false],
      ['delivered', 'Gửi kèm biên bản', false],
    ]);
    expect(seen.items[0]?.author.side).toBe('enterprise');
  });
});

describe('folding names in SQL', () => {
  it('agrees with the domain’s foldForSearch', async () => {
    const { foldForSearch } = await import('@accord/domain');
    const samples = ['Cà Mau', 'Đắk Lắk', 'Hải  Dương', 'NGUYỄN Thị Ánh', 'Thừa Thiên Huế', 'Ỷ Lan ơi ưng'];
    for (const s of samples) {
      const { rows } = await ctx.db.query<{ f: string }>('SELECT fold_text($1) AS f', [s]);
      expect(rows[0]?.f, s).toBe(foldForSearch(s));
    }
  });
});
