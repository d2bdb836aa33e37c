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
export const isoDate = z.iso.date();

export const uuid = z.uuid();

/** Formats an ISO date as dd/mm/yyyy, the way Vietnamese paperwork writes dates. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
