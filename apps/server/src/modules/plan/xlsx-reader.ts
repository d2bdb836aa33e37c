import { inflateRawSync } from 'node:zlib';
import { AppError, IMPORT_MAX_ROWS, locateHeader, type Sheet, type SheetCell, type SheetRow } from '@accord/domain';
import ExcelJS from 'exceljs';

/**
 * Reads an uploaded workbook without trusting it. Before the spreadsheet library sees a byte, the
 * file's ZIP directory is read here: an encrypted entry, a macro project, more than a few
 * thousand entries, sizes that add up past the limit, or an entry that inflates past the size it
 * declares (a zip bomb) is refused with its own code; so is a sheet with more rows than an import
 * takes. Cells are read as values: a formula gives the value it was saved with, and is never
 * evaluated. Each refusal comes within seconds of the upload, and nothing is stored.
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

/** Checks the container; throws the refusal that fits, or returns when the workbook may be opened. */
export function inspectWorkbook(body: Buffer, limits: ReadLimits = defaultReadLimits): void {
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
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && countRows(bytes) > limits.maxRows + 100) {
      throw new AppError(
        'IMPORT_TOO_MANY_ROWS',
        `A plan is imported up to ${limits.maxRows.toLocaleString('en')} rows; this sheet has more.`,
        {
          limit: limits.maxRows,
        },
      );
    }
  }
}

/** A cell's value as the import reads it: text, number or day; a formula's saved result; nothing for an error. */
function valueOf(v: ExcelJS.CellValue): SheetCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : { t: 's', v };
  if (typeof v === 'number') return Number.isFinite(v) ? { t: 'n', v } : null;
  if (typeof v === 'boolean') return { t: 's', v: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { t: 'd', v: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return valueOf(v.richText.map((r) => r.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return valueOf((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return valueOf(v.text);
    if ('error' in v) return null;
  }
  return null;
}

function sheetOf(ws: ExcelJS.Worksheet): Sheet {
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    const width = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      const copy = cell.isMerged && cell.master.address !== cell.address;
      const value = valueOf(copy ? cell.master.value : cell.value);
      cells.push(value && copy ? { ...value, m: true } : value);
    }
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.some((c) => c !== null)) rows.push({ row: rowNumber, cells });
  });
  return { name: ws.name, rows };
}

/** The plan's sheet of a workbook: the first whose first rows hold the plan's headings (STT, Nội dung nhiệm vụ). */
export async function readPlanSheet(body: Buffer, limits: ReadLimits = defaultReadLimits): Promise<Sheet> {
  inspectWorkbook(body, limits);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(body as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message.slice(0, 200) : 'load failed');
  }
  for (const ws of book.worksheets) {
    if (ws.state !== 'visible' && book.worksheets.length > 1) continue;
    const sheet = sheetOf(ws);
    if (sheet.rows.length > limits.maxRows + 50) {
      throw new AppError(
        'IMPORT_TOO_MANY_ROWS',
        `A plan is imported up to ${limits.maxRows.toLocaleString('en')} rows; this sheet has more.`,
        {
          limit: limits.maxRows,
        },
      );
    }
    if (locateHeader(sheet.rows)) return sheet;
  }
  throw new AppError(
    'IMPORT_NO_HEADER',
    'No sheet of the workbook has the plan’s headings: a row with “STT” and “Nội dung nhiệm vụ” (and the other columns) near its top.',
  );
}
