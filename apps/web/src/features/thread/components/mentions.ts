/**
 * Mentions in an entry's text: the writer types "@" and a few letters of a name, picks a person,
 * and "@Full Name" goes into the text; the entry keeps the ids of the people still named in it.
 */

const MAX_QUERY = 40;

/** The "@…" being typed just before `cursor`: where its "@" is and the letters after it, or null. */
export function mentionQueryAt(text: string, cursor: number): { start: number; query: string } | null {
  const before = text.slice(0, cursor);
  const start = before.lastIndexOf('@');
  if (start < 0) return null;
  if (start > 0 && !/\s/.test(before[start - 1] ?? '')) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY || /[\n@]/.test(query) || query.startsWith(' ')) return null;
  return { start, query };
}

/** The text with the "@…" from `start` to `cursor` replaced by "@name ", and where the cursor then is. */
export function insertMention(text: string, start: number, cursor: number, name: string): { text: string; cursor: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(cursor), cursor: start + inserted.length };
}

/** The ids of the picked people still named ("@name") in the text, each once. */
export function mentionedIds(text: string, picked: readonly { id: string; name: string }[]): string[] {
  return [...new Set(picked.filter((p) => text.includes(`@${p.name}`)).map((p) => p.id))];
}

export type Segment = { text: string } | { mention: string };

/** The text cut into plain runs and "@name" runs of the people it mentions, to show them marked. */
export function segmentsOf(text: string, mentions: readonly { name: string }[]): Segment[] {
  const names = [...new Set(mentions.map((m) => m.name))].filter(Boolean).sort((a, b) => b.length - a.length);
  if (names.length === 0) return [{ text }];
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(@(?:${escaped.join('|')}))`, 'u'));
  return parts
    .filter((p) => p !== '')
    .map((p) => (p.startsWith('@') && names.includes(p.slice(1)) ? { mention: p.slice(1) } : { text: p }));
}
