import type { Role } from '@accord/domain';
import { roles } from '@accord/domain';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/pool.js';
import { buildAgreement, buildArea, buildOrganisation, buildUser, signInAs, type Client } from './support.js';

export type Placement = 'government' | 'enterprise' | 'unrelated';
export const placements: readonly Placement[] = ['government', 'enterprise', 'unrelated'];

/**
 * A province (with a department) and a group (with a branch and a unit) that signed an
 * agreement, an unrelated province, and users of every role in each place.
 */
export async function buildWorld(db: Db) {
  const province = await buildOrganisation(db, { kind: 'province', nameVi: 'Ủy ban nhân dân tỉnh Thử Nghiệm' });
  const department = await buildOrganisation(db, { kind: 'department', parentId: province.id, nameVi: 'Sở Khoa học và Công nghệ' });
  const group = await buildOrganisation(db, { kind: 'enterprise_group', nameVi: 'Tập đoàn Thử Nghiệm' });
  const branch = await buildOrganisation(db, { kind: 'branch', parentId: group.id, nameVi: 'Chi nhánh tỉnh' });
  const unit = await buildOrganisation(db, { kind: 'enterprise_unit', parentId: branch.id, nameVi: 'Đơn vị giải pháp' });
  const otherProvince = await buildOrganisation(db, { kind: 'province', nameVi: 'Ủy ban nhân dân tỉnh Khác' });
  const otherDepartment = await buildOrganisation(db, { kind: 'department', parentId: otherProvince.id });
  const parties = [
    { organisationId: province.id, side: 'government' as const, name: province.nameVi },
    { organisationId: group.id, side: 'enterprise' as const, name: group.nameVi },
  ];
  // A word that only this agreement's title holds, to find it by search.
  const searchWord = `kiemtra${Math.random().toString(36).slice(2, 8)}`;
  const agreement = await buildAgreement(db, { parties, title: `Thỏa thuận hợp tác ${searchWord}` });
  const area = await buildArea(db, agreement.id);
  const orgOf: Record<Placement, string> = { government: department.id, enterprise: unit.id, unrelated: otherDepartment.id };
  const users = {} as Record<Role, Record<Placement, { id: string; email: string }>>;
  for (const role of roles) {
    users[role] = {} as Record<Placement, { id: string; email: string }>;
    for (const place of placements) users[role][place] = await buildUser(db, { role, organisationId: orgOf[place] });
  }
  return { province, department, group, branch, unit, otherProvince, parties, agreement, searchWord, area, users, orgOf };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function signInAll(app: FastifyInstance, world: World) {
  const clients = {} as Record<Role, Record<Placement, Client>>;
  for (const role of roles) {
    clients[role] = {} as Record<Placement, Client>;
    for (const place of placements) clients[role][place] = await signInAs(app, world.users[role][place].email);
  }
  return clients;
}
