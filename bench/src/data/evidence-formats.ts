import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Small files in the formats evidence comes in that the demo's generators (a PDF, a PNG) do not
 * make: a JPEG and the Office Open XML packages (.docx, .xlsx). Each is valid enough for the
 * program that opens it and for the server's sniffing (file-type), and the same bytes every time
 * (no clock is read), so a seed always gives the same SHA-256.
 */

type Rgb = readonly [number, number, number];

/** Writes bits most significant first, with JPEG's byte stuffing (0x00 after every 0xFF). */
class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private filled = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >> i) & 1);
      if (++this.filled === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0x00);
    this.current = 0;
    this.filled = 0;
  }

  /** The bytes, the last one padded with 1s. */
  finish(): Buffer {
    if (this.filled > 0) this.write(0xff, 8 - this.filled);
    return Buffer.from(this.bytes);
  }
}

const segment = (marker: number, body: readonly number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
const word = (n: number) => [n >> 8, n & 0xff];

/** The DC table of the JPEG standard (Annex K.3): code lengths for the categories 0–11. */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];

/** Each category's Huffman code, generated from the code lengths as Annex C does. */
function dcCodes(): { code: number; length: number }[] {
  const codes: { code: number; length: number }[] = [];
  let code = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (DC_BITS[length - 1] as number); i++) codes.push({ code: code++, length });
    code <<= 1;
  }
  return codes;
}

/**
 * A baseline JPEG (YCbCr, no subsampling) of `width` × `height` (multiples of 8) where every 8 × 8
 * block is one colour, `colourAt(blockX, blockY)`: only DC coefficients, each block's AC part an
 * end-of-block (an AC table with that one code). A mosaic, standing in for a site photo.
 */
export function blockJpeg(width: number, height: number, colourAt: (bx: number, by: number) => Rgb): Buffer {
  const codes = dcCodes();
  // A flat block's DC coefficient is 8 × (sample − 128); quantised by 8, it is the sample − 128.
  const quant = new Array<number>(64).fill(8);
  const header = [
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, ...word(1), ...word(1), 0, 0]),
    ...segment(0xdb, [0x00, ...quant]),
    ...segment(0xc0, [8, ...word(height), ...word(width), 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]),
    ...segment(0xc4, [0x00, ...DC_BITS, ...Array.from({ length: 12 }, (_, i) => i)]),
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
  ];
  const bits = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < height / 8; by++) {
    for (let bx = 0; bx < width / 8; bx++) {
      const [r, g, b] = colourAt(bx, by);
      const ycc = [
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      ];
      ycc.forEach((value, c) => {
        const dc = Math.max(0, Math.min(255, Math.round(value))) - 128;
        const diff = dc - (previous[c] as number);
        previous[c] = dc;
        const category = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
        const { code, length } = codes[category] as { code: number; length: number };
        bits.write(code, length);
        if (category > 0) bits.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
        bits.write(0, 1); // end of block
      });
    }
  }
  return Buffer.concat([Buffer.from(header), bits.finish(), Buffer.from([0xff, 0xd9])]);
}

/** 20 November 2026, 09:00, in MS-DOS form: every entry's fixed time. */
const DOS_TIME = (9 << 11) | (0 << 5);
const DOS_DATE = ((2026 - 1980) << 9) | (11 << 5) | 20;

/** A ZIP archive of these entries, each deflated, in the order given. */
export function zipArchive(entries: readonly { name: string; text: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.text, 'utf8');
    const packed = deflateRawSync(data);
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x0800, 2); // names in UTF-8
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt16LE(DOS_TIME, 6);
    common.writeUInt16LE(DOS_DATE, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, name, packed]);
    // Made by version 2.0; then no comment, disk 0, no attributes, and where the entry starts.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    centrals.push(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0]), common, tail, name]));
    locals.push(local);
    offset += local.length;
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

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

function contentTypes(overrides: readonly [part: string, type: string][]): string {
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}

const relationships = (items: readonly [id: string, type: string, target: string][]) =>
  `${XML}<Relationships xmlns="${RELS}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

/** A Word document (.docx) of these paragraphs, the first as its heading. */
export function wordDocument(paragraphs: readonly string[]): Buffer {
  const body = paragraphs
    .map(
      (p, i) =>
        `<w:p><w:r>${i === 0 ? '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`,
    )
    .join('');
  return zipArchive([
    {
      name: '[Content_Types].xml',
      text: contentTypes([['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml']]),
    },
    { name: '_rels/.rels', text: relationships([['rId1', OFFICE_DOCUMENT, 'word/document.xml']]) },
    {
      name: 'word/document.xml',
      text: `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    },
  ]);
}

const column = (i: number) => String.fromCharCode(65 + i);

/** An Excel workbook (.xlsx) of one sheet: these rows, text as inline strings, numbers as numbers. */
export function excelWorkbook(sheetName: string, rows: readonly (readonly (string | number)[])[]): Buffer {
  const sheetRows = rows
    .map((cells, r) => {
      const xml = cells
        .map((v, c) => {
          const ref = `${column(c)}${r + 1}`;
          return typeof v === 'number'
            ? `<c r="${ref}"><v>${v}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return zipArchive([
    {
      name: '[Content_Types].xml',
      text: contentTypes([
        ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
        ['/xl/worksheets/sheet1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'],
      ]),
    },
    { name: '_rels/.rels', text: relationships([['rId1', OFFICE_DOCUMENT, 'xl/workbook.xml']]) },
    {
      name: 'xl/workbook.xml',
      text: `${XML}<workbook xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: relationships([
        ['rId1', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', 'worksheets/sheet1.xml'],
      ]),
    },
    { name: 'xl/worksheets/sheet1.xml', text: `${XML}<worksheet xmlns="${main}"><sheetData>${sheetRows}</sheetData></worksheet>` },
  ]);
}
