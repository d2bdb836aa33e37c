import {
  AppError,
  can,
  relationToAgreement,
  relationToTask,
  type Obligor,
  type Operation,
  type SessionUser,
  type Side,
} from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { loadOrgReach, type OrgReach } from './access.repository.js';

/** The signed-in user with the organisations they act for, loaded once per request. */
export interface Viewer {
  user: SessionUser;
  reach: ReadonlySet<string>;
  down: ReadonlySet<string>;
  /** Admins and observers read every agreement. */
  readsEverything: boolean;
}

/** Reaches already read with the session, for the request's lifetime (keyed by its user object). */
const knownReach = new WeakMap<SessionUser, OrgReach>();

/** Keeps the reach read together with the session, so the request's services need not read it again. */
export function rememberReach(user: SessionUser, reach: OrgReach): void {
  knownReach.set(user, reach);
}

export async function loadViewer(db: Queryable, user: SessionUser): Promise<Viewer> {
  const { reach, down } = knownReach.get(user) ?? (await loadOrgReach(db, user.organisation.id));
  return {
    user,
    reach: new Set(reach),
    down: new Set(down),
    readsEverything: user.role === 'admin' || user.role === 'observer',
  };
}

/** The side the viewer acts on in an agreement with these parties, or null when not a party. */
export function viewerSide(viewer: Viewer, parties: readonly { organisationId: string; side: Side }[]): Side | null {
  const mine = parties.filter((p) => viewer.reach.has(p.organisationId));
  if (mine.length === 0) return null;
  return mine.find((p) => p.side === viewer.user.organisation.side)?.side ?? mine[0]?.side ?? null;
}

/**
 * Checks read access first, answering 404 exactly as for a missing id, so that nobody can
 * learn that another party's agreement exists; then checks the operation (403).
 */
export function authorizeAgreement(viewer: Viewer, side: Side | null, operation: Operation, notFound: AppError): void {
  const relation = relationToAgreement(side);
  if (!can(viewer.user, 'agreement.read', { relation })) throw notFound;
  if (operation !== 'agreement.read' && !can(viewer.user, operation, { relation })) {
    throw new AppError('FORBIDDEN', 'You may read this but not change it.');
  }
}

export function authorizeTask(
  viewer: Viewer,
  side: Side | null,
  task: { obligor: Obligor; leadUnitId: string | null },
  operation: Operation,
): void {
  const ctx = {
    relation: relationToTask(side, task.obligor),
    isLeadUnit: task.leadUnitId !== null && viewer.down.has(task.leadUnitId),
  };
  if (!can(viewer.user, operation, ctx)) {
    throw new AppError('FORBIDDEN', 'This task belongs to the other side or another unit; you may read it but not change it.');
  }
}
