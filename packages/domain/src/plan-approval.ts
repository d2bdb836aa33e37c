import { z } from 'zod';
import { checkClarity, type ClarityFacts } from './execution.js';
import { obligorSchema } from './plan.js';
import { sides, type Obligor, type Side } from './policy.js';
import { optionalText, textField, uuid, versionField } from './text.js';

/**
 * Plan approval (phê duyệt kế hoạch). A coordinator submits the plan: its tasks as they stand are
 * kept as a numbered version. A coordinator of each side approves that version, or returns it with
 * reasons; the plan is approved when both have. An approved plan is revised by submitting again,
 * and any two versions (or a version and the plan as it is now) can be compared. The plan cannot be
 * submitted while a task fails the "5 rõ" check, unless a coordinator has waived that task with a
 * written reason.
 */

export const planVersionStates = ['submitted', 'approved', 'returned', 'withdrawn'] as const;
export type PlanVersionState = (typeof planVersionStates)[number];

/** Where the plan stands: never approved and nothing waiting; waiting; approved as it is; approved and changed since. */
export const planStates = ['draft', 'submitted', 'approved', 'revising'] as const;
export type PlanState = (typeof planStates)[number];

/** A task as a version of the plan keeps it: what was agreed, not how the work stands. */
export interface PlanTaskSnapshot {
  id: string;
  /** Its place in the plan as shown then: 1, 1.2, 1.2.1 (areas numbered from 1). */
  number: string;
  area: string;
  parentId: string | null;
  title: string;
  description: string | null;
  obligor: Obligor;
  leadUnit: string | null;
  coordinatingUnits: string[];
  responsiblePerson: string | null;
  startDate: string | null;
  dueDate: string | null;
  expectedProduct: string | null;
  decidedBy: string | null;
  weight: number;
}

export const planTaskSnapshotSchema = z.object({
  id: uuid,
  number: z.string(),
  area: z.string(),
  parentId: uuid.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  obligor: obligorSchema,
  leadUnit: z.string().nullable(),
  coordinatingUnits: z.array(z.string()),
  responsiblePerson: z.string().nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  expectedProduct: z.string().nullable(),
  decidedBy: z.string().nullable(),
  weight: z.number(),
}) satisfies z.ZodType<PlanTaskSnapshot>;

/** The fields a change between two versions is shown by, in the order they are shown. */
export const planDiffFields = [
  'title',
  'area',
  'parent',
  'description',
  'obligor',
  'leadUnit',
  'coordinatingUnits',
  'responsiblePerson',
  'startDate',
  'dueDate',
  'expectedProduct',
  'decidedBy',
  'weight',
] as const;
export type PlanDiffField = (typeof planDiffFields)[number];

export interface PlanFieldChange {
  field: PlanDiffField;
  before: string | number | string[] | null;
  after: string | number | string[] | null;
}
export interface PlanTaskChange {
  before: PlanTaskSnapshot;
  after: PlanTaskSnapshot;
  changes: PlanFieldChange[];
}
export interface PlanDiff {
  added: PlanTaskSnapshot[];
  removed: PlanTaskSnapshot[];
  changed: PlanTaskChange[];
  unchanged: number;
}

/** Orders plan numbers as people read them: 1.2 before 1.10, 2 after 1.9.3. */
export function comparePlanNumbers(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed between two versions of a plan: tasks added, removed, and changed field by field
 * (before → after). A task is the same task across versions by its id; its number is where it
 * sits, so renumbering alone (a task inserted above it) is not a change. A move shows as its
 * area or its parent (by title) changing.
 */
export function diffPlans(before: readonly PlanTaskSnapshot[], after: readonly PlanTaskSnapshot[]): PlanDiff {
  const was = new Map(before.map((t) => [t.id, t]));
  const is = new Map(after.map((t) => [t.id, t]));
  const parentTitle = (index: Map<string, PlanTaskSnapshot>, t: PlanTaskSnapshot) =>
    t.parentId === null ? null : (index.get(t.parentId)?.title ?? null);
  const byNumber = (a: PlanTaskSnapshot, b: PlanTaskSnapshot) => comparePlanNumbers(a.number, b.number);
  const changed: PlanTaskChange[] = [];
  let unchanged = 0;
  for (const now of after) {
    const then = was.get(now.id);
    if (!then) continue;
    const changes: PlanFieldChange[] = [];
    for (const field of planDiffFields) {
      if (field === 'parent') {
        if (then.parentId !== now.parentId) changes.push({ field, before: parentTitle(was, then), after: parentTitle(is, now) });
        continue;
      }
      if (!same(then[field], now[field])) changes.push({ field, before: then[field], after: now[field] });
    }
    if (changes.length > 0) changed.push({ before: then, after: now, changes });
    else unchanged += 1;
  }
  return {
    added: after.filter((t) => !was.has(t.id)).sort(byNumber),
    removed: before.filter((t) => !is.has(t.id)).sort(byNumber),
    changed: changed.sort((a, b) => byNumber(a.after, b.after)),
    unchanged,
  };
}

/**
 * A plan's content as one text, the same for two snapshots exactly when `diffPlans` finds nothing
 * between them: its tasks in the order of their ids, each without its number (renumbering is no change).
 */
export function planContent(snapshot: readonly PlanTaskSnapshot[]): string {
  return JSON.stringify(
    [...snapshot]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(({ number: _n, ...content }) => planDiffFields.map((f) => (f === 'parent' ? content.parentId : content[f])).concat(content.id)),
  );
}

export const isEmptyDiff = (d: PlanDiff) => d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;

/** A task as readiness needs it: its "5 rõ" facts, and whether a coordinator waived the check. */
export type ReadinessFacts = ClarityFacts & { id: string; clarityWaiver: string | null };

export interface PlanReadiness {
  tasks: number;
  /** Failing the check and not waived: these stop the plan from being submitted. */
  failing: number;
  /** Failing the check, waived by a coordinator with a reason. */
  waived: number;
  /** The first of the failing tasks, to open them. */
  failingTaskIds: string[];
}

/** How far the plan is from being submittable. */
export function planReadiness(tasks: readonly ReadinessFacts[], { withAuthority = false } = {}): PlanReadiness {
  let failing = 0;
  let waived = 0;
  const failingTaskIds: string[] = [];
  for (const t of tasks) {
    if (checkClarity(t, { withAuthority }).clear) continue;
    if (t.clarityWaiver !== null) waived += 1;
    else {
      failing += 1;
      if (failingTaskIds.length < 50) failingTaskIds.push(t.id);
    }
  }
  return { tasks: tasks.length, failing, waived, failingTaskIds };
}

/** Why a plan cannot be submitted now, or null when it can. */
export type SubmissionProblem = 'PLAN_ALREADY_SUBMITTED' | 'PLAN_EMPTY' | 'PLAN_NOT_READY' | 'PLAN_UNCHANGED';

export function submissionProblem(p: {
  waiting: boolean;
  readiness: PlanReadiness;
  /** Whether the plan changed since its last approved version; null when none was ever approved. */
  changedSinceApproved: boolean | null;
}): SubmissionProblem | null {
  if (p.waiting) return 'PLAN_ALREADY_SUBMITTED';
  if (p.readiness.tasks === 0) return 'PLAN_EMPTY';
  if (p.readiness.failing > 0) return 'PLAN_NOT_READY';
  if (p.changedSinceApproved === false) return 'PLAN_UNCHANGED';
  return null;
}

/** Where the plan stands, from its versions and whether it changed since the last approved one. */
export function planState(versions: readonly { state: PlanVersionState }[], changedSinceApproved: boolean): PlanState {
  if (versions.some((v) => v.state === 'submitted')) return 'submitted';
  if (versions.some((v) => v.state === 'approved')) return changedSinceApproved ? 'revising' : 'approved';
  return 'draft';
}

export interface PlanDecisionFacts {
  side: Side;
  decision: 'approved' | 'returned';
}

/** What a version becomes once `decisions` are in: approved when every side approved, returned when one returned it. */
export function versionAfterDecisions(decisions: readonly PlanDecisionFacts[]): 'submitted' | 'approved' | 'returned' {
  if (decisions.some((d) => d.decision === 'returned')) return 'returned';
  return sides.every((s) => decisions.some((d) => d.side === s && d.decision === 'approved')) ? 'approved' : 'submitted';
}

const personRef = z.object({ id: uuid, name: z.string() });

export const planDecisionSchema = z.object({
  side: z.enum(sides),
  decision: z.enum(['approved', 'returned']),
  by: personRef,
  note: z.string().nullable(),
  at: z.string(),
});
export type PlanDecision = z.infer<typeof planDecisionSchema>;

export const planVersionSchema = z.object({
  id: uuid,
  agreementId: uuid,
  number: z.number().int(),
  state: z.enum(planVersionStates),
  note: z.string().nullable(),
  taskCount: z.number().int(),
  submittedBy: personRef,
  submittedSide: z.enum(sides).nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisions: z.array(planDecisionSchema),
  version: z.number().int(),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planApprovalSchema = z.object({
  agreementId: uuid,
  state: z.enum(planStates),
  /** The version waiting for decisions, if any. */
  waiting: planVersionSchema.nullable(),
  lastApproved: planVersionSchema.nullable(),
  /** Every version, newest first. */
  versions: z.array(planVersionSchema),
  readiness: z.object({ tasks: z.number().int(), failing: z.number().int(), waived: z.number().int(), failingTaskIds: z.array(uuid) }),
  /** The plan now differs from the last approved version (false when none is). */
  changedSinceApproved: z.boolean(),
  /** The plan now differs from the version waiting (false when none waits): the decision is on the version as submitted. */
  changedSinceSubmitted: z.boolean(),
  /** What the signed-in user may do now. */
  allowed: z.object({ submit: z.boolean(), approve: z.boolean(), return: z.boolean(), withdraw: z.boolean() }),
});
export type PlanApproval = z.infer<typeof planApprovalSchema>;

export const planSubmitInput = z.object({ note: optionalText(4000) });
export type PlanSubmitInput = z.infer<typeof planSubmitInput>;
export const planApproveInput = z.object({ note: optionalText(4000), version: versionField.optional() });
export const planReturnInput = z.object({ reason: textField(4000), version: versionField.optional() });

/** Two versions to compare: `to` may be `current`, the plan as it is now. */
export const planDiffQuery = z.object({ from: uuid, to: z.union([uuid, z.literal('current')]).default('current') });

const fieldValue = z.union([z.string(), z.number(), z.array(z.string())]).nullable();
export const planDiffSchema = z.object({
  from: planVersionSchema,
  /** null: the plan as it is now. */
  to: planVersionSchema.nullable(),
  added: z.array(planTaskSnapshotSchema),
  removed: z.array(planTaskSnapshotSchema),
  changed: z.array(
    z.object({
      before: planTaskSnapshotSchema,
      after: planTaskSnapshotSchema,
      changes: z.array(z.object({ field: z.enum(planDiffFields), before: fieldValue, after: fieldValue })),
    }),
  ),
  unchanged: z.number().int(),
});
export type PlanDiffAnswer = z.infer<typeof planDiffSchema>;

/** Waiving a task's "5 rõ" check for the plan's submission: the reason is kept in its history. */
export const taskWaiverInput = z.object({ reason: textField(2000), version: versionField.optional() });

/** What a snapshot is built from: the plan's areas in order, and its tasks as read. */
export interface SnapshotTask {
  id: string;
  areaId: string;
  parentId: string | null;
  position: number;
  title: string;
  description: string | null;
  obligor: Obligor;
  leadUnit: { name: string } | null;
  coordinatingUnits: readonly { name: string }[];
  responsiblePerson: string | null;
  startDate: string | null;
  dueDate: string | null;
  expectedProduct: string | null;
  decidedBy: string | null;
  weight: number;
}

/**
 * The plan as a version keeps it: every task in the plan's order, numbered as the plan and its
 * Excel export number it (area 1, its tasks 1.1, 1.2, their sub-tasks 1.1.1 …).
 */
export function planSnapshot(areas: readonly { id: string; title: string }[], tasks: readonly SnapshotTask[]): PlanTaskSnapshot[] {
  const children = new Map<string, SnapshotTask[]>();
  const key = (t: SnapshotTask) => t.parentId ?? `area:${t.areaId}`;
  for (const t of tasks) children.set(key(t), [...(children.get(key(t)) ?? []), t]);
  children.forEach((list) => list.sort((a, b) => a.position - b.position));
  const out: PlanTaskSnapshot[] = [];
  const walk = (parent: string, prefix: string, area: string) =>
    (children.get(parent) ?? []).forEach((t, i) => {
      const number = `${prefix}.${i + 1}`;
      out.push({
        id: t.id,
        number,
        area,
        parentId: t.parentId,
        title: t.title,
        description: t.description,
        obligor: t.obligor,
        leadUnit: t.leadUnit?.name ?? null,
        coordinatingUnits: t.coordinatingUnits.map((u) => u.name),
        responsiblePerson: t.responsiblePerson,
        startDate: t.startDate,
        dueDate: t.dueDate,
        expectedProduct: t.expectedProduct,
        decidedBy: t.decidedBy,
        weight: t.weight,
      });
      walk(t.id, number, area);
    });
  areas.forEach((a, i) => walk(`area:${a.id}`, String(i + 1), a.title));
  return out;
}
