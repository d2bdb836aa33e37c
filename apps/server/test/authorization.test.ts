import { can, relationToAgreement, relationToTask, roles, type Obligor, type Operation, type Role, type Side } from '@accord/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement, buildTask, clientFor, preSignIn, startTestApp, type Client, type TestContext } from './support.js';
import { buildWorld, placements, signInAll, type Placement, type World } from './world.js';

let ctx: TestContext;
let world: World;
let clients: Record<Role, Record<Placement, Client>>;

beforeAll(async () => {
  ctx = await startTestApp();
  world = await buildWorld(ctx.db);
  clients = await signInAll(ctx.app, world);
});
afterAll(() => ctx.close());

const sideOf = (p: Placement): Side | null => (p === 'unrelated' ? null : p);

/** What the policy says the HTTP answer must be: 404 when the agreement is not readable, 403 when the operation is not allowed. */
function expected(role: Role, place: Placement, op: Operation, task?: { obligor: Obligor; leadPlace: Placement | null }): 'ok' | 403 | 404 {
  const side = sideOf(place);
  if (!can({ role }, 'agreement.read', { relation: relationToAgreement(side) })) return 404;
  const allowed = task
    ? can({ role }, op, { relation: relationToTask(side, task.obligor), isLeadUnit: task.leadPlace === place })
    : can({ role }, op, { relation: relationToAgreement(side) });
  return allowed ? 'ok' : 403;
}

function outcome(res: LightMyRequestResponse): 'ok' | number {
  return res.statusCode < 300 ? 'ok' : res.statusCode;
}

const cases = roles.flatMap((role) => placements.map((place) => ({ role, place })));

describe('every role against every operation, for own, counterparty and unrelated access', () => {
  it.each(cases)('$role ($place) reading the agreement, its plan and history, and the list', async ({ role, place }) => {
    const c = clients[role][place];
    const want = expected(role, place, 'agreement.read');
    const id = world.agreement.id;
    expect(outcome(await c.get(`/api/agreements/${id}`))).toBe(want);
    expect(outcome(await c.get(`/api/agreements/${id}/plan`))).toBe(want);
    expect(outcome(await c.get(`/api/agreements/${id}/history`))).toBe(want);
    const list = (await c.get('/api/agreements?pageSize=100')).json() as { items: { id: string }[] };
    expect(list.items.some((a) => a.id === id)).toBe(want === 'ok');
  });

  it.each(cases)('$role ($place) editing the agreement and changing its status', async ({ role, place }) => {
    const c = clients[role][place];
    const a = await buildAgreement(ctx.db, { parties: world.parties });
    const edit = await c.patch(`/api/agreements/${a.id}`, { title: 'Tên mới của thỏa thuận' }, { 'if-match': '"1"' });
    expect(outcome(edit)).toBe(expected(role, place, 'agreement.update'));
    const b = await buildAgreement(ctx.db, { parties: world.parties });
    const status = await c.post(`/api/agreements/${b.id}/status`, { status: 'completed' }, { 'if-match': '"1"' });
    expect(outcome(status)).toBe(expected(role, place, 'agreement.changeStatus'));
  });

  it.each(cases)('$role ($place) adding and editing a cooperation area', async ({ role, place }) => {
    const c = clients[role][place];
    const res = await c.post(`/api/agreements/${world.agreement.id}/areas`, { title: 'Hạ tầng số', theme: 'digital_infrastructure' });
    expect(outcome(res)).toBe(expected(role, place, 'area.write'));
  });

  const taskKinds = [
    { obligor: 'government' as const, leadPlace: 'government' as const },
    { obligor: 'enterprise' as const, leadPlace: 'enterprise' as const },
    { obligor: 'joint' as const, leadPlace: 'government' as const },
  ];

  it.each(cases)('$role ($place) creating, editing, moving and deleting tasks of each side', async ({ role, place }) => {
    const c = clients[role][place];
    const { agreement, area, orgOf } = world;
    for (const kind of taskKinds) {
      const what = `${kind.obligor} task`;
      const leadUnitId = orgOf[kind.leadPlace];
      const created = await c.post(`/api/agreements/${agreement.id}/tasks`, {
        areaId: area.id,
        title: 'Triển khai nền tảng',
        obligor: kind.obligor,
        leadUnitId,
      });
      expect(outcome(created), `create ${what}`).toBe(expected(role, place, 'task.create', { obligor: kind.obligor, leadPlace: null }));

      const task = await buildTask(ctx.db, { agreementId: agreement.id, areaId: area.id, obligor: kind.obligor, leadUnitId });
      const url = `/api/agreements/${agreement.id}/tasks/${task.id}`;
      const edit = await c.patch(url, { status: 'in_progress' }, { 'if-match': '"1"' });
      expect(outcome(edit), `edit ${what}`).toBe(expected(role, place, 'task.update', kind));

      const movable = await buildTask(ctx.db, { agreementId: agreement.id, areaId: area.id, obligor: kind.obligor, leadUnitId });
      const move = await c.post(
        `/api/agreements/${agreement.id}/tasks/${movable.id}/move`,
        { areaId: area.id, parentId: null, position: 0 },
        { 'if-match': '"1"' },
      );
      expect(outcome(move), `move ${what}`).toBe(expected(role, place, 'task.move', kind));

      const doomed = await buildTask(ctx.db, { agreementId: agreement.id, areaId: area.id, obligor: kind.obligor, leadUnitId });
      const del = await c.delete(`/api/agreements/${agreement.id}/tasks/${doomed.id}`, { 'if-match': '"1"' });
      expect(outcome(del), `delete ${what}`).toBe(expected(role, place, 'task.delete', kind));
    }
  });
});

describe('the policy as people expect it', () => {
  it('lets a coordinator edit their own side and not the other side', async () => {
    const { agreement, area, orgOf } = world;
    const govTask = await buildTask(ctx.db, {
      agreementId: agreement.id,
      areaId: area.id,
      obligor: 'government',
      leadUnitId: orgOf.government,
    });
    const url = `/api/agreements/${agreement.id}/tasks/${govTask.id}`;
    expect((await clients.coordinator.enterprise.patch(url, { title: 'Sửa' }, { 'if-match': '"1"' })).statusCode).toBe(403);
    expect((await clients.coordinator.government.patch(url, { title: 'Sửa' }, { 'if-match': '"1"' })).statusCode).toBe(200);
  });

  it('lets a unit officer edit only the tasks their unit leads', async () => {
    const { agreement, area, orgOf } = world;
    const mine = await buildTask(ctx.db, {
      agreementId: agreement.id,
      areaId: area.id,
      obligor: 'enterprise',
      leadUnitId: orgOf.enterprise,
    });
    const notMine = await buildTask(ctx.db, {
      agreementId: agreement.id,
      areaId: area.id,
      obligor: 'enterprise',
      leadUnitId: world.branch.id,
    });
    const officer = clients.unit_officer.enterprise;
    expect(
      (await officer.patch(`/api/agreements/${agreement.id}/tasks/${mine.id}`, { status: 'completed' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(200);
    expect(
      (await officer.patch(`/api/agreements/${agreement.id}/tasks/${notMine.id}`, { status: 'completed' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(403);
    // …and cannot hand the task to another unit or side.
    const handOver = await officer.patch(
      `/api/agreements/${agreement.id}/tasks/${mine.id}`,
      { leadUnitId: world.branch.id },
      { 'if-match': '"2"' },
    );
    expect(handOver.statusCode).toBe(403);
  });

  it('answers 404 for an unrelated agreement exactly as for a missing one', async () => {
    const outsider = clients.coordinator.unrelated;
    const hidden = await outsider.get(`/api/agreements/${world.agreement.id}`);
    const missing = await outsider.get('/api/agreements/00000000-0000-4000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    const task = await buildTask(ctx.db, { agreementId: world.agreement.id, areaId: world.area.id, obligor: 'government' });
    expect((await outsider.get(`/api/agreements/${world.agreement.id}/tasks/${task.id}`)).statusCode).toBe(404);
  });

  it('does not let a task of one agreement be reached through another agreement', async () => {
    const other = await buildAgreement(ctx.db, { parties: world.parties });
    const task = await buildTask(ctx.db, { agreementId: world.agreement.id, areaId: world.area.id, obligor: 'government' });
    const res = await clients.admin.government.get(`/api/agreements/${other.id}/tasks/${task.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('lets people below and above a party see its agreement', async () => {
    // The department (below the province) and the unit (below the group) are in the matrix; the group itself:
    const { buildUser, signInAs } = await import('./support.js');
    const atGroup = await buildUser(ctx.db, { role: 'leader', organisationId: world.group.id });
    const leader = await signInAs(ctx.app, atGroup.email);
    expect((await leader.get(`/api/agreements/${world.agreement.id}`)).statusCode).toBe(200);
  });
});

describe('anonymous access', () => {
  it('answers 401 to every API read and write without a session', async () => {
    const anon = clientFor(ctx.app, '', '');
    for (const url of [
      '/api/agreements',
      `/api/agreements/${world.agreement.id}`,
      `/api/agreements/${world.agreement.id}/plan`,
      '/api/organisations',
      '/api/auth/session',
    ]) {
      expect((await anon.get(url)).statusCode, url).toBe(401);
    }
    const pre = await preSignIn(ctx.app);
    const withCsrf = clientFor(ctx.app, pre.cookie, pre.csrf);
    expect((await withCsrf.post('/api/agreements', { title: 'x', parties: [] })).statusCode).toBe(401);
    expect((await withCsrf.patch(`/api/agreements/${world.agreement.id}`, { title: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(401);
    expect((await withCsrf.post(`/api/agreements/${world.agreement.id}/areas`, { title: 'x' })).statusCode).toBe(401);
  });
});
