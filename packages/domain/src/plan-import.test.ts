import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  UnitMatcher,
  columnLetter,
  columnOfHeading,
  dayOfCell,
  excelSerialDate,
  importSummary,
  interpretSheet,
  locateHeader,
  parseDayText,
  parseObligor,
  parsePeriod,
  planHeadings,
  type ExistingPlan,
  type InterpretOptions,
  type Sheet,
  type SheetCell,
  type SheetRow,
  type UnitCandidate,
} from './plan-import.js';

const s = (v: string): SheetCell => ({ t: 's', v });
const n = (v: number): SheetCell => ({ t: 'n', v });
const d = (v: string): SheetCell => ({ t: 'd', v });
const merged = (c: SheetCell): SheetCell => (c ? { ...c, m: true } : null);

const units: UnitCandidate[] = [
  {
    id: 'stttt',
    name: 'Sở Thông tin và Truyền thông tỉnh Hải Dương',
    shortName: 'Sở TT&TT',
    code: null,
    side: 'government',
    related: true,
  },
  { id: 'syt', name: 'Sở Y tế tỉnh Hải Dương', shortName: null, code: null, side: 'government', related: true },
  { id: 'sgd', name: 'Sở Giáo dục và Đào tạo tỉnh Hải Dương', shortName: null, code: null, side: 'government', related: true },
  {
    id: 'vhd',
    name: 'Viettel Hải Dương – Chi nhánh Tập đoàn Công nghiệp - Viễn thông Quân đội',
    shortName: 'Viettel Hải Dương',
    code: null,
    side: 'enterprise',
    related: true,
  },
  { id: 'vds', name: 'Tổng Công ty Dịch vụ số Viettel', shortName: 'Viettel Digital', code: null, side: 'enterprise', related: true },
  { id: 'syt-cm', name: 'Sở Y tế tỉnh Cà Mau', shortName: null, code: null, side: 'government', related: false },
  { id: 'svh', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Hải Dương', shortName: null, code: null, side: 'government', related: true },
  { id: 'snv-a', name: 'Sở Nội vụ', shortName: null, code: null, side: 'government', related: false },
  { id: 'snv-b', name: 'Sở Nội vụ', shortName: null, code: null, side: 'government', related: false },
];
const emptyPlan: ExistingPlan = { areas: [], tasks: [] };
const options = (over: Partial<InterpretOptions> = {}): InterpretOptions => ({
  units,
  existing: emptyPlan,
  importerSide: 'government',
  ...over,
});

/** Accord's own export layout: a title block, the headings on row 6, then areas and tasks. */
const headings = planHeadings;
function exportSheet(body: SheetCell[][]): Sheet {
  const rows: SheetRow[] = [
    { row: 1, cells: [s('KẾ HOẠCH TRIỂN KHAI THỎA THUẬN HỢP TÁC'), ...Array.from({ length: 13 }, () => merged(s('KẾ HOẠCH')))] },
    { row: 2, cells: [s('Thỏa thuận hợp tác về chuyển đổi số')] },
    { row: 6, cells: headings.map(s) },
  ];
  body.forEach((cells, i) => rows.push({ row: 7 + i, cells }));
  return { name: 'Kế hoạch', rows };
}
const taskRow = (over: Partial<Record<(typeof headings)[number], SheetCell>>): SheetCell[] => headings.map((h) => over[h] ?? null);
const fullTask = (number: string, title: string, over: Partial<Record<(typeof headings)[number], SheetCell>> = {}) =>
  taskRow({
    STT: s(number),
    'Nội dung nhiệm vụ': s(title),
    'Đơn vị chủ trì': s('Sở Thông tin và Truyền thông tỉnh Hải Dương'),
    'Thời gian thực hiện': s('01/03/2024 – 30/06/2024'),
    'Sản phẩm': s('Báo cáo'),
    'Ghi chú': s(`Mô tả: ${title} cho các sở`),
    'Người phụ trách': s('Nguyễn Văn A'),
    ...over,
  });
const areaRow = (number: string, title: string) => [s(number), s(title), ...Array.from({ length: 12 }, () => merged(s(title)))];

describe('headings', () => {
  it('names each of the offices’ columns and Accord’s, with or without diacritics', () => {
    expect(headings.map(columnOfHeading)).toEqual([
      'number',
      'title',
      'leadUnit',
      'coordinatingUnits',
      'period',
      'product',
      'budget',
      'note',
      'obligor',
      'responsiblePerson',
      'startDate',
      'dueDate',
      'status',
      'progress',
    ]);
    expect(columnOfHeading('NOI DUNG CONG VIEC')).toBe('title');
    expect(columnOfHeading('Cơ quan chủ trì')).toBe('leadUnit');
    expect(columnOfHeading('Thời gian thực hiện Bắt đầu')).toBe('startDate');
    expect(columnOfHeading('Thời gian thực hiện Kết thúc')).toBe('dueDate');
    expect(columnOfHeading('TT')).toBe('number');
    expect(columnOfHeading('Chữ ký')).toBeNull();
  });

  it('joins a two-row heading whose top cells are merged, and skips a row of column numbers', () => {
    const rows: SheetRow[] = [
      {
        row: 3,
        cells: [s('TT'), s('Nhiệm vụ'), s('Cơ quan chủ trì'), s('Thời gian thực hiện'), merged(s('Thời gian thực hiện')), s('Sản phẩm')],
      },
      {
        row: 4,
        cells: [merged(s('TT')), merged(s('Nhiệm vụ')), merged(s('Cơ quan chủ trì')), s('Bắt đầu'), s('Kết thúc'), merged(s('Sản phẩm'))],
      },
      { row: 5, cells: [s('(1)'), s('(2)'), s('(3)'), s('(4)'), s('(5)'), s('(6)')] },
      { row: 6, cells: [s('I'), s('Hạ tầng số')] },
      {
        row: 7,
        cells: [n(1), s('Phủ sóng 5G'), s('So thong tin va truyen thong tinh hai duong'), s('01/03/2024'), d('2024-06-30'), s('Trạm 5G')],
      },
    ];
    const header = locateHeader(rows);
    expect(header?.headerRows).toEqual([3, 4]);
    expect([...(header?.map.entries() ?? [])]).toEqual([
      ['number', 0],
      ['title', 1],
      ['leadUnit', 2],
      ['startDate', 3],
      ['dueDate', 4],
      ['product', 5],
    ]);
    const reading = interpretSheet({ name: 'KH', rows }, options());
    const task = reading?.rows.find((r) => r.kind === 'task')?.task;
    expect(task).toMatchObject({ title: 'Phủ sóng 5G', leadUnitId: 'stttt', startDate: '2024-03-01', dueDate: '2024-06-30', depth: 0 });
    expect(reading?.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('finds no heading in a sheet that has none', () => {
    expect(interpretSheet({ name: 'x', rows: [{ row: 1, cells: [s('Tên'), s('Tuổi')] }] }, options())).toBeNull();
  });
});

describe('dates', () => {
  it('reads dd/mm/yyyy text, Excel dates and Excel serial days, and refuses days that do not exist', () => {
    expect(parseDayText('05/3/2024')).toBe('2024-03-05');
    expect(parseDayText('5-3-2024')).toBe('2024-03-05');
    expect(parseDayText('2024-03-05')).toBe('2024-03-05');
    expect(parseDayText('29/02/2023')).toBeNull();
    expect(parseDayText('29/02/2024')).toBe('2024-02-29');
    expect(parseDayText('31/12/2025')).toBe('2025-12-31');
    expect(parseDayText('3/5')).toBeNull();
    expect(excelSerialDate(45351)).toBe('2024-02-29');
    expect(excelSerialDate(45658)).toBe('2025-01-01');
    expect(excelSerialDate(12)).toBeNull();
    expect(dayOfCell(d('2024-06-30'))).toBe('2024-06-30');
    expect(dayOfCell(n(45473))).toBe('2024-06-30');
    expect(dayOfCell(s('  '))).toBeUndefined();
    expect(dayOfCell(s('cuối tháng'))).toBeNull();
  });

  it('reads the periods offices write', () => {
    expect(parsePeriod('01/03/2024 – 30/06/2024')).toEqual({ start: '2024-03-01', due: '2024-06-30' });
    expect(parsePeriod('Từ 01/03/2024 đến 30/06/2024')).toEqual({ start: '2024-03-01', due: '2024-06-30' });
    expect(parsePeriod('01/03/2024 - 30/06/2024')).toEqual({ start: '2024-03-01', due: '2024-06-30' });
    expect(parsePeriod('… – 30/06/2024')).toEqual({ start: null, due: '2024-06-30' });
    expect(parsePeriod('Quý II/2024')).toEqual({ start: '2024-04-01', due: '2024-06-30' });
    expect(parsePeriod('Quý 4 năm 2025')).toEqual({ start: '2025-10-01', due: '2025-12-31' });
    expect(parsePeriod('Tháng 6/2024')).toEqual({ start: '2024-06-01', due: '2024-06-30' });
    expect(parsePeriod('02/2024')).toEqual({ start: '2024-02-01', due: '2024-02-29' });
    expect(parsePeriod('Năm 2024')).toEqual({ start: '2024-01-01', due: '2024-12-31' });
    expect(parsePeriod('2024 - 2025')).toEqual({ start: '2024-01-01', due: '2025-12-31' });
    expect(parsePeriod('Quý I/2024 – Quý III/2024')).toEqual({ start: '2024-01-01', due: '2024-09-30' });
    expect(parsePeriod('Trước 30/6/2024')).toEqual({ start: null, due: '2024-06-30' });
    expect(parsePeriod('30/06/2024')).toEqual({ start: null, due: '2024-06-30' });
    expect(parsePeriod('Thường xuyên')).toEqual({ start: null, due: null, ongoing: true });
    expect(parsePeriod('')).toEqual({ start: null, due: null });
    expect(parsePeriod('Quý V/2024')).toBeNull();
    expect(parsePeriod('sớm nhất có thể')).toBeNull();
    expect(parsePeriod('31/02/2024 – 30/06/2024')).toBeNull();
  });

  it('reads any real day written dd/mm/yyyy back to the same day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const isoDay = date.toISOString().slice(0, 10);
          const [y, m, day] = isoDay.split('-');
          expect(parseDayText(`${day}/${m}/${y}`)).toBe(isoDay);
          expect(parsePeriod(`${day}/${m}/${y} – ${day}/${m}/${y}`)).toEqual({ start: isoDay, due: isoDay });
        },
      ),
    );
  });
});

describe('units', () => {
  const matcher = new UnitMatcher(units);
  it('finds a unit by its name or short name, with or without diacritics, and by its name without the place', () => {
    expect(matcher.match('Sở Thông tin và Truyền thông tỉnh Hải Dương')).toMatchObject({ unit: { id: 'stttt' } });
    expect(matcher.match('so thong tin va truyen thong tinh hai duong')).toMatchObject({ unit: { id: 'stttt' } });
    expect(matcher.match('SỞ TT&TT')).toMatchObject({ unit: { id: 'stttt' } });
    expect(matcher.match('viettel hai duong')).toMatchObject({ unit: { id: 'vhd' } });
    // Both parties' "Sở Y tế" is Hải Dương's; Cà Mau's is not the agreement's.
    expect(matcher.match('Sở Y tế')).toMatchObject({ unit: { id: 'syt' } });
  });

  it('offers the closest units for one it does not know, and the candidates for one it cannot tell apart', () => {
    const unknown = matcher.match('Sở Thông tin Truyền thông');
    expect(unknown).toMatchObject({ problem: 'unitUnknown' });
    expect('suggestions' in unknown && unknown.suggestions[0]?.id).toBe('stttt');
    const ambiguous = matcher.match('Sở Nội vụ');
    expect(ambiguous).toMatchObject({ problem: 'unitAmbiguous' });
    expect('suggestions' in ambiguous && ambiguous.suggestions.map((u) => u.id)).toEqual(['snv-a', 'snv-b']);
    expect(matcher.match('Công ty XYZ hoàn toàn khác')).toMatchObject({ problem: 'unitUnknown', suggestions: [] });
    // The preview's choice among them comes by id.
    expect(matcher.match('snv-b')).toMatchObject({ unit: { id: 'snv-b' } });
  });
});

describe('reading a plan', () => {
  it('reads the export layout into areas and tasks numbered 1, 1.1, 1.1.1', () => {
    const sheet = exportSheet([
      areaRow('1', 'Hạ tầng số'),
      fullTask('1.1', 'Phủ sóng 5G', { 'Đơn vị phối hợp': s('Viettel Hải Dương; Sở Văn hóa, Thể thao và Du lịch tỉnh Hải Dương') }),
      fullTask('1.1.1', 'Khảo sát vị trí trạm', { 'Bên thực hiện': s('Bên doanh nghiệp'), 'Đơn vị chủ trì': s('Viettel Hải Dương') }),
      fullTask('1.2', 'Cáp quang', {
        'Ngày bắt đầu': d('2024-01-15'),
        'Thời hạn hoàn thành': d('2024-12-31'),
        'Kinh phí': s('2 tỷ đồng'),
      }),
      areaRow('2', 'Chính quyền số'),
      fullTask('2.1', '=HYPERLINK("http://x","bấm")', { 'Bên thực hiện': s('Hai bên') }),
    ]);
    const reading = interpretSheet(sheet, options());
    expect(reading?.headerRow).toBe(6);
    expect(reading?.problems).toEqual([]);
    const tasks = reading?.rows.filter((r) => r.kind === 'task') ?? [];
    expect(tasks.map((t) => [t.number, t.depth, t.parentRow, t.areaRow])).toEqual([
      ['1.1', 0, null, 7],
      ['1.1.1', 1, 8, 7],
      ['1.2', 0, null, 7],
      ['2.1', 0, null, 11],
    ]);
    expect(tasks[0]?.task).toMatchObject({ obligor: 'government', coordinatingUnitIds: ['vhd', 'svh'], startDate: '2024-03-01' });
    expect(tasks[1]?.task?.obligor).toBe('enterprise');
    // Between commas when the cell is not one unit's name.
    const commas = interpretSheet(
      exportSheet([areaRow('1', 'A'), fullTask('1.1', 'B', { 'Đơn vị phối hợp': s('Sở Y tế, Viettel Hải Dương') })]),
      options(),
    );
    expect(commas?.rows[1]?.task?.coordinatingUnitIds).toEqual(['syt', 'vhd']);
    expect(tasks[2]?.task).toMatchObject({
      startDate: '2024-01-15',
      dueDate: '2024-12-31',
      description: expect.stringContaining('Kinh phí: 2 tỷ đồng'),
    });
    // A formula's text is a title like any other: it is kept as text, never evaluated.
    expect(tasks[3]?.task).toMatchObject({ title: '=HYPERLINK("http://x","bấm")', obligor: 'joint' });
    const summary = importSummary(reading!);
    expect(summary.counts).toEqual({ areas: 2, tasks: 4, toCreate: 6, existing: 0, errors: 0, warnings: 0 });
  });

  it('says what is wrong by row and column: an unknown unit with the closest, a date it cannot read, a missing product', () => {
    const sheet = exportSheet([
      areaRow('1', 'Hạ tầng số'),
      fullTask('1.1', 'Phủ sóng 5G', { 'Đơn vị chủ trì': s('Sở Thông tin Truyền thông') }),
      fullTask('1.2', 'Cáp quang', { 'Thời gian thực hiện': s('cuối năm') }),
      fullTask('1.3', 'Trung tâm dữ liệu', { 'Sản phẩm': null }),
      fullTask('1.3', 'Trùng số'),
      fullTask('1.5.1', 'Mồ côi'),
      fullTask('1.6', 'Hạn trước ngày bắt đầu', { 'Thời gian thực hiện': s('30/06/2024 – 01/03/2024') }),
      taskRow({ STT: s('1.7'), 'Nội dung nhiệm vụ': null, 'Đơn vị chủ trì': s('Sở Y tế') }),
      taskRow({ 'Nội dung nhiệm vụ': s('Không có số') }),
      fullTask('1.8', 'x'.repeat(501)),
      fullTask('1.9', 'Ai làm?', { 'Bên thực hiện': s('ông trời') }),
      fullTask('1.10', 'Ngày hỏng', { 'Ngày bắt đầu': s('32/01/2024') }),
    ]);
    const reading = interpretSheet(sheet, options())!;
    const found = reading.problems.map((p) => [p.cell, p.code, p.severity]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['C8', 'unitUnknown', 'error'],
        ['E9', 'periodUnreadable', 'error'],
        ['F10', 'noExpectedProduct', 'warning'],
        ['A11', 'numberDuplicate', 'error'],
        ['A12', 'parentMissing', 'error'],
        ['E13', 'dueBeforeStart', 'error'],
        ['B14', 'titleMissing', 'error'],
        ['A15', 'numberMissing', 'error'],
        ['B16', 'tooLong', 'error'],
        ['I17', 'obligorUnknown', 'error'],
        ['K18', 'dateUnreadable', 'error'],
      ]),
    );
    const unknown = reading.problems.find((p) => p.code === 'unitUnknown');
    expect(unknown?.suggestions?.[0]).toMatchObject({ id: 'stttt' });
    expect(reading.problems.find((p) => p.code === 'tooLong')?.max).toBe(500);
  });

  it('takes fixes typed in the preview in place of the cells', () => {
    const sheet = exportSheet([
      areaRow('1', 'Hạ tầng số'),
      fullTask('1.1', 'Phủ sóng 5G', { 'Đơn vị chủ trì': s('Sở Thông tin Truyền thông') }),
      fullTask('1.2', 'Cáp quang', { 'Thời gian thực hiện': s('cuối năm') }),
    ]);
    const reading = interpretSheet(
      sheet,
      options({
        fixes: [
          { row: 8, column: 'leadUnit', value: 'Sở Thông tin và Truyền thông tỉnh Hải Dương' },
          { row: 9, column: 'period', value: 'Quý IV/2024' },
        ],
      }),
    )!;
    expect(reading.problems).toEqual([]);
    expect(reading.rows[1]?.task?.leadUnitId).toBe('stttt');
    expect(reading.rows[2]?.task).toMatchObject({ startDate: '2024-10-01', dueDate: '2024-12-31' });
  });

  it('reads areas numbered I, II with tasks 1, 1.1 under them, and ignores the signatures after the plan', () => {
    const sheet: Sheet = {
      name: 'KH',
      rows: [
        { row: 1, cells: [s('STT'), s('Nội dung'), s('Đơn vị chủ trì'), s('Thời gian'), s('Sản phẩm')] },
        { row: 2, cells: [s('I.'), s('Hạ tầng số')] },
        { row: 3, cells: [n(1), s('Phủ sóng'), s('Viettel Hải Dương'), s('Quý II/2024'), s('Trạm')] },
        { row: 4, cells: [n(1.1), s('Khảo sát'), s('Viettel Hải Dương'), s('Tháng 4/2024'), s('Báo cáo')] },
        { row: 5, cells: [s('II'), s('Chính quyền số')] },
        { row: 6, cells: [n(1), s('Một cửa'), s('Sở Y tế'), s('Năm 2025'), s('Hệ thống')] },
        { row: 9, cells: [null, s('GIÁM ĐỐC')] },
      ],
    };
    const reading = interpretSheet(sheet, options())!;
    expect(reading.rows.map((r) => [r.kind, r.number, r.depth])).toEqual([
      ['area', 'I.', 0],
      ['task', '1', 0],
      ['task', '1.1', 1],
      ['area', 'II', 0],
      ['task', '1', 0],
    ]);
    expect(reading.rows[1]?.task?.obligor).toBe('enterprise');
    expect(reading.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(reading.problems.find((p) => p.row === 9)?.code).toBe('ignoredAfterPlan');
  });

  it('creates nothing for rows the plan already has: the same file twice', () => {
    const sheet = exportSheet([
      areaRow('1', 'Hạ tầng số'),
      fullTask('1.1', 'Phủ sóng 5G'),
      fullTask('1.1.1', 'Khảo sát'),
      fullTask('1.2', 'Mới'),
    ]);
    const existing: ExistingPlan = {
      areas: [{ id: 'A', title: 'Hạ Tầng Số' }],
      tasks: [
        { id: 'T1', areaId: 'A', parentId: null, title: 'phủ sóng 5G' },
        { id: 'T2', areaId: 'A', parentId: 'T1', title: 'Khảo sát' },
      ],
    };
    const reading = interpretSheet(sheet, options({ existing }))!;
    expect(reading.problems).toEqual([]);
    expect(reading.rows.map((r) => [r.title, r.action, r.existingId])).toEqual([
      ['Hạ tầng số', 'exists', 'A'],
      ['Phủ sóng 5G', 'exists', 'T1'],
      ['Khảo sát', 'exists', 'T2'],
      ['Mới', 'create', null],
    ]);
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('tells the sides apart in "Bên thực hiện"', () => {
    expect(parseObligor('Bên chính quyền')).toBe('government');
    expect(parseObligor('UBND tỉnh')).toBe('government');
    expect(parseObligor('Bên doanh nghiệp')).toBe('enterprise');
    expect(parseObligor('Viettel')).toBe('enterprise');
    expect(parseObligor('Hai bên')).toBe('joint');
    expect(parseObligor('???')).toBeNull();
  });

  it('reads every plan it can be given into as many rows, each task under its own parent', () => {
    const shape = fc.array(fc.array(fc.array(fc.nat({ max: 2 }), { maxLength: 3 }), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(shape, (areas) => {
        const body: SheetCell[][] = [];
        let count = 0;
        areas.forEach((tasks, a) => {
          body.push(areaRow(String(a + 1), `Lĩnh vực ${a + 1}`));
          tasks.forEach((subs, t) => {
            body.push(fullTask(`${a + 1}.${t + 1}`, `Nhiệm vụ ${a + 1}.${t + 1}`));
            count += 1;
            subs.forEach((_, k) => {
              body.push(fullTask(`${a + 1}.${t + 1}.${k + 1}`, `Việc ${a + 1}.${t + 1}.${k + 1}`));
              count += 1;
            });
          });
        });
        const reading = interpretSheet(exportSheet(body), options())!;
        expect(reading.problems).toEqual([]);
        const tasks = reading.rows.filter((r) => r.kind === 'task');
        expect(tasks).toHaveLength(count);
        for (const t of tasks) {
          const parent = reading.rows.find((r) => r.row === t.parentRow);
          expect(parent ? t.number.startsWith(`${parent.number}.`) : t.depth === 0).toBe(true);
        }
      }),
    );
  });
});
