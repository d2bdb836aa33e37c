import { planHeadings, todayInVietnam, type AgreementDetail, type Plan, type TaskNode } from '@accord/domain';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/pool.js';
import type { Viewer } from '../access/viewer.js';
import { getAgreement } from '../agreements/agreement.service.js';
import { getPlan } from './plan.service.js';

/**
 * The joint plan as the spreadsheet Vietnamese offices keep it: a header block naming the
 * agreement, its parties and the day, then one row per area and task, numbered 1, 1.1, 1.1.1, in
 * the usual columns (STT … Ghi chú) and Accord's own after them. Text is written as text: a value
 * that begins with = + - @ is never a formula, in Excel or LibreOffice.
 */

const taskStatusVi: Record<TaskNode['status'], string> = {
  not_started: 'Chưa bắt đầu',
  in_progress: 'Đang thực hiện',
  at_risk: 'Có nguy cơ chậm',
  overdue: 'Quá hạn',
  delivered: 'Đã bàn giao, chờ nghiệm thu',
  completed_on_time: 'Hoàn thành đúng hạn',
  completed_late: 'Hoàn thành muộn',
  paused: 'Tạm dừng',
  cancelled: 'Đã hủy',
};
const obligorVi: Record<TaskNode['obligor'], string> = { government: 'Bên chính quyền', enterprise: 'Bên doanh nghiệp', joint: 'Hai bên' };

/** The columns, in order: the offices' eight, then Accord's (the headings the import reads back). */
const widths = [9, 48, 28, 32, 24, 36, 14, 40, 16, 28, 13, 13, 18, 10];
export const planColumns = planHeadings.map((header, i) => ({ header, width: widths[i] ?? 12 }));

/** The header block's rows before the column headings. */
export const HEADER_ROWS = 5;

const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const period = (start: string | null, due: string | null) => (start || due ? `${dmy(start) || '…'} – ${dmy(due) || '…'}` : '');
/** A date as an Excel date (a serial day, shown dd/mm/yyyy), or empty. */
const excelDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** About how many lines a text takes in a column of `width` characters, wrapped at spaces. */
function linesOf(value: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 0.95));
  return value.split('\n').reduce((n, paragraph) => n + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

export async function exportPlan(db: Db, viewer: Viewer, agreementId: string): Promise<{ filename: string; body: Buffer }> {
  const agreement = await getAgreement(db, viewer, agreementId);
  const plan = await getPlan(db, viewer, agreementId);
  const today = todayInVietnam();
  const body = await planWorkbook(agreement, plan, today);
  return { filename: `Ke hoach - ${agreement.title}.xlsx`, body };
}

export async function planWorkbook(agreement: Pick<AgreementDetail, 'title' | 'parties'>, plan: Plan, today: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Accord';
  book.created = new Date(`${today}T00:00:00Z`);
  const sheet = book.addWorksheet('Kế hoạch', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: HEADER_ROWS + 1 }],
  });
  sheet.columns = planColumns.map((c) => ({ width: c.width }));
  const last = planColumns.length;

  const block = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  block(1, 'KẾ HOẠCH TRIỂN KHAI THỎA THUẬN HỢP TÁC', { bold: true, size: 14 });
  block(2, agreement.title, { bold: true, size: 12 });
  sheet.getRow(2).height = 32;
  block(3, `Các bên: ${agreement.parties.map((p) => p.organisationName).join('; ')}`, { size: 11 });
  block(4, `Ngày xuất: ${dmy(today)} (Accord)`, { italic: true, size: 10 });

  const headerRow = sheet.getRow(HEADER_ROWS + 1);
  planColumns.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  });
  headerRow.height = 30;

  const text = (s: string | null | undefined) => s ?? '';
  const depthOf = new Map<number, number>();
  const addTask = (t: TaskNode, number: string, depth: number) => {
    const row = sheet.addRow([
      number,
      t.title,
      text(t.leadUnit?.name),
      t.coordinatingUnits.map((u) => u.name).join('; '),
      period(t.startDate, t.dueDate),
      text(t.expectedProduct),
      '',
      text(t.description),
      obligorVi[t.obligor],
      text(t.responsiblePerson),
      excelDate(t.startDate),
      excelDate(t.dueDate),
      taskStatusVi[t.status],
      t.progress,
    ]);
    depthOf.set(row.number, depth);
    t.children.forEach((c, i) => addTask(c, `${number}.${i + 1}`, depth + 1));
  };
  plan.areas.forEach((area, i) => {
    const row = sheet.addRow([String(i + 1), area.title]);
    row.font = { bold: true };
    sheet.mergeCells(row.number, 2, row.number, last);
    area.tasks.forEach((t, j) => addTask(t, `${i + 1}.${j + 1}`, 1));
  });

  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  for (let r = HEADER_ROWS + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    let lines = 1;
    for (let c = 1; c <= last; c += 1) {
      const cell = row.getCell(c);
      cell.border = border;
      if (r === HEADER_ROWS + 1) continue;
      cell.alignment = { vertical: 'top', wrapText: true, ...(c === 2 ? { horizontal: 'left', indent: depthOf.get(r) ?? 0 } : {}) };
      if (c === 11 || c === 12) cell.numFmt = 'dd/mm/yyyy';
      if (typeof cell.value === 'string' && !cell.isMerged) lines = Math.max(lines, linesOf(cell.value, planColumns[c - 1]?.width ?? 10));
    }
    // Spreadsheets do not size a row to its wrapped text when they open a file: it is given here.
    if (r > HEADER_ROWS + 1 && lines > 1) row.height = Math.min(409, lines * 15);
  }
  sheet.autoFilter = { from: { row: HEADER_ROWS + 1, column: 1 }, to: { row: HEADER_ROWS + 1, column: last } };
  sheet.pageSetup.printTitlesRow = `${HEADER_ROWS + 1}:${HEADER_ROWS + 1}`;
  return Buffer.from(await book.xlsx.writeBuffer());
}
