import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { agreementTaskListQuery } from '@accord/domain';
import { buildApp } from '../src/app.js';
import { SEARCH_COUNT_BOUND } from '../src/modules/search/search.repository.js';
import { listTaskPage, TASK_COUNT_BOUND } from '../src/modules/tasks/task.repository.js';
import { agreementTaskFilter } from '../src/modules/tasks/task-list.service.js';
import { createPool, type Db } from '../src/db/pool.js';
import {
  buildAgreement,
  buildArea,
  buildOrganisation,
  buildTask,
  buildUser,
  errorCode,
  signInAs,
  startTestApp,
  unique,
  type Client,
  type TestContext,
} from './support.js';

let ctx: TestContext;
let coordinator: Client;
let officer: Client;
let outsider: Client;
let agreementId: string;
let otherAgreementId: string;
let hiddenAgreementId: string;
let deptId: string;
let subUnitId: string;
let branchId: string;
const marker = unique('kiemthu');

type Item = {
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  overdue: boolean;
  agreementTitle: string;
  areaTitle: string;
  leadUnit: { id: string } | null;
  allowed: { update: boolean };
};
type ListBody = { items: Item[]; total: number; page: number; pageSize: number };

beforeAll(async () => {
  ctx = await startTestApp();
  const province = await buildOrganisation(ctx.db, { kind: 'province', nameVi: 'Tỉnh Cà Mau' });
  deptId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: province.id, nameVi: 'Sở Khoa học và Công nghệ' })).id;
  subUnitId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: deptId, nameVi: 'Trung tâm Chuyển đổi số' })).id;
  const group = await buildOrganisation(ctx.db, { kind: 'enterprise_group', nameVi: 'Tập đoàn Thử nghiệm' });
  branchId = (await buildOrganisation(ctx.db, { kind: 'branch', parentId: group.id, nameVi: 'Chi nhánh Cà Mau' })).id;
  const parties = [
    { organisationId: province.id, side: 'government' as const },
    { organisationId: group.id, side: 'enterprise' as const },
  ];
  agreementId = (await buildAgreement(ctx.db, { parties, title: `Thỏa thuận chuyển đổi số Cà Mau ${marker}` })).id;
  otherAgreementId = (await buildAgreement(ctx.db, { parties, title: `Thỏa thuận đô thị thông minh ${marker}` })).id;
  const strangerProvince = await buildOrganisation(ctx.db, { kind: 'province' });
  hiddenAgreementId = (
    await buildAgreement(ctx.db, {
      parties: [
        { organisationId: strangerProvince.id, side: 'government' },
        { organisationId: group.id, side: 'enterprise' },
      ],
      title: `Thỏa thuận khác ${marker}`,
    })
  ).id;

  const area = await buildArea(ctx.db, agreementId, { title: 'Chính quyền số' });
  // 25 tasks led by the department or its centre, due one a month from 2025-01; 5 by the branch.
  for (let i = 0; i < 25; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    await buildTask(ctx.db, {
      agreementId,
      areaId: area.id,
      obligor: 'government',
      leadUnitId: i % 5 === 0 ? subUnitId : deptId,
      title: `Nhiệm vụ ${String(i).padStart(2, '0')} ${marker}`,
      dueDate: `${2025 + Math.floor(i / 12)}-${month}-15`,
      // One in three delivered on its due date and accepted: completed on time, whatever today is.
      facts:
        i % 3 === 0
          ? {
              progress: 100,
              startedOn: '2025-01-01',
              deliveredOn: `${2025 + Math.floor(i / 12)}-${month}-15`,
              acceptedOn: `${2025 + Math.floor(i / 12)}-${month}-20`,
            }
          : { progress: 50, startedOn: '2025-01-01' },
    });
  }
  for (let i = 0; i < 5; i++) {
    await buildTask(ctx.db, {
      agreementId,
      areaId: area.id,
      obligor: 'enterprise',
      leadUnitId: branchId,
      title: `Việc doanh nghiệp ${i} ${marker}`,
    });
  }
  await buildTask(ctx.db, {
    agreementId,
    areaId: area.id,
    obligor: 'government',
    leadUnitId: deptId,
    title: `Không hạn ${marker}`,
    dueDate: null,
  });
  const otherArea = await buildArea(ctx.db, otherAgreementId, { title: 'Hạ tầng số' });
  await buildTask(ctx.db, {
    agreementId: otherAgreementId,
    areaId: otherArea.id,
    obligor: 'government',
    leadUnitId: deptId,
    title: `Triển khai Chuyển đổi số xã ${marker}`,
  });
  const hiddenArea = await buildArea(ctx.db, hiddenAgreementId, { title: 'Khác' });
  // Led by "our" department, but in an agreement our province is not a party to: never shown.
  await buildTask(ctx.db, {
    agreementId: hiddenAgreementId,
    areaId: hiddenArea.id,
    obligor: 'government',
    leadUnitId: deptId,
    title: `Bí mật chuyển đổi số ${marker}`,
  });

  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: province.id })).email);
  officer = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'unit_officer', organisationId: deptId })).email);
  outsider = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: strangerProvince.id })).email);
});
afterAll(() => ctx.close());

const list = async (who: Client, url: string) => {
  const res = await who.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListBody;
};

describe("an agreement's task list", () => {
  it('filters by status and lead unit (with the units below it), sorts by due date and pages', async () => {
    const url = `/api/agreements/${agreementId}/tasks?status=completed_on_time&leadUnitId=${deptId}&sort=dueDate&pageSize=5`;
    const first = await list(coordinator, url);
    // Completed on time: i % 3 === 0 among 25 → 9; the undated one is not started → excluded.
    expect(first.total).toBe(9);
    expect(first.items).toHaveLength(5);
    expect(first.items.every((t) => t.status === 'completed_on_time')).toBe(true);
    expect(first.items.some((t) => t.leadUnit?.id === subUnitId)).toBe(true);
    const all: Item[] = [];
    for (let page = 1; page <= 2; page++) all.push(...(await list(coordinator, `${url}&page=${page}`)).items);
    expect(all).toHaveLength(9);
    expect(new Set(all.map((t) => t.id)).size).toBe(9);
    const dues = all.map((t) => t.dueDate as string);
    expect(dues).toEqual([...dues].sort());
    expect(all[0]?.areaTitle).toBe('Chính quyền số');
    expect(all[0]?.agreementTitle).toContain(marker);
  });

  it('sorts descending and puts undated tasks last', async () => {
    const body = await list(coordinator, `/api/agreements/${agreementId}/tasks?leadUnitId=${deptId}&order=desc&pageSize=100`);
    expect(body.total).toBe(26);
    expect(body.items.at(-1)?.dueDate).toBeNull();
    expect(body.items[0]?.dueDate).toBe('2027-01-15');
  });

  it('marks and filters overdue work: past due, not delivered, paused or cancelled', async () => {
    const body = await list(coordinator, `/api/agreements/${agreementId}/tasks?overdue=true&pageSize=100`);
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((t) => t.overdue && t.status === 'overdue')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(body.items.every((t) => (t.dueDate as string) < today)).toBe(true);
  });

  it('finds words without diacritics and tells each viewer what they may edit', async () => {
    const asCoordinator = await list(coordinator, `/api/agreements/${agreementId}/tasks?q=viec doanh nghiep`);
    expect(asCoordinator.total).toBe(5);
    expect(asCoordinator.items.every((t) => !t.allowed.update)).toBe(true);
    const asOfficer = await list(officer, `/api/agreements/${agreementId}/tasks?q=nhiem vu 0&pageSize=3`);
    expect(asOfficer.items.every((t) => t.allowed.update)).toBe(true);
  });

  it('answers 404 for an agreement the user is not a party to, and 400 naming a bad filter', async () => {
    expect((await outsider.get(`/api/agreements/${agreementId}/tasks`)).statusCode).toBe(404);
    const bad = await coordinator.get(`/api/agreements/${agreementId}/tasks?status=done&sort=colour`);
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    const fields = (bad.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['status.0', 'sort']));
  });
});

describe('counting a long list', () => {
  it('counts up to a bound and says so, and counts on to the page after the one asked for', async () => {
    const at = async (page: number, countBound: number) => {
      const f = await agreementTaskFilter(ctx.db, agreementId, agreementTaskListQuery.parse({ page: String(page), pageSize: '10' }));
      const { items, total, totalCapped } = await listTaskPage(ctx.db, { ...f, countBound });
      return { n: items.length, total, totalCapped };
    };
    // 31 tasks in all.
    expect(await at(1, 100)).toEqual({ n: 10, total: 31, totalCapped: false });
    expect(await at(1, 31)).toEqual({ n: 10, total: 31, totalCapped: false });
    expect(await at(1, 25)).toEqual({ n: 10, total: 25, totalCapped: true });
    // On page 2, counted to the end of page 3 (the 30th), and one more is there: page 4 can be reached.
    expect(await at(2, 12)).toEqual({ n: 10, total: 30, totalCapped: true });
    expect(await at(3, 12)).toEqual({ n: 10, total: 31, totalCapped: false });
    expect(await at(4, 12)).toEqual({ n: 1, total: 31, totalCapped: false });
    expect(TASK_COUNT_BOUND).toBe(1000);
  });

  it('answers the bound in the API: the total, and whether it is only a lower bound', async () => {
    const body = (await coordinator.get(`/api/agreements/${agreementId}/tasks?pageSize=10`)).json() as ListBody & { totalCapped: boolean };
    expect(body).toMatchObject({ total: 31, totalCapped: false, page: 1, pageSize: 10 });
  });
});

describe('pages after a place in the list (keyset)', () => {
  type Paged = ListBody & { next: string | null };
  const orders = [
    ['dueDate', 'asc'],
    ['dueDate', 'desc'],
    ['deliveredOn', 'asc'],
    ['deliveredOn', 'desc'],
    ['title', 'asc'],
    ['title', 'desc'],
    ['status', 'asc'],
    ['status', 'desc'],
    ['updatedAt', 'desc'],
    ['updatedAt', 'asc'],
  ] as const;

  it.each(orders)('walks every task once, in the order of one long page, by %s %s', async (sort, order) => {
    const base = `/api/agreements/${agreementId}/tasks?sort=${sort}&order=${order}`;
    const whole = await list(coordinator, `${base}&pageSize=100`);
    expect(whole.items).toHaveLength(31);
    const walked: string[] = [];
    let page = 1;
    let body = (await list(coordinator, `${base}&pageSize=4`)) as Paged;
    for (;;) {
      walked.push(...body.items.map((t) => t.id));
      if (!body.next) break;
      page += 1;
      body = (await list(coordinator, `${base}&pageSize=4&page=${page}&after=${body.next}`)) as Paged;
      // The page after a place counts as the page it is: "29–31 of 31".
      expect(body).toMatchObject({ page, total: 31, totalCapped: false });
    }
    expect(walked).toEqual(whole.items.map((t) => t.id));
    expect(page).toBe(8);
    expect((whole as Paged).next).toBeNull();
  });

  it('goes on after the tasks without a due date, and with filters', async () => {
    const base = `/api/agreements/${agreementId}/tasks?leadUnitId=${deptId}&pageSize=5`;
    const whole = await list(coordinator, `${base.replace('pageSize=5', 'pageSize=100')}`);
    const walked: string[] = [];
    let body = (await list(coordinator, base)) as Paged;
    for (let page = 2; ; page++) {
      walked.push(...body.items.map((t) => t.id));
      if (!body.next) break;
      body = (await list(coordinator, `${base}&page=${page}&after=${body.next}`)) as Paged;
    }
    expect(walked).toEqual(whole.items.map((t) => t.id));
    expect(whole.items.at(-1)?.dueDate).toBeNull();
  });

  it('goes on from a place whose task has since changed, and across agreements', async () => {
    const first = (await list(officer, '/api/tasks?pageSize=10')) as Paged;
    const second = (await list(officer, `/api/tasks?pageSize=10&page=2&after=${first.next}`)) as Paged;
    const whole = await list(officer, '/api/tasks?pageSize=100');
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(whole.items.slice(0, 20).map((t) => t.id));
  });

  it('refuses a place it did not write, or one made for another order, naming the field', async () => {
    const first = (await list(coordinator, `/api/agreements/${agreementId}/tasks?pageSize=4`)) as Paged;
    const issueOf = async (url: string) => {
      const res = await coordinator.get(url);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json() as { error: { details: { issues: { field: string; code: string }[] } } }).error.details.issues[0];
    };
    expect(await issueOf(`/api/agreements/${agreementId}/tasks?sort=title&page=2&after=${first.next}`)).toMatchObject({
      field: 'after',
      code: 'otherListOrder',
    });
    const forged = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const id = first.items[0]?.id;
    for (const after of [
      'bm90IGpzb24',
      forged([1, 'dueDate', 'asc', "2025-01-01'; DROP TABLE tasks; --", id]),
      forged([1, 'dueDate', 'asc', '2025-02-30', id]),
      forged([1, 'dueDate', 'asc', '2025-02-01', 'not-a-uuid']),
      forged([2, 'dueDate', 'asc', '2025-02-01', id]),
      forged([1, 'colour', 'asc', '2025-02-01', id]),
    ]) {
      expect(await issueOf(`/api/agreements/${agreementId}/tasks?page=2&after=${after}`)).toMatchObject({
        field: 'after',
        code: 'invalid',
      });
    }
    expect(await issueOf(`/api/agreements/${agreementId}/tasks?after=not%20url%20safe`)).toMatchObject({ field: 'after' });
  });
});

describe("a unit's tasks across agreements", () => {
  it("defaults to the user's own unit and the units below it, in every agreement they can read", async () => {
    const body = await list(officer, '/api/tasks?pageSize=100');
    expect(body.total).toBe(27);
    expect(new Set(body.items.map((t) => t.agreementTitle)).size).toBe(2);
    expect(body.items.some((t) => t.title.startsWith('Bí mật'))).toBe(false);
  });

  it('shows each task as its own page shows it to the same user: what they may do, by their side of its agreement', async () => {
    for (const who of [officer, coordinator]) {
      const body = (await list(who, '/api/tasks?pageSize=100')) as unknown as { items: (Item & { agreementId: string })[] };
      expect(body.items.length).toBeGreaterThan(0);
      for (const item of body.items) {
        const own = await who.get(`/api/agreements/${item.agreementId}/tasks/${item.id}`);
        expect(own.statusCode).toBe(200);
        expect(item.allowed, item.title).toEqual((own.json() as Item).allowed);
      }
      expect(body.items.some((t) => t.allowed.update)).toBe(true);
    }
  });

  it('takes another unit, status and words', async () => {
    const body = await list(coordinator, `/api/tasks?leadUnitId=${subUnitId}&status=in_progress,at_risk,overdue,completed_on_time`);
    expect(body.total).toBe(5);
    const found = await list(coordinator, `/api/tasks?leadUnitId=${deptId}&q=CHUYEN DOI SO`);
    expect(found.items.map((t) => t.title)).toEqual([`Triển khai Chuyển đổi số xã ${marker}`]);
  });
});

describe('search across agreements and tasks', () => {
  it('ignores diacritics and case and shows only what the user can read', async () => {
    const res = await coordinator.get(`/api/search?q=${encodeURIComponent(`chuyen doi so ${marker}`)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      agreements: { items: { title: string; partyNames: string[] }[]; total: number };
      tasks: { items: { title: string; agreementTitle: string }[]; total: number };
    };
    expect(body.agreements.items.map((a) => a.title)).toEqual([`Thỏa thuận chuyển đổi số Cà Mau ${marker}`]);
    expect(body.tasks.items.map((t) => t.title)).toEqual([`Triển khai Chuyển đổi số xã ${marker}`]);
    expect(body.tasks.total).toBe(1);
    const outsiderView = (await outsider.get(`/api/search?q=${encodeURIComponent(`chuyen doi so ${marker}`)}`)).json() as typeof body;
    expect(outsiderView.tasks.items.map((t) => t.title)).toEqual([`Bí mật chuyển đổi số ${marker}`]);
    expect(outsiderView.agreements.total).toBe(0);
  });

  it('needs two characters and at least one letter or digit', async () => {
    for (const q of ['a', '%%', '  ']) {
      const res = await coordinator.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
  });

  it('matches a word of three letters or more by its start, a shorter one whole', async () => {
    const area = await buildArea(ctx.db, agreementId, { title: 'Thử tìm kiếm' });
    await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'government', title: `Sông nước miền Tây ${marker}` });
    await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'government', title: `Số hóa hồ sơ ${marker}` });
    const titles = async (q: string) =>
      (
        (await coordinator.get(`/api/search?q=${encodeURIComponent(`${q} ${marker}`)}&limit=50`)).json() as {
          tasks: { items: { title: string }[] };
        }
      ).tasks.items
        .map((t) => t.title)
        .sort();
    const so = await titles('so');
    expect(so).toContain(`Số hóa hồ sơ ${marker}`);
    expect(so).not.toContain(`Sông nước miền Tây ${marker}`);
    expect(await titles('son')).toEqual([`Sông nước miền Tây ${marker}`]);
    expect(await titles('SÔNG NUOC mien')).toEqual([`Sông nước miền Tây ${marker}`]);
  });

  it('keeps up with every change of a task: new words, status, delete, and the sub-tasks a delete takes along', async () => {
    const word = unique('timkiem').replace(/[^a-z0-9]/g, '');
    const url = (path = '') => `/api/agreements/${agreementId}/tasks${path}`;
    const found = async (q: string) => {
      const body = (await coordinator.get(`/api/search?q=${encodeURIComponent(q)}&limit=50`)).json() as {
        tasks: { items: { id: string; status: string }[]; total: number };
      };
      return body.tasks;
    };
    const area = await buildArea(ctx.db, agreementId, { title: 'Theo dõi tìm kiếm' });
    const create = async (title: string, dueDate: string, parentId?: string) => {
      const res = await coordinator.post(url(), { areaId: area.id, parentId, title, obligor: 'government', dueDate });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    const parent = await create(`Cổng dữ liệu ${word} alpha`, '2027-01-01');
    const child = await create(`Kết nối ${word} beta`, '2027-01-01', parent.id);
    const other = await create(`Ứng dụng ${word} delta`, '2027-03-01');
    expect((await found(word)).total).toBe(3);

    const renamed = await coordinator.patch(url(`/${parent.id}`), { title: `Cổng dữ liệu ${word} gamma` }, { 'if-match': '"1"' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await found(`${word} alpha`)).total).toBe(0);
    expect((await found(`${word} gamma`)).items.map((t) => t.id)).toEqual([parent.id]);

    // Work that owes nothing (cancelled, or accepted) comes after open work, whatever its due date.
    const done = await coordinator.patch(
      url(`/${parent.id}`),
      { state: 'cancelled', stateReason: 'Gộp vào nhiệm vụ khác' },
      { 'if-match': '"2"' },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect((await found(word)).items.map((t) => t.id)).toEqual([child.id, other.id, parent.id]);
    const sooner = await coordinator.patch(url(`/${other.id}`), { dueDate: '2026-12-20' }, { 'if-match': '"1"' });
    expect(sooner.statusCode, sooner.body).toBe(200);
    expect((await found(word)).items.map((t) => t.id)).toEqual([other.id, child.id, parent.id]);

    // Deleting a task takes its sub-tasks out of search with it.
    const deleted = await coordinator.delete(url(`/${parent.id}`), { 'if-match': '"3"' });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await found(word)).items.map((t) => t.id)).toEqual([other.id]);
  });

  it('shows the first matches in order and counts to a bound, saying there are more', async () => {
    const word = unique('nhieu').replace(/[^a-z0-9]/g, '');
    const area = await buildArea(ctx.db, agreementId, { title: 'Nhiều kết quả' });
    // 103 matches due a day apart, inserted out of order: the first shown are the soonest due.
    const days = Array.from({ length: SEARCH_COUNT_BOUND + 3 }, (_, i) => i).reverse();
    for (const day of days) {
      const dueDate = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
      await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'government', title: `Việc ${word} ${day}`, dueDate });
    }
    type Hits = { tasks: { items: { title: string }[]; total: number; totalCapped: boolean } };
    const get = async (q: string, limit = 10) =>
      (await coordinator.get(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`)).json() as Hits;
    const many = (await get(word)).tasks;
    expect({ total: many.total, totalCapped: many.totalCapped }).toEqual({ total: SEARCH_COUNT_BOUND, totalCapped: true });
    expect(many.items.map((t) => t.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Việc ${word} ${i}`));
    const more = await get(word, 50);
    expect(more.tasks.items.map((t) => t.title)).toEqual(Array.from({ length: 50 }, (_, i) => `Việc ${word} ${i}`));
    // Within the bound the count is exact.
    const few = (await get(`${word} 10`)).tasks;
    expect({ total: few.total, totalCapped: few.totalCapped }).toEqual({ total: 1, totalCapped: false });
  });

  it('treats LIKE wildcards as text', async () => {
    const body = (await coordinator.get(`/api/search?q=${encodeURIComponent('100%_x')}`)).json() as { tasks: { total: number } };
    expect(body.tasks.total).toBe(0);
  });
});

describe('a read replica', () => {
  it('serves lists, search and the plan tree, while edits go to the primary', async () => {
    // A stand-in replica: the same database, read-only, so a write sent there would fail.
    const url = new URL(inject('databaseUrl'));
    url.searchParams.set('options', '-c default_transaction_read_only=on');
    const replica: Db = createPool(url.toString(), 3, 'accord-read');
    const primary = createPool(inject('databaseUrl'), 3);
    const app = await buildApp({ db: primary, readDb: replica, config: ctx.config });
    try {
      const client = await signInAs(app, (await buildUser(ctx.db, { role: 'unit_officer', organisationId: deptId })).email);
      const replicaQueries = vi.spyOn(replica, 'query');
      for (const path of [
        `/api/agreements/${agreementId}/tasks`,
        '/api/tasks',
        '/api/search?q=ca mau',
        '/api/agreements',
        `/api/agreements/${agreementId}/plan`,
      ]) {
        const before = replicaQueries.mock.calls.length;
        const res = await client.get(path);
        expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
        expect(replicaQueries.mock.calls.length, path).toBeGreaterThan(before);
      }
      const task = (await list(client, `/api/agreements/${agreementId}/tasks?leadUnitId=${deptId}&pageSize=1`)).items[0] as Item & {
        version?: number;
      };
      const current = await client.get(`/api/agreements/${agreementId}/tasks/${task.id}`);
      const before = replicaQueries.mock.calls.length;
      const edit = await client.patch(
        `/api/agreements/${agreementId}/tasks/${task.id}`,
        { state: 'paused', stateReason: 'Chờ kinh phí' },
        { 'if-match': current.headers.etag as string },
      );
      expect(edit.statusCode, edit.body).toBe(200);
      expect(replicaQueries.mock.calls.length).toBe(before);
    } finally {
      await app.close();
      await primary.end();
      await replica.end();
    }
  });
});
