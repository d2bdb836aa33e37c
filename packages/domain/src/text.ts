import { z } from 'zod';
import { fieldIssues } from './errors.js';

/**
 * Folds Vietnamese text for search: no diacritics, no case, single spaces.
 * "Hải Dương" and "hai duong" fold to the same string; "Đắk Lắk" folds to "dak lak".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search query, folded as `search_text` is; every one must match. */
export function searchWords(q: string | null | undefined): string[] {
  return q ? foldForSearch(q).split(' ').filter(Boolean) : [];
}

const NUL = '\u0000';

/** A user-entered line of text: NFC-normalised, trimmed, bounded, never a NUL byte. */
export function textField(max: number, min = 1) {
  return z
    .string()
    .refine((s) => !s.includes(NUL), { message: fieldIssues.nulByte, params: { code: 'NUL_BYTE' } })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(min).max(max));
}

/** Bidirectional controls (LRE…RLO, LRI…PDI, LRM, RLM, ALM): they make one address read as another. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function withoutCredentials(s: string): boolean {
  try {
    const url = new URL(s);
    return url.username === '' && url.password === '';
  } catch {
    return true; // not an address at all: z.url() says so
  }
}

/**
 * A web address people will follow from the page: http or https, with no user name or password
 * in it (`https://camau.gov.vn@evil.example` goes to evil.example) and no bidirectional controls.
 */
export function webAddress(max = 2000) {
  return z
    .string()
    .refine((s) => !BIDI_CONTROLS.test(s), { message: fieldIssues.bidiControl })
    .pipe(z.url({ protocol: /^https?$/ }).max(max))
    .refine(withoutCredentials, { message: fieldIssues.urlWithCredentials });
}

/** Like textField but may be empty; empty text becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .refine((s) => !s.includes(NUL), { message: fieldIssues.nulByte, params: { code: 'NUL_BYTE' } })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
}

/**
 * Whether a period runs forward: no end before its start. Undated ends are in order. One rule
 * for agreements' periods and tasks' start and due dates, in schemas, services and forms.
 */
export function datesInOrder(start: string | null | undefined, end: string | null | undefined): boolean {
  return !start || !end || end >= start;
}

/** A calendar date as ISO yyyy-mm-dd (shown as dd/mm/yyyy in Vietnamese). */
/**
 * A calendar date as yyyy-mm-dd, within the years an agreement, a plan or a deadline can name
 * (1900–2199): year 0000 or 9999 is a typing slip, and PostgreSQL has no year 0.
 */
export const isoDate = z.iso.date().refine((s) => s >= '1900-01-01' && s <= '2199-12-31', { message: fieldIssues.outOfRange });

/** The version a client says it edits: a positive 32-bit integer, as the database stores it. */
export const versionField = z.number().int().min(1).max(2_147_483_647);

export const uuid = z.uuid();

/** Formats an ISO date as dd/mm/yyyy, the way Vietnamese paperwork writes dates. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
