import {
  AppError,
  can,
  canTransitionAgreement,
  datesInOrder,
  hasBothSides,
  invalidField,
  keepsOtherSidesParties,
  searchWords,
  type AgreementCreateInput,
  type AgreementDetail,
  type AgreementList,
  type AgreementListQuery,
  type AgreementStatus,
  type AgreementUpdateInput,
  type PartyInput,
} from '@accord/domain';
import { withChange, type Target } from '../../change/change.js';
import type { Db, Queryable } from '../../db/pool.js';
import { subtreeFor } from '../access/access.repository.js';
import {
  agreementAccess,
  agreementNotFound,
  authorizeAgreement,
  readableAgreementIds,
  viewerSide,
  type AgreementAccess,
} from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { findOrganisations } from '../organisations/organisation.repository.js';
import * as repo from './agreement.repository.js';

/** An agreement about to be changed: read under lock, authorized for `operation`, shown as GET shows it. */
function agreementTarget(
  viewer: Viewer,
  id: string,
  operation: 'agreement.update' | 'agreement.changeStatus',
): Target<repo.AgreementRecord, AgreementAccess> {
  return {
    load: (tx) => repo.findAgreement(tx, id, { forUpdate: true }),
    notFound: agreementNotFound,
    authorize: (a) => authorizeAgreement(viewer, a, operation),
    present: (a, _access, tx) => present(tx, viewer, a),
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
    if (!org) throw invalidField(`parties.${i}.organisationId`, 'unknownOrganisation');
    return {
      organisationId: org.id,
      side: org.side,
      nameAtSigning: org.nameVi,
      label: p.label ?? null,
      signatoryName: p.signatoryName ?? null,
      signatoryTitle: p.signatoryTitle ?? null,
    };
  });
  if (!hasBothSides(rows)) throw invalidField('parties', 'partiesSides');
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

/** Links to agreements the viewer can read, without loops. */
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
    if (!(await readableAgreementIds(db, viewer, [target])).has(target)) throw invalidField(field, 'notVisibleAgreement');
    if (id && (target === id || (await repo.chainReaches(db, column, target, id)))) throw invalidField(field, 'agreementLoop');
  }
}

/** The filter behind GET /api/agreements for this viewer. */
export async function agreementListFilter(db: Queryable, viewer: Viewer, q: AgreementListQuery): Promise<repo.ListFilter> {
  const [provinceOrgs, partnerOrgs] = await Promise.all([
    q.provinceId ? subtreeFor(db, viewer, q.provinceId) : null,
    q.partnerId ? subtreeFor(db, viewer, q.partnerId) : null,
  ]);
  return {
    viewer,
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

export async function listAgreements(db: Db, viewer: Viewer, q: AgreementListQuery): Promise<AgreementList> {
  const { items, total } = await repo.listAgreements(db, await agreementListFilter(db, viewer, q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getAgreement(db: Db, viewer: Viewer, id: string): Promise<AgreementDetail> {
  const agreement = await repo.findAgreement(db, id);
  authorizeAgreement(viewer, agreement, 'agreement.read');
  return present(db, viewer, agreement as repo.AgreementRecord);
}

/** The agreement as the viewer sees it: links only to agreements they can open, and what they may do. */
async function present(db: Queryable, viewer: Viewer, a: repo.AgreementRecord): Promise<AgreementDetail> {
  const related = await repo.findRelated(db, a);
  const linked = [related.predecessor, related.parent, ...related.successors, ...related.children].filter((r) => r !== null);
  const readable = await readableAgreementIds(
    db,
    viewer,
    linked.map((r) => r.id),
  );
  const shown = <T extends { id: string } | null>(r: T) => (r && readable.has(r.id) ? r : null);
  const { side, relation, published } = agreementAccess(viewer, a);
  const ctx = { relation, published };
  // The link ids stay out of the answer (and of a 412's `current`): the refs below name only readable ones.
  const { predecessorId: _p, parentId: _q, ...shownFields } = a;
  return {
    ...shownFields,
    predecessor: shown(related.predecessor),
    successors: related.successors.filter((r) => readable.has(r.id)),
    parent: shown(related.parent),
    children: related.children.filter((r) => readable.has(r.id)),
    taskCount: await repo.countTasks(db, a.id),
    permissions: {
      side,
      allowed: {
        update: can(viewer.user, 'agreement.update', ctx),
        changeStatus: can(viewer.user, 'agreement.changeStatus', ctx),
        writeAreas: can(viewer.user, 'area.write', ctx),
        createTasks: can(viewer.user, 'task.create', ctx),
        importPlan: can(viewer.user, 'plan.import', ctx),
      },
    },
  };
}

export async function createAgreement(db: Db, viewer: Viewer, input: AgreementCreateInput): Promise<AgreementDetail> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const parties = await resolveParties(tx, input.parties);
    const side = viewerSide(viewer, parties);
    if (!can(viewer.user, 'agreement.create', { relation: side === null ? 'unrelated' : 'own' })) {
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
        checksAuthority: input.checksAuthority,
        atRiskDays: input.atRiskDays,
        progressMargin: input.progressMargin,
        reportCadence: input.reportCadence,
      },
      parties,
      await partySearchNames(tx, parties),
      viewer.user.id,
    );
    const created = (await repo.findAgreement(tx, id)) as repo.AgreementRecord;
    await change.record('agreement', {
      action: 'create',
      entityId: id,
      agreementId: id,
      title: created.title,
      before: null,
      after: created,
    });
    return present(tx, viewer, created);
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
    checksAuthority: pick('checksAuthority'),
    atRiskDays: pick('atRiskDays'),
    progressMargin: pick('progressMargin'),
    reportCadence: pick('reportCadence'),
  };
}

export async function updateAgreement(
  db: Db,
  viewer: Viewer,
  id: string,
  version: number,
  input: AgreementUpdateInput,
): Promise<AgreementDetail> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const {
      row: before,
      access: { side },
    } = await change.open(agreementTarget(viewer, id, 'agreement.update'), version);
    const write = mergeWrite(before, input, before.status);
    if (!datesInOrder(write.periodStart, write.periodEnd)) throw invalidField('periodEnd', 'periodEndBeforeStart');
    await checkLinks(tx, viewer, id, input);
    const parties = input.parties ? await resolveParties(tx, input.parties) : null;
    if (parties) {
      const newSide = viewerSide(viewer, parties);
      // Who may change the other side's things at all (an administrator) may change its parties too.
      const actsForBothSides = can(viewer.user, 'agreement.update', { relation: 'counterparty' });
      if (!actsForBothSides) {
        if (newSide === null || side === null) throw invalidField('parties', 'mustIncludeOwnOrganisation');
        const current = before.parties.map((p) => ({ ...p, nameAtSigning: p.organisationName }));
        if (!keepsOtherSidesParties(side, current, parties)) throw invalidField('parties', 'otherSidesParty');
      }
    }
    const names = await partySearchNames(tx, parties ?? before.parties.map((p) => ({ ...p, nameAtSigning: p.organisationName })));
    await repo.updateAgreement(tx, id, write, parties, names);
    const after = (await repo.findAgreement(tx, id)) as repo.AgreementRecord;
    await change.record('agreement', { action: 'update', entityId: id, agreementId: id, title: after.title, before, after });
    return present(tx, viewer, after);
  });
}

export async function changeStatus(db: Db, viewer: Viewer, id: string, version: number, status: AgreementStatus): Promise<AgreementDetail> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const { row: before } = await change.open(agreementTarget(viewer, id, 'agreement.changeStatus'), version);
    if (!canTransitionAgreement(before.status, status)) {
      throw new AppError('INVALID_STATUS_TRANSITION', `An agreement that is ${before.status} cannot become ${status}.`, {
        from: before.status,
        to: status,
      });
    }
    if (status === 'signed' && !before.signedOn) throw invalidField('signedOn', 'signedOnRequired');
    await repo.updateAgreement(tx, id, mergeWrite(before, {}, status), null, null);
    const after = (await repo.findAgreement(tx, id)) as repo.AgreementRecord;
    await change.record('agreement', { action: 'status', entityId: id, agreementId: id, title: after.title, before, after });
    return present(tx, viewer, after);
  });
}
