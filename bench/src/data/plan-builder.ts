import { areaThemes, type AreaTheme, type Obligor } from '@accord/domain';
import { PlanWriter } from './plan-text.js';
import { weightedTable, type Rng } from './prng.js';
import type { AgreementEntry, AreaEntry, OrgEntry, TaskEntry, TaskOutcome } from './registry.js';
import { DAY_MS, clamp, officeTime } from './time.js';
import { areaDescriptions, areaTitles, themeWeights } from './vocabulary/areas.js';
import { cancelReasons, pauseReasons } from './vocabulary/tasks.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Picker = (rng: Rng) => OrgEntry | null;

/** Who may lead a task of each side, weighted: mostly departments and branches, some communes and units. */
function leadPickers(a: AgreementEntry): { government: Picker; enterprise: Picker; coordinators: OrgEntry[] } {
  const share = <T>(items: readonly T[], weight: number): [T, number][] => items.map((x) => [x, weight / Math.max(1, items.length)]);
  const branch = a.branch ?? a.group.branches.find((b) => b.province === a.province) ?? null;
  const branchOrgs = branch ? [branch.org] : [];
  const branchUnits = branch?.units ?? [];
  let government: [OrgEntry | null, number][];
  let enterprise: [OrgEntry | null, number][];
  if (a.level === 'group') {
    government = [...share(a.province.departments, 70), ...share(a.province.communes, 22), [a.province.org, 4], [null, 4]];
    enterprise = [...share(branchOrgs, 45), ...share(branchUnits, 28), ...share(a.group.units, 18), [a.group.org, 5], [null, 4]];
  } else {
    const party = a.parties.find((p) => p.side === 'government')?.org ?? a.province.org;
    const below = a.province.departments.filter((d) => d.parentId === party.id);
    government = [[party, 80], ...share(below, 15), [null, 5]];
    enterprise = [...share(branchOrgs, 60), ...share(branchUnits, 36), [null, 4]];
  }
  const coordinators = [...new Set([...government, ...enterprise].map(([o]) => o).filter((o): o is OrgEntry => o !== null))];
  return { government: weightedTable(government), enterprise: weightedTable(enterprise), coordinators };
}

/** Themes for the agreement's areas: the four pillars nearly always, the others now and then. */
function chooseThemes(rng: Rng, count: number): AreaTheme[] {
  const left = [...areaThemes];
  const chosen: AreaTheme[] = [];
  while (chosen.length < count && left.length > 0) {
    const theme = rng.weighted(
      left,
      left.map((t) => themeWeights[t]),
    );
    chosen.push(theme);
    left.splice(left.indexOf(theme), 1);
  }
  return rng.chance(0.8) ? chosen.sort((x, y) => areaThemes.indexOf(x) - areaThemes.indexOf(y)) : chosen;
}

/** Splits n into `parts` positive counts, unevenly. */
function split(rng: Rng, n: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.3 + rng.next());
  const total = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => 1 + Math.floor(((n - parts) * w) / total));
  let rest = n - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) counts[i] = (counts[i] as number) + 1;
  return counts;
}

/** How many tasks sit at each depth of an area of n tasks (roots first, at most four levels). */
function levels(rng: Rng, n: number): number[] {
  if (n <= 3) return [n];
  const roots = Math.max(1, Math.round(n * (0.22 + 0.12 * rng.next())));
  const rest = n - roots;
  const d1 = Math.round(rest * 0.55);
  const d2 = Math.round((rest - d1) * 0.65);
  return [roots, d1, d2, rest - d1 - d2].filter((c) => c > 0);
}

/** What happened to a task, weighted by its agreement's status and where its dates stand against today. */
function outcomeFor(rng: Rng, a: AgreementEntry, start: number | null, due: number | null, today: number): TaskOutcome {
  const pick = (w: [TaskOutcome, number][]) =>
    rng.weighted(
      w.map((x) => x[0]),
      w.map((x) => x[1]),
    );
  if (a.status === 'draft') return 'not_started';
  if (a.status === 'completed')
    return pick([
      ['completed', 90],
      ['cancelled', 6],
      ['in_progress', 4],
    ]);
  if (a.status === 'expired' || a.status === 'terminated')
    return pick([
      ['completed', 60],
      ['in_progress', 15],
      ['not_started', 10],
      ['cancelled', 10],
      ['paused', 5],
    ]);
  if (due === null)
    return pick([
      ['in_progress', 40],
      ['not_started', 40],
      ['completed', 20],
    ]);
  if (due < today)
    return pick([
      ['completed', 80],
      ['in_progress', 9],
      ['not_started', 4],
      ['paused', 3],
      ['cancelled', 4],
    ]);
  if (start === null || start <= today)
    return pick([
      ['in_progress', 55],
      ['not_started', 18],
      ['completed', 20],
      ['paused', 5],
      ['cancelled', 2],
    ]);
  return pick([
    ['not_started', 92],
    ['in_progress', 6],
    ['cancelled', 2],
  ]);
}

/** What the app keeps of a task's execution, as its registry entry holds it (days as day numbers). */
type TaskFacts = Pick<TaskEntry, 'state' | 'stateReason' | 'progress' | 'weight' | 'startedOn' | 'deliveredOn' | 'acceptedOn'>;

/** The progress a task's dates expect by `today` (the domain's `expectedProgress`, in day numbers); null without both dates. */
function expectedBy(start: number | null, due: number | null, today: number): number | null {
  if (start === null || due === null) return null;
  if (today < start) return 0;
  if (today >= due || due <= start) return 100;
  return Math.round(((today - start) * 100) / (due - start));
}

/**
 * The facts of a task with the given outcome, drawn from `rng`: progress (100 when completed,
 * near what its dates expect today when in progress, some ahead and some behind, 5–95; 0 when not
 * started), the day it started (from its start date or its creation, never after today), for a
 * completed one the days it was delivered (by its due date about 85 % of the time) and accepted
 * (0–10 days later), a few in progress near or past their due date delivered and not accepted yet,
 * and a reason for a paused or cancelled one. Every date is between the task's creation and today.
 */
function factsFor(
  rng: Rng,
  outcome: TaskOutcome,
  t: { startDate: number | null; dueDate: number | null; createdDay: number; today: number },
): TaskFacts {
  const { startDate, dueDate, today } = t;
  const createdDay = Math.min(t.createdDay, today);
  const facts: TaskFacts = {
    state: 'open',
    stateReason: null,
    progress: 0,
    weight: 1,
    startedOn: null,
    deliveredOn: null,
    acceptedOn: null,
  };
  if (outcome === 'not_started') return facts;
  const cancelledUnstarted = outcome === 'cancelled' && rng.chance(0.5);
  if (!cancelledUnstarted) {
    // On its start date or a little after, never before it was made, nor after today or its due
    // date (unless it was made later than that); early, when its start is still ahead.
    const planned = Math.max(startDate ?? createdDay, createdDay);
    const latest = Math.min(today, Math.max(planned, dueDate ?? today));
    facts.startedOn = planned > today ? rng.between(createdDay, today) : Math.min(latest, planned + Math.floor(rng.next() ** 2 * 21));
  }
  const startedOn = facts.startedOn ?? createdDay;
  const expected = expectedBy(startDate, dueDate, today);
  switch (outcome) {
    case 'completed': {
      const onTime = dueDate === null || rng.chance(0.85);
      let delivered: number;
      if (dueDate === null) delivered = rng.between(startedOn, today);
      else if ((onTime || dueDate >= today) && startedOn <= dueDate) {
        // By the due date, mostly close to it.
        const last = Math.min(dueDate, today);
        delivered = Math.max(startedOn, last - Math.floor(rng.next() ** 2 * Math.min(60, last - startedOn + 1)));
      } else {
        // Late: after the due date (and after it started), never after today.
        const first = Math.max(dueDate + 1, startedOn);
        delivered = Math.min(today, first + Math.floor(rng.next() ** 2 * 40));
      }
      facts.progress = 100;
      facts.deliveredOn = delivered;
      facts.acceptedOn = Math.min(today, delivered + rng.between(0, 10));
      return facts;
    }
    case 'in_progress': {
      if (dueDate !== null && dueDate <= today + 14 && rng.chance(0.03)) {
        // Delivered, the other party not having accepted it yet.
        facts.progress = 100;
        facts.deliveredOn = clamp(Math.min(dueDate, today) - rng.int(15) + rng.int(10), startedOn, today);
        return facts;
      }
      const around = expected ?? rng.between(20, 80);
      // Roughly around what the dates expect (a spread of about ±20 points), some well ahead or behind.
      const offset = (rng.next() + rng.next() + rng.next() - 1.5) * 40;
      facts.progress = clamp(Math.round(around + offset), 5, 95);
      return facts;
    }
    case 'paused':
    case 'cancelled': {
      facts.state = outcome;
      facts.stateReason = rng.pick(outcome === 'paused' ? pauseReasons : cancelReasons);
      if (facts.startedOn !== null) {
        // Stopped part-way: short of where the dates expected it, often well short.
        const reached = (expected ?? 60) * (0.2 + 0.7 * rng.next());
        facts.progress = clamp(Math.round(reached), 5, 90);
      }
      return facts;
    }
  }
}

/**
 * The changes of a task's execution after it was made (not started), in order, each as the day it
 * came on, or null when its facts do not date it: started, then delivered (in progress) or accepted
 * (completed), or paused or cancelled (after it started, or before).
 */
export function executionSteps(t: TaskEntry): (number | null)[] {
  switch (t.outcome) {
    case 'not_started':
      return [];
    case 'in_progress':
      return t.deliveredOn === null ? [t.startedOn] : [t.startedOn, t.deliveredOn];
    case 'completed':
      return [t.startedOn, t.acceptedOn];
    case 'paused':
    case 'cancelled':
      return t.startedOn === null ? [null] : [t.startedOn, null];
  }
}

/**
 * Moves some of a task's change times (sorted) onto its execution's changes, the latest of them
 * when it has fewer changes than steps: for each step, the change nearest to a moment of its day
 * (for a step its facts do not date, a day after the step before), each after the one before, so
 * that the history can record each step on its day. Draws from `rng`.
 */
export function dateExecutionSteps(rng: Rng, times: number[], t: TaskEntry, from: number, until: number): number[] {
  if (times.length === 0) return times;
  const moved = new Set<number>();
  const result = [...times];
  const latest = Math.max(from + MINUTE, until);
  let previous = from;
  for (const day of executionSteps(t).slice(-times.length)) {
    const on = day ?? rng.between(Math.floor(previous / DAY_MS), Math.floor(latest / DAY_MS));
    const at = Math.max(previous + MINUTE, clamp(officeTime(on, rng.next()), from + MINUTE, latest));
    let nearest = -1;
    for (let i = 0; i < result.length; i++) {
      if (moved.has(i)) continue;
      if (nearest < 0 || Math.abs((result[i] as number) - at) < Math.abs((result[nearest] as number) - at)) nearest = i;
    }
    result[nearest] = at;
    moved.add(nearest);
    previous = at;
  }
  result.sort((x, y) => x - y);
  for (let i = 1; i < result.length; i++)
    if ((result[i] as number) <= (result[i - 1] as number)) result[i] = (result[i - 1] as number) + MINUTE;
  return result;
}

/** How busy a task's history is, relative to others (the plans generator turns it into a count). */
export function changeWeight(t: TaskEntry, today: number): number {
  const elapsed =
    t.startDate !== null && t.dueDate !== null ? clamp((today - t.startDate) / Math.max(1, t.dueDate - t.startDate), 0, 1) : 0.5;
  switch (t.outcome) {
    case 'completed':
      return 10;
    case 'in_progress':
      return 4 + 8 * elapsed;
    case 'paused':
      return 8;
    case 'cancelled':
      return 4;
    case 'not_started':
      return t.startDate !== null && t.startDate <= today ? 3 : 1;
  }
}

/** Sorted moments after `from` and not after `until` (nor before `from` plus a minute each), in office hours. */
export function momentsBetween(rng: Rng, count: number, from: number, until: number): number[] {
  const firstDay = Math.floor(from / DAY_MS);
  const lastDay = Math.max(firstDay, Math.floor(until / DAY_MS));
  const times = Array.from({ length: count }, () => {
    const t = officeTime(firstDay + rng.int(lastDay - firstDay + 1), rng.next());
    return clamp(t, from + MINUTE, Math.max(from + MINUTE, until));
  }).sort((x, y) => x - y);
  // Never two changes of one record at the same moment.
  for (let i = 1; i < times.length; i++) if ((times[i] as number) <= (times[i - 1] as number)) times[i] = (times[i - 1] as number) + MINUTE;
  return times;
}

/**
 * An agreement's joint plan: 3–9 areas and `taskCount` tasks in trees up to four levels deep,
 * with dates inside the agreement's period, outcomes that fit the dates, lead units of the side
 * that owes the task and coordinating units of both sides. The tasks' facts (progress, the days
 * they started, were delivered and accepted, why one is paused or cancelled) come from `facts`,
 * a stream of their own, so that the rest of the plan is drawn as it was before tasks had facts.
 */
export function buildPlan(rng: Rng, facts: Rng, a: AgreementEntry, taskCount: number, today: number, { largest = false } = {}): void {
  const writer = new PlanWriter(rng, a);
  const leads = leadPickers(a);
  const todayEnd = officeTime(today, 1);
  const periodStart = a.periodStart ?? today;
  const periodEnd = Math.max(periodStart + 30, a.periodEnd ?? periodStart + 3 * 365);
  const planDay = Math.min(
    today,
    a.signedOn !== null ? a.signedOn + rng.between(7, 60) : Math.floor(a.createdAt / DAY_MS) + rng.between(1, 20),
  );
  const planTime = Math.max(a.createdAt + HOUR, officeTime(planDay, rng.next()));
  const areaCount = Math.min(taskCount, largest ? 9 : rng.weighted([3, 4, 5, 6, 7, 8, 9], [2, 4, 5, 4, 2, 1, 1]));
  const themes = chooseThemes(rng, areaCount);
  const counts = split(rng, taskCount, themes.length);
  const editsUntil = Math.min(todayEnd, officeTime(periodEnd + 60, 1));

  themes.forEach((theme, position) => {
    const createdAt = planTime + position * 3 * MINUTE;
    const editTimes = momentsBetween(rng, rng.weighted([0, 1, 2], [60, 30, 10]), createdAt, editsUntil);
    const area: AreaEntry = {
      id: rng.uuid(),
      agreement: a,
      theme,
      title: rng.pick(areaTitles[theme]),
      description: rng.chance(0.8) ? rng.pick(areaDescriptions[theme]) : null,
      position,
      createdAt,
      editTimes,
      version: 1 + editTimes.length,
      updatedAt: editTimes.at(-1) ?? createdAt,
    };
    a.areas.push(area);
    let previous: TaskEntry[] = [];
    for (const [depth, count] of levels(rng, counts[position] as number).entries()) {
      const current: TaskEntry[] = [];
      const childCount = new Map<string | null, number>();
      for (let i = 0; i < count; i++) {
        const parent = depth === 0 ? null : (rng.pick(previous) as TaskEntry);
        const key = parent?.id ?? null;
        const siblingIndex = childCount.get(key) ?? 0;
        childCount.set(key, siblingIndex + 1);
        current.push(
          makeTask(rng, {
            a,
            area,
            parent,
            depth,
            position: siblingIndex,
            writer,
            leads,
            facts,
            today,
            todayEnd,
            periodStart,
            periodEnd,
          }),
        );
      }
      for (const t of current) t.siblings = childCount.get(t.parentId) ?? 1;
      a.tasks.push(...current);
      previous = current;
    }
  });
}

interface TaskPlace {
  a: AgreementEntry;
  area: AreaEntry;
  parent: TaskEntry | null;
  depth: number;
  position: number;
  writer: PlanWriter;
  leads: ReturnType<typeof leadPickers>;
  facts: Rng;
  today: number;
  todayEnd: number;
  periodStart: number;
  periodEnd: number;
}

/** Up to k distinct organisations' ids, never `except`. */
function pickDistinct(rng: Rng, orgs: readonly OrgEntry[], k: number, except: string | null): string[] {
  const ids: string[] = [];
  for (let tries = 0; ids.length < k && tries < k * 8; tries++) {
    const id = rng.pick(orgs).id;
    if (id !== except && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function makeTask(rng: Rng, p: TaskPlace): TaskEntry {
  const { parent } = p;
  const obligor: Obligor =
    parent && parent.obligor !== 'joint' && rng.chance(0.7)
      ? parent.obligor
      : rng.weighted<Obligor>(['government', 'enterprise', 'joint'], [40, 40, 20]);
  const leadSide = obligor === 'joint' ? (rng.chance(0.5) ? 'government' : 'enterprise') : obligor;
  const parentLeadFits = parent?.leadOrgId && parent.obligor === obligor;
  const leadOrgId = parentLeadFits && rng.chance(0.5) ? parent.leadOrgId : (p.leads[leadSide](rng)?.id ?? null);
  const coordinatorIds = pickDistinct(rng, p.leads.coordinators, rng.weighted([0, 1, 2, 3], [40, 30, 20, 10]), leadOrgId);

  let startDate: number | null = null;
  let dueDate: number | null = null;
  const undated = parent ? parent.dueDate === null && rng.chance(0.5) : rng.chance(0.02);
  if (!undated) {
    if (parent && parent.dueDate !== null) {
      // Within the parent's dates (from the period's start when the parent has no start date).
      const from = parent.startDate ?? Math.min(p.periodStart, parent.dueDate);
      startDate = from + Math.floor(rng.next() * (parent.dueDate - from) * 0.7);
      dueDate = Math.min(parent.dueDate, startDate + Math.max(3, Math.floor(rng.next() * (parent.dueDate - startDate))));
    } else {
      startDate = p.periodStart + Math.floor(rng.next() ** 1.3 * (p.periodEnd - p.periodStart) * 0.85);
      dueDate = Math.min(p.periodEnd, startDate + rng.between(30, 540));
    }
    if (rng.chance(0.03)) startDate = null;
  }
  const outcome = outcomeFor(rng, p.a, startDate, dueDate, p.today);
  const text = p.writer.task(p.area.theme, p.depth, obligor);

  const base = Math.max(p.area.createdAt, parent?.createdAt ?? 0) + 5 * MINUTE;
  const baseDay = Math.floor(base / DAY_MS);
  const createdAt = rng.chance(0.75)
    ? officeTime(baseDay + rng.int(21), rng.next())
    : officeTime(baseDay + rng.int(Math.max(1, Math.min(p.today, startDate ?? baseDay + 200) - baseDay)), rng.next());
  const created = clamp(createdAt, base, Math.max(base, p.todayEnd));
  return {
    id: rng.uuid(),
    agreement: p.a,
    area: p.area,
    parentId: parent?.id ?? null,
    depth: p.depth,
    position: p.position,
    siblings: 1,
    code: parent ? `${parent.code}.${p.position + 1}` : `${p.area.position + 1}.${p.position + 1}`,
    ...text,
    obligor,
    leadOrgId,
    coordinatorIds,
    startDate,
    dueDate,
    outcome,
    ...factsFor(p.facts, outcome, { startDate, dueDate, createdDay: Math.floor(created / DAY_MS), today: p.today }),
    createdAt: created,
    changeTimes: [],
    version: 1,
    updatedAt: 0,
  };
}
