import type { Generator, GeneratorContext } from '../context.js';
import type { CopyRow } from '../copy.js';
import { deliveredBySideOf } from '../history-states.js';
import type { Rng } from '../prng.js';
import { buildPlan, changeWeight, dateExecutionSteps, momentsBetween } from '../plan-builder.js';
import type { AgreementEntry, AreaEntry, TaskEntry } from '../registry.js';
import { taskClarityValues, taskSearchText } from '../search-text.js';
import { DAY_MS, isoDay, isoTime, officeTime } from '../time.js';

/**
 * How many tasks each agreement gets: one national-size plan (≥ 8,000 tasks at scale 1), a few of
 * 1,000–3,000, most of 50–400, scaled so that the total is about 100,000 × scale.
 */
function planSizes(ctx: GeneratorContext): { sizes: Map<AgreementEntry, number>; largest: AgreementEntry } {
  const { rng, data, scale } = ctx;
  const agreements = data.agreements;
  // The national-size plan: the largest province's agreement in force, signed by the province as it is now.
  const candidates = agreements
    .filter((a) => a.level === 'group' && a.status === 'in_force')
    .sort(
      (x, y) =>
        x.province.rank - y.province.rank ||
        Number(x.parties[0]?.org.successorId !== null) - Number(y.parties[0]?.org.successorId !== null) ||
        (y.periodEnd ?? 0) - (x.periodEnd ?? 0) ||
        (x.signedOn ?? 0) - (y.signedOn ?? 0),
    );
  const largest = candidates[0] ?? agreements[0];
  if (!largest) throw new Error('plans need the agreements generator');
  // At tiny scales the largest plan still has enough tasks of each side to edit (the harness takes 64).
  const largestSize = Math.max(200, Math.round(9000 * scale));
  const mediums = new Map(
    rng
      .sample(candidates.slice(1, 1 + Math.round(20 * scale)), Math.round(8 * scale))
      .map((a) => [a, Math.round(rng.between(1000, 3000) * scale)]),
  );
  const total = Math.max(Math.round(100_000 * scale), largestSize + 5 * agreements.length);
  const fixed = largestSize + [...mediums.values()].reduce((s, n) => s + n, 0);

  // The others share what is left, in proportion to a skewed draw (most between 50 and 400).
  const raw = new Map<AgreementEntry, number>();
  for (const a of agreements) {
    if (a === largest || mediums.has(a)) continue;
    let size = 60 + 340 * rng.next() ** 0.45;
    if (a.status === 'draft') size *= 0.3;
    if (a.level === 'branch') size *= 0.7;
    raw.set(a, size);
  }
  const rawTotal = [...raw.values()].reduce((s, x) => s + x, 0);
  const factor = rawTotal > 0 ? Math.max(0, total - fixed) / rawTotal : 0;
  const sizes = new Map<AgreementEntry, number>([[largest, largestSize], ...mediums]);
  for (const [a, size] of raw) sizes.set(a, Math.max(5, Math.round(size * factor)));
  return { sizes, largest };
}

/**
 * Spreads the history's budget (about 1,000,000 events × scale, after the agreements' and areas'
 * own) over the tasks, busier for tasks further along, as update and move times.
 */
function scheduleTaskChanges(ctx: GeneratorContext, facts: Rng): void {
  const { rng, data, today } = ctx;
  const todayEnd = officeTime(today, 1);
  let fixed = data.tasks.length + data.areas.length;
  for (const a of data.agreements) fixed += 1 + a.statusSteps.length + a.editTimes.length;
  for (const area of data.areas) fixed += area.editTimes.length;
  const budget = Math.max(0, Math.round(1_000_000 * ctx.scale) - fixed);
  const weights = data.tasks.map((t) => changeWeight(t, today));
  const weightTotal = weights.reduce((s, w) => s + w, 0);
  const factor = weightTotal > 0 ? budget / weightTotal : 0;
  data.tasks.forEach((t, i) => {
    const count = Math.floor((weights[i] as number) * factor + rng.next());
    // Changes come until a while after the due date (and at least until it was accepted), never after today.
    const last = Math.max(t.dueDate !== null ? t.dueDate + 45 : Infinity, (t.acceptedOn ?? t.deliveredOn ?? -Infinity) + 1);
    const until = Math.min(todayEnd, Math.max(t.createdAt + 30 * DAY_MS, last * DAY_MS));
    // The changes of its execution (started, delivered, accepted) on their days, from the facts' own stream.
    t.changeTimes = dateExecutionSteps(facts, momentsBetween(rng, count, t.createdAt, until), t, t.createdAt, until);
    t.version = 1 + count;
    t.updatedAt = t.changeTimes.at(-1) ?? t.createdAt;
  });
}

const AREA_COLUMNS = ['id', 'agreement_id', 'theme', 'title', 'description', 'position', 'version', 'created_at', 'updated_at'];
const TASK_COLUMNS = [
  'id',
  'agreement_id',
  'area_id',
  'parent_id',
  'position',
  'depth',
  'code',
  'title',
  'description',
  'obligor',
  'lead_org_id',
  'responsible_person',
  'start_date',
  'due_date',
  'expected_product',
  'state',
  'state_reason',
  'progress',
  'weight',
  'started_on',
  'delivered_on',
  'accepted_on',
  'delivered_by_side',
  'delivered_version',
  'search_text',
  'clarity_met',
  'clarity_met_authority',
  'version',
  'created_at',
  'updated_at',
];
const day = (d: number | null) => (d === null ? null : isoDay(d));

function areaRow(a: AreaEntry): CopyRow {
  return [a.id, a.agreement.id, a.theme, a.title, a.description, a.position, a.version, isoTime(a.createdAt), isoTime(a.updatedAt)];
}

function* taskRows(tasks: readonly TaskEntry[]): Iterable<CopyRow> {
  for (const t of tasks) {
    yield [
      t.id,
      t.agreement.id,
      t.area.id,
      t.parentId,
      t.position,
      t.depth,
      t.code,
      t.title,
      t.description,
      t.obligor,
      t.leadOrgId,
      t.responsiblePerson,
      day(t.startDate),
      day(t.dueDate),
      t.expectedProduct,
      t.state,
      t.stateReason,
      t.progress,
      t.weight,
      day(t.startedOn),
      day(t.deliveredOn),
      day(t.acceptedOn),
      deliveredBySideOf(t),
      // Delivered at the version it has now: nothing changed it since.
      t.deliveredOn === null ? null : t.version,
      taskSearchText(t),
      ...taskClarityValues({ ...t, startDate: day(t.startDate), dueDate: day(t.dueDate), leadUnitId: t.leadOrgId, decidedBy: null }),
      t.version,
      isoTime(t.createdAt),
      isoTime(t.updatedAt),
    ];
  }
}

function* coordinatorRows(tasks: readonly TaskEntry[]): Iterable<CopyRow> {
  for (const t of tasks) {
    // Positions from 1, as the app's WITH ORDINALITY writes them.
    for (let i = 0; i < t.coordinatorIds.length; i++) yield [t.id, t.coordinatorIds[i] as string, i + 1];
  }
}

/** The joint plans: areas, tasks (sub-tasks to depth 3) and their coordinating units. */
export const plansGenerator: Generator = {
  name: 'plans',
  dependsOn: ['agreements'],
  // task_search is filled by the tasks' trigger; named so that its indexes are built after the load.
  tables: ['areas', 'tasks', 'task_coordinators', 'task_search'],
  async generate(ctx) {
    const { rng, data, today } = ctx;
    const { sizes, largest } = planSizes(ctx);
    // The tasks' facts from a stream of their own: the plans' other draws stay as they were.
    const facts = rng.fork('facts');
    for (const a of data.agreements) {
      buildPlan(rng, facts, a, sizes.get(a) ?? 5, today, { largest: a === largest });
      for (const area of a.areas) data.areas.push(area);
      for (const t of a.tasks) data.tasks.push(t);
    }
    scheduleTaskChanges(ctx, facts);
    await ctx.copy('areas', AREA_COLUMNS, data.areas.map(areaRow));
    await ctx.copy('tasks', TASK_COLUMNS, taskRows(data.tasks));
    await ctx.copy('task_coordinators', ['task_id', 'organisation_id', 'position'], coordinatorRows(data.tasks));
  },
};
