import { createHash } from 'node:crypto';
import {
  AppError,
  can,
  diffPlans,
  isEmptyDiff,
  planContent,
  planReadiness,
  planSnapshot,
  planState,
  submissionProblem,
  versionAfterDecisions,
  type PlanApproval,
  type PlanDiffAnswer,
  type PlanReadiness,
  type PlanTaskSnapshot,
  type PlanVersion,
  type SubmissionProblem,
} from '@accord/domain';
import { withChange, type Target } from '../../change/change.js';
import { withReadSnapshot, type Db, type Queryable } from '../../db/pool.js';
import { loadAgreementAccess, notFound, requireOnAgreement, type AgreementAccess } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { checksAuthority } from '../agreements/agreement.repository.js';
import * as approvals from './plan-approval.repository.js';
import * as plan from './plan.repository.js';
import type { StampedCache } from './stamped-cache.js';

const versionNotFound = () => notFound('PLAN_VERSION_NOT_FOUND', 'The version of the plan');

const problemMessages: Record<SubmissionProblem, string> = {
  PLAN_ALREADY_SUBMITTED: 'A version of this plan is already waiting for approval: decide on it or take it back first.',
  PLAN_EMPTY: 'The plan has no tasks yet: there is nothing to submit.',
  PLAN_NOT_READY:
    'Some tasks fail the "5 rõ" check: complete them, or have a coordinator waive them with a reason, before the plan is submitted.',
  PLAN_UNCHANGED: 'The plan is the same as its last approved version: there is nothing to approve again.',
};

const hashOf = (snapshot: readonly PlanTaskSnapshot[]) => createHash('sha256').update(planContent(snapshot)).digest('hex');

/** The plan as it is now: its snapshot and its hash, and what its submission depends on. */
async function currentPlan(db: Queryable, agreementId: string) {
  // One after the other: inside a change `db` is the transaction's one connection.
  const areas = await plan.listAreas(db, agreementId);
  const tasks = await plan.listSnapshotTasks(db, agreementId);
  const readiness = planReadiness(tasks, { withAuthority: await checksAuthority(db, agreementId) });
  const snapshot = planSnapshot(areas, tasks);
  return { snapshot, hash: hashOf(snapshot), readiness };
}

/** What the approval's answer needs of the plan as it is now: its content hash and its readiness. */
export interface PlanFacts {
  hash: string;
  readiness: PlanReadiness;
}

/**
 * The plan's facts as they are now: kept by this instance under the plan's stamp, read on every
 * request, and worked out again (in one snapshot, once for every request waiting) only when the
 * stamp moved: the readiness depends on no date, and every row it and the hash read is in the stamp.
 */
async function planFacts(db: Db, facts: StampedCache<PlanFacts>, agreementId: string): Promise<PlanFacts> {
  const stamp = await plan.planStamp(db, agreementId);
  return facts.get(agreementId, stamp, () =>
    withReadSnapshot(db, async (tx) => {
      const read = await plan.planStamp(tx, agreementId);
      const { hash, readiness } = await currentPlan(tx, agreementId);
      return { stamp: read, value: { hash, readiness } };
    }),
  );
}

/**
 * Whether the plan now differs from `version` (null when there is none): by the hash it was kept
 * with, or, for a version kept before hashes were, task by task (`snapshot`: the plan now, read
 * only then).
 */
async function changedSince(
  db: Queryable,
  version: PlanVersion | null,
  now: { hash: string; snapshot: () => Promise<PlanTaskSnapshot[]> },
  hashes: Map<string, string | null>,
): Promise<boolean | null> {
  if (version === null) return null;
  const kept = hashes.get(version.id);
  if (kept) return kept !== now.hash;
  // One after the other: inside a change `db` is the transaction's one connection.
  const then = await approvals.versionSnapshot(db, version.id);
  return !isEmptyDiff(diffPlans(then, await now.snapshot()));
}

/** Where the plan's approval stands, and what this viewer may do about it (`facts`: this instance's kept `PlanFacts`). */
export async function getPlanApproval(db: Db, facts: StampedCache<PlanFacts>, viewer: Viewer, agreementId: string): Promise<PlanApproval> {
  const access = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const [{ versions, hashes }, current] = await Promise.all([approvals.listVersions(db, agreementId), planFacts(db, facts, agreementId)]);
  const waiting = versions.find((v) => v.state === 'submitted') ?? null;
  const lastApproved = versions.find((v) => v.state === 'approved') ?? null;
  let snapshot: Promise<PlanTaskSnapshot[]> | undefined;
  const now = { hash: current.hash, snapshot: () => (snapshot ??= currentPlan(db, agreementId).then((p) => p.snapshot)) };
  const [sinceApproved, sinceSubmitted] = await Promise.all([
    changedSince(db, lastApproved, now, hashes),
    changedSince(db, waiting, now, hashes),
  ]);
  const changedSinceApproved = sinceApproved === true;
  const ctx = { relation: access.relation, published: access.published };
  const decidedHere = waiting?.decisions.some((d) => d.side === access.side) ?? false;
  const mayDecide = waiting !== null && access.side !== null && !decidedHere && can(viewer.user, 'plan.decide', ctx);
  return {
    agreementId,
    state: planState(versions, changedSinceApproved),
    waiting,
    lastApproved,
    versions,
    readiness: current.readiness,
    changedSinceApproved,
    changedSinceSubmitted: sinceSubmitted === true,
    allowed: {
      submit: waiting === null && can(viewer.user, 'plan.submit', ctx),
      approve: mayDecide,
      return: mayDecide,
      withdraw: waiting !== null && mayWithdraw(viewer, access, waiting),
    },
  };
}

/** A version is taken back by the side that submitted it (an administrator's, by an administrator). */
function mayWithdraw(viewer: Viewer, access: AgreementAccess, v: PlanVersion): boolean {
  return (
    can(viewer.user, 'plan.submit', { relation: access.relation, published: access.published }) &&
    (viewer.user.role === 'admin' || access.side === v.submittedSide || v.submittedBy.id === viewer.user.id)
  );
}

/**
 * Submits the plan as it stands: kept as the next version, waiting for each side's decision.
 * The agreement is locked for the check and the write, so two submissions cannot both pass it.
 */
export async function submitPlan(db: Db, viewer: Viewer, agreementId: string, note: string | null): Promise<PlanVersion> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const access = await loadAgreementAccess(tx, viewer, agreementId, 'plan.submit', { lock: 'update' });
    const { versions, hashes } = await approvals.listVersions(tx, agreementId);
    const now = await currentPlan(tx, agreementId);
    const lastApproved = versions.find((v) => v.state === 'approved') ?? null;
    const problem = submissionProblem({
      waiting: versions.some((v) => v.state === 'submitted'),
      readiness: now.readiness,
      changedSinceApproved: await changedSince(tx, lastApproved, { hash: now.hash, snapshot: () => Promise.resolve(now.snapshot) }, hashes),
    });
    if (problem) {
      throw new AppError(problem, problemMessages[problem], problem === 'PLAN_NOT_READY' ? { readiness: now.readiness } : undefined);
    }
    const id = await approvals.insertVersion(tx, {
      agreementId,
      note,
      snapshot: now.snapshot,
      snapshotHash: now.hash,
      submittedBy: viewer.user.id,
      submittedSide: access.side,
    });
    const created = (await approvals.findVersion(tx, agreementId, id)) as PlanVersion;
    await change.record('plan', {
      action: 'create',
      entityId: id,
      agreementId,
      title: `#${created.number}`,
      before: null,
      after: created,
    });
    return created;
  });
}

/** A version about to be decided on or taken back: its agreement held (shared), the version locked. */
function versionTarget(
  viewer: Viewer,
  agreementId: string,
  versionId: string,
  operation: 'plan.decide' | 'plan.submit',
): Target<PlanVersion, AgreementAccess> {
  let access: AgreementAccess;
  return {
    load: async (tx) => {
      access = await loadAgreementAccess(tx, viewer, agreementId, 'agreement.read', { lock: 'share' });
      return approvals.findVersion(tx, agreementId, versionId, { forUpdate: true });
    },
    notFound: versionNotFound,
    authorize: () => requireOnAgreement(viewer, access, operation),
    present: (v) => v,
  };
}

const notWaiting = () =>
  new AppError('PLAN_NOT_SUBMITTED', 'This version is not waiting for decisions: it was already decided or taken back.');

/**
 * A side's decision on the version waiting: approved (the version is approved once both sides
 * have), or returned with reasons (the version is closed; the plan is changed and submitted again).
 */
export async function decidePlanVersion(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  versionId: string,
  version: number,
  decision: 'approved' | 'returned',
  note: string | null,
): Promise<PlanVersion> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const { row: before, access } = await change.open(versionTarget(viewer, agreementId, versionId, 'plan.decide'), version);
    if (before.state !== 'submitted') throw notWaiting();
    // The policy gives plan.decide only to a party's people: they have a side.
    const side = access.side as NonNullable<typeof access.side>;
    if (before.decisions.some((d) => d.side === side)) {
      throw new AppError('PLAN_ALREADY_DECIDED', 'Your side has already decided on this version.');
    }
    await approvals.insertDecision(tx, { versionId, side, decision, by: viewer.user.id, note });
    const state = versionAfterDecisions([...before.decisions, { side, decision }]);
    await approvals.writeVersionState(tx, versionId, state);
    const after = (await approvals.findVersion(tx, agreementId, versionId)) as PlanVersion;
    await change.record('plan', { action: 'status', entityId: versionId, agreementId, title: `#${after.number}`, before, after });
    return after;
  });
}

/** The side that submitted a version takes it back before it is decided. */
export async function withdrawPlanVersion(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  versionId: string,
  version: number,
): Promise<PlanVersion> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const { row: before, access } = await change.open(versionTarget(viewer, agreementId, versionId, 'plan.submit'), version);
    if (before.state !== 'submitted') throw notWaiting();
    if (!mayWithdraw(viewer, access, before)) {
      throw new AppError('FORBIDDEN', 'Only the side that submitted this version may take it back.');
    }
    await approvals.writeVersionState(tx, versionId, 'withdrawn');
    const after = (await approvals.findVersion(tx, agreementId, versionId)) as PlanVersion;
    await change.record('plan', { action: 'status', entityId: versionId, agreementId, title: `#${after.number}`, before, after });
    return after;
  });
}

/** What changed from one version to another, or to the plan as it is now (`to` = 'current'). */
export async function getPlanDiff(db: Db, viewer: Viewer, agreementId: string, fromId: string, toId: string): Promise<PlanDiffAnswer> {
  await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const from = await approvals.findVersion(db, agreementId, fromId);
  if (!from) throw versionNotFound();
  const to = toId === 'current' ? null : ((await approvals.findVersion(db, agreementId, toId)) ?? null);
  if (toId !== 'current' && !to) throw versionNotFound();
  const [before, after] = await Promise.all([
    approvals.versionSnapshot(db, from.id),
    to === null ? currentPlan(db, agreementId).then((p) => p.snapshot) : approvals.versionSnapshot(db, to.id),
  ]);
  return { from, to, ...diffPlans(before, after) };
}
