import {
  AppError,
  fieldIssues,
  canTransitionAgreement,
  searchWords,
  type AgreementCreateInput,
  type AgreementDetail,
  type AgreementList,
  type AgreementListQuery,
  type AgreementStatus,
  type AgreementUpdateInput,
  type AuditEvent,
  type Operation,
  type PartyInput,
  type SessionUser,
  can,
  relationToAgreement,
} from '@accord/domain';
import { withTransaction, type Db, type Queryable } from '../../db/pool.js';
import { loadSubtreeWithPredecessors } from '../access/access.repository.js';
import { authorizeAgreement, loadViewer, viewerSide, type Viewer } from '../access/viewer.js';
import { listEvents, recordEvent } from '../history/history.repository.js';
import { findOrganisations } from '../organisations/organisation.repository.js';
import * as repo from './agreement.repository.js';

const notFound = () => new AppError('AGREEMENT_NOT_FOUND', 'The agreement was not found.');

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field} ${message}`, { issues: [{ field, message }] });
}

/**
 * Loads an agreement the viewer may act on: a missing id, a deleted agreement and another
 * party's agreement all answer the same 404.
 */
export async function loadAgreementFor(db: Queryable, viewer: Viewer, id: string, operation: Operation, forUpdate = false) {
  const agreement = await repo.findAgreement(db, id, { forUpdate });
  if (!agreement) throw notFound();
  const side = viewerSide(viewer, agreement.parties);
  authorizeAgreement(viewer, side, operation, notFound());
  return { agreement, side };
}

/**
 * The same check as loadAgreementFor when only the viewer's side is needed (the plan, task lists,
 * task edits): it reads the parties alone, not the whole agreement with its parties' names.
 */
export async function authorizeAgreementAccess(db: Queryable, viewer: Viewer, id: string, operation: Operation, forUpdate = false) {
  const parties = await repo.findLivePartiesOf(db, id, { forUpdate });
  if (parties.length === 0) throw notFound();
  const side = viewerSide(viewer, parties);
  authorizeAgreement(viewer, side, operation, notFound());
  return { side };
}

function snapshot(a: repo.AgreementRecord) {
  const { createdAt: _c, updatedAt: _u, version: _v, parties, ...rest } = a;
  return {
    ...rest,
    parties: parties.map((p) => ({
      organisationId: p.organisationId,
      side: p.side,
      name: p.organisationName,
      signatoryName: p.signatoryName,
      signatoryTitle: p.signatoryTitle,
    })),
  };
}

async function resolveParties(db: Queryable, inputs: PartyInput[]): Promise<repo.PartyRow[]> {
  const orgs = new Map(
    (
      await findOrganisations(
        db,
        inputs.map((p) => p.organisationId),
      )
    ).map((o) => [o.id, o]),
  );
  const rows = inputs.map((p, i) => {
    const org = orgs.get(p.organisationId);
    if (!org) throw invalid(`parties.${i}.organisationId`, fieldIssues.unknownOrganisation);
    return {
      organisationId: org.id,
      side: org.side,
      nameAtSigning: org.nameVi,
      label: p.label ?? null,
      signatoryName: p.signatoryName ?? null,
      signatoryTitle: p.signatoryTitle ?? null,
    };
  });
  if (!rows.some((r) => r.side === 'government') || !rows.some((r) => r.side === 'enterprise')) {
    throw invalid('parties', fieldIssues.partiesSides);
  }
  return rows;
}

/** The names search should know the parties by: as signed, full, short and English, and who signed. */
async function partySearchNames(db: Queryable, parties: { organisationId: string; nameAtSigning: string; signatoryName: string | null }[]) {
  return repo.partySearchNames(
    parties,
    await findOrganisations(
      db,
      parties.map((p) => p.organisationId),
    ),
  );
}

async function checkLinks(
  db: Queryable,
  viewer: Viewer,
  id: string | null,
  links: { predecessorId?: string | null; parentId?: string | null },
) {
  for (const [field, column] of [
    ['predecessorId', 'predecessor_id'],
    ['parentId', 'parent_id'],
  ] as const) {
    const target = links[field];
    if (!target) continue;
    const found = await repo.findAgreement(db, target);
    const visible = found && (viewer.readsEverything || viewerSide(viewer, found.parties) !== null);
    if (!visible) throw invalid(field, fieldIssues.notVisibleAgreement);
    if (id && (target === id || (await repo.chainReaches(db, column, target, id)))) {
      throw invalid(field, fieldIssues.agreementLoop);
    }
  }
}

/** The filter behind GET /api/agreements for this viewer. */
export async function agreementListFilter(db: Queryable, viewer: Viewer, q: AgreementListQuery): Promise<repo.ListFilter> {
  const [provinceOrgs, partnerOrgs] = await Promise.all([
    q.provinceId ? loadSubtreeWithPredecessors(db, q.provinceId) : null,
    q.partnerId ? loadSubtreeWithPredecessors(db, q.partnerId) : null,
  ]);
  return {
    visibleTo: viewer.readsEverything ? null : [...viewer.reach],
    words: searchWords(q.q),
    provinceOrgs,
    partnerOrgs,
    status: q.status,
    from: q.from,
    to: q.to,
    sort: q.sort,
    order: q.order,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
}

export async function listAgreements(db: Db, user: SessionUser, q: AgreementListQuery): Promise<AgreementList> {
  const viewer = await loadViewer(db, user);
  const { items, total } = await repo.listAgreements(db, await agreementListFilter(db, viewer, q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getAgreement(db: Db, user: SessionUser, id: string): Promise<AgreementDetail> {
  const viewer = await loadViewer(db, user);
  const { agreement, side } = await loadAgreementFor(db, viewer, id, 'agreement.read');
  return present(db, viewer, agreement, side);
}

async function present(
  db: Queryable,
  viewer: Viewer,
  a: repo.AgreementRecord,
  side: AgreementDetail['permissions']['side'],
): Promise<AgreementDetail> {
  const related = await repo.findRelated(db, a);
  const relation = relationToAgreement(side);
  return {
    ...a,
    ...related,
    taskCount: await repo.countTasks(db, a.id),
    permissions: {
      canEdit: can(viewer.user, 'agreement.update', { relation }),
      canChangeStatus: can(viewer.user, 'agreement.changeStatus', { relation }),
      canEditPlan: can(viewer.user, 'area.write', { relation }) || can(viewer.user, 'task.update', { relation, isLeadUnit: true }),
      canWriteAreas: can(viewer.user, 'area.write', { relation }),
      canCreateTasks: can(viewer.user, 'task.create', { relation }),
      side,
    },
  };
}

export async function createAgreement(db: Db, user: SessionUser, input: AgreementCreateInput): Promise<AgreementDetail> {
  const viewer = await loadViewer(db, user);
  return withTransaction(db, async (tx) => {
    const parties = await resolveParties(tx, input.parties);
    const side = viewerSide(viewer, parties);
    if (!can(user, 'agreement.create', { relation: relationToAgreement(side) })) {
      throw new AppError('FORBIDDEN', 'You can create an agreement only when your organisation is one of its parties.');
    }
    await checkLinks(tx, viewer, null, input);
    const id = await repo.insertAgreement(
      tx,
      {
        title: input.title,
        kind: input.kind,
        reference: input.reference ?? null,
        summary: input.summary ?? null,
        status: 'draft',
        signedOn: input.signedOn ?? null,
        signedPlace: input.signedPlace ?? null,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        predecessorId: input.predecessorId ?? null,
        parentId: input.parentId ?? null,
        legalBases: input.legalBases,
        sourceUrls: input.sourceUrls,
        visibility: input.visibility,
      },
      parties,
      await partySearchNames(tx, parties),
      user.id,
    );
    const created = (await repo.findAgreement(tx, id)) as repo.AgreementRecord;
    await recordEvent(tx, {
      actorId: user.id,
      action: 'create',
      entityType: 'agreement',
      entityId: id,
      agreementId: id,
      entityTitle: created.title,
      before: null,
      after: snapshot(created),
    });
    return present(tx, viewer, created, side);
  });
}

function mergeWrite(before: repo.AgreementRecord, input: AgreementUpdateInput, status: AgreementStatus): repo.AgreementWrite {
  const pick = <K extends keyof AgreementUpdateInput & keyof repo.AgreementRecord>(k: K) =>
    (input[k] === undefined ? before[k] : input[k]) as repo.AgreementRecord[K];
  return {
    title: pick('title'),
    kind: pick('kind'),
    reference: pick('reference'),
    summary: pick('summary'),
    status,
    signedOn: pick('signedOn'),
    signedPlace: pick('signedPlace'),
    periodStart: pick('periodStart'),
    periodEnd: pick('periodEnd'),
    predecessorId: pick('predecessorId'),
    parentId: before.parentId,
    legalBases: pick('legalBases'),
    sourceUrls: pick('sourceUrls'),
    visibility: pick('visibility'),
  };
}

function conflict(current: AgreementDetail): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    'Someone else changed this agreement since you opened it. Their version is shown; apply your change again.',
    { current },
  );
}

/** The 412 with the agreement as it is now, in the same shape as GET returns it. */
async function conflictNow(tx: Queryable, viewer: Viewer, id: string, side: AgreementDetail['permissions']['side']): Promise<AppError> {
  const current = await repo.findAgreement(tx, id);
  return current ? conflict(await present(tx, viewer, current, side)) : notFound();
}

export async function updateAgreement(
  db: Db,
  user: SessionUser,
  id: string,
  version: number,
  input: AgreementUpdateInput,
): Promise<AgreementDetail> {
  const viewer = await loadViewer(db, user);
  return withTransaction(db, async (tx) => {
    const { agreement: before, side } = await loadAgreementFor(tx, viewer, id, 'agreement.update', true);
    if (before.version !== version) throw conflict(await present(tx, viewer, before, side));
    const write = mergeWrite(before, input, before.status);
    if (write.periodStart && write.periodEnd && write.periodEnd < write.periodStart)
      throw invalid('periodEnd', fieldIssues.periodEndBeforeStart);
    await checkLinks(tx, viewer, id, input);
    const parties = input.parties ? await resolveParties(tx, input.parties) : null;
    let newSide = side;
    if (parties) {
      newSide = viewerSide(viewer, parties);
      if (!viewer.readsEverything && newSide === null) throw invalid('parties', fieldIssues.mustIncludeOwnOrganisation);
    }
    const names = await partySearchNames(tx, parties ?? before.parties.map((p) => ({ ...p, nameAtSigning: p.organisationName })));
    if (!(await repo.updateAgreement(tx, id, version, write, parties, names))) throw await conflictNow(tx, viewer, id, side);
    const after = (await repo.findAgreement(tx, id)) as repo.AgreementRecord;
    await recordEvent(tx, {
      actorId: user.id,
      action: 'update',
      entityType: 'agreement',
      entityId: id,
      agreementId: id,
      entityTitle: after.title,
      before: snapshot(before),
      after: snapshot(after),
    });
    return present(tx, viewer, after, newSide);
  });
}

export async function changeStatus(
  db: Db,
  user: SessionUser,
  id: string,
  version: number,
  status: AgreementStatus,
): Promise<AgreementDetail> {
  const viewer = await loadViewer(db, user);
  return withTransaction(db, async (tx) => {
    const { agreement: before, side } = await loadAgreementFor(tx, viewer, id, 'agreement.changeStatus', true);
    if (before.version !== version) throw conflict(await present(tx, viewer, before, side));
    if (!canTransitionAgreement(before.status, status)) {
      throw new AppError('INVALID_STATUS_TRANSITION', `An agreement that is ${before.status} cannot become ${status}.`, {
        from: before.status,
        to: status,
      });
    }
    if (status === 'signed' && !before.signedOn) throw invalid('signedOn', fieldIssues.signedOnRequired);
    const write = mergeWrite(before, {}, status);
    if (!(await repo.updateAgreement(tx, id, version, write, null, null))) throw await conflictNow(tx, viewer, id, side);
    const after = (await repo.findAgreement(tx, id)) as repo.AgreementRecord;
    await recordEvent(tx, {
      actorId: user.id,
      action: 'status',
      entityType: 'agreement',
      entityId: id,
      agreementId: id,
      entityTitle: after.title,
      before: { status: before.status },
      after: { status },
    });
    return present(tx, viewer, after, side);
  });
}

export async function agreementHistory(db: Db, user: SessionUser, id: string, limit: number, beforeId?: number): Promise<AuditEvent[]> {
  const viewer = await loadViewer(db, user);
  await authorizeAgreementAccess(db, viewer, id, 'agreement.read');
  return listEvents(db, { agreementId: id }, limit, beforeId);
}
