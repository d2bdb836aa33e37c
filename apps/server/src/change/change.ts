import { AppError, historySnapshots, type AuditEvent, type HistoryEntity, type Side, type SnapshotSource } from '@accord/domain';
import { withTransaction, type Db, type Queryable } from '../db/pool.js';
import type { Viewer } from '../modules/access/viewer.js';
import { insertEvent, insertEvents, type AuditInput } from '../modules/history/history.repository.js';
import { claimIdempotencyKey } from './idempotency.js';

/**
 * The one way to change state. `withChange` opens the transaction; inside it, `change.open`
 * loads a record under lock, authorizes it through the policy and applies the one
 * optimistic-concurrency rule; `change.record` writes the history event and its outbox row.
 * Services get a write transaction nowhere else (lint forbids `withTransaction` in modules/).
 */

/** A record a change is about to edit: how to read it under lock, check access, and show it. */
export interface Target<Row extends { version: number }, Access> {
  /** The record, read with a row lock, or undefined when there is none. */
  load(tx: Queryable): Promise<Row | undefined>;
  notFound(): AppError;
  /** Throws 404 or 403 as the policy says, before any version comparison or write; answers what the viewer is to the record. */
  authorize(row: Row): Access | Promise<Access>;
  /** The record as GET returns it: what a 412 carries. */
  present(row: Row, access: Access, tx: Queryable): unknown;
}

export interface HistoryEvent<E extends HistoryEntity> {
  action: AuditEvent['action'];
  entityId: string;
  agreementId: string | null;
  title: string | null;
  before: SnapshotSource<E> | null;
  after: SnapshotSource<E> | null;
  /** The record whose change brought this one with it (the deleted area, for each of its tasks). */
  causeId?: string;
  /** The one side that may read this event (an internal entry's); by default all who read the agreement. */
  audience?: Side | null;
}

/** The one 412: someone else changed the record; `current` is it as GET returns it. */
export function versionConflict(current: unknown): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    'Someone else changed this since you opened it. Their version is shown; apply your change again.',
    {
      current,
    },
  );
}

export class Change {
  constructor(
    readonly tx: Queryable,
    readonly viewer: Viewer,
  ) {}

  /** Loads, authorizes and version-checks a record, in that order; returns it locked for this transaction. */
  async open<Row extends { version: number }, Access>(
    target: Target<Row, Access>,
    expectedVersion: number,
  ): Promise<{ row: Row; access: Access }> {
    const row = await target.load(this.tx);
    if (!row) throw target.notFound();
    const access = await target.authorize(row);
    if (row.version !== expectedVersion) throw versionConflict(await target.present(row, access, this.tx));
    return { row, access };
  }

  /**
   * Loads and authorizes a record to add to, without asking for its version: a new entry in a
   * task's thread takes nothing away from what others wrote, so two posted at once are both kept.
   * The record stays locked, so what the addition changes on it is applied one after the other.
   */
  async lock<Row extends { version: number }, Access>(target: Target<Row, Access>): Promise<{ row: Row; access: Access }> {
    const row = await target.load(this.tx);
    if (!row) throw target.notFound();
    return { row, access: await target.authorize(row) };
  }

  /** Records what changed, in the entity's one snapshot shape, with its outbox row. */
  async record<E extends HistoryEntity>(entity: E, e: HistoryEvent<E>): Promise<void> {
    await insertEvent(this.tx, this.auditInput(entity, e));
  }

  /** Records many events of one entity at once (an import's tasks), each as `record` would. */
  async recordMany<E extends HistoryEntity>(entity: E, events: readonly HistoryEvent<E>[]): Promise<void> {
    await insertEvents(
      this.tx,
      events.map((e) => this.auditInput(entity, e)),
    );
  }

  private auditInput<E extends HistoryEntity>(entity: E, e: HistoryEvent<E>): AuditInput {
    const snapshot = historySnapshots[entity] as (source: SnapshotSource<E>) => Record<string, unknown>;
    return {
      actorId: this.viewer.user.id,
      action: e.action,
      entityType: entity,
      entityId: e.entityId,
      agreementId: e.agreementId,
      entityTitle: e.title,
      before: e.before && snapshot(e.before),
      after: e.after && snapshot(e.after),
      causeId: e.causeId ?? null,
      audienceSide: e.audience ?? null,
    };
  }
}

/**
 * Runs `fn` as one change: committed with its history when it returns, nothing kept when it throws.
 * A request with an Idempotency-Key claims it here, in the same transaction, and its answer is kept
 * with it (./idempotency.ts).
 */
export function withChange<T>(db: Db, viewer: Viewer, fn: (change: Change) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    const keep = await claimIdempotencyKey(tx);
    const result = await fn(new Change(tx, viewer));
    await keep?.(result);
    return result;
  });
}
