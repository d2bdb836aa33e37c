import {
  canBeChildOf,
  invalidField,
  searchWords,
  sideOfKind,
  type Organisation,
  type OrganisationCreateInput,
  type OrganisationListQuery,
  type OrganisationUpdateInput,
} from '@accord/domain';
import { withChange, type Target } from '../../change/change.js';
import type { Db } from '../../db/pool.js';
import { authorizeGlobal, notFound } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import * as repo from './organisation.repository.js';

const organisationNotFound = () => notFound('ORGANISATION_NOT_FOUND', 'The organisation');
const onlyAdmins = 'Only an administrator manages organisations.';

export async function listOrganisations(db: Db, viewer: Viewer, q: OrganisationListQuery): Promise<Organisation[]> {
  authorizeGlobal(viewer, 'organisation.read');
  return repo.listOrganisations(db, {
    side: q.side,
    kind: q.kind,
    words: searchWords(q.q),
    includeHistorical: q.includeHistorical !== 'false',
  });
}

export async function getOrganisation(db: Db, viewer: Viewer, id: string): Promise<Organisation> {
  authorizeGlobal(viewer, 'organisation.read');
  const org = await repo.findOrganisation(db, id);
  if (!org) throw organisationNotFound();
  return org;
}

export async function createOrganisation(db: Db, viewer: Viewer, input: OrganisationCreateInput): Promise<Organisation> {
  authorizeGlobal(viewer, 'organisation.manage', onlyAdmins);
  return withChange(db, viewer, async (change) => {
    const parent = input.parentId ? await repo.findOrganisation(change.tx, input.parentId) : null;
    if (input.parentId && !parent) throw invalidField('parentId', 'unknownOrganisation');
    if (!canBeChildOf(input.kind, parent?.kind ?? null)) throw invalidField('parentId', 'invalidParent', { kind: input.kind });
    const org = await repo.insertOrganisation(change.tx, {
      parentId: parent?.id ?? null,
      kind: input.kind,
      side: sideOfKind(input.kind),
      nameVi: input.nameVi,
      nameEn: input.nameEn ?? null,
      shortName: input.shortName ?? null,
      code: input.code ?? null,
      codeScheme: input.codeScheme ?? null,
      validFrom: input.validFrom ?? null,
      validTo: null,
      successorId: null,
    });
    await change.record('organisation', {
      action: 'create',
      entityId: org.id,
      agreementId: null,
      title: org.nameVi,
      before: null,
      after: org,
    });
    return org;
  });
}

function organisationTarget(viewer: Viewer, id: string): Target<Organisation, void> {
  return {
    load: (tx) => repo.findOrganisation(tx, id, { forUpdate: true }),
    notFound: organisationNotFound,
    authorize: () => authorizeGlobal(viewer, 'organisation.manage', onlyAdmins),
    present: (org) => org,
  };
}

export async function updateOrganisation(
  db: Db,
  viewer: Viewer,
  id: string,
  version: number,
  input: OrganisationUpdateInput,
): Promise<Organisation> {
  authorizeGlobal(viewer, 'organisation.manage', onlyAdmins);
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const { row: before } = await change.open(organisationTarget(viewer, id), version);
    const successorId = input.successorId === undefined ? before.successorId : input.successorId;
    if (successorId) {
      const successor = await repo.findOrganisation(tx, successorId);
      if (!successor || successor.side !== before.side || (await repo.successorChainReaches(tx, successorId, id))) {
        throw invalidField('successorId', 'invalidSuccessor');
      }
    }
    const after = await repo.updateOrganisation(tx, id, {
      ...before,
      nameVi: input.nameVi ?? before.nameVi,
      nameEn: input.nameEn === undefined ? before.nameEn : input.nameEn,
      shortName: input.shortName === undefined ? before.shortName : input.shortName,
      code: input.code === undefined ? before.code : input.code,
      validTo: input.validTo === undefined ? before.validTo : input.validTo,
      successorId,
    });
    await change.record('organisation', { action: 'update', entityId: id, agreementId: null, title: after.nameVi, before, after });
    return after;
  });
}
