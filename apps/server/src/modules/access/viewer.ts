import type { SessionUser } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { loadOrgReach, type OrgReach } from './access.repository.js';

/**
 * The signed-in user with the organisations they act for. Built once per request from the
 * session (which keeps the reach) and passed explicitly to every service; a background job
 * builds one with `loadViewer`.
 */
export interface Viewer {
  user: SessionUser;
  /** The user's organisation, every organisation above and below it, and their predecessors. */
  reach: ReadonlySet<string>;
  /** The user's organisation, every organisation below it, and their predecessors. */
  down: ReadonlySet<string>;
  /**
   * Any organisation's subtree with predecessors in the organisation tree this request's session
   * was read with (from the instance's cache of that tree); absent outside a request: read then.
   */
  subtree?: (db: Queryable, organisationId: string) => Promise<readonly string[]>;
}

export function viewerOf(user: SessionUser, reach: OrgReach): Viewer {
  return { user, reach: new Set(reach.reach), down: new Set(reach.down) };
}

/** A viewer for a user whose reach was not read with a session (background jobs, scripts). */
export async function loadViewer(db: Queryable, user: SessionUser): Promise<Viewer> {
  return viewerOf(user, await loadOrgReach(db, user.organisation.id));
}
