import { z } from 'zod';
import { fileIdsField } from './files.js';
import { obligors } from './policy.js';
import { fieldIssues } from './errors.js';
import { derivedStatuses } from './execution.js';
import { datesInOrder, isoDate, optionalText, textField, uuid, versionField } from './text.js';

/** The standard taxonomy of cooperation areas (nội dung hợp tác). */
export const areaThemes = [
  'digital_infrastructure',
  'digital_government',
  'digital_economy',
  'digital_society',
  'smart_city',
  'information_security',
  'human_resources',
  'strategy_consulting',
  'sector_programme',
] as const;
export const areaThemeSchema = z.enum(areaThemes);
export type AreaTheme = z.infer<typeof areaThemeSchema>;

export const obligorSchema = z.enum(obligors);

/** What a task is, worked out from its facts (see execution.ts): the one status lists show, filter and sort by. */
export const taskStatuses = derivedStatuses;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** What a person sets: the task goes on, is paused, or is cancelled (the last two with a reason). */
export const taskStates = ['open', 'paused', 'cancelled'] as const;
export const taskStateSchema = z.enum(taskStates);
export type TaskState = z.infer<typeof taskStateSchema>;

/** Progress in percent, to one decimal. */
export const progressField = z
  .number()
  .min(0)
  .max(100)
  .transform((v) => Math.round(v * 10) / 10);
/** A task's weight among its siblings in its parent's progress: 0–1000, 1 by default. */
export const weightField = z
  .number()
  .min(0)
  .max(1000)
  .transform((v) => Math.round(v * 100) / 100);

/** How deep sub-tasks may cascade under a task (task → sub-task → …). */
export const MAX_TASK_DEPTH = 4;

export const areaSchema = z.object({
  id: uuid,
  agreementId: uuid,
  theme: areaThemeSchema.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  version: z.number().int(),
});
export type Area = z.infer<typeof areaSchema>;

export const areaCreateInput = z.object({
  theme: areaThemeSchema.nullable().optional(),
  title: textField(300),
  description: optionalText(5000),
});
export type AreaCreateInput = z.infer<typeof areaCreateInput>;

export const areaUpdateInput = z.object({
  theme: areaThemeSchema.nullable().optional(),
  title: textField(300).optional(),
  description: optionalText(5000),
  position: z.number().int().min(0).max(10_000).optional(),
  version: versionField.optional(),
});
export type AreaUpdateInput = z.infer<typeof areaUpdateInput>;

/** An organisation named in a task: its Vietnamese name and, where known, its English one. */
export const orgRefSchema = z.object({ id: uuid, name: z.string(), nameEn: z.string().nullable() });

export const taskSchema = z.object({
  id: uuid,
  agreementId: uuid,
  areaId: uuid,
  parentId: uuid.nullable(),
  position: z.number().int(),
  code: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  obligor: obligorSchema,
  leadUnit: orgRefSchema.nullable(),
  coordinatingUnits: z.array(orgRefSchema),
  responsiblePerson: z.string().nullable(),
  startDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  expectedProduct: z.string().nullable(),
  /** Who decides on the task (rõ thẩm quyền), checked when the agreement asks. */
  decidedBy: z.string().nullable(),
  /** Worked out now from the facts below and the agreement's rules; never stored, never sent. */
  status: taskStatusSchema,
  state: taskStateSchema,
  /** Why it is paused or cancelled. */
  stateReason: z.string().nullable(),
  /** 0–100: reported by the lead unit; for a task with sub-tasks, rolled up from them. */
  progress: z.number(),
  weight: z.number(),
  /** The day someone first reported on it or set its progress. */
  startedOn: isoDate.nullable(),
  /** The day its product was marked delivered (null again once rejected). */
  deliveredOn: isoDate.nullable(),
  /** The day the other party accepted the product: only then is it completed. */
  acceptedOn: isoDate.nullable(),
  /** The side that marked it delivered: the other one accepts it. */
  deliveredBySide: z.enum(['government', 'enterprise']).nullable(),
  /** The version it was delivered at: acceptance needs it unchanged since (else 412, and it is delivered again). */
  deliveredVersion: z.number().int().nullable(),
  /** Why the product was last rejected (null once accepted or never reviewed). */
  reviewNote: z.string().nullable(),
  /** A coordinator waived its "5 rõ" check for the plan's submission: why, who and when. */
  clarityWaiver: z.object({ reason: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
  /** When its last progress report shared with both sides was posted (internal ones are left out). */
  lastReportedAt: z.string().nullable(),
  /** Under way and not reported in the agreement's current reporting cycle (chậm báo cáo); worked out, never stored. */
  stale: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** What the signed-in user may do to it: the policy's task.update, task.move, task.addSubtask, task.delete, task.deliver and task.review. */
  allowed: z.object({
    update: z.boolean(),
    move: z.boolean(),
    addSubtask: z.boolean(),
    delete: z.boolean(),
    /** Mark its product delivered (now: the task is open, not delivered or accepted yet). */
    deliver: z.boolean(),
    /** Accept or reject its delivered product (now: it waits for this user's side). */
    review: z.boolean(),
    /** Waive its "5 rõ" check, or take the waiver back (task.waive). */
    waive: z.boolean(),
  }),
});
export type Task = z.infer<typeof taskSchema>;

export type TaskNode = Task & { children: TaskNode[] };
export const taskNodeSchema: z.ZodType<TaskNode> = taskSchema.extend({
  get children() {
    return z.array(taskNodeSchema);
  },
});

const taskFields = {
  code: optionalText(30),
  title: textField(500),
  description: optionalText(10_000),
  obligor: obligorSchema,
  leadUnitId: uuid.nullable().optional(),
  coordinatingUnitIds: z.array(uuid).max(30).default([]),
  responsiblePerson: optionalText(200),
  startDate: isoDate.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  expectedProduct: optionalText(2000),
  decidedBy: optionalText(200),
  state: taskStateSchema.default('open'),
  stateReason: optionalText(2000),
  progress: progressField.default(0),
  weight: weightField.default(1),
  /** Refused with a reason of its own (not dropped unseen): the status is worked out, never set. */
  status: z.custom<undefined>((v) => v === undefined, { message: fieldIssues.statusIsWorkedOut }).optional(),
};

function checkDates(v: { startDate?: string | null; dueDate?: string | null }, ctx: z.RefinementCtx) {
  if (!datesInOrder(v.startDate, v.dueDate)) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: fieldIssues.dueBeforeStart });
  }
}

/** A paused or cancelled task says why; the service checks the same of the task as an edit leaves it. */
export function needsStateReason(state: TaskState, reason: string | null | undefined): boolean {
  return state !== 'open' && (reason === null || reason === undefined || reason.trim() === '');
}

function checkStateReason(v: { state?: TaskState; stateReason?: string | null }, ctx: z.RefinementCtx) {
  if (v.state !== undefined && v.stateReason !== undefined && needsStateReason(v.state, v.stateReason)) {
    ctx.addIssue({ code: 'custom', path: ['stateReason'], message: fieldIssues.reasonRequired });
  }
}

export const taskCreateInput = z.object({ ...taskFields, areaId: uuid, parentId: uuid.nullable().optional() }).superRefine((v, ctx) => {
  checkDates(v, ctx);
  if (needsStateReason(v.state, v.stateReason)) {
    ctx.addIssue({ code: 'custom', path: ['stateReason'], message: fieldIssues.reasonRequired });
  }
});
export type TaskCreateInput = z.infer<typeof taskCreateInput>;

export const taskUpdateInput = z
  .object({
    code: taskFields.code,
    title: taskFields.title.optional(),
    description: taskFields.description,
    obligor: obligorSchema.optional(),
    leadUnitId: taskFields.leadUnitId,
    coordinatingUnitIds: z.array(uuid).max(30).optional(),
    responsiblePerson: taskFields.responsiblePerson,
    startDate: taskFields.startDate,
    dueDate: taskFields.dueDate,
    expectedProduct: taskFields.expectedProduct,
    decidedBy: taskFields.decidedBy,
    state: taskStateSchema.optional(),
    stateReason: taskFields.stateReason,
    /** Only a task without sub-tasks (a parent's is rolled up from them). */
    progress: progressField.optional(),
    weight: weightField.optional(),
    status: taskFields.status,
    version: versionField.optional(),
  })
  .superRefine((v, ctx) => {
    checkDates(v, ctx);
    checkStateReason(v, ctx);
  });
export type TaskUpdateInput = z.infer<typeof taskUpdateInput>;

/** POST …/deliver: the lead unit marks the product delivered (what it is and its evidence go in the task's thread). */
/** POST …/deliver: optionally a note on what is delivered, which goes in the thread. */
export const taskDeliverInput = z.object({
  note: optionalText(4000),
  /** The product's evidence, uploaded first (POST …/files). */
  fileIds: fileIdsField.default([]),
  version: versionField.optional(),
});
export type TaskDeliverInput = z.infer<typeof taskDeliverInput>;

/** POST …/accept. */
export const taskAcceptInput = z.object({ note: optionalText(4000), version: versionField.optional() });
export type TaskAcceptInput = z.infer<typeof taskAcceptInput>;

/** POST …/reject: always with the reasons, which go back to the lead unit. */
export const taskRejectInput = z.object({ reason: textField(4000), version: versionField.optional() });
export type TaskRejectInput = z.infer<typeof taskRejectInput>;

export const taskMoveInput = z.object({
  areaId: uuid,
  parentId: uuid.nullable(),
  position: z.number().int().min(0).max(100_000),
  version: versionField.optional(),
});
export type TaskMoveInput = z.infer<typeof taskMoveInput>;

export const planSchema = z.object({
  agreementId: uuid,
  areas: z.array(areaSchema.extend({ tasks: z.array(taskNodeSchema) })),
});
export type Plan = z.infer<typeof planSchema>;

/** Builds the task tree of each area from flat rows ordered by position. */
export function buildTaskTree(tasks: readonly Task[]): Map<string, TaskNode[]> {
  const nodes = new Map<string, TaskNode>();
  for (const t of tasks) nodes.set(t.id, { ...t, children: [] });
  const byArea = new Map<string, TaskNode[]>();
  for (const t of tasks) {
    const node = nodes.get(t.id) as TaskNode;
    const parent = t.parentId ? nodes.get(t.parentId) : undefined;
    if (parent) parent.children.push(node);
    else {
      const list = byArea.get(t.areaId) ?? [];
      list.push(node);
      byArea.set(t.areaId, list);
    }
  }
  const sort = (list: TaskNode[]) => {
    list.sort((a, b) => a.position - b.position);
    list.forEach((n) => sort(n.children));
  };
  byArea.forEach(sort);
  return byArea;
}

/**
 * Whether moving a task under a new parent would put it inside its own subtree.
 * `ancestorsOfNewParent` are the ids from the new parent up to the root, the new parent first.
 */
export function isMoveIntoOwnSubtree(taskId: string, ancestorsOfNewParent: readonly string[]): boolean {
  return ancestorsOfNewParent.includes(taskId);
}

/**
 * The "5 rõ" tally of some tasks: how many are clear in every criterion, out of how many, and the
 * criteria met out of those checked. Tallies add up (areas into the plan); `clarityScore` turns
 * one into the plan's completeness.
 */
export const clarityTallySchema = z.object({
  clear: z.number().int(),
  total: z.number().int(),
  met: z.number().int(),
  of: z.number().int(),
});
export type ClarityTally = z.infer<typeof clarityTallySchema>;

export const emptyTally: ClarityTally = { clear: 0, total: 0, met: 0, of: 0 };

export function addToTally(tally: ClarityTally, c: { clear: boolean; met: number; of: number }): ClarityTally {
  return { clear: tally.clear + (c.clear ? 1 : 0), total: tally.total + 1, met: tally.met + c.met, of: tally.of + c.of };
}

export function sumTallies(tallies: readonly ClarityTally[]): ClarityTally {
  return tallies.reduce(
    (s, t) => ({ clear: s.clear + t.clear, total: s.total + t.total, met: s.met + t.met, of: s.of + t.of }),
    emptyTally,
  );
}

/** Criteria met over all tasks, out of those checked: 0–100, rounded down (100 for no tasks). */
export function clarityScore(tally: ClarityTally): number {
  return tally.of === 0 ? 100 : Math.floor((tally.met / tally.of) * 100);
}

/**
 * The plan without its tasks, which is what a plan page needs first: each area with how many
 * tasks it holds (at every level, and at the top), its "5 rõ" tally and how many of its tasks
 * fail the check; and the units that lead a task. The tasks come by area, a page at a time.
 */
export const planOutlineSchema = z.object({
  agreementId: uuid,
  areas: z.array(
    areaSchema.extend({
      taskCount: z.number().int(),
      topLevelCount: z.number().int(),
      clarity: clarityTallySchema,
    }),
  ),
  clarity: clarityTallySchema,
  /** The units that lead at least one task of the plan, each once (the list view's filter). */
  leadUnits: z.array(orgRefSchema),
});
export type PlanOutline = z.infer<typeof planOutlineSchema>;
export type OutlineArea = PlanOutline['areas'][number];

/** How many top-level tasks (each with all its sub-tasks) an area page holds unless asked otherwise, and at most. */
export const AREA_PAGE_SIZE = 10;
export const AREA_PAGE_MAX = 1000;

/** GET …/plan/areas/:areaId/tasks: the top-level tasks from `from` (0-based), `limit` of them, each with its whole tree. */
export const planAreaPageQuery = z.object({
  from: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(AREA_PAGE_MAX).default(AREA_PAGE_SIZE),
  /** The page reaches at least as far as the top-level task that holds this one (to open a link to it). */
  through: uuid.optional(),
});
export type PlanAreaPageQuery = z.infer<typeof planAreaPageQuery>;

export const planAreaPageSchema = z.object({
  areaId: uuid,
  from: z.number().int(),
  tasks: z.array(taskNodeSchema),
  topLevelCount: z.number().int(),
  /** Where the next page starts, or null when this one reaches the area's end. */
  next: z.number().int().nullable(),
});
export type PlanAreaPage = z.infer<typeof planAreaPageSchema>;
