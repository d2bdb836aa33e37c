import { invalidField, searchWords, type SearchQuery, type SearchResult } from '@accord/domain';
import type { Db } from '../../db/pool.js';
import type { Viewer } from '../access/viewer.js';
import * as repo from './search.repository.js';

export function searchFilter(viewer: Viewer, q: SearchQuery): repo.SearchFilter {
  const words = searchWords(q.q);
  if (!words.some((w) => /[\p{L}\p{N}]/u.test(w))) throw invalidField('q', 'searchNeedsWord');
  return { words, viewer, limit: q.limit };
}

/** Agreements and tasks the user may read whose text contains every word, diacritics and case ignored. */
export async function search(db: Db, viewer: Viewer, q: SearchQuery): Promise<SearchResult> {
  return repo.search(db, searchFilter(viewer, q));
}
