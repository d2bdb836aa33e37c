import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../src/http/download.js';
import { buildAgreement, buildOrganisation, buildUser, signInAs, startTestApp, type Client, type TestContext } from './support.js';

let ctx: TestContext;
let coordinator: Client;
let agreementId: string;
let deptId: string;

beforeAll(async () => {
  ctx = await startTestApp();
  const province = await buildOrganisation(ctx.db, { kind: 'province', nameVi: 'Ủy ban nhân dân tỉnh Cà Mau' });
  deptId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: province.id, nameVi: 'Sở Khoa học và Công nghệ' })).id;
  const group = await buildOrganisation(ctx.db, { kind: 'enterprise_group', nameVi: 'Tập đoàn VNPT' });
  agreementId = (
    await buildAgreement(ctx.db, {
      title: 'Thỏa thuận hợp tác chuyển đổi số Cà Mau – VNPT',
      parties: [
        { organisationId: province.id, side: 'government', name: 'UBND tỉnh Cà Mau' },
        { organisationId: group.id, side: 'enterprise', name: 'Tập đoàn VNPT' },
      ],
    })
  ).id;
  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: deptId })).email);
});
afterAll(() => ctx.close());

const url = (path = '') => `/api/agreements/${agreementId}${path}`;

async function post(path: string, body: Record<string, unknown>) {
  const res = await coordinator.post(url(path), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('the plan as an Excel workbook', () => {
  it('names the agreement, numbers areas and tasks 1, 1.1, 1.1.1, writes dates as dates and text as text', async () => {
    const area = await post('/areas', { title: 'Phát triển hạ tầng số', theme: 'digital_infrastructure' });
    const task = await post('/tasks', {
      areaId: area.id,
      title: 'Phủ sóng 5G các xã ven biển',
      description: '=HYPERLINK("http://example.com","bấm vào đây")',
      obligor: 'joint',
      leadUnitId: deptId,
      responsiblePerson: '@Lê Thị Hoa',
      startDate: '2026-01-01',
      dueDate: '2026-12-31',
      expectedProduct: '+100% xã có sóng 5G',
    });
    await post('/tasks', { areaId: area.id, parentId: task.id, title: 'Lắp đặt trạm BTS', obligor: 'joint' });
    await post('/tasks', { areaId: area.id, title: '-Đào tạo kỹ năng số', obligor: 'government' });
    await post('/areas', { title: 'Chính quyền số' });

    const res = await coordinator.get(url('/plan.xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(
      /^attachment; filename="ke hoach - thoa thuan hop tac chuyen doi so ca mau _ vnpt\.xlsx"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
      'Ke hoach - Thỏa thuận hợp tác chuyển đổi số Cà Mau – VNPT.xlsx',
    );

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A2').value).toBe('Thỏa thuận hợp tác chuyển đổi số Cà Mau – VNPT');
    expect(sheet.getCell('A3').value).toBe('Các bên: UBND tỉnh Cà Mau; Tập đoàn VNPT');
    const headings = (sheet.getRow(6).values as unknown[]).slice(1);
    expect(headings.slice(0, 8)).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời gian thực hiện',
      'Sản phẩm',
      'Kinh phí',
      'Ghi chú',
    ]);
    const rows = [];
    for (let r = 7; r <= sheet.rowCount; r += 1) rows.push([sheet.getCell(r, 1).value, sheet.getCell(r, 2).value]);
    expect(rows).toEqual([
      ['1', 'Phát triển hạ tầng số'],
      ['1.1', 'Phủ sóng 5G các xã ven biển'],
      ['1.1.1', 'Lắp đặt trạm BTS'],
      ['1.2', '-Đào tạo kỹ năng số'],
      ['2', 'Chính quyền số'],
    ]);
    const first = sheet.getRow(8);
    expect(first.getCell(3).value).toBe('Sở Khoa học và Công nghệ');
    expect(first.getCell(5).value).toBe('01/01/2026 – 31/12/2026');
    expect(first.getCell(9).value).toBe('Hai bên');
    expect(first.getCell(11).value).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(first.getCell(11).numFmt).toBe('dd/mm/yyyy');
    // What would be a formula in a spreadsheet stays text: no cell of the workbook holds a formula.
    expect(first.getCell(8).value).toBe('=HYPERLINK("http://example.com","bấm vào đây")');
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.String);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('names a download safely whatever the title holds: no line break, quote or path reaches the header', () => {
    const header = attachmentDisposition('Kế hoạch "A"\r\nSet-Cookie: x=1/../b.xlsx');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      'attachment; filename="ke hoach a set-cookie_ x_1 .. b.xlsx"; filename*=UTF-8\'\'K%E1%BA%BF%20ho%E1%BA%A1ch%20A%20Set-Cookie%3A%20x%3D1%20..%20b.xlsx',
    );
    expect(attachmentDisposition('')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });

  it('answers an agreement the user cannot read as missing', async () => {
    const res = await coordinator.get('/api/agreements/00000000-0000-4000-8000-000000000000/plan.xlsx');
    expect(res.statusCode).toBe(404);
  });
});
