import { foldForSearch, planHeadings } from '@accord/domain';
import ExcelJS from 'exceljs';

/**
 * A joint plan as a province's office would send it in Excel, of any size: a title block, the
 * offices' headings, areas numbered 1, 2 with their tasks 1.1, 1.2 and sub-tasks 1.2.1, every
 * task clear in its "5 rõ", units written by name (some without diacritics, as people type them),
 * periods as dd/mm/yyyy ranges, quarters or Excel dates. `flaws` spoil chosen tasks the way real
 * files are spoiled: a unit misspelt, a day that does not exist. Used by the import benchmark and
 * the end-to-end import test.
 */

export interface WorkbookUnits {
  government: readonly string[];
  enterprise: readonly string[];
}
export type WorkbookFlaw = { task: number; kind: 'unknownUnit' | 'badDate' };

export interface PlanWorkbookOptions {
  /** Rows below the headings: areas and tasks together. */
  rows: number;
  units: WorkbookUnits;
  flaws?: readonly WorkbookFlaw[];
  title?: string;
  year?: number;
}

/** A task row of the file, numbered, with the sheet row it is written on. */
export interface WorkbookTask {
  sheetRow: number;
  number: string;
  title: string;
  leadUnit: string;
}

/** The offices' columns and the two of Accord's a province fills in (who owes it, who is responsible). */
const headings = planHeadings.slice(0, 10);
const HEADING_ROW = 6;
const AREA_EVERY = 25;
const areaNames = [
  'Hạ tầng số',
  'Chính quyền số',
  'Kinh tế số',
  'Xã hội số',
  'An toàn thông tin',
  'Dữ liệu số',
  'Nhân lực số',
  'Đô thị thông minh',
];
const works = [
  'Triển khai hệ thống',
  'Nâng cấp nền tảng',
  'Đào tạo kỹ năng số cho',
  'Số hóa hồ sơ của',
  'Kết nối dữ liệu với',
  'Phủ sóng 5G tại',
  'Xây dựng kho dữ liệu của',
  'Đánh giá an toàn thông tin cho',
];
const places = [
  'các xã ven biển',
  'khu công nghiệp',
  'bệnh viện tuyến tỉnh',
  'trường trung học',
  'bộ phận một cửa',
  'các hợp tác xã',
  'thành phố',
  'huyện đảo',
];
const people = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thu Dung', 'Võ Minh Đức', 'Hồ Thị Hạnh'];

const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/** Builds the workbook; also says which task is on which row (for a test that fixes rows). */
export async function planWorkbook(options: PlanWorkbookOptions): Promise<{ body: Buffer; tasks: WorkbookTask[] }> {
  const { units, rows, year = 2027 } = options;
  const flaws = new Map((options.flaws ?? []).map((f) => [f.task, f.kind]));
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Kế hoạch');
  ws.addRow(['KẾ HOẠCH TRIỂN KHAI THỎA THUẬN HỢP TÁC']);
  ws.mergeCells(1, 1, 1, headings.length);
  ws.addRow([options.title ?? `Kế hoạch chuyển đổi số năm ${year}`]);
  ws.mergeCells(2, 1, 2, headings.length);
  ws.getRow(HEADING_ROW).values = headings;

  const tasks: WorkbookTask[] = [];
  let area = 0;
  let top = 0;
  let sub = 0;
  let index = 0;
  for (let r = 0; r < rows; r += 1) {
    const sheetRow = HEADING_ROW + 1 + r;
    const row = ws.getRow(sheetRow);
    if (r % AREA_EVERY === 0) {
      area += 1;
      top = 0;
      sub = 0;
      row.values = [String(area), `${areaNames[(area - 1) % areaNames.length]} (${area})`];
      continue;
    }
    // Every fifth task has sub-tasks under it: the two rows after it.
    const isSub = sub > 0;
    if (isSub) sub -= 1;
    else {
      top += 1;
      if (top % 5 === 0) sub = 2;
    }
    const number = isSub ? `${area}.${top}.${2 - sub}` : `${area}.${top}`;
    const side = index % 3 === 1 ? 'enterprise' : 'government';
    const pool = units[side];
    let lead = pool[index % pool.length] as string;
    const partner = units[side === 'government' ? 'enterprise' : 'government'];
    const title = `${works[index % works.length]} ${places[(index >> 3) % places.length]} (${number})`;
    const month = index % 12;
    const start = new Date(Date.UTC(year, month, 1));
    const due = new Date(Date.UTC(year, month + 2 + (index % 4), 0));
    let period: string | Date = index % 4 === 3 ? `Quý ${['I', 'II', 'III', 'IV'][month % 4]}/${year}` : `${dmy(start)} – ${dmy(due)}`;
    if (index % 4 === 2) period = `${dmy(start)} – ${dmy(due)}`;
    // As people type them: one name in six without its diacritics.
    if (index % 6 === 5) lead = foldForSearch(lead);
    const flaw = flaws.get(index);
    if (flaw === 'unknownUnit') lead = lead.replace(/\s+\S+$/, '').replace(/ và /, ' ') + ' mới';
    if (flaw === 'badDate') period = `31/02/${year} – ${dmy(due)}`;
    row.values = [
      number,
      title,
      lead,
      partner[index % partner.length] as string,
      period,
      `Báo cáo kết quả ${number}`,
      index % 7 === 0 ? `${(index % 9) + 1} tỷ đồng` : '',
      `Chủ trì ${title.toLowerCase()}, phối hợp với các đơn vị liên quan, báo cáo hằng tháng.`,
      side === 'government' ? 'Bên chính quyền' : 'Bên doanh nghiệp',
      people[index % people.length] as string,
    ];
    tasks.push({ sheetRow, number, title, leadUnit: lead });
    index += 1;
  }
  return { body: Buffer.from(await book.xlsx.writeBuffer()), tasks };
}
