import { defaultStatusRules, historySnapshots, type AgreementStatus } from '@accord/domain';
import { executionSteps } from './plan-builder.js';
import type { Rng } from './prng.js';
import type { AgreementEntry, AreaEntry, DatasetRegistry, TaskEntry } from './registry.js';
import { DAY_MS, isoDay } from './time.js';
import { areaDescriptions, areaTitles } from './vocabulary/areas.js';
import { personName } from './vocabulary/people.js';
import { expectedProducts } from './vocabulary/tasks.js';

/**
 * The snapshots the history holds, made by the app's own snapshot functions (`historySnapshots`
 * in the domain), so the data set's history has exactly the shapes the app writes. A record's states are built
 * backwards from what it is now: each change undone gives the state before it, down to the one
 * it was created with.
 */

const day = (d: number | null) => (d === null ? null : isoDay(d));

export function agreementState(a: AgreementEntry) {
  return historySnapshots.agreement({
    ...a,
    // The data set leaves the sixth "rõ" off and no task names who decides: the columns' defaults.
    checksAuthority: false,
    // Nor does it set an agreement's status rules or report cadence: the columns' defaults too.
    atRiskDays: defaultStatusRules.atRiskDays,
    progressMargin: defaultStatusRules.progressMargin,
    reportCadence: 'monthly',
    status: a.status as AgreementStatus,
    signedOn: day(a.signedOn),
    periodStart: day(a.periodStart),
    periodEnd: day(a.periodEnd),
    legalBases: [...a.legalBases],
    sourceUrls: [...a.sourceUrls],
    parties: a.parties.map((p) => ({
      organisationId: p.org.id,
      side: p.side,
      organisationName: p.nameAtSigning,
      signatoryName: p.signatoryName,
      signatoryTitle: p.signatoryTitle,
    })),
  });
}
export type AgreementState = ReturnType<typeof agreementState>;

/** Undoes one edit of an agreement's details: the state as it was before. */
export function undoAgreementEdit(rng: Rng, s: AgreementState): AgreementState {
  const before = { ...s };
  const options: (() => void)[] = [];
  if (s.summary) options.push(() => (before.summary = s.summary?.includes('. ') ? `${s.summary.split('. ')[0]}.` : null));
  if (s.reference) options.push(() => (before.reference = null));
  if (s.sourceUrls.length > 0) options.push(() => (before.sourceUrls = []));
  if (s.legalBases.length > 0) options.push(() => (before.legalBases = s.legalBases.slice(0, -1)));
  if (s.visibility === 'public') options.push(() => (before.visibility = 'parties'));
  if (s.periodEnd) options.push(() => (before.periodEnd = isoDay(Math.floor(Date.parse(s.periodEnd as string) / DAY_MS) - 365)));
  if (options.length === 0) before.summary = s.summary ? null : 'Dự thảo thỏa thuận hợp tác.';
  else rng.pick(options)();
  return before;
}

export function areaState(a: AreaEntry) {
  return historySnapshots.area({ ...a, agreementId: a.agreement.id });
}
export type AreaState = ReturnType<typeof areaState>;

export function undoAreaEdit(rng: Rng, s: AreaState): AreaState {
  const before = { ...s };
  if (s.description && rng.chance(0.6)) before.description = null;
  else if (!s.description) before.description = rng.pick(areaDescriptions[s.theme]);
  else before.title = rng.pick(areaTitles[s.theme].filter((t) => t !== s.title).concat(s.title));
  return before;
}

/** The side that delivered a task's product: the side that owes it (the government side for joint work), as the app records an administrator's delivery. */
export function deliveredBySideOf(t: TaskEntry): 'government' | 'enterprise' | null {
  if (t.deliveredOn === null) return null;
  return t.obligor === 'enterprise' ? 'enterprise' : 'government';
}

export function taskState(t: TaskEntry, data: DatasetRegistry) {
  const unit = (id: string | null) => {
    const name = id ? data.orgById.get(id)?.nameVi : undefined;
    return name === undefined ? null : { name };
  };
  return historySnapshots.task({
    ...t,
    agreementId: t.agreement.id,
    areaId: t.area.id,
    decidedBy: null,
    startDate: day(t.startDate),
    dueDate: day(t.dueDate),
    startedOn: day(t.startedOn),
    deliveredOn: day(t.deliveredOn),
    acceptedOn: day(t.acceptedOn),
    deliveredBySide: deliveredBySideOf(t),
    reviewNote: null,
    leadUnit: unit(t.leadOrgId),
    coordinatingUnits: t.coordinatorIds.map((id) => unit(id) ?? { name: '' }),
  });
}
export type TaskState = ReturnType<typeof taskState>;

/** The facts of a task's snapshot that a change of its execution sets (what its status is worked out from). */
export type TaskFactsState = Pick<
  TaskState,
  'state' | 'stateReason' | 'progress' | 'weight' | 'startedOn' | 'deliveredOn' | 'acceptedOn' | 'deliveredBySide'
>;

/** One phase of a task's execution: its facts, and the day the change into it came on, when they date it. */
export interface TaskPhase {
  facts: TaskFactsState;
  /** A day number (see `executionSteps`). */
  on: number | null;
}

/**
 * The phases a task went through to reach its facts of now, first to last: not started (open, no
 * progress, no dates); in progress (started, part-way: its progress of now when it is still in
 * progress, about half when it went on to be delivered, and what it had reached when it was paused
 * or cancelled); then its facts of now (delivered, completed, paused or cancelled). Each phase after
 * the first is one of `executionSteps`, dated as they are.
 */
export function statusPath(rng: Rng, t: TaskEntry): TaskPhase[] {
  const now: TaskFactsState = {
    state: t.state,
    stateReason: t.stateReason,
    progress: t.progress,
    weight: t.weight,
    startedOn: day(t.startedOn),
    deliveredOn: day(t.deliveredOn),
    acceptedOn: day(t.acceptedOn),
    deliveredBySide: deliveredBySideOf(t),
  };
  const notStarted: TaskFactsState = {
    ...now,
    state: 'open',
    stateReason: null,
    progress: 0,
    startedOn: null,
    deliveredOn: null,
    acceptedOn: null,
    deliveredBySide: null,
  };
  const working = (progress: number): TaskFactsState => ({ ...notStarted, progress, startedOn: now.startedOn });
  const facts: TaskFactsState[] = [notStarted];
  switch (t.outcome) {
    case 'not_started':
      break;
    case 'in_progress':
      // Delivered and waiting for acceptance: it was in progress first.
      if (t.deliveredOn !== null) facts.push(working(rng.between(35, 65)));
      facts.push(now);
      break;
    case 'completed':
      facts.push(working(rng.between(35, 65)), now);
      break;
    case 'paused':
    case 'cancelled':
      // Stopped where it had got to, or cancelled before it started.
      if (t.startedOn !== null) facts.push(working(t.progress));
      facts.push(now);
      break;
  }
  const days = executionSteps(t);
  return facts.map((f, i) => ({ facts: f, on: i === 0 ? null : (days[i - 1] ?? null) }));
}

const shiftDay = (iso: string, days: number) => isoDay(Math.floor(Date.parse(iso) / DAY_MS) + days);

/** Undoes one edit of a task (not its status): which kind it was, and the state before it. */
export function undoTaskEdit(rng: Rng, s: TaskState, siblings: number): { kind: 'update' | 'move'; before: TaskState } {
  const before = { ...s };
  const options: [number, () => 'update' | 'move'][] = [
    [15, () => ((before.responsiblePerson = rng.chance(0.2) ? null : personName(rng)), 'update')],
    [
      12,
      () => (
        (before.expectedProduct = rng.chance(0.3) ? null : rng.pick(expectedProducts).replace('{n}', String(rng.between(2, 95)))),
        'update'
      ),
    ],
  ];
  const { dueDate, startDate, description } = s;
  if (dueDate) {
    options.push([
      25,
      () => {
        const earlier = shiftDay(dueDate, -rng.between(14, 120));
        before.dueDate = startDate && earlier < startDate ? shiftDay(dueDate, rng.between(14, 60)) : earlier;
        return 'update';
      },
    ]);
  }
  if (startDate) {
    options.push([
      8,
      () => {
        const moved = shiftDay(startDate, rng.between(7, 45) * (rng.chance(0.5) ? 1 : -1));
        before.startDate = dueDate && moved > dueDate ? shiftDay(startDate, -rng.between(7, 45)) : moved;
        return 'update';
      },
    ]);
  }
  if (description)
    options.push([15, () => ((before.description = description.includes('. ') ? `${description.split('. ')[0]}.` : null), 'update')]);
  if (s.coordinatingUnits.length > 0) options.push([10, () => ((before.coordinatingUnits = s.coordinatingUnits.slice(0, -1)), 'update')]);
  if (siblings > 1) {
    options.push([
      6,
      () => {
        const other = rng.int(siblings - 1);
        before.position = other >= s.position ? other + 1 : other;
        return 'move';
      },
    ]);
  }
  const undo = rng.weighted(
    options.map((o) => o[1]),
    options.map((o) => o[0]),
  );
  return { kind: undo(), before };
}
