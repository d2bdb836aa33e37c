/**
 * The access policy: who may do what. Zod-free and dependency-free, so the web app imports it
 * (`@accord/domain/policy`) and its buttons follow the same table the server enforces.
 */

export const roles = ['admin', 'coordinator', 'unit_officer', 'leader', 'observer'] as const;
export type Role = (typeof roles)[number];

export const sides = ['government', 'enterprise'] as const;
export type Side = (typeof sides)[number];

/** Who owes a task: the government side, the enterprise side, or both jointly. */
export const obligors = ['government', 'enterprise', 'joint'] as const;
export type Obligor = (typeof obligors)[number];

export const operations = [
  'session.read',
  'account.changePassword',
  'security.read',
  'agreement.list',
  'agreement.read',
  'agreement.create',
  'agreement.update',
  'agreement.changeStatus',
  'area.write',
  'task.list',
  'task.create',
  'task.update',
  'task.move',
  'task.addSubtask',
  'task.delete',
  'task.deliver',
  'task.review',
  'task.waive',
  'entry.report',
  'entry.comment',
  'entry.direct',
  'entry.edit',
  'file.upload',
  'plan.submit',
  'plan.decide',
  'plan.import',
  'agreement.people',
  'search',
  'organisation.read',
  'organisation.manage',
] as const;
export type Operation = (typeof operations)[number];

/** The operations that only read. Everything else changes state and goes through the change path. */
export const readOperations: readonly Operation[] = [
  'session.read',
  'security.read',
  'agreement.list',
  'agreement.read',
  'task.list',
  'search',
  'organisation.read',
];

/** The operations on one's own account (a password): every role has them, also those that only read the work. */
export const selfServiceOperations: readonly Operation[] = ['account.changePassword'];

/**
 * How the object relates to the user:
 * - own: the user's organisation is a party on the side the object belongs to
 *   (for an agreement or an area, any party);
 * - counterparty: the user's organisation is a party, on the other side;
 * - unrelated: a signed-in user whose organisation is not a party.
 */
export type Relation = 'own' | 'counterparty' | 'unrelated';

/**
 * - always: any signed-in user with the role
 * - party: own or counterparty
 * - partyOrPublished: a party, or anyone signed in when the agreement is published
 * - own: own side only
 * - leadUnit: a party whose unit (or a unit above it) leads the task
 * - counterparty: the other side only (for a review, the side that did not deliver)
 * - author: the user wrote it (an entry of a thread)
 * - never
 */
export type Rule = 'always' | 'party' | 'partyOrPublished' | 'own' | 'leadUnit' | 'counterparty' | 'author' | 'never';

/**
 * One row per operation, one column per role. Every service checks it first; the SQL that
 * decides which rows a list shows is derived from the `agreement.read` row.
 * List operations (agreement.list, task.list, search) are open to every role: what each
 * user finds in them is limited row by row by `agreement.read`.
 */
// prettier-ignore
export const accessPolicy: Record<Operation, Record<Role, Rule>> = {
  'session.read':           { admin: 'always', coordinator: 'always',           unit_officer: 'always',           leader: 'always',           observer: 'always' },
  'account.changePassword': { admin: 'always', coordinator: 'always',           unit_officer: 'always',           leader: 'always',           observer: 'always' },
  // The security log (sign-ins, lockouts, denials, administrative actions): administrators only.
  'security.read':          { admin: 'always', coordinator: 'never',            unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'agreement.list':         { admin: 'always', coordinator: 'always',           unit_officer: 'always',           leader: 'always',           observer: 'always' },
  'agreement.read':         { admin: 'always', coordinator: 'partyOrPublished', unit_officer: 'partyOrPublished', leader: 'partyOrPublished', observer: 'always' },
  'agreement.create':       { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'agreement.update':       { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'agreement.changeStatus': { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'area.write':             { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'task.list':              { admin: 'always', coordinator: 'always',           unit_officer: 'always',           leader: 'always',           observer: 'always' },
  'task.create':            { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'task.update':            { admin: 'always', coordinator: 'own',              unit_officer: 'leadUnit',         leader: 'never',            observer: 'never' },
  'task.move':              { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'task.addSubtask':        { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'task.delete':            { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  // Marking a product delivered is reporting on the task: whoever reports on it.
  'task.deliver':           { admin: 'always', coordinator: 'own',              unit_officer: 'leadUnit',         leader: 'never',            observer: 'never' },
  // Accepting or rejecting it is for the party it is owed to: its relation is to the side that
  // delivered (see relationToDelivery), so nobody accepts their own side's product, not even an administrator.
  'task.review':            { admin: 'never',  coordinator: 'counterparty',     unit_officer: 'never',            leader: 'never',            observer: 'never' },
  // Waiving a task's "5 rõ" check so the plan can be submitted with it: a coordinator of the side that owes it, with a reason.
  'task.waive':             { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  // A task's thread. Reporting progress is reporting on the task: as updating it. Both sides'
  // people discuss it; leaders give directions (chỉ đạo); an author corrects their own entry for a
  // short while (ENTRY_EDIT_MINUTES). Internal entries are read by the author's side only (the thread service).
  'entry.report':           { admin: 'always', coordinator: 'own',              unit_officer: 'leadUnit',         leader: 'never',            observer: 'never' },
  'entry.comment':          { admin: 'always', coordinator: 'party',            unit_officer: 'party',            leader: 'party',            observer: 'never' },
  'entry.direct':           { admin: 'never',  coordinator: 'never',            unit_officer: 'never',            leader: 'party',            observer: 'never' },
  'entry.edit':             { admin: 'author', coordinator: 'author',           unit_officer: 'author',           leader: 'author',           observer: 'never' },
  // Evidence for an entry to come: whoever may write in the task's thread.
  'file.upload':            { admin: 'always', coordinator: 'party',            unit_officer: 'party',            leader: 'party',            observer: 'never' },
  // The plan is submitted by a coordinator of either party, and approved (or returned) by a
  // coordinator of each: every party speaks for itself, so an administrator decides for none.
  'plan.submit':            { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'plan.decide':            { admin: 'never',  coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  'plan.import':            { admin: 'always', coordinator: 'own',              unit_officer: 'never',            leader: 'never',            observer: 'never' },
  // The people of the parties, to point an entry at: for those who write in its threads.
  'agreement.people':       { admin: 'always', coordinator: 'party',            unit_officer: 'party',            leader: 'party',            observer: 'never' },
  'search':                 { admin: 'always', coordinator: 'always',           unit_officer: 'always',           leader: 'always',           observer: 'always' },
  'organisation.read':      { admin: 'always', coordinator: 'always',           unit_officer: 'always',           leader: 'always',           observer: 'always' },
  'organisation.manage':    { admin: 'always', coordinator: 'never',            unit_officer: 'never',            leader: 'never',            observer: 'never' },
};

export interface AccessSubject {
  role: Role;
}

export interface AccessContext {
  relation: Relation;
  /** For tasks: the user's organisation leads the task, or is above the lead unit in its tree. */
  isLeadUnit?: boolean;
  /** For agreements: published to everyone (see `isPublished`). */
  published?: boolean;
  /** For entries of a thread: the user wrote it. */
  isAuthor?: boolean;
}

/** Whether a rule admits an object that relates to the user as given. */
export function ruleAdmits(rule: Rule, ctx: AccessContext): boolean {
  switch (rule) {
    case 'always':
      return true;
    case 'party':
      return ctx.relation === 'own' || ctx.relation === 'counterparty';
    case 'partyOrPublished':
      return ctx.relation === 'own' || ctx.relation === 'counterparty' || ctx.published === true;
    case 'own':
      return ctx.relation === 'own';
    case 'leadUnit':
      return ctx.relation !== 'unrelated' && ctx.isLeadUnit === true;
    case 'counterparty':
      return ctx.relation === 'counterparty';
    case 'author':
      return ctx.isAuthor === true;
    case 'never':
      return false;
  }
}

/** Whether the user may perform the operation on an object that relates to them as given. */
export function can(user: AccessSubject | null, operation: Operation, ctx: AccessContext): boolean {
  if (!user) return false;
  return ruleAdmits(accessPolicy[operation][user.role], ctx);
}

/** The relation of a task (owed by `obligor`) to a user on `userSide` (null: not a party). */
export function relationToTask(userSide: Side | null, obligor: Obligor): Relation {
  if (userSide === null) return 'unrelated';
  return obligor === 'joint' || obligor === userSide ? 'own' : 'counterparty';
}

/**
 * The relation of a delivered product to a user on `userSide`: own when their side delivered it,
 * counterparty when the other side did (the one to accept it), unrelated when they are no party
 * or nothing is delivered.
 */
export function relationToDelivery(userSide: Side | null, deliveredBySide: Side | null): Relation {
  if (userSide === null || deliveredBySide === null) return 'unrelated';
  return userSide === deliveredBySide ? 'own' : 'counterparty';
}

/** The relation of an agreement (or its shared parts) to a user on `userSide`. */
export function relationToAgreement(userSide: Side | null): Relation {
  return userSide === null ? 'unrelated' : 'own';
}

/**
 * An agreement is published — readable by every signed-in user, and later by citizens — when
 * its visibility is `public` and it is no longer a draft. A draft is never shown outside its parties.
 */
export function isPublished(a: { visibility: 'parties' | 'public'; status: string }): boolean {
  return a.visibility === 'public' && a.status !== 'draft';
}

/** The SQL twin of `isPublished` for the agreements row `a` (tested to agree with it). */
export function publishedSql(a: string): string {
  return `(${a}.visibility = 'public' AND ${a}.status <> 'draft')`;
}

/** The obligors a user on `userSide` may give a new task: those whose task they may create. */
export function obligorsUserMayCreate(user: AccessSubject, userSide: Side | null): Obligor[] {
  return obligors.filter((o) => can(user, 'task.create', { relation: relationToTask(userSide, o) }));
}
