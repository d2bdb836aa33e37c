import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseErrorOf } from '../src/http/database-errors.js';
import {
  buildAgreement,
  buildArea,
  buildOrganisation,
  buildTask,
  buildUser,
  signInAs,
  startTestApp,
  type Client,
  type TestContext,
} from './support.js';

/**
 * The one change path as people notice it: every change is versioned and recorded, also the
 * changes a cascade brings with it, and every event leaves an outbox row in the same transaction.
 */
let ctx: TestContext;
let coordinator: Client;
let admin: Client;
let agreementId: string;
let provinceId: string;
let groupId: string;

type Event = { action: string; entityId: string; changes: { field: string; before: unknown; after: unknown }[] };
type Issue = { field: string; code: string };

beforeAll(async () => {
  ctx = await startTestApp();
  provinceId = (await buildOrganisation(ctx.db, { kind: 'province' })).id;
  const dept = await buildOrganisation(ctx.db, { kind: 'department', parentId: provinceId });
  groupId = (await buildOrganisation(ctx.db, { kind: 'enterprise_group' })).id;
  agreementId = (
    await buildAgreement(ctx.db, {
      parties: [
        { organisationId: provinceId, side: 'government' },
        { organisationId: groupId, side: 'enterprise' },
      ],
    })
  ).id;
  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: dept.id })).email);
  const central = await buildOrganisation(ctx.db, { kind: 'central_agency' });
  admin = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'admin', organisationId: central.id })).email);
});
afterAll(() => ctx.close());

const url = (path = '') => `/api/agreements/${agreementId}${path}`;
const historyOf = async (taskId: string) => ((await coordinator.get(url(`/tasks/${taskId}/history`))).json() as { items: Event[] }).items;
const issues = (body: string) => (JSON.parse(body) as { error: { details: { issues: Issue[] } } }).error.details.issues;

describe('areas', () => {
  it('refuse a stale edit with 412 and the area as it is now, and change nothing', async () => {
    const area = await buildArea(ctx.db, agreementId, { title: 'Hạ tầng số' });
    expect((await coordinator.patch(url(`/areas/${area.id}`), { title: 'Hạ tầng và nền tảng số' }, { 'if-match': '"1"' })).statusCode).toBe(
      200,
    );
    const stale = await coordinator.patch(url(`/areas/${area.id}`), { title: 'Bản cũ' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((stale.json() as { error: { details: { current: unknown } } }).error.details.current).toMatchObject({
      id: area.id,
      title: 'Hạ tầng và nền tảng số',
      version: 2,
    });
    const { rows } = await ctx.db.query('SELECT title, version FROM areas WHERE id = $1', [area.id]);
    expect(rows[0]).toEqual({ title: 'Hạ tầng và nền tảng số', version: 2 });
  });

  it('record every edit in the agreement history, with what changed', async () => {
    const area = await buildArea(ctx.db, agreementId, { title: 'Xã hội số' });
    await coordinator.patch(url(`/areas/${area.id}`), { title: 'Xã hội số và công dân số' }, { 'if-match': '"1"' });
    const events = ((await coordinator.get(url('/history'))).json() as { items: Event[] }).items.filter((e) => e.entityId === area.id);
    expect(events[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'title', before: 'Xã hội số', after: 'Xã hội số và công dân số' }],
    });
  });

  it('deleted with their tasks record a deletion for each task', async () => {
    const area = await buildArea(ctx.db, agreementId);
    const parent = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'government' });
    const child = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'government', parentId: parent.id, depth: 1 });
    expect((await coordinator.delete(url(`/areas/${area.id}`), { 'if-match': '"1"' })).statusCode).toBe(204);
    for (const t of [parent, child]) expect((await historyOf(t.id)).map((e) => e.action)).toEqual(['delete']);
  });
});

describe('tasks', () => {
  it('deleted with a parent each get their own deletion in history', async () => {
    const area = await buildArea(ctx.db, agreementId);
    const parent = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'government' });
    const child = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'government', parentId: parent.id, depth: 1 });
    const grandchild = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'joint', parentId: child.id, depth: 2 });
    expect((await coordinator.delete(url(`/tasks/${parent.id}`), { 'if-match': '"1"' })).statusCode).toBe(204);
    for (const t of [child, grandchild]) {
      const events = await historyOf(t.id);
      expect(events[0]?.action).toBe('delete');
    }
    const { rows } = await ctx.db.query<{ version: number }>('SELECT version FROM tasks WHERE id = $1', [child.id]);
    expect(rows[0]?.version).toBe(2);
  });

  it('that follow their parent into another area record the move', async () => {
    const from = await buildArea(ctx.db, agreementId);
    const to = await buildArea(ctx.db, agreementId);
    const parent = await buildTask(ctx.db, { agreementId, areaId: from.id, obligor: 'government' });
    const child = await buildTask(ctx.db, { agreementId, areaId: from.id, obligor: 'government', parentId: parent.id, depth: 1 });
    const moved = await coordinator.post(
      url(`/tasks/${parent.id}/move`),
      { areaId: to.id, parentId: null, position: 0 },
      { 'if-match': '"1"' },
    );
    expect(moved.statusCode).toBe(200);
    const [event] = await historyOf(child.id);
    expect(event).toMatchObject({ action: 'move' });
    expect(event?.changes).toContainEqual({ field: 'areaId', before: from.id, after: to.id });
    // Its version moved on: an edit made on the old version is refused.
    expect((await coordinator.patch(url(`/tasks/${child.id}`), { title: 'Cũ' }, { 'if-match': '"1"' })).statusCode).toBe(412);
  });

  it('check the dates as they will be after an edit that sends only one of them', async () => {
    const area = await buildArea(ctx.db, agreementId);
    const t = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'government' }); // starts 2025-10-01
    const res = await coordinator.patch(url(`/tasks/${t.id}`), { dueDate: '2025-09-01' }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(400);
    expect(issues(res.body)).toEqual([expect.objectContaining({ field: 'dueDate', code: 'dueBeforeStart' })]);
  });

  it('leave one outbox row for every history event, in the same transaction', async () => {
    const area = await buildArea(ctx.db, agreementId);
    const created = await coordinator.post(url('/tasks'), { areaId: area.id, title: 'Nền tảng dữ liệu', obligor: 'government' });
    const id = (created.json() as { id: string }).id;
    await coordinator.patch(url(`/tasks/${id}`), { progress: 10 }, { 'if-match': '"1"' });
    const { rows } = await ctx.db.query<{ topic: string; same: boolean }>(
      `SELECT o.topic, o.entity_id = e.entity_id AND o.agreement_id = e.agreement_id AS same
       FROM outbox o JOIN audit_events e ON e.id = o.audit_event_id WHERE o.entity_id = $1 ORDER BY o.id`,
      [id],
    );
    expect(rows).toEqual([
      { topic: 'task.create', same: true },
      { topic: 'task.update', same: true },
    ]);
  });
});

describe('linked agreements', () => {
  it('that the reader cannot open are not named, neither in the agreement nor in its history', async () => {
    const stranger = await buildOrganisation(ctx.db, { kind: 'province' });
    const strangerGroup = await buildOrganisation(ctx.db, { kind: 'enterprise_group' });
    const hidden = await buildAgreement(ctx.db, {
      title: 'Thỏa thuận bí mật của tỉnh khác',
      parties: [
        { organisationId: stranger.id, side: 'government' },
        { organisationId: strangerGroup.id, side: 'enterprise' },
      ],
    });
    const mine = await buildAgreement(ctx.db, {
      parties: [
        { organisationId: provinceId, side: 'government' },
        { organisationId: groupId, side: 'enterprise' },
      ],
    });
    // An administrator (who reads everything) links them both ways.
    expect((await admin.patch(`/api/agreements/${mine.id}`, { predecessorId: hidden.id }, { 'if-match': '"1"' })).statusCode).toBe(200);
    await ctx.db.query('UPDATE agreements SET parent_id = $1 WHERE id = $2', [mine.id, hidden.id]);
    const seenByAdmin = (await admin.get(`/api/agreements/${mine.id}`)).json() as { predecessor: { id: string } | null };
    expect(seenByAdmin.predecessor?.id).toBe(hidden.id);

    const detail = await coordinator.get(`/api/agreements/${mine.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ predecessor: null, children: [] });
    expect(detail.body).not.toContain(hidden.id);
    expect(detail.body).not.toContain('bí mật');
    const history = await coordinator.get(`/api/agreements/${mine.id}/history`);
    expect(history.body).not.toContain(hidden.id);
  });
});

describe('database rules that slip past validation', () => {
  const violation = async (sql: string, values: unknown[]) => {
    try {
      await ctx.db.query(sql, values);
    } catch (error) {
      return databaseErrorOf(error);
    }
    throw new Error('expected the statement to fail');
  };

  it('answer a coded 400 or 409 naming the field, never a 500', async () => {
    const area = await buildArea(ctx.db, agreementId);
    const t = await buildTask(ctx.db, { agreementId, areaId: area.id, obligor: 'government' });
    expect(await violation("UPDATE tasks SET due_date = '2000-01-01' WHERE id = $1", [t.id])).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'dueDate', code: 'constraint' }] },
    });
    expect(await violation('UPDATE tasks SET title = repeat($2, 600) WHERE id = $1', [t.id, 'x'])).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'title', code: 'constraint' }] },
    });
    expect(await violation("UPDATE tasks SET lead_org_id = '00000000-0000-4000-8000-000000000000' WHERE id = $1", [t.id])).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'leadOrgId', code: 'missingReference' }] },
    });
    expect(
      await violation(
        "INSERT INTO users(email, display_name, password_hash, role, organisation_id) SELECT email, 'x', 'x', 'leader', organisation_id FROM users LIMIT 1",
        [],
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      details: { issues: [{ code: 'notUnique' }] },
    });
  });
});
