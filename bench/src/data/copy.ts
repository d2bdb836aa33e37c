import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, Queryable } from '@accord/server/src/db/pool.js';

/** A connection taken from the pool (the loading transaction runs on one). */
export type DbClient = Exclude<Queryable, Db>;

/**
 * One value of a COPY row: text (also dates, timestamps and jsonb, already formatted), a number,
 * a boolean, NULL, or a text[] (written as an array literal).
 */
export type CopyValue = string | number | boolean | null | readonly string[];
export type CopyRow = readonly CopyValue[];

const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Escapes text for COPY's text format: backslash, newline, carriage return and tab. */
export function escapeCopyText(text: string): string {
  // indexOf is much faster than a regular expression on the long JSON snapshots.
  const special = text.indexOf('\\') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0;
  return special ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c] as string) : text;
}

/** A PostgreSQL array literal: every element double-quoted, quotes and backslashes escaped. */
export function arrayLiteral(items: readonly string[]): string {
  if (items.length === 0) return '{}';
  return `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

function encodeValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeCopyText(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot COPY the number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeCopyText(arrayLiteral(value));
}

export function encodeRow(row: CopyRow): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) line += '\t';
    line += encodeValue(row[i] as CopyValue);
  }
  return `${line}\n`;
}

const CHUNK = 1 << 18;

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected identifier: ${name}`);
  return name;
}

/**
 * Streams rows into a table with COPY … FROM STDIN (text format), in chunks of about 256 KB,
 * with back-pressure. Returns the number of rows.
 */
export async function copyRows(
  client: DbClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<CopyRow> | AsyncIterable<CopyRow>,
): Promise<number> {
  let count = 0;
  const check = (row: CopyRow) => {
    if (row.length !== columns.length) {
      throw new Error(`A row for ${table} has ${row.length} values for ${columns.length} columns`);
    }
  };
  async function* chunks(): AsyncGenerator<string> {
    let buffer = '';
    if (Symbol.asyncIterator in rows) {
      for await (const row of rows) {
        check(row);
        buffer += encodeRow(row);
        count++;
        if (buffer.length >= CHUNK) {
          yield buffer;
          buffer = '';
        }
      }
    } else {
      for (const row of rows) {
        check(row);
        buffer += encodeRow(row);
        count++;
        if (buffer.length >= CHUNK) {
          yield buffer;
          buffer = '';
        }
      }
    }
    if (buffer) yield buffer;
  }
  const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(chunks(), { objectMode: false }), client.query(copyFrom(sql)));
  return count;
}
