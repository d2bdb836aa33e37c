import {
  AppError,
  accessPolicy,
  can,
  isPublished,
  relationToAgreement,
  relationToDelivery,
  relationToTask,
  type ErrorCode,
  type Obligor,
  type Operation,
  type Relation,
  type Side,
} from '@accord/domain';
import { publishedSql } from '@accord/domain';
import * as repo from './access.repository.js';
import type { Queryable } from '../../db/pool.js';
import { placeholders } from '../../db/sql.js';
import type { Viewer } from './viewer.js';

/**
 * The one place that answers "what may this user see and do": single-object checks and the SQL
 * predicate every list, count and search uses, both derived from the policy table in the domain.
 */

/** What access to an agreement depends on: its parties, visibility and status. */
export interface AgreementFacts {
  parties: readonly { organisationId: string; side: Side }[];
  visibility: 'parties' | 'public';
  status: string;
}

/** The side the viewer acts on in an agreement with these parties, or null when not a party. */
export function viewerSide(viewer: Viewer, parties: AgreementFacts['parties']): Side | null {
  const mine = parties.filter((p) => viewer.reach.has(p.organisationId));
  if (mine.length === 0) return null;
  return mine.find((p) => p.side === viewer.user.organisation.side)?.side ?? mine[0]?.side ?? null;
}

export interface AgreementAccess {
  side: Side | null;
  relation: Relation;
  published: boolean;
}

export function agreementAccess(viewer: Viewer, facts: AgreementFacts): AgreementAccess {
  const side = viewerSide(viewer, facts.parties);
  return { side, relation: relationToAgreement(side), published: isPublished(facts) };
}

export function canReadAgreement(viewer: Viewer, facts: AgreementFacts): boolean {
  const a = agreementAccess(viewer, facts);
  return can(viewer.user, 'agreement.read', { relation: a.relation, published: a.published });
}

export function forbidden(message = 'You may read this but not change it.'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function notFound(code: ErrorCode, what: string): AppError {
  return new AppError(code, `${what} was not found.`);
}

export const agreementNotFound = () => notFound('AGREEMENT_NOT_FOUND', 'The agreement');

/**
 * Checks read access first, answering 404 exactly as for a missing id, so that nobody can learn
 * that another party's agreement exists; then the operation on the agreement itself (403).
 */
export function authorizeAgreement(viewer: Viewer, facts: AgreementFacts | undefined, operation: Operation): AgreementAccess {
  if (!facts || !canReadAgreement(viewer, facts)) throw agreementNotFound();
  return requireOnAgreement(viewer, agreementAccess(viewer, facts), operation);
}

/** Checks an operation on an agreement (or its shared parts) already known to be readable: 403 when not allowed. */
export function requireOnAgreement(viewer: Viewer, access: AgreementAccess, operation: Operation): AgreementAccess {
  if (operation !== 'agreement.read' && !can(viewer.user, operation, { relation: access.relation, published: access.published })) {
    throw forbidden();
  }
  return access;
}

/**
 * Reads what access to an agreement depends on and checks it. In a change, `lock` holds the
 * agreement row: `share` while changing its parts (its parties cannot change under the check),
 * `update` while changing what the parts are ordered by (two new areas never take one position).
 */
export async function loadAgreementAccess(
  db: Queryable,
  viewer: Viewer,
  agreementId: string,
  operation: Operation,
  { lock }: { lock?: repo.RowLock } = {},
): Promise<AgreementAccess> {
  return authorizeAgreement(viewer, await repo.findAgreementFacts(db, agreementId, { lock }), operation);
}

/** What access to a task depends on, besides its agreement. */
export interface TaskFacts {
  obligor: Obligor;
  leadUnitId: string | null;
  /** The side that delivered its product, if it is delivered: a review's relation is to it. */
  deliveredBySide?: Side | null;
}

function taskContext(viewer: Viewer, side: Side | null, task: TaskFacts, operation: Operation) {
  return {
    // A review's relation is to the side that delivered (or, before anything is delivered, the side that owes it).
    relation:
      operation === 'task.review'
        ? relationToDelivery(side, task.deliveredBySide ?? (task.obligor === 'joint' ? null : task.obligor))
        : relationToTask(side, task.obligor),
    isLeadUnit: task.leadUnitId !== null && viewer.down.has(task.leadUnitId),
  };
}

export function canOnTask(viewer: Viewer, side: Side | null, task: TaskFacts, operation: Operation): boolean {
  return can(viewer.user, operation, taskContext(viewer, side, task, operation));
}

export function authorizeTask(viewer: Viewer, side: Side | null, task: TaskFacts, operation: Operation): void {
  if (!canOnTask(viewer, side, task, operation)) {
    throw forbidden('This task belongs to the other side or another unit; you may read it but not change it.');
  }
}

/** The step a task's product is at, for what may be done to it next. */
export interface DeliveryFacts {
  state: 'open' | 'paused' | 'cancelled';
  deliveredOn: string | null;
  acceptedOn: string | null;
  /** The version it was delivered at; the task's own version now. */
  deliveredVersion: number | null;
  version: number;
}

/**
 * Whether a task's product can be marked delivered now: it goes ahead, is not accepted, and is
 * not delivered yet — or was changed since it was delivered, and so is delivered again.
 */
export const isDeliverable = (t: DeliveryFacts) =>
  t.state === 'open' && t.acceptedOn === null && (t.deliveredOn === null || t.deliveredVersion !== t.version);
/** Whether a task's product waits for acceptance. */
export const awaitsAcceptance = (t: DeliveryFacts) => t.state === 'open' && t.deliveredOn !== null && t.acceptedOn === null;

/** What the viewer may do to a task, as the API presents it: the policy, and for the delivery steps the step it is at. */
export function taskPermissions(viewer: Viewer, side: Side | null, task: TaskFacts & Partial<DeliveryFacts>) {
  const step = {
    state: task.state ?? 'open',
    deliveredOn: task.deliveredOn ?? null,
    acceptedOn: task.acceptedOn ?? null,
    deliveredVersion: task.deliveredVersion ?? null,
    version: task.version ?? 0,
  };
  return {
    allowed: {
      update: canOnTask(viewer, side, task, 'task.update'),
      move: canOnTask(viewer, side, task, 'task.move'),
      addSubtask: canOnTask(viewer, side, task, 'task.addSubtask'),
      delete: canOnTask(viewer, side, task, 'task.delete'),
      deliver: isDeliverable(step) && canOnTask(viewer, side, task, 'task.deliver'),
      review: awaitsAcceptance(step) && canOnTask(viewer, side, task, 'task.review'),
      waive: canOnTask(viewer, side, task, 'task.waive'),
    },
  };
}

/**
 * Whether a viewer on `side` of an agreement (null: no party) may see what is meant for `audience`
 * alone — an internal entry of a thread, and its history. Null is meant for everyone who reads the
 * agreement. Every read of entries and of history asks this, or its SQL twin below.
 */
export function seesAudience(side: Side | null, audience: Side | null): boolean {
  return audience === null || audience === side;
}

/** The SQL twin of `seesAudience` for the audience held in `column`. */
export function audienceSql(side: Side | null, column: string, param: (value: unknown) => string): string {
  return side === null ? `${column} IS NULL` : `(${column} IS NULL OR ${column} = ${param(side)})`;
}

/** Whether the viewer may edit or delete an entry of a thread (its author; within the window, which the thread service checks). */
export function canEditEntry(viewer: Viewer, entry: { author: { id: string } }): boolean {
  return can(viewer.user, 'entry.edit', { relation: 'own', isAuthor: entry.author.id === viewer.user.id });
}

/** Checks an operation that concerns no agreement (organisations, lists, search). */
export function authorizeGlobal(viewer: Viewer, operation: Operation, message?: string): void {
  if (!can(viewer.user, operation, { relation: 'unrelated' })) throw forbidden(message ?? 'This is not allowed for your role.');
}

/**
 * The SQL condition under which the agreement row `a` is one the viewer may read: the
 * `agreement.read` row of the policy table turned into SQL. `param` adds a parameter.
 * Every list, count and search of agreements, or of what belongs to them, uses this.
 */
export function readableAgreementSql(viewer: Viewer, a: string, param: (value: unknown) => string): string {
  const rule = accessPolicy['agreement.read'][viewer.user.role];
  const party = () =>
    `EXISTS (SELECT 1 FROM agreement_parties vp WHERE vp.agreement_id = ${a}.id AND vp.organisation_id = ANY(${param([...viewer.reach])}::uuid[]))`;
  switch (rule) {
    case 'always':
      return 'TRUE';
    case 'party':
    case 'own':
      return party();
    case 'partyOrPublished':
      return `(${party()} OR ${publishedSql(a)})`;
    case 'never':
      return 'FALSE';
    case 'leadUnit':
    case 'counterparty':
    case 'author':
      throw new Error('agreement.read cannot be decided by a task rule');
  }
}

/**
 * The same condition for rows that belong to an agreement (tasks, areas, history): `column`
 * must be an agreement id the viewer may read. The readable agreements are worked out once.
 */
export function readableAgreementIdSql(viewer: Viewer, column: string, param: (value: unknown) => string): string {
  const condition = readableAgreementSql(viewer, 'ra', param);
  if (condition === 'TRUE') return liveAgreementSql(column);
  return `${column} = ANY(ARRAY(SELECT ra.id FROM agreements ra WHERE ra.deleted_at IS NULL AND ${condition}))`;
}

/** The agreements a viewer may read, worked out beforehand: every live one, or these ids. */
export type ReadableAgreements = { all: true } | { all: false; ids: readonly string[] };

/**
 * Works out the agreements the viewer may read, for a statement that must know how many they are
 * to choose its plan (search: walk the tasks in the order shown and stop, or find the few matches
 * by their words). Given inside the statement, as `readableAgreementIdSql` gives them, their
 * number is unknown to PostgreSQL until it runs, and it plans for ten.
 */
export async function readableAgreements(db: Queryable, viewer: Viewer): Promise<ReadableAgreements> {
  const values: unknown[] = [];
  const condition = readableAgreementSql(viewer, 'ra', placeholders(values));
  if (condition === 'TRUE') return { all: true };
  const { rows } = await db.query<{ id: string }>(`SELECT ra.id FROM agreements ra WHERE ra.deleted_at IS NULL AND ${condition}`, values);
  return { all: false, ids: rows.map((r) => r.id) };
}

/** `readableAgreementIdSql` for agreements worked out beforehand (`readableAgreements`). */
export function readableAgreementInSql(readable: ReadableAgreements, column: string, param: (value: unknown) => string): string {
  return readable.all ? liveAgreementSql(column) : `${column} = ANY(${param(readable.ids)}::uuid[])`;
}

/** `column` is the id of an agreement not deleted: what every agreement a viewer may read all of must be. */
function liveAgreementSql(column: string): string {
  return `EXISTS (SELECT 1 FROM agreements ra WHERE ra.id = ${column} AND ra.deleted_at IS NULL)`;
}

/** The ids among `ids` of agreements the viewer may read (for links to other agreements). */
export async function readableAgreementIds(db: Queryable, viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const facts = await repo.findAgreementFactsMany(db, ids);
  return new Set([...facts].filter(([, f]) => canReadAgreement(viewer, f)).map(([id]) => id));
}
