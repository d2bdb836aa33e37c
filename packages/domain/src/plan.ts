import { z } from 'zod';
import { obligors } from './policy.js';
import { fieldIssues } from './errors.js';
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

export const taskStatuses = ['not_started', 'in_progress', 'completed', 'paused', 'cancelled'] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

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
  status: taskStatusSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  /** What the signed-in user may do to it: the policy's task.update, task.move, task.addSubtask and task.delete. */
  allowed: z.object({ update: z.boolean(), move: z.boolean(), addSubtask: z.boolean(), delete: z.boolean() }),
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
  status: taskStatusSchema.default('not_started'),
};

function checkDates(v: { startDate?: string | null; dueDate?: string | null }, ctx: z.RefinementCtx) {
  if (!datesInOrder(v.startDate, v.dueDate)) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: fieldIssues.dueBeforeStart });
  }
}

export const taskCreateInput = z.object({ ...taskFields, areaId: uuid, parentId: uuid.nullable().optional() }).superRefine(checkDates);
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
    status: taskStatusSchema.optional(),
    version: versionField.optional(),
  })
  .superRefine(checkDates);
export type TaskUpdateInput = z.infer<typeof taskUpdateInput>;

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
