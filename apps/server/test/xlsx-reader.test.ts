import { planHeadings, type Sheet, type SheetCell, type SheetRow } from '@accord/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isDateFormat, readPlanSheet } from '../src/modules/plan/xlsx-reader.js';

// The import's own reader of workbooks, against a spreadsheet library's reading of the same files
// (ExcelJS: what the import used before, kept here as the oracle): the same values, the same merged
// copies, the same days, for every kind of cell an office's file holds.

/** ExcelJS's reading of a workbook's sheets, cell by cell as the import reads them. */
async function oracle(body: Buffer): Promise<Sheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const valueOf = (v: ExcelJS.CellValue): SheetCell => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v.trim() === '' ? null : { t: 's', v };
    if (typeof v === 'number') return Number.isFinite(v) ? { t: 'n', v } : null;
    if (typeof v === 'boolean') return { t: 's', v: v ? 'TRUE' : 'FALSE' };
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { t: 'd', v: v.toISOString().slice(0, 10) };
    if ('richText' in v && Array.isArray(v.richText)) return valueOf(v.richText.map((r) => r.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return valueOf((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return valueOf(v.text);
    return null;
  };
  return book.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, 40); c += 1) {
        const cell = row.getCell(c);
        const copy = cell.isMerged && cell.master.address !== cell.address;
        const value = valueOf(copy ? cell.master.value : cell.value);
        cells.push(value && copy ? { ...value, m: true } : value);
      }
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      if (cells.some((c) => c !== null)) rows.push({ row: rowNumber, cells });
    });
    return { name: ws.name, rows };
  });
}

/** A plan sheet with every kind of cell: headings first, so the reader takes it. */
function planSheet(book: ExcelJS.Workbook, name = 'Kế hoạch'): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name);
  ws.getRow(1).values = planHeadings.slice(0, 10);
  ws.mergeCells('A3:C3');
  ws.getCell('A3').value = 'I. HẠ TẦNG SỐ';
  ws.mergeCells('D4:D6');
  ws.getCell('D4').value = 'Sở Khoa học và Công nghệ';
  ws.getCell('A4').value = 1.1;
  ws.getCell('B4').value = { richText: [{ text: 'Xây dựng ' }, { font: { bold: true }, text: 'kho dữ liệu' }] };
  ws.getCell('C4').value = new Date(Date.UTC(2026, 2, 31));
  ws.getCell('C4').numFmt = 'dd/mm/yyyy';
  ws.getCell('E4').value = { formula: 'A4*2', result: 2.2 };
  ws.getCell('F4').value = { formula: '"Quý "&"II"', result: 'Quý II' };
  ws.getCell('G4').value = true;
  ws.getCell('H4').value = { error: '#N/A' };
  ws.getCell('I4').value = { text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn' };
  ws.getCell('J4').value = '   ';
  ws.getCell('A5').value = 45_000;
  ws.getCell('A5').numFmt = '#,##0 "đ"';
  ws.getCell('B5').value = 46_022;
  ws.getCell('B5').numFmt = 'mmm-yy';
  ws.getCell('C5').value = 46_023.75;
  ws.getCell('C5').numFmt = 'd/m/yyyy h:mm';
  ws.getCell('E5').value = '01/02/2026';
  ws.getCell('AZ5').value = 'past the fortieth column';
  ws.getCell('A8').value = 'after an empty row';
  ws.getCell('B9').value = { sharedFormula: 'E4', result: 4.4 } as unknown as ExcelJS.CellValue;
  return ws;
}

async function bytesOf(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("the import's reader of workbooks", () => {
  it('reads every kind of cell as the spreadsheet library does', async () => {
    const book = new ExcelJS.Workbook();
    planSheet(book);
    const body = await bytesOf(book);
    const [expected] = await oracle(body);
    const read = await readPlanSheet(body);
    expect(read).toEqual(expected);
    // What the oracle agrees on, spelt out.
    const at = (row: number) => read.rows.find((r) => r.row === row)?.cells ?? [];
    expect(at(3)).toEqual([
      { t: 's', v: 'I. HẠ TẦNG SỐ' },
      { t: 's', v: 'I. HẠ TẦNG SỐ', m: true },
      { t: 's', v: 'I. HẠ TẦNG SỐ', m: true },
    ]);
    expect(at(4).slice(0, 9)).toEqual([
      { t: 'n', v: 1.1 },
      { t: 's', v: 'Xây dựng kho dữ liệu' },
      { t: 'd', v: '2026-03-31' },
      { t: 's', v: 'Sở Khoa học và Công nghệ' },
      { t: 'n', v: 2.2 },
      { t: 's', v: 'Quý II' },
      { t: 's', v: 'TRUE' },
      null,
      { t: 's', v: 'Cổng dịch vụ công' },
    ]);
    expect(at(6)[3]).toEqual({ t: 's', v: 'Sở Khoa học và Công nghệ', m: true });
    expect(at(5)).toHaveLength(5);
  });

  it('takes the first visible sheet with the headings, and counts days from 1904 when the workbook does', async () => {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    const notes = book.addWorksheet('Ghi chú');
    notes.getCell('A1').value = 'Không phải kế hoạch';
    const hidden = planSheet(book, 'Bản cũ');
    hidden.state = 'hidden';
    hidden.getCell('A8').value = 'hidden';
    const ws = planSheet(book, 'Kế hoạch 2026');
    ws.getCell('C6').value = 46_022;
    ws.getCell('C6').numFmt = 'dd/mm/yyyy';
    const body = await bytesOf(book);
    const sheets = await oracle(body);
    const read = await readPlanSheet(body);
    expect(read.name).toBe('Kế hoạch 2026');
    expect(read).toEqual(sheets[2]);
    expect(read.rows.find((r) => r.row === 6)?.cells[2]).toEqual({ t: 'd', v: '2030-01-01' });
  });

  it('reads a sheet written without shared strings (inline strings), with prefixed tags and a CDATA section', async () => {
    const book = new ExcelJS.Workbook();
    planSheet(book);
    const body = await bytesOf(book);
    const expected = (await oracle(body))[0] as Sheet;
    // The same sheet, its texts written inline as some generators write them.
    const rewritten = await rewriteSheet(body, (xml, strings) =>
      xml
        .replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => {
          const text = strings[Number(i)] ?? '';
          return `<x:c ${a}t="inlineStr"${b}><x:is><x:t><![CDATA[${text}]]></x:t></x:is></x:c>`;
        })
        .replace('<worksheet ', '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '),
    );
    expect(await readPlanSheet(rewritten)).toEqual(expected);
  });

  it('refuses a sheet whose XML is broken, or that defines entities of its own, as unreadable', async () => {
    const book = new ExcelJS.Workbook();
    planSheet(book);
    const broken = await rewriteSheet(await bytesOf(book), (xml) => xml.replace('</sheetData>', '<row></sheetData>'));
    await expect(readPlanSheet(broken)).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' });
    // Entities of its own (a "billion laughs") are never expanded: the reference is refused.
    const laughs = await rewriteSheet(await bytesOf(book), (xml) =>
      xml
        .replace('<worksheet ', '<!DOCTYPE worksheet [<!ENTITY a "hahahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet ')
        .replace('</sheetData>', '<row r="99"><c r="A99" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData>'),
    );
    await expect(readPlanSheet(laughs)).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' });
  });

  it('knows a format that shows a day from one that shows a number', () => {
    expect(['dd/mm/yyyy', 'mmm-yy', 'h:mm', '[$-42A]d mmmm yyyy', 'yyyy"年"'].every(isDateFormat)).toBe(true);
    expect(['General', '#,##0 "đ"', '0.00%', '[Red]#,##0', '"ngày"0'].some(isDateFormat)).toBe(false);
  });
});

/** The workbook with its first sheet's XML rewritten (`edit` gets the XML and the shared strings). */
async function rewriteSheet(body: Buffer, edit: (xml: string, strings: string[]) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(body);
  const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const strings = [...sst.matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    [...(m[1] as string).matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1] as string).join(''),
  );
  const name = Object.keys(zip.files).find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)) as string;
  zip.file(name, edit(await (zip.file(name) as JSZip.JSZipObject).async('string'), strings));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
