import { AppError, fieldIssues, searchWords, type SearchQuery, type SearchResult, type SessionUser } from '@accord/domain';
import type { Db } from '../../db/pool.js';
import { loadViewer, type Viewer } from '../access/viewer.js';
import * as repo from './search.repository.js';

export function searchFilter(viewer: Viewer, q: SearchQuery): repo.SearchFilter {
  const words = searchWords(q.q);
  if (!words.some((w) => /[\p{L}\p{N}]/u.test(w))) {
    throw new AppError('VALIDATION_FAILED', `q ${fieldIssues.searchNeedsWord}`, {
      issues: [{ field: 'q', message: fieldIssues.searchNeedsWord }],
    });
  }
  return { words, visibleTo: viewer.readsEverything ? null : [...viewer.reach], limit: q.limit };
}

/** Agreements and tasks the user may read whose text contains every word, diacritics and case ignored. */
export async function search(db: Db, user: SessionUser, q: SearchQuery): Promise<SearchResult> {
  const viewer = await loadViewer(db, user);
  return repo.search(db, searchFilter(viewer, q));
}
