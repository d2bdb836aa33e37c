import { fieldIssues } from '@accord/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, errorCode, signInAs, startTestApp, unique, type Client, type TestContext } from './support.js';

let ctx: TestContext;
let coordinator: Client;
let province: { id: string; nameVi: string };
let group: { id: string; nameVi: string };

beforeAll(async () => {
  ctx = await startTestApp();
  province = await buildOrganisation(ctx.db, { kind: 'province', nameVi: `Ủy ban nhân dân tỉnh Hải Dương ${unique()}` });
  const dept = await buildOrganisation(ctx.db, { kind: 'department', parentId: province.id });
  group = await buildOrganisation(ctx.db, { kind: 'enterprise_group', nameVi: `Tập đoàn Viettel ${unique()}` });
  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: dept.id })).email);
});
afterAll(() => ctx.close());

type Detail = {
  id: string;
  version: number;
  title: string;
  status: string;
  parties: { organisationName: string; currentOrganisationName: string; signatoryName: string | null }[];
  permissions: { side: string | null; allowed: Record<string, boolean> };
};

function newAgreement(overrides: Record<string, unknown> = {}) {
  return {
    title: `Thỏa thuận hợp tác về chuyển đổi số ${unique()}`,
    signedOn: '2022-03-09',
    signedPlace: 'Hà Nội',
    periodStart: '2022-01-01',
    periodEnd: '2025-12-31',
    legalBases: ['Quyết định số 942/QĐ-TTg'],
    parties: [
      { organisationId: province.id, label: 'Bên A', signatoryName: 'Triệu Thế Hùng', signatoryTitle: 'Chủ tịch UBND tỉnh' },
      { organisationId: group.id, label: 'Bên B', signatoryName: 'Tào Đức Thắng', signatoryTitle: 'Chủ tịch kiêm Tổng Giám đốc' },
    ],
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}): Promise<Detail> {
  const res = await coordinator.post('/api/agreements', newAgreement(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
}

describe('agreements', () => {
  it('creates a draft agreement with its parties and signatories, and records it in history', async () => {
    const a = await create();
    expect(a.status).toBe('draft');
    const got = await coordinator.get(`/api/agreements/${a.id}`);
    expect(got.headers.etag).toBe('"1"');
    const body = got.json() as Detail;
    expect(body.parties.map((p) => p.signatoryName)).toEqual(['Triệu Thế Hùng', 'Tào Đức Thắng']);
    expect(body.permissions).toEqual({
      side: 'government',
      allowed: { update: true, changeStatus: true, writeAreas: true, createTasks: true, importPlan: true },
    });
    const history = (await coordinator.get(`/api/agreements/${a.id}/history`)).json() as {
      items: { action: string; actor: { id: string } }[];
    };
    expect(history.items[0]).toMatchObject({ action: 'create', actor: { id: coordinator.userId } });
  });

  it('finds agreements by words without diacritics or case', async () => {
    const a = await create({ title: `Hợp tác chuyển đổi số Hải Dương – Viettel ${unique()}` });
    for (const q of ['hai duong', 'HẢI DƯƠNG', 'chuyen doi so viettel', 'trieu the hung']) {
      const res = (await coordinator.get(`/api/agreements?q=${encodeURIComponent(q)}&pageSize=100`)).json() as { items: { id: string }[] };
      expect(
        res.items.map((i) => i.id),
        q,
      ).toContain(a.id);
    }
    const none = (await coordinator.get(`/api/agreements?q=${encodeURIComponent('khong co dau ca')}`)).json() as { total: number };
    expect(none.total).toBe(0);
  });

  it("finds an agreement by a party's short name, even when the title does not carry it", async () => {
    const short = unique('ViettelX');
    await ctx.db.query('UPDATE organisations SET short_name = $2 WHERE id = $1', [group.id, short]);
    const a = await create({ title: `Thỏa thuận hợp tác ${unique()}` });
    const res = (await coordinator.get(`/api/agreements?q=${short.toLowerCase()}`)).json() as { items: { id: string }[] };
    expect(res.items.map((i) => i.id)).toEqual([a.id]);
  });

  it('sorts the whole list on the server, titles without regard to diacritics', async () => {
    const tag = unique('sortcheck');
    const names = ['Đà Nẵng', 'An Giang', 'Bắc Ninh', 'Cà Mau'];
    for (const name of names) await create({ title: `${tag} ${name}` });
    const titles = async (qs: string) =>
      ((await coordinator.get(`/api/agreements?q=${tag}&${qs}`)).json() as { items: { title: string }[] }).items.map((i) =>
        i.title.replace(`${tag} `, ''),
      );
    expect(await titles('sort=title')).toEqual(['An Giang', 'Bắc Ninh', 'Cà Mau', 'Đà Nẵng']);
    expect(await titles('sort=title&order=desc')).toEqual(['Đà Nẵng', 'Cà Mau', 'Bắc Ninh', 'An Giang']);
    expect(await titles('sort=title&pageSize=2&page=2')).toEqual(['Cà Mau', 'Đà Nẵng']);
    expect((await coordinator.get('/api/agreements?sort=nonsense')).statusCode).toBe(400);
  });

  it('filters by status, province, partner and period', async () => {
    const a = await create({ periodStart: '2014-01-01', periodEnd: '2020-12-31' });
    const list = async (qs: string) => {
      const res = await coordinator.get(`/api/agreements?pageSize=100&${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
    };
    expect(await list('status=draft')).toContain(a.id);
    expect(await list('status=in_force')).not.toContain(a.id);
    expect(await list(`provinceId=${province.id}`)).toContain(a.id);
    expect(await list(`partnerId=${group.id}`)).toContain(a.id);
    expect(await list('from=2015-01-01&to=2016-01-01')).toContain(a.id);
    expect(await list('from=2021-01-01')).not.toContain(a.id);
  });

  it('edits with If-Match, and a second editor with the old version gets 412 and changes nothing', async () => {
    const a = await create();
    const first = await coordinator.patch(`/api/agreements/${a.id}`, { title: 'Bản của người thứ nhất' }, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const second = await coordinator.patch(`/api/agreements/${a.id}`, { title: 'Bản của người thứ hai' }, { 'if-match': '"1"' });
    expect(second.statusCode).toBe(412);
    expect(errorCode(second)).toBe('VERSION_CONFLICT');
    expect((second.json() as { error: { details: { current: Detail } } }).error.details.current.title).toBe('Bản của người thứ nhất');
    expect(((await coordinator.get(`/api/agreements/${a.id}`)).json() as Detail).title).toBe('Bản của người thứ nhất');
  });

  it('refuses an edit that does not say which version it edits', async () => {
    const a = await create();
    const res = await coordinator.patch(`/api/agreements/${a.id}`, { title: 'Không có phiên bản' });
    expect(res.statusCode).toBe(428);
    expect(errorCode(res)).toBe('PRECONDITION_REQUIRED');
  });

  it('accepts the version in the body instead of If-Match', async () => {
    const a = await create();
    expect((await coordinator.patch(`/api/agreements/${a.id}`, { summary: 'Tóm tắt', version: 1 })).statusCode).toBe(200);
  });

  it('records before and after of an edit', async () => {
    const a = await create();
    await coordinator.patch(`/api/agreements/${a.id}`, { signedPlace: 'Hải Dương', version: 1 });
    const history = (await coordinator.get(`/api/agreements/${a.id}/history`)).json() as {
      items: { action: string; changes: { field: string; before: unknown; after: unknown }[] }[];
    };
    expect(history.items[0]?.action).toBe('update');
    expect(history.items[0]?.changes).toContainEqual({ field: 'signedPlace', before: 'Hà Nội', after: 'Hải Dương' });
  });

  it('moves through the statuses in order and refuses a jump', async () => {
    const a = await create();
    const jump = await coordinator.post(`/api/agreements/${a.id}/status`, { status: 'completed' }, { 'if-match': '"1"' });
    expect(jump.statusCode).toBe(409);
    expect(errorCode(jump)).toBe('INVALID_STATUS_TRANSITION');
    let version = 1;
    for (const status of ['signed', 'in_force', 'completed']) {
      const res = await coordinator.post(`/api/agreements/${a.id}/status`, { status }, { 'if-match': `"${version}"` });
      expect(res.statusCode, status).toBe(200);
      version = (res.json() as Detail).version;
    }
    expect(((await coordinator.get(`/api/agreements/${a.id}`)).json() as Detail).status).toBe('completed');
  });

  it('will not mark an agreement signed without its signing date', async () => {
    const a = await create({ signedOn: null });
    const res = await coordinator.post(`/api/agreements/${a.id}/status`, { status: 'signed' }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues[0]?.field).toBe('signedOn');
  });

  it('links a successor agreement to its predecessor', async () => {
    const old = await create({ periodStart: '2014-01-01', periodEnd: '2020-12-31' });
    const next = await create({ predecessorId: old.id });
    const body = (await coordinator.get(`/api/agreements/${old.id}`)).json() as { successors: { id: string }[] };
    expect(body.successors.map((s) => s.id)).toEqual([next.id]);
    const loop = await coordinator.patch(`/api/agreements/${old.id}`, { predecessorId: next.id, version: 1 });
    expect(loop.statusCode).toBe(400);
  });

  it('keeps the party as signed when the organisation later merges', async () => {
    const merged = await buildOrganisation(ctx.db, { kind: 'province', nameVi: 'Ủy ban nhân dân thành phố Hải Phòng' });
    const a = await create();
    await ctx.db.query("UPDATE organisations SET successor_id = $2, valid_to = '2025-06-30' WHERE id = $1", [province.id, merged.id]);
    try {
      const body = (await coordinator.get(`/api/agreements/${a.id}`)).json() as Detail;
      expect(body.parties[0]).toMatchObject({
        organisationName: province.nameVi,
        currentOrganisationName: 'Ủy ban nhân dân thành phố Hải Phòng',
      });
      // People of the successor see what the predecessor signed, and the successor's filter finds it.
      const hp = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'leader', organisationId: merged.id })).email);
      expect((await hp.get(`/api/agreements/${a.id}`)).statusCode).toBe(200);
      const list = (await hp.get(`/api/agreements?provinceId=${merged.id}&pageSize=100`)).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).toContain(a.id);
    } finally {
      await ctx.db.query('UPDATE organisations SET successor_id = NULL, valid_to = NULL WHERE id = $1', [province.id]);
    }
  });
});

describe('bad input', () => {
  it('names the field at fault and saves nothing', async () => {
    const before = (await ctx.db.query('SELECT count(*)::int AS n FROM agreements')).rows[0] as { n: number };
    const res = await coordinator.post('/api/agreements', newAgreement({ title: '', periodEnd: '2010-01-01' }));
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; details: { issues: { field: string }[] } } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i) => i.field)).toContain('title');
    const after = (await ctx.db.query('SELECT count(*)::int AS n FROM agreements')).rows[0] as { n: number };
    expect(after.n).toBe(before.n);
  });

  it('rejects a period that ends before it starts', async () => {
    const res = await coordinator.post('/api/agreements', newAgreement({ periodStart: '2025-01-01', periodEnd: '2024-01-01' }));
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues[0]?.field).toBe('periodEnd');
  });

  it('refuses source links that read as one address and go to another', async () => {
    for (const [url, code] of [
      ['https://camau.gov.vn@evil.example/ke-hoach.pdf', 'urlWithCredentials'],
      ['https://camau.gov.vn/\u202Efdp.exe', 'bidiControl'],
    ] as const) {
      const res = await coordinator.post('/api/agreements', newAgreement({ sourceUrls: ['https://camau.gov.vn/', url] }));
      expect(res.statusCode, url).toBe(400);
      expect((res.json() as { error: { details: { issues: { field: string; code: string }[] } } }).error.details.issues).toEqual([
        expect.objectContaining({ field: 'sourceUrls.1', code }),
      ]);
    }
  });

  it('answers 400 with the field, never 500, to year 0000, year 9999 and a version past 2³¹', async () => {
    type Issues = { error: { details: { issues: { field: string; code: string }[] } } };
    for (const signedOn of ['0000-01-01', '9999-12-31']) {
      const res = await coordinator.post('/api/agreements', newAgreement({ signedOn }));
      expect(res.statusCode, signedOn).toBe(400);
      expect((res.json() as Issues).error.details.issues).toEqual([expect.objectContaining({ field: 'signedOn', code: 'outOfRange' })]);
    }
    const created = (await coordinator.post('/api/agreements', newAgreement())).json() as { id: string };
    const res = await coordinator.patch(`/api/agreements/${created.id}`, { title: 'Tên mới', version: 2 ** 31 });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Issues).error.details.issues).toEqual([expect.objectContaining({ field: 'version', code: 'outOfRange' })]);
    const header = await coordinator.patch(`/api/agreements/${created.id}`, { title: 'Tên mới' }, { 'if-match': '"99999999999"' });
    expect(header.statusCode).toBe(400);
    expect((header.json() as Issues).error.details.issues).toEqual([expect.objectContaining({ field: 'If-Match', code: 'invalid' })]);
  });

  it('needs a party on each side', async () => {
    const other = await buildOrganisation(ctx.db, { kind: 'province' });
    const res = await coordinator.post(
      '/api/agreements',
      newAgreement({ parties: [{ organisationId: province.id }, { organisationId: other.id }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    // The message is the domain's constant, which the web app translates.
    expect((res.json() as { error: { details: { issues: unknown[] } } }).error.details.issues).toEqual([
      { field: 'parties', code: 'partiesSides', message: fieldIssues.partiesSides },
    ]);
  });

  it('answers 400, never 500, to a NUL byte, malformed JSON, a bad id or an over-long field', async () => {
    const nul = await coordinator.post('/api/agreements', newAgreement({ title: 'Tên\u0000độc' }));
    expect(nul.statusCode).toBe(400);
    const malformed = await coordinator.post('/api/agreements', '{"title": "x",', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(errorCode(malformed)).toBe('MALFORMED_REQUEST');
    const badId = await coordinator.get('/api/agreements/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    const long = await coordinator.post('/api/agreements', newAgreement({ title: 'x'.repeat(501) }));
    expect(long.statusCode).toBe(400);
  });

  it('normalises text to Unicode NFC', async () => {
    const decomposed = 'Ha\u0309i Du\u031Bo\u031Bng'.normalize('NFD');
    const a = await create({ title: `${decomposed} ${unique()}` });
    expect(a.title.startsWith('Hải Dương')).toBe(true);
  });

  it('ignores unknown fields', async () => {
    const a = await create({ hacker: true, status: 'completed' });
    expect(a.status).toBe('draft');
  });
});
