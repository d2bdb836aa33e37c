import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, type PlanImport } from '@accord/domain';
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

// Importing a plan from Excel: a preview with every problem by row and column, fixes typed in
// it, all-or-nothing saving, the same file twice creating nothing, and files that are not what
// they claim (broken, encrypted, macro-enabled, oversized, over-long, zip bombs) refused with a
// code of their own, leaving nothing behind.

let ctx: TestContext;
let source: string;
let target: string;
let deptId: string;
let unitId: string;
const people: Record<'coordinator' | 'partner' | 'officer' | 'outsider', Client> = {} as never;

beforeAll(async () => {
  ctx = await startTestApp({ importMaxBytes: 4 * 1024 * 1024 });
  const province = await buildOrganisation(ctx.db, { kind: 'province', nameVi: 'Ủy ban nhân dân tỉnh Hải Dương' });
  deptId = (
    await buildOrganisation(ctx.db, { kind: 'department', parentId: province.id, nameVi: 'Sở Thông tin và Truyền thông tỉnh Hải Dương' })
  ).id;
  const group = await buildOrganisation(ctx.db, { kind: 'enterprise_group', nameVi: 'Tập đoàn Công nghiệp - Viễn thông Quân đội' });
  unitId = (await buildOrganisation(ctx.db, { kind: 'branch', parentId: group.id, nameVi: 'Viettel Hải Dương' })).id;
  const other = await buildOrganisation(ctx.db, { kind: 'province' });
  const parties = [
    { organisationId: province.id, side: 'government' as const },
    { organisationId: group.id, side: 'enterprise' as const },
  ];
  source = (await buildAgreement(ctx.db, { parties })).id;
  target = (await buildAgreement(ctx.db, { parties })).id;
  const make = async (key: keyof typeof people, role: Parameters<typeof buildUser>[1]['role'], org: string) => {
    people[key] = await signInAs(ctx.app, (await buildUser(ctx.db, { role, organisationId: org })).email);
  };
  await make('coordinator', 'coordinator', province.id);
  await make('partner', 'coordinator', group.id);
  await make('officer', 'unit_officer', deptId);
  await make('outsider', 'coordinator', other.id);
});
afterAll(() => ctx.close());

const url = (agreementId: string, path = '') => `/api/agreements/${agreementId}${path}`;

function upload(who: Client, agreementId: string, body: Buffer, name = 'ke-hoach.xlsx') {
  return ctx.app.inject({
    method: 'POST',
    url: `${url(agreementId, '/plan/imports')}?name=${encodeURIComponent(name)}`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/octet-stream' },
    payload: body,
  });
}
const apply = (who: Client, agreementId: string, p: { id: string; version: number }, fixes: unknown[] = []) =>
  who.post(url(agreementId, `/plan/imports/${p.id}/apply`), { fixes }, { 'if-match': `"${p.version}"` });

const count = async (table: string, agreementId: string) =>
  Number((await ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE agreement_id = $1`, [agreementId])).rows[0]?.n);
const footprint = async (agreementId: string) => ({
  tasks: await count('tasks', agreementId),
  areas: await count('areas', agreementId),
  events: await count('audit_events', agreementId),
  imports: await count('plan_imports', agreementId),
});

/** A workbook as offices make them: a title, headings over two rows with merged cells, column numbers, areas I, II. */
async function officeWorkbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('KH 2024');
  ws.addRow(['KẾ HOẠCH TRIỂN KHAI NĂM 2024']);
  ws.mergeCells('A1:G1');
  ws.addRow(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện', null, 'Sản phẩm', 'Người phụ trách']);
  ws.addRow([null, null, null, 'Bắt đầu', 'Kết thúc', null, null]);
  for (const c of ['A', 'B', 'C', 'F', 'G']) ws.mergeCells(`${c}2:${c}3`);
  ws.mergeCells('D2:E2');
  ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A ZIP written by hand, each entry's declared size as given (a zip bomb lies about it). */
function zipOf(entries: { name: string; data: Buffer; declared?: number; encrypted?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.encrypted ? 1 : 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.encrypted ? 1 : 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('importing a plan from Excel', () => {
  let exported: Buffer;
  let first: PlanImport;

  it('reads Accord’s own export into a preview, without changing anything', async () => {
    const area = (await people.coordinator.post(url(source, '/areas'), { title: 'Hạ tầng số' })).json() as { id: string };
    const clear = {
      description: 'Khảo sát, lắp đặt và nghiệm thu',
      responsiblePerson: 'Nguyễn Văn An',
      startDate: '2024-03-01',
      dueDate: '2024-06-30',
      expectedProduct: 'Biên bản nghiệm thu',
    };
    const parent = (
      await people.coordinator.post(url(source, '/tasks'), {
        ...clear,
        areaId: area.id,
        title: 'Phủ sóng 5G khu công nghiệp',
        obligor: 'joint',
        leadUnitId: deptId,
        coordinatingUnitIds: [unitId],
      })
    ).json() as { id: string };
    await people.partner.post(url(source, '/tasks'), {
      ...clear,
      areaId: area.id,
      parentId: parent.id,
      title: 'Lắp trạm BTS',
      obligor: 'joint',
      leadUnitId: unitId,
    });
    await people.coordinator.post(url(source, '/tasks'), {
      ...clear,
      areaId: area.id,
      title: '=1+1 không là công thức',
      obligor: 'government',
      leadUnitId: deptId,
    });
    exported = (await people.coordinator.get(url(source, '/plan.xlsx'))).rawPayload;

    const before = await footprint(target);
    const res = await upload(people.coordinator, target, exported);
    expect(res.statusCode, res.body).toBe(201);
    first = res.json() as PlanImport;
    expect(first).toMatchObject({ state: 'previewed', headerRow: 6, importedBefore: null });
    expect(first.counts).toEqual({ areas: 1, tasks: 3, toCreate: 4, existing: 0, errors: 0, warnings: 0 });
    expect(first.rows.map((r) => [r.number, r.kind, r.title, r.leadUnit])).toEqual([
      ['1', 'area', 'Hạ tầng số', null],
      ['1.1', 'task', 'Phủ sóng 5G khu công nghiệp', 'Sở Thông tin và Truyền thông tỉnh Hải Dương'],
      ['1.1.1', 'task', 'Lắp trạm BTS', 'Viettel Hải Dương'],
      ['1.2', 'task', '=1+1 không là công thức', 'Sở Thông tin và Truyền thông tỉnh Hải Dương'],
    ]);
    expect(await footprint(target)).toEqual({ ...before, imports: before.imports + 1 });
  });

  it('applies the preview in one change: every area and task created with its history, the formula kept as text', async () => {
    const res = await apply(people.coordinator, target, first);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PlanImport).state).toBe('applied');
    const plan = (await people.coordinator.get(url(target, '/plan'))).json() as {
      areas: {
        title: string;
        tasks: {
          title: string;
          obligor: string;
          startDate: string;
          coordinatingUnits: { id: string }[];
          children: { title: string; leadUnit: { id: string } }[];
        }[];
      }[];
    };
    expect(plan.areas).toHaveLength(1);
    const [t1, t2] = plan.areas[0]!.tasks;
    expect(t1).toMatchObject({
      title: 'Phủ sóng 5G khu công nghiệp',
      obligor: 'joint',
      startDate: '2024-03-01',
      coordinatingUnits: [{ id: unitId }],
    });
    expect(t1!.children).toMatchObject([{ title: 'Lắp trạm BTS', leadUnit: { id: unitId } }]);
    expect(t2?.title).toBe('=1+1 không là công thức');
    const events = await ctx.db.query<{ entity_type: string; cause_id: string }>(
      `SELECT entity_type, cause_id FROM audit_events WHERE agreement_id = $1 AND action = 'create' ORDER BY id`,
      [target],
    );
    expect(events.rows.map((e) => [e.entity_type, e.cause_id])).toEqual([
      ['area', first.id],
      ['task', first.id],
      ['task', first.id],
      ['task', first.id],
    ]);
    const outbox = await count('outbox', target);
    expect(outbox).toBeGreaterThanOrEqual(4);
    // Each with its "5 rõ" stored, as the domain checks it (the plan's outline sums them).
    const checked = await ctx.db.query<{ title: string; clarity_met: number | null }>(
      'SELECT title, clarity_met FROM tasks WHERE agreement_id = $1 ORDER BY depth, position',
      [target],
    );
    expect(checked.rows.every((r) => r.clarity_met !== null)).toBe(true);
    // Exported again, the title is a text cell: no spreadsheet evaluates it.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await people.coordinator.get(url(target, '/plan.xlsx'))).rawPayload as unknown as ArrayBuffer);
    const cell = book.worksheets[0]!.getCell('B10');
    expect(cell.value).toBe('=1+1 không là công thức');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it('is not applied twice, and the same file again creates nothing', async () => {
    const again = await apply(people.coordinator, target, { id: first.id, version: first.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('IMPORT_ALREADY_APPLIED');
    const stale = await apply(people.coordinator, target, first);
    expect(stale.statusCode).toBe(412);
    const second = (await upload(people.coordinator, target, exported)).json() as PlanImport;
    expect(second.importedBefore).not.toBeNull();
    expect(second.counts).toMatchObject({ toCreate: 0, existing: 4, errors: 0 });
    const before = await footprint(target);
    expect((await apply(people.coordinator, target, second)).statusCode).toBe(200);
    expect(await footprint(target)).toEqual(before);
  });

  it('lists every problem by row and column, saves nothing while one is an error, and takes the fixes typed in the preview', async () => {
    const book = await officeWorkbook([
      ['I', 'Chính quyền số'],
      [
        1,
        'Một cửa điện tử',
        'so thong tin va truyen thong tinh hai duong',
        '01/02/2024',
        new Date(Date.UTC(2024, 5, 30)),
        'Hệ thống',
        'Trần Thị Bình',
      ],
      [1.1, 'Đào tạo cán bộ', 'Sở Thông tin Truyền thông', 'Quý I/2024', '30/06/2024', 'Lớp học', 'Trần Thị Bình'],
      [2, 'Chữ ký số', 'Viettel Hải Dương', '31/02/2024', '30/06/2024', null, 'Lê Văn Cường'],
    ]);
    const preview = (await upload(people.partner, target, book, 'KH-2024.xlsx')).json() as PlanImport;
    expect(preview.columns.map((c) => [c.letter, c.column])).toEqual([
      ['A', 'number'],
      ['B', 'title'],
      ['C', 'leadUnit'],
      ['D', 'startDate'],
      ['E', 'dueDate'],
      ['F', 'product'],
      ['G', 'responsiblePerson'],
    ]);
    // The sheet has no column for the work's description: each task is told it fails "rõ công việc".
    expect(preview.problems.filter((p) => p.code !== 'noDescription').map((p) => [p.cell, p.code, p.severity])).toEqual([
      ['C7', 'unitUnknown', 'error'],
      ['D8', 'dateUnreadable', 'error'],
      ['F8', 'noExpectedProduct', 'warning'],
    ]);
    expect(preview.problems.filter((p) => p.code === 'noDescription').map((p) => p.row)).toEqual([6, 7, 8]);
    const unknown = preview.problems.find((p) => p.code === 'unitUnknown');
    expect(unknown?.suggestions?.[0]?.id).toBe(deptId);
    expect(preview.rows[1]).toMatchObject({ startDate: '2024-02-01', dueDate: '2024-06-30' });

    const before = await footprint(target);
    const refused = await apply(people.partner, target, preview);
    expect(refused.statusCode).toBe(422);
    expect(errorCode(refused)).toBe('IMPORT_HAS_PROBLEMS');
    expect((refused.json() as { error: { details: { problems: unknown[] } } }).error.details.problems).toHaveLength(2);
    expect(await footprint(target)).toEqual(before);

    const fixes = [
      { row: 7, column: 'leadUnit', value: unknown!.suggestions![0]!.name },
      { row: 8, column: 'startDate', value: '01/02/2024' },
    ];
    const checked = (await people.partner.post(url(target, `/plan/imports/${preview.id}/check`), { fixes })).json() as PlanImport;
    expect(checked.counts).toMatchObject({ errors: 0, warnings: 4, toCreate: 4 });
    const done = await apply(people.partner, target, preview, fixes);
    expect(done.statusCode, done.body).toBe(200);
    expect(await count('tasks', target)).toBe(before.tasks + 3);
  });

  it('is the coordinators’ and administrators’: a unit officer is refused, a stranger finds nothing, nor another’s preview', async () => {
    const mine = (await upload(people.coordinator, target, exported)).json() as PlanImport;
    expect((await upload(people.officer, target, exported)).statusCode).toBe(403);
    expect((await upload(people.outsider, target, exported)).statusCode).toBe(404);
    const theirs = await people.partner.post(url(target, `/plan/imports/${mine.id}/check`), { fixes: [] });
    expect(theirs.statusCode).toBe(404);
    expect(errorCode(theirs)).toBe('IMPORT_NOT_FOUND');
    expect((await apply(people.partner, target, mine)).statusCode).toBe(404);
  });
});

describe('a file that is not what it claims', () => {
  const refusals: [string, () => Promise<Buffer>, number, string][] = [
    ['an empty body', async () => Buffer.alloc(0), 400, 'VALIDATION_FAILED'],
    ['a PDF named .xlsx', async () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 415, 'IMPORT_NOT_XLSX'],
    ['a workbook cut short', async () => (await officeWorkbook([['I', 'A']])).subarray(0, 900), 422, 'IMPORT_UNREADABLE'],
    [
      'a Word document',
      async () => {
        const zip = new JSZip();
        zip.file('[Content_Types].xml', '<Types/>');
        zip.file('word/document.xml', '<w:document/>');
        return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      },
      415,
      'IMPORT_NOT_XLSX',
    ],
    [
      'a workbook with macros',
      async () => {
        const zip = await JSZip.loadAsync(await officeWorkbook([['I', 'A']]));
        zip.file('xl/vbaProject.bin', Buffer.from('Attribute VB_Name = "Module1"'));
        return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      },
      415,
      'IMPORT_MACRO_ENABLED',
    ],
    [
      'a workbook saved with a password',
      async () => {
        const cfb = Buffer.alloc(4096);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
        Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
        return cfb;
      },
      422,
      'IMPORT_ENCRYPTED',
    ],
    [
      'an encrypted ZIP entry',
      async () => zipOf([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), encrypted: true }]),
      422,
      'IMPORT_ENCRYPTED',
    ],
    [
      'a zip bomb that says what it holds',
      async () =>
        zipOf([
          { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
          { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * 1024 * 1024), declared: 0xfffffff0 },
        ]),
      413,
      'IMPORT_ZIP_BOMB',
    ],
    [
      'a zip bomb that lies about what it holds',
      async () =>
        zipOf([
          { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
          { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20), declared: 1000 },
        ]),
      413,
      'IMPORT_ZIP_BOMB',
    ],
    [
      'a sheet with more rows than an import takes',
      async () => {
        const book = new ExcelJS.Workbook();
        const ws = book.addWorksheet('KH');
        ws.addRow(['STT', 'Nội dung nhiệm vụ']);
        for (let i = 0; i <= IMPORT_MAX_ROWS + 200; i += 1) ws.addRow([`1.${i}`, 'x']);
        return Buffer.from(await book.xlsx.writeBuffer());
      },
      413,
      'IMPORT_TOO_MANY_ROWS',
    ],
    [
      'a file past the size limit',
      async () => Buffer.concat([await officeWorkbook([]), Buffer.alloc(5 * 1024 * 1024)]),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a workbook without the plan’s headings',
      async () => {
        const book = new ExcelJS.Workbook();
        book.addWorksheet('Danh bạ').addRow(['Họ tên', 'Điện thoại']);
        return Buffer.from(await book.xlsx.writeBuffer());
      },
      422,
      'IMPORT_NO_HEADER',
    ],
  ];

  it.each(refusals)('refuses %s with its own code, and keeps nothing', async (_what, make, status, code) => {
    const before = await footprint(target);
    const res = await upload(people.coordinator, target, await make());
    expect(res.statusCode, res.body).toBe(status);
    expect(errorCode(res)).toBe(code);
    expect(await footprint(target)).toEqual(before);
  });
});
