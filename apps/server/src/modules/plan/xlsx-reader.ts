import { inflateRawSync } from 'node:zlib';
import { AppError, IMPORT_MAX_ROWS, locateHeader, type Sheet, type SheetCell, type SheetRow } from '@accord/domain';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * Reads an uploaded workbook without trusting it. Before the spreadsheet library sees a byte, the
 * file's ZIP directory is read here: an encrypted entry, a macro project, more than a few
 * thousand entries, sizes that add up past the limit, or an entry that inflates past the size it
 * declares (a zip bomb) is refused with its own code; so is a sheet with more rows than an import
 * takes. Cells are read as values: a formula gives the value it was saved with, and is never
 * evaluated. Each refusal comes within seconds of the upload, and nothing is stored.
 *
 * The parts are then read here too, as XML streamed through a SAX parser (saxes: no DTD, no entity
 * of its own), keeping only each cell's value: a spreadsheet library holds the whole workbook as
 * objects (90 MB of heap for a plan of 10,000 rows), where this keeps the rows the import reads.
 */

export interface ReadLimits {
  /** The most bytes all entries may inflate to together. */
  maxUnpackedBytes: number;
  maxRows: number;
}
export const defaultReadLimits: ReadLimits = { maxUnpackedBytes: 150 * 1024 * 1024, maxRows: IMPORT_MAX_ROWS };

const MAX_ENTRIES = 2_000;
const MAX_COLUMNS = 40;
/** A real workbook's parts compress up to ~100:1; a bomb's by thousands. */
const MAX_RATIO = 1_000;

const notXlsx = (detected: string) =>
  new AppError(
    'IMPORT_NOT_XLSX',
    'This is not an Excel workbook (.xlsx). Save the plan from Excel or LibreOffice as .xlsx and try again.',
    {
      detected,
    },
  );
const unreadable = (why: string) =>
  new AppError(
    'IMPORT_UNREADABLE',
    'The workbook is damaged and cannot be read. Open it in Excel or LibreOffice, save it again and retry.',
    {
      why,
    },
  );
const bomb = () =>
  new AppError('IMPORT_ZIP_BOMB', 'The workbook unpacks to far more than a plan can hold; it is refused.', {
    limit: defaultReadLimits.maxUnpackedBytes,
  });

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The ZIP's central directory, read from its end record. */
function zipEntries(body: Buffer): Entry[] {
  const min = Math.max(0, body.length - 22 - 65_535);
  let eocd = -1;
  for (let i = body.length - 22; i >= min; i -= 1) {
    if (body.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no end of central directory');
  const count = body.readUInt16LE(eocd + 10);
  const size = body.readUInt32LE(eocd + 12);
  const start = body.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff) throw unreadable('zip64');
  if (count > MAX_ENTRIES) throw bomb();
  if (start + size > body.length) throw unreadable('central directory past the end');
  const entries: Entry[] = [];
  let p = start;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > body.length || body.readUInt32LE(p) !== 0x02014b50) throw unreadable('bad central directory');
    const nameLength = body.readUInt16LE(p + 28);
    const extra = body.readUInt16LE(p + 30);
    const comment = body.readUInt16LE(p + 32);
    entries.push({
      flags: body.readUInt16LE(p + 8),
      method: body.readUInt16LE(p + 10),
      compressed: body.readUInt32LE(p + 20),
      size: body.readUInt32LE(p + 24),
      offset: body.readUInt32LE(p + 42),
      name: body.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** An entry's bytes, inflated no further than it says it holds. */
function entryBytes(body: Buffer, e: Entry): Buffer {
  const p = e.offset;
  if (p + 30 > body.length || body.readUInt32LE(p) !== 0x04034b50) throw unreadable(`bad local header ${e.name}`);
  const from = p + 30 + body.readUInt16LE(p + 26) + body.readUInt16LE(p + 28);
  const data = body.subarray(from, from + e.compressed);
  if (data.length !== e.compressed) throw unreadable(`${e.name} cut short`);
  if (e.method === 0) return data;
  if (e.method !== 8) throw unreadable(`${e.name} compressed with method ${e.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw bomb();
    throw unreadable(`${e.name} does not inflate`);
  }
}

const countRows = (xml: Buffer) => {
  let n = 0;
  let i = xml.indexOf('<row');
  while (i >= 0) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f) n += 1; // "<row " "<row>" "<row/"
    i = xml.indexOf('<row', i + 4);
  }
  return n;
};

/** The parts of a checked workbook, each inflated when it is asked for. */
export type WorkbookParts = (name: string) => Buffer | undefined;

/** Checks the container; throws the refusal that fits, or answers its parts when the workbook may be opened. */
export function inspectWorkbook(body: Buffer, limits: ReadLimits = defaultReadLimits): WorkbookParts {
  if (body.subarray(0, 8).equals(CFB)) {
    // An OLE file: an Excel 97–2003 workbook, or an .xlsx saved with a password (its parts encrypted inside).
    if (body.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw new AppError('IMPORT_ENCRYPTED', 'The workbook is protected by a password. Save a copy without the password and import that.');
    }
    throw notXlsx('xls');
  }
  if (body.length < 22 || body.readUInt32LE(0) !== 0x04034b50) throw notXlsx('other');
  const entries = zipEntries(body);
  if (entries.some((e) => (e.flags & 1) === 1)) {
    throw new AppError('IMPORT_ENCRYPTED', 'The workbook is protected by a password. Save a copy without the password and import that.');
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxUnpackedBytes) throw bomb();
  if (entries.some((e) => e.size > 1024 * 1024 && e.size / Math.max(1, e.compressed) > MAX_RATIO)) throw bomb();
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml') && !names.has('xl/workbook.bin')) throw notXlsx(names.has('word/document.xml') ? 'docx' : 'zip');
  const macro = () =>
    new AppError('IMPORT_MACRO_ENABLED', 'The workbook holds macros (.xlsm). Save it as a plain workbook (.xlsx) and import that.');
  if ([...names].some((n) => /vbaProject\.bin$/i.test(n))) throw macro();
  if (names.has('xl/workbook.bin')) throw notXlsx('xlsb');
  let unpacked = 0;
  for (const e of entries) {
    const bytes = entryBytes(body, e);
    unpacked += bytes.length;
    if (unpacked > limits.maxUnpackedBytes) throw bomb();
    if (e.name === '[Content_Types].xml' && /macroEnabled/i.test(bytes.toString('utf8'))) throw macro();
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && countRows(bytes) > limits.maxRows + 100) throw tooManyRows(limits.maxRows);
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  return (name) => {
    const e = byName.get(name);
    return e ? entryBytes(body, e) : undefined;
  };
}

/** Streams a part's XML through the parser in pieces (the part is never one string), by local name (a prefix such as `x:` dropped). */
function parseXml(
  name: string,
  bytes: Buffer,
  on: {
    open?: (tag: string, attributes: Record<string, string>, selfClosing: boolean) => void;
    close?: (tag: string) => void;
    text?: (text: string) => void;
  },
): void {
  const parser = new SaxesParser({ position: false, xmlns: false });
  const local = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);
  let failed: Error | undefined;
  parser.on('error', (error) => {
    failed ??= error;
  });
  if (on.open) {
    const open = on.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(local(tag.name), tag.attributes, tag.isSelfClosing));
  }
  if (on.close) {
    const close = on.close;
    parser.on('closetag', (tag: SaxesTagPlain) => close(local(tag.name)));
  }
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const PIECE = 256 * 1024;
  for (let i = 0; i < bytes.length && !failed; i += PIECE) {
    parser.write(decoder.decode(bytes.subarray(i, i + PIECE), { stream: true }));
  }
  if (!failed) parser.write(decoder.decode()).close();
  if (failed) throw unreadable(`${name}: ${failed.message.slice(0, 160)}`);
}

interface SheetEntry {
  name: string;
  visible: boolean;
  part: string;
}

/** The workbook's sheets in order, with the part each is kept in, and whether its days count from 1904. */
function workbookSheets(parts: WorkbookParts): { sheets: SheetEntry[]; date1904: boolean } {
  const workbook = parts('xl/workbook.xml');
  if (!workbook) throw unreadable('no workbook part');
  const targets = new Map<string, string>();
  const rels = parts('xl/_rels/workbook.xml.rels');
  if (rels) {
    parseXml('workbook.xml.rels', rels, {
      open: (tag, a) => {
        if (tag === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
      },
    });
  }
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml('workbook.xml', workbook, {
    open: (tag, a) => {
      if (tag === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (tag !== 'sheet') return;
      const id = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
      const target = id ? targets.get(id) : undefined;
      if (!target) return;
      // Relative to xl/, or from the package's root.
      const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      sheets.push({ name: a.name ?? '', visible: (a.state ?? 'visible') === 'visible', part });
    },
  });
  return { sheets, date1904 };
}

/** The shared strings: each item's text, its runs joined, phonetic guides left out. */
function sharedStrings(parts: WorkbookParts): string[] {
  const bytes = parts('xl/sharedStrings.xml');
  if (!bytes) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml('sharedStrings.xml', bytes, {
    open: (tag, _a, selfClosing) => {
      if (tag === 'si') current = [];
      else if (tag === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (tag === 't' && !selfClosing) inText = true;
      if (tag === 'si' && selfClosing) {
        strings.push('');
        current = null;
      }
    },
    close: (tag) => {
      if (tag === 't') inText = false;
      else if (tag === 'rPh') phonetic -= 1;
      else if (tag === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      }
    },
    text: (text) => {
      if (inText && phonetic === 0 && current) current.push(text);
    },
  });
  return strings;
}

/** Number formats Excel builds in that show a day or a time. */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a format code shows a day or a time: a letter of one outside its quoted text and [colours]. */
export const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style (its `s`), whether it shows a number as a day. */
function dateStyles(parts: WorkbookParts): boolean[] {
  const bytes = parts('xl/styles.xml');
  if (!bytes) return [];
  const codes = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseXml('styles.xml', bytes, {
    open: (tag, a, selfClosing) => {
      if (tag === 'numFmt' && a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (tag === 'cellXfs') inCellXfs = !selfClosing;
      else if (tag === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = codes.get(id);
        styles.push(code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id));
      }
    },
    close: (tag) => {
      if (tag === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** "BC12" → column 55 (1-based) and row 12. */
function cellRef(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of (m[1] as string).toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: Number(m[2]) };
}

const DAY_MS = 24 * 3600 * 1000;

/** A day as Excel counts them (from 30/12/1899, or 1/1/1904), as yyyy-mm-dd; its time of day dropped. */
function dayOf(serial: number, date1904: boolean): SheetCell {
  const time = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  const day = new Date(time);
  return Number.isNaN(day.getTime()) ? null : { t: 'd', v: day.toISOString().slice(0, 10) };
}

const textCell = (v: string): SheetCell => (v.trim() === '' ? null : { t: 's', v });

interface SheetContext {
  strings: readonly string[];
  dates: readonly boolean[];
  date1904: boolean;
  maxRows: number;
}

/** One sheet's rows with their values (the first MAX_COLUMNS columns), merged cells' copies given their first cell's value. */
function readSheet(entry: SheetEntry, bytes: Buffer, ctx: SheetContext): Sheet {
  const rows = new Map<number, SheetCell[]>();
  const merges: string[] = [];
  let rowNumber = 0;
  let cells: SheetCell[] | null = null;
  let column = 0;
  let cell: { column: number; type: string; style: number } | null = null;
  let value: string[] | null = null;
  /** The text of an inline string (`<is><t>`), runs joined. */
  let inline: string[] | null = null;
  let inText = false;
  let phonetic = 0;

  const valueOf = (type: string, raw: string | null, style: number): SheetCell => {
    if (type === 'inlineStr') return inline ? textCell(inline.join('')) : null;
    if (raw === null) return null;
    switch (type) {
      case 's': {
        const text = ctx.strings[Number(raw)];
        return text === undefined ? null : textCell(text);
      }
      case 'str':
        return textCell(raw);
      case 'b':
        return { t: 's', v: raw.trim() === '1' || raw.trim() === 'true' ? 'TRUE' : 'FALSE' };
      case 'e':
        return null;
      case 'd': {
        const day = new Date(raw.trim());
        return Number.isNaN(day.getTime()) ? null : { t: 'd', v: day.toISOString().slice(0, 10) };
      }
      default: {
        if (raw.trim() === '') return null;
        const n = Number(raw);
        if (!Number.isFinite(n)) return null;
        return ctx.dates[style] ? dayOf(n, ctx.date1904) : { t: 'n', v: n };
      }
    }
  };

  parseXml(entry.part, bytes, {
    open: (tag, a, selfClosing) => {
      switch (tag) {
        case 'row': {
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          column = 0;
          cells = [];
          if (rows.size >= ctx.maxRows + 50) throw tooManyRows(ctx.maxRows);
          if (selfClosing) cells = null;
          break;
        }
        case 'c': {
          const at = a.r ? cellRef(a.r) : null;
          column = at ? at.column : column + 1;
          cell = { column, type: a.t ?? 'n', style: Number(a.s ?? 0) };
          value = null;
          inline = null;
          if (selfClosing) cell = null;
          break;
        }
        case 'v':
          if (cell && !selfClosing) value = [];
          break;
        case 'is':
          if (cell) inline = [];
          break;
        case 'rPh':
          if (!selfClosing) phonetic += 1;
          break;
        case 't':
          if (inline && !selfClosing) inText = true;
          break;
        case 'mergeCell':
          if (a.ref) merges.push(a.ref);
          break;
      }
    },
    close: (tag) => {
      switch (tag) {
        case 't':
          inText = false;
          break;
        case 'rPh':
          phonetic -= 1;
          break;
        case 'c':
          if (cell && cells && cell.column <= MAX_COLUMNS) {
            cells[cell.column - 1] = valueOf(cell.type, value ? value.join('') : null, cell.style);
          }
          cell = null;
          value = null;
          inline = null;
          break;
        case 'row':
          if (cells) rows.set(rowNumber, cells);
          cells = null;
          break;
      }
    },
    text: (text) => {
      if (value) value.push(text);
      else if (inText && phonetic === 0 && inline) inline.push(text);
    },
  });

  // A merged range's other cells read as its first cell, marked as copies.
  for (const ref of merges) {
    const [from, to] = ref.split(':').map(cellRef);
    if (!from || !to) continue;
    const master = rows.get(from.row)?.[from.column - 1] ?? null;
    for (let r = from.row; r <= Math.min(to.row, from.row + ctx.maxRows); r += 1) {
      for (let c = from.column; c <= Math.min(to.column, MAX_COLUMNS); c += 1) {
        if (r === from.row && c === from.column) continue;
        let row = rows.get(r);
        if (!row) rows.set(r, (row = []));
        row[c - 1] = master ? { ...master, m: true } : null;
      }
    }
  }

  const out: SheetRow[] = [];
  for (const [row, sparse] of [...rows.entries()].sort(([x], [y]) => x - y)) {
    const filled = Array.from(sparse, (c) => c ?? null);
    while (filled.length > 0 && filled[filled.length - 1] === null) filled.pop();
    if (filled.some((c) => c !== null)) out.push({ row, cells: filled });
  }
  return { name: entry.name, rows: out };
}

const tooManyRows = (limit: number) =>
  new AppError('IMPORT_TOO_MANY_ROWS', `A plan is imported up to ${limit.toLocaleString('en')} rows; this sheet has more.`, { limit });

/** The plan's sheet of a workbook: the first whose first rows hold the plan's headings (STT, Nội dung nhiệm vụ). */
export async function readPlanSheet(body: Buffer, limits: ReadLimits = defaultReadLimits): Promise<Sheet> {
  const parts = inspectWorkbook(body, limits);
  const { sheets, date1904 } = workbookSheets(parts);
  let ctx: SheetContext | undefined;
  for (const entry of sheets) {
    if (!entry.visible && sheets.length > 1) continue;
    const bytes = parts(entry.part);
    if (!bytes) throw unreadable(`no part ${entry.part}`);
    ctx ??= { strings: sharedStrings(parts), dates: dateStyles(parts), date1904, maxRows: limits.maxRows };
    const sheet = readSheet(entry, bytes, ctx);
    if (sheet.rows.length > limits.maxRows + 50) throw tooManyRows(limits.maxRows);
    if (locateHeader(sheet.rows)) return sheet;
  }
  throw new AppError(
    'IMPORT_NO_HEADER',
    'No sheet of the workbook has the plan’s headings: a row with “STT” and “Nội dung nhiệm vụ” (and the other columns) near its top.',
  );
}
