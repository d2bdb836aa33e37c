import {
  AppError,
  canBeChildOf,
  searchWords,
  sideOfKind,
  type Organisation,
  type OrganisationCreateInput,
  type OrganisationListQuery,
  type OrganisationUpdateInput,
  type SessionUser,
  can,
} from '@accord/domain';
import { withTransaction, type Db } from '../../db/pool.js';
import { recordEvent } from '../history/history.repository.js';
import * as repo from './organisation.repository.js';

function assertCan(user: SessionUser, op: 'organisation.read' | 'organisation.manage') {
  if (!can(user, op, { relation: 'unrelated' })) throw new AppError('FORBIDDEN', 'Only an administrator manages organisations.');
}

export async function listOrganisations(db: Db, user: SessionUser, q: OrganisationListQuery): Promise<Organisation[]> {
  assertCan(user, 'organisation.read');
  return repo.listOrganisations(db, {
    side: q.side,
    kind: q.kind,
    words: searchWords(q.q),
    includeHistorical: q.includeHistorical !== 'false',
  });
}

export async function getOrganisation(db: Db, user: SessionUser, id: string): Promise<Organisation> {
  assertCan(user, 'organisation.read');
  const org = await repo.findOrganisation(db, id);
  if (!org) throw new AppError('ORGANISATION_NOT_FOUND', 'The organisation was not found.');
  return org;
}

export async function createOrganisation(db: Db, user: SessionUser, input: OrganisationCreateInput): Promise<Organisation> {
  assertCan(user, 'organisation.manage');
  return withTransaction(db, async (tx) => {
    const parent = input.parentId ? await repo.findOrganisation(tx, input.parentId) : null;
    if (input.parentId && !parent) {
      throw new AppError('VALIDATION_FAILED', 'The parent organisation does not exist.', {
        issues: [{ field: 'parentId', message: 'does not exist' }],
      });
    }
    if (!canBeChildOf(input.kind, parent?.kind ?? null)) {
      throw new AppError('VALIDATION_FAILED', `A ${input.kind} cannot sit under ${parent ? `a ${parent.kind}` : 'nothing'}.`, {
        issues: [{ field: 'parentId', message: 'is not a valid parent for this kind' }],
      });
    }
    const org = await repo.insertOrganisation(tx, {
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
    await recordEvent(tx, {
      actorId: user.id,
      action: 'create',
      entityType: 'organisation',
      entityId: org.id,
      agreementId: null,
      entityTitle: org.nameVi,
      before: null,
      after: org,
    });
    return org;
  });
}

export async function updateOrganisation(
  db: Db,
  user: SessionUser,
  id: string,
  version: number,
  input: OrganisationUpdateInput,
): Promise<Organisation> {
  assertCan(user, 'organisation.manage');
  return withTransaction(db, async (tx) => {
    const before = await repo.findOrganisation(tx, id);
    if (!before) throw new AppError('ORGANISATION_NOT_FOUND', 'The organisation was not found.');
    const successorId = input.successorId === undefined ? before.successorId : input.successorId;
    if (successorId) {
      const successor = await repo.findOrganisation(tx, successorId);
      if (!successor || successor.side !== before.side || (await repo.successorChainReaches(tx, successorId, id))) {
        throw new AppError(
          'VALIDATION_FAILED',
          'The successor must be another existing organisation on the same side, not one that succeeds into this one.',
          {
            issues: [{ field: 'successorId', message: 'is not a valid successor' }],
          },
        );
      }
    }
    const after = await repo.updateOrganisation(tx, id, version, {
      ...before,
      nameVi: input.nameVi ?? before.nameVi,
      nameEn: input.nameEn === undefined ? before.nameEn : input.nameEn,
      shortName: input.shortName === undefined ? before.shortName : input.shortName,
      code: input.code === undefined ? before.code : input.code,
      validTo: input.validTo === undefined ? before.validTo : input.validTo,
      successorId,
    });
    if (!after)
      throw new AppError('VERSION_CONFLICT', 'Someone else changed this organisation. Reload to see their version.', { current: before });
    await recordEvent(tx, {
      actorId: user.id,
      action: 'update',
      entityType: 'organisation',
      entityId: id,
      agreementId: null,
      entityTitle: after.nameVi,
      before,
      after,
    });
    return after;
  });
}
