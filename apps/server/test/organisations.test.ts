import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, errorCode, signInAs, startTestApp, unique, type Client, type TestContext } from './support.js';

let ctx: TestContext;
let admin: Client;
let coordinator: Client;

beforeAll(async () => {
  ctx = await startTestApp();
  const agency = await buildOrganisation(ctx.db, { kind: 'central_agency' });
  admin = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'admin', organisationId: agency.id })).email);
  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: agency.id })).email);
});
afterAll(() => ctx.close());

type Org = { id: string; version: number; side: string; nameVi: string; successorId: string | null };

describe('organisations', () => {
  it('lets an administrator build a tree, and finds it without diacritics', async () => {
    const name = `Ủy ban nhân dân tỉnh Đắk Lắk ${unique()}`;
    const province = (await admin.post('/api/organisations', { kind: 'province', nameVi: name })).json() as Org;
    const dept = await admin.post('/api/organisations', { kind: 'department', parentId: province.id, nameVi: 'Sở Khoa học và Công nghệ' });
    expect(dept.statusCode).toBe(201);
    expect((dept.json() as Org).side).toBe('government');
    const found = (await coordinator.get(`/api/organisations?q=${encodeURIComponent('dak lak')}`)).json() as { items: Org[] };
    expect(found.items.map((o) => o.id)).toContain(province.id);
  });

  it('refuses a kind that cannot sit under its parent', async () => {
    const group = (await admin.post('/api/organisations', { kind: 'enterprise_group', nameVi: `Tập đoàn ${unique()}` })).json() as Org;
    const res = await admin.post('/api/organisations', { kind: 'department', parentId: group.id, nameVi: 'Sở' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues[0]?.field).toBe('parentId');
  });

  it('records a merger as a successor, and refuses a loop', async () => {
    const oldP = (await admin.post('/api/organisations', { kind: 'province', nameVi: `UBND tỉnh Hải Dương ${unique()}` })).json() as Org;
    const newP = (await admin.post('/api/organisations', { kind: 'province', nameVi: `UBND TP Hải Phòng ${unique()}` })).json() as Org;
    const merged = await admin.patch(
      `/api/organisations/${oldP.id}`,
      { successorId: newP.id, validTo: '2025-06-30' },
      { 'if-match': '"1"' },
    );
    expect(merged.statusCode).toBe(200);
    const loop = await admin.patch(`/api/organisations/${newP.id}`, { successorId: oldP.id }, { 'if-match': '"1"' });
    expect(loop.statusCode).toBe(400);
    const current = (await coordinator.get('/api/organisations?includeHistorical=false')).json() as { items: Org[] };
    expect(current.items.map((o) => o.id)).not.toContain(oldP.id);
  });

  it('lets only an administrator change organisations', async () => {
    const res = await coordinator.post('/api/organisations', { kind: 'province', nameVi: 'Tỉnh mới' });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});
