import { historySnapshots, type AgreementStatus, type TaskStatus } from '@accord/domain';
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
    status: t.status as TaskStatus,
    leadUnit: unit(t.leadOrgId),
    coordinatingUnits: t.coordinatorIds.map((id) => unit(id) ?? { name: '' }),
  });
}
export type TaskState = ReturnType<typeof taskState>;

/** The statuses a task went through to reach its current one. */
export function statusPath(rng: Rng, status: TaskStatus): TaskStatus[] {
  switch (status) {
    case 'completed':
      return ['not_started', 'in_progress', 'completed'];
    case 'in_progress':
      return ['not_started', 'in_progress'];
    case 'paused':
      return ['not_started', 'in_progress', 'paused'];
    case 'cancelled':
      return rng.chance(0.5) ? ['not_started', 'cancelled'] : ['not_started', 'in_progress', 'cancelled'];
    case 'not_started':
      return ['not_started'];
  }
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
