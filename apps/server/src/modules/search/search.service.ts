import { invalidField, searchWords, type SearchQuery, type SearchResult } from '@accord/domain';
import type { Db, Queryable } from '../../db/pool.js';
import { readableAgreements } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import * as repo from './search.repository.js';

export async function searchFilter(db: Queryable, viewer: Viewer, q: SearchQuery): Promise<repo.SearchFilter> {
  const words = searchWords(q.q);
  if (!words.some((w) => /[\p{L}\p{N}]/u.test(w))) throw invalidField('q', 'searchNeedsWord');
  return { words, readable: await readableAgreements(db, viewer), limit: q.limit };
}

/** Agreements and tasks the user may read whose text contains every word, diacritics and case ignored. */
export async function search(db: Db, viewer: Viewer, q: SearchQuery): Promise<SearchResult> {
  return repo.search(db, await searchFilter(db, viewer, q));
}
