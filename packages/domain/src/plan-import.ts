import { z } from 'zod';
import { checkClarity, type ClarityProblem } from './execution.js';
import { MAX_TASK_DEPTH, obligorSchema } from './plan.js';
import { foldForSearch } from './text.js';
import type { Obligor, Side } from './policy.js';

/**
 * Reading a joint plan from the spreadsheet offices keep it in (the layout Accord exports: STT,
 * Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian thực hiện, Sản phẩm, Kinh phí,
 * Ghi chú, then Accord's own columns), and the usual variations: headings over two rows with
 * merged cells, a row of column numbers under them, areas numbered I, II or 1, 2, dates as Excel
 * dates or as dd/mm/yyyy text, periods such as "Quý II/2024", units by name or short name with or
 * without diacritics. Pure: the server reads the workbook's cells (never evaluating a formula)
 * into a `Sheet`; this says what each row becomes and every problem by row and column, and the
 * same function answers the preview and the import itself.
 */

/** The plan's headings as Accord exports them: the offices' eight, then Accord's own. */
export const planHeadings = [
  'STT',
  'Nội dung nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Thời gian thực hiện',
  'Sản phẩm',
  'Kinh phí',
  'Ghi chú',
  'Bên thực hiện',
  'Người phụ trách',
  'Ngày bắt đầu',
  'Thời hạn hoàn thành',
  'Trạng thái',
  'Tiến độ (%)',
] as const;

/** The fields a column can carry. */
export const importColumns = [
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
] as const;
export const importColumnSchema = z.enum(importColumns);
export type ImportColumn = z.infer<typeof importColumnSchema>;

/** A cell as read: text, a number, a date (an Excel date, as ISO), or a copy of the first cell of a merged range (`m`). */
export type SheetCell = { t: 's'; v: string; m?: true } | { t: 'n'; v: number; m?: true } | { t: 'd'; v: string; m?: true } | null;
/** A row of the sheet that has something in it: `row` is its number in the sheet (1-based), `cells[0]` column A. */
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}
export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** Limits on what an import takes. */
export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_MAX_FIXES = 2_000;
const MAX_COORDINATORS = 30;
const textLimits = { title: 500, note: 10_000, product: 2_000, responsiblePerson: 200, budget: 200 } as const;

/** Problems that stop the import: nothing is saved while one is left. */
const importErrorCodes = [
  'numberUnreadable',
  'numberMissing',
  'numberDuplicate',
  'parentMissing',
  'areaMissing',
  'tooDeep',
  'titleMissing',
  'tooLong',
  'unitUnknown',
  'unitAmbiguous',
  'tooManyUnits',
  'dateUnreadable',
  'periodUnreadable',
  'dueBeforeStart',
  'obligorUnknown',
] as const;
/** Problems shown with the rows, that do not stop it (most say which "5 rõ" the task will fail). */
const importWarningCodes = [
  'noExpectedProduct',
  'noResponsiblePerson',
  'noDescription',
  'descriptionIsTitle',
  'noDates',
  'noLeadUnit',
  'ignoredAfterPlan',
  'progressNotImported',
] as const;
export const importProblemCodes = [...importErrorCodes, ...importWarningCodes] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];
const warningCodes: ReadonlySet<ImportProblemCode> = new Set(importWarningCodes);
export const isImportError = (code: ImportProblemCode) => !warningCodes.has(code);

export const importSuggestionSchema = z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() });
export type ImportSuggestion = z.infer<typeof importSuggestionSchema>;

export const importProblemSchema = z.object({
  row: z.number().int(),
  column: importColumnSchema.nullable(),
  /** The cell as the spreadsheet names it (C12), or null for a whole row. */
  cell: z.string().nullable(),
  code: z.enum(importProblemCodes),
  severity: z.enum(['error', 'warning']),
  value: z.string().nullable(),
  /** For an unknown or ambiguous unit: the closest units, best first. */
  suggestions: z.array(importSuggestionSchema).optional(),
  max: z.number().int().optional(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** A fix typed in the preview: the cell's text replaced by `value`, before the rows are read again. */
export const importFixSchema = z.object({
  row: z.number().int().min(1).max(1_048_576),
  column: importColumnSchema,
  value: z.string().max(10_000),
});
export type ImportFix = z.infer<typeof importFixSchema>;

/** A unit a cell may name: `related` when it belongs to one of the agreement's parties (or their successors). */
export interface UnitCandidate {
  id: string;
  name: string;
  shortName: string | null;
  code: string | null;
  side: Side;
  related: boolean;
}

/** What the plan holds already: an area or task the file names again is not created again. */
export interface ExistingPlan {
  areas: { id: string; title: string }[];
  tasks: { id: string; areaId: string; parentId: string | null; title: string }[];
}

/** A task as it will be created, its parent and area by row (new) or id (already in the plan). */
export interface ImportedTask {
  row: number;
  number: string;
  depth: number;
  title: string;
  description: string | null;
  obligor: Obligor;
  leadUnitId: string | null;
  coordinatingUnitIds: string[];
  responsiblePerson: string | null;
  startDate: string | null;
  dueDate: string | null;
  expectedProduct: string | null;
}

export interface ImportRow {
  row: number;
  number: string;
  kind: 'area' | 'task';
  title: string;
  depth: number;
  /** create: new; exists: the plan has it already (same place, same title) and it is left as it is. */
  action: 'create' | 'exists';
  /** The existing area or task it matched. */
  existingId: string | null;
  /** The row of the area (for a task) and of the parent task (for a sub-task), when those are in the file. */
  areaRow: number | null;
  parentRow: number | null;
  task: ImportedTask | null;
  leadUnitName: string | null;
}

export interface ImportReading {
  headerRow: number;
  columns: { column: ImportColumn; header: string; letter: string }[];
  rows: ImportRow[];
  problems: ImportProblem[];
}

/** The letters of a 0-based column index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ————— headings —————

/** Which field a heading names, folded; the more specific words first ("Thời gian thực hiện – Bắt đầu" is a start date). */
export function columnOfHeading(heading: string): ImportColumn | null {
  const h = foldForSearch(heading)
    .replace(/[()[\]:.*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (h === '') return null;
  if (/^(stt|tt|so tt|so thu tu|thu tu)$/.test(h)) return 'number';
  if (h.includes('chu tri')) return 'leadUnit';
  if (h.includes('phoi hop')) return 'coordinatingUnits';
  if (h.includes('ben thuc hien') || h === 'ben' || h.includes('ben chiu trach nhiem')) return 'obligor';
  if (/(nguoi|can bo) (phu trach|chiu trach nhiem|dau moi)|^dau moi/.test(h)) return 'responsiblePerson';
  if (h.includes('san pham') || h.includes('ket qua')) return 'product';
  if (h.includes('kinh phi') || h.includes('nguon von')) return 'budget';
  if (h.includes('ghi chu') || h.includes('mo ta')) return 'note';
  if (h.includes('trang thai')) return 'status';
  if (h.includes('tien do') || h === '%') return 'progress';
  if (h.includes('bat dau') || h.includes('tu ngay')) return 'startDate';
  if (h.includes('hoan thanh') || h.includes('ket thuc') || h.includes('den ngay') || h.includes('thoi han')) return 'dueDate';
  if (h.includes('thoi gian')) return 'period';
  if (h.includes('noi dung') || h.includes('nhiem vu') || h.includes('cong viec') || h.startsWith('ten ')) return 'title';
  return null;
}

const cellText = (c: SheetCell | undefined): string => {
  if (!c) return '';
  if (c.t === 'n') return String(c.v);
  if (c.t === 'd') return c.v.split('-').reverse().join('/');
  return c.v.normalize('NFC').trim();
};
/** A cell's own value: the copies a merged range makes are not the row's data. */
const ownCell = (c: SheetCell | undefined): SheetCell => (c && !c.m ? c : null);

function mapColumns(labels: string[]): Map<ImportColumn, number> {
  const map = new Map<ImportColumn, number>();
  labels.forEach((label, i) => {
    const column = columnOfHeading(label);
    if (column && !map.has(column)) map.set(column, i);
  });
  return map;
}

const isColumnNumbering = (r: SheetRow) => {
  const texts = r.cells.map(cellText).filter((s) => s !== '');
  return texts.length >= 3 && texts.every((s) => /^\(?\d{1,2}\)?$/.test(s));
};

/**
 * The heading row: the first of the first 30 rows that names a number (STT) and a task column.
 * When the row under it holds headings of its own (a two-row heading with merged cells, as
 * "Thời gian thực hiện" over "Bắt đầu" and "Kết thúc"), each column's heading joins both.
 */
export function locateHeader(
  rows: readonly SheetRow[],
): { headerRows: number[]; labels: string[]; map: Map<ImportColumn, number>; dataFrom: number } | null {
  for (let i = 0; i < Math.min(rows.length, 30); i += 1) {
    const top = rows[i] as SheetRow;
    const topLabels = top.cells.map(cellText);
    const map = mapColumns(topLabels);
    if (!map.has('number') || !map.has('title')) continue;
    const next = rows[i + 1];
    const numberCol = map.get('number') as number;
    const sub =
      next !== undefined &&
      next.row === top.row + 1 &&
      cellText(ownCell(next.cells[numberCol])) === '' &&
      next.cells.some((c) => ownCell(c) && c?.t === 's') &&
      !isColumnNumbering(next);
    if (!sub) {
      return { headerRows: [top.row], labels: topLabels, map, dataFrom: i + 1 };
    }
    const width = Math.max(top.cells.length, next.cells.length);
    const labels = Array.from({ length: width }, (_, c) => {
      const above = cellText(top.cells[c]);
      const below = cellText(ownCell(next.cells[c]));
      return below === '' || below === above ? above : `${above} ${below}`.trim();
    });
    return { headerRows: [top.row, next.row], labels, map: mapColumns(labels), dataFrom: i + 2 };
  }
  return null;
}

// ————— values —————

const isRealDate = (y: number, m: number, d: number) => {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
};
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** An Excel serial day (1 = 1900-01-01, with Excel's 1900 leap-year slip) as ISO, for 1950–2199. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 18_264 || serial > 109_574) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A day written as dd/mm/yyyy (or d/m/yyyy, with - or . between) or yyyy-mm-dd; null when it is not a real day. */
export function parseDayText(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? iso(y, mo, d) : null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? iso(y, mo, d) : null;
  }
  return null;
}

/** A day from a cell: an Excel date, an Excel serial number, or text. `undefined` for an empty cell, null when it cannot be read. */
export function dayOfCell(c: SheetCell): string | null | undefined {
  if (!c) return undefined;
  if (c.t === 'd') return c.v;
  if (c.t === 'n') return excelSerialDate(c.v);
  if (c.v.trim() === '') return undefined;
  return parseDayText(c.v);
}

const romanValue = (s: string): number | null => {
  if (!/^[ivxlc]+$/i.test(s)) return null;
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  const chars = s.toLowerCase().split('');
  chars.forEach((ch, i) => {
    const cur = v[ch] as number;
    const nxt = v[chars[i + 1] ?? ''] ?? 0;
    total += cur < nxt ? -cur : cur;
  });
  return total > 0 && total < 400 ? total : null;
};

/** A span of time: the first and last day of a spec such as "Quý II/2024", "Tháng 6/2024", "06/2024", "Năm 2024", "2024", or a day. */
function spanOf(part: string): { start: string; end: string; day: boolean } | null {
  const day = parseDayText(part);
  if (day) return { start: day, end: day, day: true };
  const p = foldForSearch(part);
  let m = /^(?:quy|q)\s*([ivx]+|[1-4])\s*(?:[/-]|\s|nam)\s*(?:nam\s*)?(\d{4})$/.exec(p);
  if (m) {
    const q = /^\d$/.test(m[1] as string) ? Number(m[1]) : romanValue(m[1] as string);
    const y = Number(m[2]);
    if (!q || q < 1 || q > 4) return null;
    return { start: iso(y, q * 3 - 2, 1), end: iso(y, q * 3, lastDay(y, q * 3)), day: false };
  }
  m = /^(?:thang\s*)?(\d{1,2})\s*[/-]\s*(?:nam\s*)?(\d{4})$/.exec(p) ?? /^thang\s*(\d{1,2})\s+nam\s+(\d{4})$/.exec(p);
  if (m) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { start: iso(y, mo, 1), end: iso(y, mo, lastDay(y, mo)), day: false };
  }
  m = /^(?:nam\s*)?(\d{4})$/.exec(p);
  if (m) {
    const y = Number(m[1]);
    if (y < 1900 || y > 2199) return null;
    return { start: iso(y, 1, 1), end: iso(y, 12, 31), day: false };
  }
  return null;
}

/**
 * The start and due dates a "Thời gian thực hiện" text gives: "01/03/2024 – 30/06/2024", "Từ
 * 01/03/2024 đến 30/06/2024", "Quý II/2024", "Tháng 6/2024", "Năm 2024", "2024 – 2025", "Trước
 * 30/06/2024" (a due date only), "… – 30/06/2024" (as Accord exports a task without a start).
 * `ongoing` for "Thường xuyên" and "Hằng năm" (no dates to give); null when it cannot be read.
 */
export function parsePeriod(text: string): { start: string | null; due: string | null; ongoing?: true } | null {
  const raw = text.normalize('NFC').trim();
  if (raw === '') return { start: null, due: null };
  const folded = foldForSearch(raw);
  if (/^(thuong xuyen|hang nam|hang quy|hang thang|lien tuc|dinh ky)\b/.test(folded)) return { start: null, due: null, ongoing: true };
  const before = /^(truoc|cham nhat|han)\s+(?:ngay\s+)?(.+)$/.exec(folded);
  if (before) {
    const span = spanOf(before[2] as string);
    return span ? { start: null, due: span.end } : null;
  }
  const years = /^(?:nam\s*|giai doan\s*)?(\d{4})\s*[-–—]\s*(\d{4})$/.exec(folded);
  if (years) {
    const [a, b] = [Number(years[1]), Number(years[2])];
    return a <= b && a >= 1900 && b <= 2199 ? { start: iso(a, 1, 1), due: iso(b, 12, 31) } : null;
  }
  const range = raw
    .replace(/^\s*(từ|tu)\s+(ngày\s+|ngay\s+)?/i, '')
    .split(/\s*(?:–|—|->|→|\s-\s)\s*|\s+(?:đến|den)\s+(?:ngày\s+)?/i)
    .map((s) => s.trim());
  if (range.length === 2) {
    const [a, b] = range as [string, string];
    const empty = (s: string) => s === '' || s === '…' || s === '...';
    const start = empty(a) ? null : spanOf(a);
    const due = empty(b) ? null : spanOf(b);
    if ((!empty(a) && !start) || (!empty(b) && !due)) return null;
    return { start: start?.start ?? null, due: due?.end ?? null };
  }
  if (range.length > 2) return null;
  const span = spanOf(raw);
  if (!span) return null;
  // One day alone in the period column is when the work is due.
  return span.day ? { start: null, due: span.end } : { start: span.start, due: span.end };
}

/** Who owes a task, from "Bên thực hiện": the words offices use for each side, or null when the text names none. */
export function parseObligor(text: string): Obligor | null {
  const f = foldForSearch(text);
  if (/hai ben|ca hai|ca 2|2 ben|chung|joint/.test(f)) return 'joint';
  if (/chinh quyen|ubnd|uy ban|nha nuoc|tinh|thanh pho|so |government|province/.test(f)) return 'government';
  if (/doanh nghiep|tap doan|cong ty|doi tac|enterprise|partner|vnpt|viettel|fpt|mobifone/.test(f)) return 'enterprise';
  return obligorSchema.safeParse(f).success ? (f as Obligor) : null;
}

// ————— units —————

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** How alike two folded names are, 0–1: the better of their edit distance and their shared words. */
export function nameSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  const edit = 1 - levenshtein(a, b) / Math.max(a.length, b.length);
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  const shared = [...wa].filter((w) => wb.has(w)).length;
  const words = shared / Math.max(wa.size, wb.size);
  return Math.max(edit, words);
}

/** The place words that follow a unit's kind in its full name ("Sở Y tế tỉnh Hải Dương"): a file often leaves them out. */
const PLACE_SUFFIX = /^ (tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|-|–|chi nhanh) /;

/** Finds the units cells name: exact (name, short name or code, without diacritics or case), else the closest. */
export class UnitMatcher {
  private readonly exact = new Map<string, UnitCandidate[]>();
  private readonly related: { unit: UnitCandidate; name: string; short: string }[] = [];
  private readonly all: { unit: UnitCandidate; name: string; short: string }[] = [];
  private readonly memo = new Map<
    string,
    { unit: UnitCandidate } | { problem: 'unitUnknown' | 'unitAmbiguous'; suggestions: UnitCandidate[] }
  >();

  constructor(units: readonly UnitCandidate[]) {
    for (const unit of units) {
      const keys = new Set([unit.name, unit.shortName, unit.code].filter((k): k is string => !!k).map(foldForSearch));
      for (const k of keys) this.exact.set(k, [...(this.exact.get(k) ?? []), unit]);
      const entry = { unit, name: foldForSearch(unit.name), short: foldForSearch(unit.shortName ?? '') };
      this.all.push(entry);
      if (unit.related) this.related.push(entry);
    }
  }

  match(text: string): { unit: UnitCandidate } | { problem: 'unitUnknown' | 'unitAmbiguous'; suggestions: UnitCandidate[] } {
    const key = foldForSearch(text).replace(/[.;,]+$/, '');
    const known = this.memo.get(key);
    if (known) return known;
    const answer = this.find(key);
    this.memo.set(key, answer);
    return answer;
  }

  private find(key: string): { unit: UnitCandidate } | { problem: 'unitUnknown' | 'unitAmbiguous'; suggestions: UnitCandidate[] } {
    // A unit chosen in the preview comes by its id.
    const byId = this.all.find((e) => e.unit.id === key);
    if (byId) return { unit: byId.unit };
    const exact = this.exact.get(key) ?? [];
    const exactRelated = exact.filter((u) => u.related);
    if (exactRelated.length === 1) return { unit: exactRelated[0] as UnitCandidate };
    if (exactRelated.length > 1) return { problem: 'unitAmbiguous', suggestions: exactRelated.slice(0, 5) };
    if (exact.length === 1) return { unit: exact[0] as UnitCandidate };
    if (exact.length > 1) return { problem: 'unitAmbiguous', suggestions: exact.slice(0, 5) };
    // "Sở Y tế" for the party's "Sở Y tế tỉnh Hải Dương".
    const placed = this.related.filter((e) => e.name.startsWith(key) && PLACE_SUFFIX.test(e.name.slice(key.length)));
    if (placed.length === 1) return { unit: (placed[0] as { unit: UnitCandidate }).unit };
    if (placed.length > 1) return { problem: 'unitAmbiguous', suggestions: placed.slice(0, 5).map((e) => e.unit) };
    const rank = (pool: typeof this.all) =>
      pool
        .map((e) => ({ unit: e.unit, score: Math.max(nameSimilarity(key, e.name), nameSimilarity(key, e.short)) }))
        .filter((s) => s.score >= 0.45)
        .sort((a, b) => b.score - a.score || a.unit.name.localeCompare(b.unit.name))
        .slice(0, 3)
        .map((s) => s.unit);
    const near = rank(this.related);
    return { problem: 'unitUnknown', suggestions: near.length > 0 ? near : rank(this.all) };
  }
}

/**
 * The units of a "Đơn vị phối hợp" cell: one a line or between semicolons (as Accord exports them);
 * between commas only when the cell has neither and is not one unit's name ("Sở Văn hóa, Thể thao
 * và Du lịch" has a comma of its own).
 */
function splitUnits(text: string, matcher: UnitMatcher): string[] {
  const clean = (parts: string[]) => parts.map((s) => s.trim().replace(/^[-–•+]\s*/, '')).filter(Boolean);
  if (/[;\n]/.test(text)) return clean(text.split(/[;\n]+/));
  if (text.trim() === '' || 'unit' in matcher.match(text)) return clean([text]);
  return clean(text.split(/,(?![^(]*\))/));
}

// ————— rows —————

type NumberKind = { kind: 'area'; key: string } | { kind: 'path'; parts: number[] };

function readNumber(c: SheetCell): NumberKind | null | undefined {
  if (!c) return undefined;
  let s = c.t === 'n' ? String(c.v) : c.t === 's' ? c.v.trim() : '';
  if (s === '') return undefined;
  s = s.replace(/[.)]+$/, '').trim();
  if (/^\d+(\.\d+)*$/.test(s)) return { kind: 'path', parts: s.split('.').map(Number) };
  if (romanValue(s) !== null || /^[A-Za-z]$/.test(s)) return { kind: 'area', key: s.toUpperCase() };
  return null;
}

export interface InterpretOptions {
  units: readonly UnitCandidate[];
  existing: ExistingPlan;
  /** The importing user's side: the side a row owes when neither its "Bên thực hiện" nor its lead unit says. */
  importerSide: Side | null;
  withAuthority?: boolean;
  fixes?: readonly ImportFix[];
}

const dateProblems: ReadonlySet<ImportProblemCode> = new Set(['dateUnreadable', 'periodUnreadable', 'dueBeforeStart']);

const clarityColumn: Record<ClarityProblem, { code: ImportProblemCode; column: ImportColumn | null } | null> = {
  noResponsiblePerson: { code: 'noResponsiblePerson', column: 'responsiblePerson' },
  noDescription: { code: 'noDescription', column: 'note' },
  descriptionIsTitle: { code: 'descriptionIsTitle', column: 'note' },
  noStartDate: { code: 'noDates', column: 'period' },
  noDueDate: { code: 'noDates', column: 'period' },
  noLeadUnit: { code: 'noLeadUnit', column: 'leadUnit' },
  noExpectedProduct: { code: 'noExpectedProduct', column: 'product' },
  noDecisionMaker: null,
};

/** Reads a sheet's rows into areas and tasks, with every problem found; nothing here touches the plan. */
export function interpretSheet(sheet: Sheet, options: InterpretOptions): ImportReading | null {
  const header = locateHeader(sheet.rows);
  if (!header) return null;
  const { map } = header;
  const fixes = new Map((options.fixes ?? []).map((f) => [`${f.row}:${f.column}`, f.value]));
  const problems: ImportProblem[] = [];
  const problem = (
    row: number,
    column: ImportColumn | null,
    code: ImportProblemCode,
    value: string | null,
    extra: Partial<ImportProblem> = {},
  ) => {
    const index = column === null ? undefined : map.get(column);
    problems.push({
      row,
      column,
      cell: index === undefined ? null : `${columnLetter(index)}${row}`,
      code,
      severity: isImportError(code) ? 'error' : 'warning',
      value,
      ...extra,
    });
  };
  const cellOf = (r: SheetRow, column: ImportColumn): SheetCell => {
    const fixed = fixes.get(`${r.row}:${column}`);
    if (fixed !== undefined) return fixed.trim() === '' ? null : { t: 's', v: fixed };
    const i = map.get(column);
    return i === undefined ? null : ownCell(r.cells[i]);
  };
  const textOf = (r: SheetRow, column: ImportColumn) => cellText(cellOf(r, column) ?? undefined);
  const bounded = (r: SheetRow, column: ImportColumn, max: number): string | null => {
    const s = textOf(r, column).replaceAll(String.fromCharCode(0), '');
    if (s === '') return null;
    if (s.length > max) {
      problem(r.row, column, 'tooLong', `${s.slice(0, 60)}…`, { max });
      return s.slice(0, max);
    }
    return s;
  };

  const dataRows = sheet.rows.slice(header.dataFrom).filter((r) => !isColumnNumbering(r));
  const numbered = dataRows.map((r) => ({ r, n: readNumber(cellOf(r, 'number')) }));
  const lastNumbered = numbered.reduce((last, x, i) => (x.n ? i : last), -1);
  const romanAreas = numbered.some((x) => x.n?.kind === 'area');
  const matcher = new UnitMatcher(options.units);
  const existingAreas = new Map(options.existing.areas.map((a) => [foldForSearch(a.title), a.id]));
  const existingTasks = new Map(
    options.existing.tasks.map((t) => [`${t.areaId}|${t.parentId ?? ''}|${foldForSearch(t.title)}`, t.id] as const),
  );

  const rows: ImportRow[] = [];
  let area: ImportRow | null = null;
  /** The task rows of the current area by their number, for parents. */
  let byNumber = new Map<string, ImportRow>();
  const seenAreas = new Set<string>();

  numbered.forEach(({ r, n }, index) => {
    const rawNumber = textOf(r, 'number');
    const title = bounded(r, 'title', textLimits.title);
    if (index > lastNumbered) {
      if (title || r.cells.some((c) => cellText(ownCell(c ?? null) ?? undefined) !== '')) problem(r.row, null, 'ignoredAfterPlan', title);
      return;
    }
    if (n === undefined) {
      problem(r.row, 'number', 'numberMissing', title);
      return;
    }
    if (n === null) {
      problem(r.row, 'number', 'numberUnreadable', rawNumber);
      return;
    }
    const isArea = n.kind === 'area' || (!romanAreas && n.parts.length === 1);
    if (isArea) {
      const key = n.kind === 'area' ? n.key : String(n.parts[0]);
      if (seenAreas.has(key)) problem(r.row, 'number', 'numberDuplicate', rawNumber);
      seenAreas.add(key);
      if (!title) problem(r.row, 'title', 'titleMissing', null);
      const existingId = title ? (existingAreas.get(foldForSearch(title)) ?? null) : null;
      area = {
        row: r.row,
        number: rawNumber,
        kind: 'area',
        title: title ?? '',
        depth: 0,
        action: existingId ? 'exists' : 'create',
        existingId,
        areaRow: null,
        parentRow: null,
        task: null,
        leadUnitName: null,
      };
      rows.push(area);
      byNumber = new Map();
      return;
    }
    const parts = (n as { parts: number[] }).parts;
    const path = romanAreas ? parts : parts.slice(1);
    const currentArea = area as ImportRow | null;
    if (!currentArea || (!romanAreas && currentArea.number.replace(/[.)]+$/, '') !== String(parts[0]))) {
      problem(r.row, 'number', 'areaMissing', rawNumber);
      return;
    }
    const key = path.join('.');
    if (byNumber.has(key)) {
      problem(r.row, 'number', 'numberDuplicate', rawNumber);
      return;
    }
    const parentKey = path.slice(0, -1).join('.');
    const parent = parentKey === '' ? null : (byNumber.get(parentKey) ?? null);
    if (parentKey !== '' && !parent) {
      problem(r.row, 'number', 'parentMissing', rawNumber);
      return;
    }
    const depth = path.length - 1;
    if (depth >= MAX_TASK_DEPTH) {
      problem(r.row, 'number', 'tooDeep', rawNumber, { max: MAX_TASK_DEPTH });
      return;
    }
    if (!title) problem(r.row, 'title', 'titleMissing', null);

    // Units.
    const unitOf = (text: string, column: ImportColumn): UnitCandidate | null => {
      const found = matcher.match(text);
      if ('unit' in found) return found.unit;
      problem(r.row, column, found.problem, text, {
        suggestions: found.suggestions.map((u) => ({ id: u.id, name: u.name, shortName: u.shortName })),
      });
      return null;
    };
    const leadText = textOf(r, 'leadUnit');
    const lead = leadText === '' ? null : unitOf(leadText, 'leadUnit');
    const coordinatorTexts = splitUnits(textOf(r, 'coordinatingUnits'), matcher);
    if (coordinatorTexts.length > MAX_COORDINATORS) {
      problem(r.row, 'coordinatingUnits', 'tooManyUnits', null, { max: MAX_COORDINATORS });
    }
    const coordinators = coordinatorTexts
      .slice(0, MAX_COORDINATORS)
      .map((t) => unitOf(t, 'coordinatingUnits'))
      .filter((u): u is UnitCandidate => u !== null && u.id !== lead?.id);

    // Dates: the start and due columns, else the period.
    // A start or due column may hold a month, a quarter or a year: its first day, its last.
    const dayOrSpan = (c: SheetCell, end: 'start' | 'end') => {
      const day = dayOfCell(c);
      if (day !== null || !c || c.t !== 's') return day;
      return spanOf(c.v)?.[end] ?? null;
    };
    const startCell = dayOrSpan(cellOf(r, 'startDate'), 'start');
    const dueCell = dayOrSpan(cellOf(r, 'dueDate'), 'end');
    if (startCell === null) problem(r.row, 'startDate', 'dateUnreadable', textOf(r, 'startDate'));
    if (dueCell === null) problem(r.row, 'dueDate', 'dateUnreadable', textOf(r, 'dueDate'));
    let startDate = startCell ?? null;
    let dueDate = dueCell ?? null;
    const periodCell = cellOf(r, 'period');
    if (periodCell && (startCell === undefined || dueCell === undefined)) {
      const period =
        periodCell.t === 'd'
          ? { start: null, due: periodCell.v }
          : periodCell.t === 'n'
            ? (() => {
                const d = excelSerialDate(periodCell.v);
                return d ? { start: null, due: d } : parsePeriod(String(periodCell.v));
              })()
            : parsePeriod(periodCell.v);
      if (!period) problem(r.row, 'period', 'periodUnreadable', textOf(r, 'period'));
      else {
        if (startCell === undefined) startDate = period.start;
        if (dueCell === undefined) dueDate = period.due;
      }
    }
    if (startDate && dueDate && dueDate < startDate) {
      problem(r.row, map.has('dueDate') && dueCell !== undefined ? 'dueDate' : 'period', 'dueBeforeStart', textOf(r, 'period') || null);
    }

    // Who owes it.
    const obligorText = textOf(r, 'obligor');
    let obligor: Obligor | null = obligorText === '' ? null : parseObligor(obligorText);
    if (obligorText !== '' && obligor === null) problem(r.row, 'obligor', 'obligorUnknown', obligorText);
    obligor ??= lead?.side ?? options.importerSide ?? 'joint';

    const note = bounded(r, 'note', textLimits.note);
    const budget = bounded(r, 'budget', textLimits.budget);
    const description = [note, budget ? `Kinh phí: ${budget}` : null].filter(Boolean).join('\n') || null;
    const responsiblePerson = bounded(r, 'responsiblePerson', textLimits.responsiblePerson);
    const expectedProduct = bounded(r, 'product', textLimits.product);
    if (textOf(r, 'progress') !== '' && textOf(r, 'progress') !== '0')
      problem(r.row, 'progress', 'progressNotImported', textOf(r, 'progress'));

    const task: ImportedTask = {
      row: r.row,
      number: rawNumber,
      depth,
      title: title ?? '',
      description,
      obligor,
      leadUnitId: lead?.id ?? null,
      coordinatingUnitIds: [...new Set(coordinators.map((u) => u.id))],
      responsiblePerson,
      startDate,
      dueDate,
      expectedProduct,
    };
    const clarity = checkClarity({ ...task, decidedBy: null }, { withAuthority: false });
    const warned = new Set<ImportProblemCode>();
    for (const check of clarity.checks) {
      for (const p of check.problems) {
        const w = clarityColumn[p];
        if (!w || warned.has(w.code)) continue;
        // An unknown unit is an error already; the warning would say it twice.
        if (w.code === 'noLeadUnit' && leadText !== '') continue;
        if (w.code === 'noDates' && problems.some((x) => x.row === r.row && dateProblems.has(x.code))) continue;
        warned.add(w.code);
        problem(r.row, w.code === 'noDates' && map.has('period') === false ? 'dueDate' : w.column, w.code, null);
      }
    }

    const parentExisting = parent ? parent.existingId : null;
    const placeExists = currentArea.action === 'exists' && (parent === null || parent.action === 'exists');
    const existingId =
      placeExists && title
        ? (existingTasks.get(`${currentArea.existingId}|${parentExisting ?? ''}|${foldForSearch(title)}`) ?? null)
        : null;
    const row: ImportRow = {
      row: r.row,
      number: rawNumber,
      kind: 'task',
      title: title ?? '',
      depth,
      action: existingId ? 'exists' : 'create',
      existingId,
      areaRow: currentArea.row,
      parentRow: parent?.row ?? null,
      task,
      leadUnitName: lead?.name ?? null,
    };
    byNumber.set(key, row);
    rows.push(row);
  });

  const letters = [...map.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([column, i]) => ({ column, header: header.labels[i] ?? '', letter: columnLetter(i) }));
  // Problems of a row the plan has already do not matter: nothing of it is written.
  const kept = new Set(rows.filter((x) => x.action === 'exists').map((x) => x.row));
  return {
    headerRow: header.headerRows[0] as number,
    columns: letters,
    rows,
    problems: problems.filter((p) => !kept.has(p.row)).sort((a, b) => a.row - b.row || (a.cell ?? '').localeCompare(b.cell ?? '')),
  };
}

// ————— API shapes —————

export const importRowSchema = z.object({
  row: z.number().int(),
  number: z.string(),
  kind: z.enum(['area', 'task']),
  title: z.string(),
  depth: z.number().int(),
  action: z.enum(['create', 'exists']),
  obligor: obligorSchema.nullable(),
  leadUnit: z.string().nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  expectedProduct: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
});
export type ImportRowView = z.infer<typeof importRowSchema>;

export const planImportSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.number().int(),
  state: z.enum(['previewed', 'applied']),
  version: z.number().int(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  /** When this same file (by its SHA-256) was imported into this agreement before. */
  importedBefore: z.object({ at: z.string(), by: z.string() }).nullable(),
  columns: z.array(z.object({ column: importColumnSchema, header: z.string(), letter: z.string() })),
  counts: z.object({
    areas: z.number().int(),
    tasks: z.number().int(),
    toCreate: z.number().int(),
    existing: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
  problems: z.array(importProblemSchema),
  rows: z.array(importRowSchema),
});
export type PlanImport = z.infer<typeof planImportSchema>;

export const planImportCheckInput = z.object({ fixes: z.array(importFixSchema).max(IMPORT_MAX_FIXES).default([]) });
export type PlanImportCheckInput = z.infer<typeof planImportCheckInput>;
export const planImportApplyInput = planImportCheckInput.extend({ version: z.number().int().optional() });
export type PlanImportApplyInput = z.infer<typeof planImportApplyInput>;
export const planImportUploadQuery = z.object({ name: z.string().min(1).max(255) });

/** The preview's rows and counts, from a reading. */
export function importSummary(reading: ImportReading): Pick<PlanImport, 'columns' | 'counts' | 'problems' | 'rows' | 'headerRow'> {
  const rows = reading.rows.map((r) => ({
    row: r.row,
    number: r.number,
    kind: r.kind,
    title: r.title,
    depth: r.depth,
    action: r.action,
    obligor: r.task?.obligor ?? null,
    leadUnit: r.leadUnitName,
    startDate: r.task?.startDate ?? null,
    dueDate: r.task?.dueDate ?? null,
    expectedProduct: r.task?.expectedProduct ?? null,
    responsiblePerson: r.task?.responsiblePerson ?? null,
  }));
  const errors = reading.problems.filter((p) => p.severity === 'error').length;
  return {
    headerRow: reading.headerRow,
    columns: reading.columns,
    rows,
    problems: reading.problems,
    counts: {
      areas: rows.filter((r) => r.kind === 'area').length,
      tasks: rows.filter((r) => r.kind === 'task').length,
      toCreate: rows.filter((r) => r.action === 'create').length,
      existing: rows.filter((r) => r.action === 'exists').length,
      errors,
      warnings: reading.problems.length - errors,
    },
  };
}
