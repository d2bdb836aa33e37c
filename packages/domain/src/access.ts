import { z } from 'zod';
import type { Side } from './organisation.js';
import type { Obligor } from './plan.js';

export const roles = ['admin', 'coordinator', 'unit_officer', 'leader', 'observer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const operations = [
  'agreement.read',
  'agreement.create',
  'agreement.update',
  'agreement.changeStatus',
  'area.write',
  'task.create',
  'task.update',
  'task.move',
  'task.delete',
  'organisation.read',
  'organisation.manage',
] as const;
export type Operation = (typeof operations)[number];

/**
 * How the object relates to the user:
 * - own: the user's organisation is a party on the side the object belongs to
 *   (for an agreement or an area, any party);
 * - counterparty: the user's organisation is a party, on the other side;
 * - unrelated: a signed-in user whose organisation is not a party.
 */
export type Relation = 'own' | 'counterparty' | 'unrelated';
export const relations: readonly Relation[] = ['own', 'counterparty', 'unrelated'];

/**
 * - always: any signed-in user with the role
 * - party: own or counterparty
 * - own: own side only
 * - leadUnit: the user's unit (or a unit above it) leads the task
 * - never
 */
export type Rule = 'always' | 'party' | 'own' | 'leadUnit' | 'never';

/** The access policy: one row per operation, one column per role. Every service checks it first. */
// prettier-ignore
export const accessPolicy: Record<Operation, Record<Role, Rule>> = {
  'agreement.read':         { admin: 'always', coordinator: 'party', unit_officer: 'party',    leader: 'party', observer: 'always' },
  'agreement.create':       { admin: 'always', coordinator: 'own',   unit_officer: 'never',    leader: 'never', observer: 'never' },
  'agreement.update':       { admin: 'always', coordinator: 'own',   unit_officer: 'never',    leader: 'never', observer: 'never' },
  'agreement.changeStatus': { admin: 'always', coordinator: 'own',   unit_officer: 'never',    leader: 'never', observer: 'never' },
  'area.write':             { admin: 'always', coordinator: 'own',   unit_officer: 'never',    leader: 'never', observer: 'never' },
  'task.create':            { admin: 'always', coordinator: 'own',   unit_officer: 'never',    leader: 'never', observer: 'never' },
  'task.update':            { admin: 'always', coordinator: 'own',   unit_officer: 'leadUnit', leader: 'never', observer: 'never' },
  'task.move':              { admin: 'always', coordinator: 'own',   unit_officer: 'never',    leader: 'never', observer: 'never' },
  'task.delete':            { admin: 'always', coordinator: 'own',   unit_officer: 'never',    leader: 'never', observer: 'never' },
  'organisation.read':      { admin: 'always', coordinator: 'always', unit_officer: 'always',  leader: 'always', observer: 'always' },
  'organisation.manage':    { admin: 'always', coordinator: 'never', unit_officer: 'never',    leader: 'never', observer: 'never' },
};

export interface AccessSubject {
  role: Role;
}

export interface AccessContext {
  relation: Relation;
  /** For tasks: the user's organisation leads the task, or is above the lead unit in its tree. */
  isLeadUnit?: boolean;
}

/** Whether the user may perform the operation on an object that relates to them as given. */
export function can(user: AccessSubject | null, operation: Operation, ctx: AccessContext): boolean {
  if (!user) return false;
  const rule = accessPolicy[operation][user.role];
  switch (rule) {
    case 'always':
      return true;
    case 'party':
      return ctx.relation === 'own' || ctx.relation === 'counterparty';
    case 'own':
      return ctx.relation === 'own';
    case 'leadUnit':
      return ctx.relation !== 'unrelated' && ctx.isLeadUnit === true;
    case 'never':
      return false;
  }
}

/** The relation of a task (owed by `obligor`) to a user on `userSide` (null: not a party). */
export function relationToTask(userSide: Side | null, obligor: Obligor): Relation {
  if (userSide === null) return 'unrelated';
  return obligor === 'joint' || obligor === userSide ? 'own' : 'counterparty';
}

/** The relation of an agreement (or its shared parts) to a user on `userSide`. */
export function relationToAgreement(userSide: Side | null): Relation {
  return userSide === null ? 'unrelated' : 'own';
}
