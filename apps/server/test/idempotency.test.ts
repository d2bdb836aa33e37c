import ExcelJS from 'exceljs';
import crypto from 'node:crypto';
import { endpointIds, endpoints, takesIdempotencyKey, type EndpointId } from '@accord/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgreement,
  buildArea,
  buildOrganisation,
  buildTask,
  buildTwoSidedAgreement,
  buildUser,
  errorCode,
  PASSWORD,
  signInAs,
  startTestApp,
  unique,
  type Client,
  type TestContext,
} from './support.js';

/**
 * Idempotency keys: a client whose answer was lost sends the same request again with the same
 * key; it gets the first answer and nothing is created or changed twice.
 */
let ctx: TestContext;
let coordinator: Client;
let colleague: Client;
let admin: Client;
let partner: Client;
let leader: Client;
let world: { provinceId: string; groupId: string; agreementId: string };
let areaId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  world = await buildTwoSidedAgreement(ctx.db);
  areaId = (await buildArea(ctx.db, world.agreementId)).id;
  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: world.provinceId })).email);
  colleague = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: world.provinceId })).email);
  const agency = await buildOrganisation(ctx.db, { kind: 'central_agency' });
  admin = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'admin', organisationId: agency.id })).email);
  partner = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: world.groupId })).email);
  leader = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'leader', organisationId: world.provinceId })).email);
});
afterAll(() => ctx.close());

const key = () => crypto.randomUUID();
const tasksUrl = () => `/api/agreements/${world.agreementId}/tasks`;
const newTask = (title = `Nhiệm vụ ${unique()}`) => ({ areaId, title, obligor: 'government' });

async function count(sql: string, values: unknown[]): Promise<number> {
  return Number((await ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) x`, values)).rows[0]?.n);
}
const tasksTitled = (title: string) => count('SELECT 1 FROM tasks WHERE title = $1', [title]);
const eventsOf = (entityId: string) => count('SELECT 1 FROM audit_events WHERE entity_id = $1', [entityId]);

describe('a create sent again with its Idempotency-Key', () => {
  it('answers the first answer again and creates nothing', async () => {
    const k = key();
    const body = newTask();
    const first = await coordinator.post(tasksUrl(), body, { 'idempotency-key': k });
    expect(first.statusCode, first.body).toBe(201);
    const again = await coordinator.post(tasksUrl(), body, { 'idempotency-key': k });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await tasksTitled(body.title)).toBe(1);
    expect(await eventsOf((first.json() as { id: string }).id)).toBe(1);
  });

  it('with the keys of a body sent in another order is the same request', async () => {
    const k = key();
    const title = `Nhiệm vụ ${unique()}`;
    await coordinator.post(tasksUrl(), { areaId, title, obligor: 'government' }, { 'idempotency-key': k });
    const again = await coordinator.post(tasksUrl(), { obligor: 'government', title, areaId }, { 'idempotency-key': k });
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(await tasksTitled(title)).toBe(1);
  });

  it('with another body is refused with a code, and changes nothing', async () => {
    const k = key();
    await coordinator.post(tasksUrl(), newTask(), { 'idempotency-key': k });
    const other = newTask();
    const res = await coordinator.post(tasksUrl(), other, { 'idempotency-key': k });
    expect(res.statusCode).toBe(422);
    expect(errorCode(res)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((res.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues[0]?.field).toBe('Idempotency-Key');
    expect(await tasksTitled(other.title)).toBe(0);
  });

  it('on another path is refused too', async () => {
    const k = key();
    await coordinator.post(tasksUrl(), newTask(), { 'idempotency-key': k });
    const res = await coordinator.post(
      `/api/agreements/${world.agreementId}/areas`,
      { title: `Lĩnh vực ${unique()}` },
      { 'idempotency-key': k },
    );
    expect(errorCode(res)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('sent many times at once creates one task, and every answer names it', async () => {
    const k = key();
    const body = newTask();
    const answers = await Promise.all(Array.from({ length: 6 }, () => coordinator.post(tasksUrl(), body, { 'idempotency-key': k })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => (a.json() as { id: string }).id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotency-replayed'] === 'true')).toHaveLength(5);
    expect(await tasksTitled(body.title)).toBe(1);
  });

  it("is another user's own key: the same key of two users makes two tasks", async () => {
    const k = key();
    const a = await coordinator.post(tasksUrl(), newTask(), { 'idempotency-key': k });
    const b = await colleague.post(tasksUrl(), newTask(), { 'idempotency-key': k });
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotency-replayed']).toBeUndefined();
    expect((b.json() as { id: string }).id).not.toBe((a.json() as { id: string }).id);
  });

  it('after a refused attempt is free: a refusal changed nothing and kept nothing', async () => {
    const k = key();
    const refused = await coordinator.post(tasksUrl(), { ...newTask(), title: '' }, { 'idempotency-key': k });
    expect(refused.statusCode).toBe(400);
    const body = newTask();
    const res = await coordinator.post(tasksUrl(), body, { 'idempotency-key': k });
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotency-replayed']).toBeUndefined();
  });

  it('is kept a day: after that the same key makes a new task', async () => {
    const k = key();
    const body = newTask();
    await coordinator.post(tasksUrl(), body, { 'idempotency-key': k });
    await ctx.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [k]);
    const res = await coordinator.post(tasksUrl(), body, { 'idempotency-key': k });
    expect(res.headers['idempotency-replayed']).toBeUndefined();
    expect(await tasksTitled(body.title)).toBe(2);
  });

  it('that is not a key is refused as a field', async () => {
    for (const bad of ['', 'a'.repeat(201), 'có dấu', 'two words']) {
      const res = await coordinator.post(tasksUrl(), newTask(), { 'idempotency-key': bad });
      expect(res.statusCode, bad).toBe(400);
      expect((res.json() as { error: { details: { issues: { field: string; code: string }[] } } }).error.details.issues[0]).toMatchObject({
        field: 'Idempotency-Key',
        code: 'invalidIdempotencyKey',
      });
    }
  });

  it('without a key behaves as before: two requests, two tasks', async () => {
    const body = newTask();
    await coordinator.post(tasksUrl(), body);
    await coordinator.post(tasksUrl(), body);
    expect(await tasksTitled(body.title)).toBe(2);
  });
});

/**
 * Every endpoint that takes a key: the request, and a reading of the state it changes. Sending it
 * twice with one key must answer the same and leave the state as the first left it. An endpoint
 * that takes a key and has no case here fails the suite.
 */
const cases: Record<
  string,
  () => Promise<{ client: Client; send: (k: string) => Promise<LightMyRequestResponse>; state: () => Promise<unknown> }>
> = {
  uploadFile: async () => {
    const t = await buildTask(ctx.db, { agreementId: world.agreementId, areaId, obligor: 'government' });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    return {
      client: coordinator,
      send: (k) =>
        ctx.app.inject({
          method: 'POST',
          url: `${tasksUrl()}/${t.id}/files?name=bien-ban.pdf`,
          headers: {
            cookie: coordinator.cookie,
            'x-csrf-token': coordinator.csrf,
            'content-type': 'application/pdf',
            'idempotency-key': k,
          },
          payload: pdf,
        }),
      state: () => count('SELECT 1 FROM task_files WHERE task_id = $1', [t.id]),
    };
  },
  uploadPlanImport: async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Kế hoạch');
    ws.addRow(['STT', 'Nội dung nhiệm vụ']);
    ws.addRow(['1', 'Hạ tầng số']);
    const body = Buffer.from(await book.xlsx.writeBuffer());
    return {
      client: coordinator,
      send: (k) =>
        ctx.app.inject({
          method: 'POST',
          url: `/api/agreements/${world.agreementId}/plan/imports?name=ke-hoach.xlsx`,
          headers: {
            cookie: coordinator.cookie,
            'x-csrf-token': coordinator.csrf,
            'content-type': 'application/octet-stream',
            'idempotency-key': k,
          },
          payload: body,
        }),
      state: () => count('SELECT 1 FROM plan_imports WHERE agreement_id = $1', [world.agreementId]),
    };
  },
  ...Object.fromEntries(
    (['checkPlanImport', 'applyPlanImport'] as const).map((id) => [
      id,
      async () => {
        const agreement = await buildTwoSidedAgreement(ctx.db);
        const viewer = await signInAs(
          ctx.app,
          (await buildUser(ctx.db, { role: 'coordinator', organisationId: agreement.provinceId })).email,
        );
        const cell = (v: string) => ({ t: 's', v });
        const sheet = {
          name: 'KH',
          rows: [
            { row: 1, cells: [cell('STT'), cell('Nội dung nhiệm vụ')] },
            { row: 2, cells: [cell('1'), cell('Hạ tầng số')] },
          ],
        };
        const { rows } = await ctx.db.query<{ id: string }>(
          `INSERT INTO plan_imports(agreement_id, created_by, file_name, sha256, sheet, row_count)
           VALUES ($1, $2, 'kh.xlsx', repeat('a', 64), $3, 2) RETURNING id`,
          [agreement.agreementId, viewer.userId, JSON.stringify(sheet)],
        );
        const at = `/api/agreements/${agreement.agreementId}/plan/imports/${(rows[0] as { id: string }).id}`;
        return {
          client: viewer,
          send: (k: string) =>
            id === 'checkPlanImport'
              ? viewer.post(`${at}/check`, { fixes: [] }, { 'idempotency-key': k })
              : viewer.post(`${at}/apply`, { fixes: [], version: 1 }, { 'idempotency-key': k }),
          state: async () => [
            (await ctx.db.query('SELECT state, version FROM plan_imports WHERE agreement_id = $1', [agreement.agreementId])).rows,
            await count('SELECT 1 FROM areas WHERE agreement_id = $1', [agreement.agreementId]),
            await count('SELECT 1 FROM audit_events WHERE agreement_id = $1', [agreement.agreementId]),
          ],
        };
      },
    ]),
  ),
  createOrganisation: async () => {
    const nameVi = `Sở ${unique()}`;
    return {
      client: admin,
      send: (k) => admin.post('/api/organisations', { kind: 'province', nameVi }, { 'idempotency-key': k }),
      state: () => count('SELECT 1 FROM organisations WHERE name_vi = $1', [nameVi]),
    };
  },
  createAgreement: async () => {
    const title = `Thỏa thuận ${unique()}`;
    const body = {
      title,
      signedOn: '2022-03-09',
      periodStart: '2022-01-01',
      periodEnd: '2025-12-31',
      parties: [{ organisationId: world.provinceId }, { organisationId: world.groupId }],
    };
    return {
      client: coordinator,
      send: (k) => coordinator.post('/api/agreements', body, { 'idempotency-key': k }),
      state: () => count('SELECT 1 FROM agreements WHERE title = $1', [title]),
    };
  },
  changeAgreementStatus: async () => {
    const created = await coordinator.post('/api/agreements', {
      title: `Thỏa thuận ${unique()}`,
      signedOn: '2022-03-09',
      periodStart: '2022-01-01',
      periodEnd: '2025-12-31',
      parties: [{ organisationId: world.provinceId }, { organisationId: world.groupId }],
    });
    const a = created.json() as { id: string; version: number };
    return {
      client: coordinator,
      send: (k) =>
        coordinator.post(`/api/agreements/${a.id}/status`, { status: 'terminated', version: a.version }, { 'idempotency-key': k }),
      state: async () => (await ctx.db.query('SELECT status, version FROM agreements WHERE id = $1', [a.id])).rows[0],
    };
  },
  createArea: async () => {
    const title = `Lĩnh vực ${unique()}`;
    return {
      client: coordinator,
      send: (k) => coordinator.post(`/api/agreements/${world.agreementId}/areas`, { title }, { 'idempotency-key': k }),
      state: () => count('SELECT 1 FROM areas WHERE title = $1', [title]),
    };
  },
  createTask: async () => {
    const body = newTask();
    return {
      client: coordinator,
      send: (k) => coordinator.post(tasksUrl(), body, { 'idempotency-key': k }),
      state: () => tasksTitled(body.title),
    };
  },
  changePassword: async () => {
    const user = await buildUser(ctx.db, { role: 'observer', organisationId: world.provinceId });
    const client = await signInAs(ctx.app, user.email);
    const body = { currentPassword: PASSWORD, newPassword: `Mật khẩu mới ${unique()}` };
    return {
      client,
      send: (k) => client.post('/api/auth/password', body, { 'idempotency-key': k }),
      state: async () => (await ctx.db.query('SELECT password_hash, version FROM users WHERE id = $1', [user.id])).rows[0],
    };
  },
  moveTask: async () => {
    const t = await buildTask(ctx.db, { agreementId: world.agreementId, areaId, obligor: 'government' });
    const to = (await buildArea(ctx.db, world.agreementId)).id;
    return {
      client: coordinator,
      send: (k) =>
        coordinator.post(`${tasksUrl()}/${t.id}/move`, { areaId: to, parentId: null, position: 0, version: 1 }, { 'idempotency-key': k }),
      state: async () => [(await ctx.db.query('SELECT area_id, version FROM tasks WHERE id = $1', [t.id])).rows[0], await eventsOf(t.id)],
    };
  },
  ...Object.fromEntries(
    (
      [
        ['postReport', 'reports', { body: 'Đạt 40%', progress: 40 }],
        ['postComment', 'comments', { body: 'Đề nghị bổ sung' }],
        ['postDirection', 'directions', { body: 'Khẩn trương' }],
      ] as const
    ).map(([id, path, body]) => [
      id,
      async () => {
        const t = await buildTask(ctx.db, { agreementId: world.agreementId, areaId, obligor: 'government' });
        const client = id === 'postDirection' ? leader : coordinator;
        return {
          client,
          send: (k: string) => client.post(`${tasksUrl()}/${t.id}/${path}`, body, { 'idempotency-key': k }),
          state: async () => [
            (await ctx.db.query('SELECT progress, version FROM tasks WHERE id = $1', [t.id])).rows[0],
            await count('SELECT 1 FROM task_entries WHERE task_id = $1', [t.id]),
            await count('SELECT 1 FROM audit_events WHERE agreement_id = $1', [world.agreementId]),
          ],
        };
      },
    ]),
  ),
  deliverTask: async () => {
    const t = await buildTask(ctx.db, { agreementId: world.agreementId, areaId, obligor: 'government' });
    return {
      client: coordinator,
      send: (k) => coordinator.post(`${tasksUrl()}/${t.id}/deliver`, { version: 1 }, { 'idempotency-key': k }),
      state: async () => [
        (await ctx.db.query('SELECT delivered_on, version FROM tasks WHERE id = $1', [t.id])).rows[0],
        await eventsOf(t.id),
      ],
    };
  },
  ...Object.fromEntries(
    (['acceptTask', 'rejectTask'] as const).map((id) => [
      id,
      async () => {
        const t = await buildTask(ctx.db, {
          agreementId: world.agreementId,
          areaId,
          obligor: 'government',
          facts: { progress: 100, startedOn: '2025-10-01', deliveredOn: '2025-11-01', deliveredBySide: 'government' },
        });
        const body = id === 'rejectTask' ? { reason: 'Chưa đạt', version: 1 } : { version: 1 };
        return {
          client: partner,
          send: (k: string) =>
            partner.post(`${tasksUrl()}/${t.id}/${id === 'rejectTask' ? 'reject' : 'accept'}`, body, { 'idempotency-key': k }),
          state: async () => [
            (await ctx.db.query('SELECT delivered_on, accepted_on, version FROM tasks WHERE id = $1', [t.id])).rows[0],
            await eventsOf(t.id),
          ],
        };
      },
    ]),
  ),
  submitPlan: async () => {
    const plan = await planToSubmit();
    return {
      client: coordinator,
      send: (k) => coordinator.post(`/api/agreements/${plan.agreementId}/plan/versions`, { note: 'Trình' }, { 'idempotency-key': k }),
      state: () => planState(plan.agreementId),
    };
  },
  ...Object.fromEntries(
    (['approvePlanVersion', 'returnPlanVersion', 'withdrawPlanVersion'] as const).map((id) => [
      id,
      async () => {
        const plan = await planToSubmit();
        const submitted = await coordinator.post(`/api/agreements/${plan.agreementId}/plan/versions`, {});
        const v = submitted.json() as { id: string };
        const step = { approvePlanVersion: 'approve', returnPlanVersion: 'return', withdrawPlanVersion: 'withdraw' }[id];
        const body = id === 'returnPlanVersion' ? { reason: 'Chưa rõ', version: 1 } : { version: 1 };
        return {
          client: coordinator,
          send: (k: string) =>
            coordinator.post(`/api/agreements/${plan.agreementId}/plan/versions/${v.id}/${step}`, body, { 'idempotency-key': k }),
          state: () => planState(plan.agreementId),
        };
      },
    ]),
  ),
  waiveTaskClarity: async () => {
    const t = await buildTask(ctx.db, { agreementId: world.agreementId, areaId, obligor: 'government' });
    return {
      client: coordinator,
      send: (k) => coordinator.post(`${tasksUrl()}/${t.id}/waiver`, { reason: 'Khảo sát', version: 1 }, { 'idempotency-key': k }),
      state: async () => [
        (await ctx.db.query('SELECT clarity_waiver, version FROM tasks WHERE id = $1', [t.id])).rows[0],
        await eventsOf(t.id),
      ],
    };
  },
};

/** A fresh agreement of the world's two parties whose one task is waived: its plan may be submitted. */
async function planToSubmit(): Promise<{ agreementId: string }> {
  const agreement = await buildAgreement(ctx.db, {
    parties: [
      { organisationId: world.provinceId, side: 'government' },
      { organisationId: world.groupId, side: 'enterprise' },
    ],
  });
  const area = await buildArea(ctx.db, agreement.id);
  const t = await buildTask(ctx.db, { agreementId: agreement.id, areaId: area.id, obligor: 'government' });
  await ctx.db.query(`UPDATE tasks SET clarity_waiver = 'Khảo sát', clarity_waived_by = $2, clarity_waived_at = now() WHERE id = $1`, [
    t.id,
    coordinator.userId,
  ]);
  return { agreementId: agreement.id };
}

const planState = async (agreementId: string) => [
  (await ctx.db.query('SELECT number, state, version FROM plan_versions WHERE agreement_id = $1 ORDER BY number', [agreementId])).rows,
  await count('SELECT 1 FROM plan_decisions d JOIN plan_versions v ON v.id = d.plan_version_id WHERE v.agreement_id = $1', [agreementId]),
  await count('SELECT 1 FROM audit_events WHERE agreement_id = $1', [agreementId]),
];

describe('every create and non-idempotent action', () => {
  const keyed = endpointIds.filter((id) => takesIdempotencyKey(endpoints[id]));

  it('has a case here', () => {
    expect(keyed.length).toBeGreaterThan(0);
    expect(keyed.filter((id) => !cases[id])).toEqual([]);
  });

  it.each(keyed)('%s answers a retry with the first answer and changes nothing again', async (id: EndpointId) => {
    const c = await (cases[id] as NonNullable<(typeof cases)[string]>)();
    const k = key();
    const first = await c.send(k);
    expect(first.statusCode, first.body).toBeLessThan(300);
    const after = await c.state();
    const again = await c.send(k);
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect(await c.state()).toEqual(after);
  });
});
