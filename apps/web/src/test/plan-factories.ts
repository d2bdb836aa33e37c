import type { TaskNode } from '@accord/domain';
import type { PlanArea } from '../features/plan/components/plan-tree';

let sequence = 0;

/** A task with plain defaults; ids are readable ("t1", "t2", …) unless given. */
export function buildTask(overrides: Partial<TaskNode> = {}): TaskNode {
  sequence += 1;
  return {
    id: `t${sequence}`,
    agreementId: 'agreement',
    areaId: 'area',
    parentId: null,
    position: 0,
    code: null,
    title: `Task ${sequence}`,
    description: null,
    obligor: 'joint',
    leadUnit: null,
    coordinatingUnits: [],
    responsiblePerson: null,
    startDate: null,
    dueDate: null,
    expectedProduct: null,
    decidedBy: null,
    status: 'not_started',
    state: 'open',
    stateReason: null,
    progress: 0,
    weight: 1,
    startedOn: null,
    deliveredOn: null,
    acceptedOn: null,
    deliveredBySide: null,
    deliveredVersion: null,
    reviewNote: null,
    lastReportedAt: null,
    clarityWaiver: null,
    stale: false,
    version: 1,
    updatedAt: '2025-01-01T00:00:00Z',
    allowed: { update: true, move: true, addSubtask: true, delete: true, deliver: true, review: false, waive: true },
    children: [],
    ...overrides,
  };
}

/** `n` leaf tasks. */
export function buildTasks(n: number, overrides: Partial<TaskNode> = {}): TaskNode[] {
  return Array.from({ length: n }, () => buildTask(overrides));
}

export function buildArea(id: string, tasks: TaskNode[], overrides: Partial<PlanArea> = {}): PlanArea {
  return {
    id,
    agreementId: 'agreement',
    theme: null,
    title: `Area ${id}`,
    description: null,
    position: 0,
    version: 1,
    tasks,
    ...overrides,
  };
}

/**
 * A forest from a list of parent picks: task i hangs under one of the tasks before it, or at the
 * top level. Lets fast-check grow any shape of tree.
 */
export function forestFrom(parentPicks: readonly number[], idPrefix = 'n'): TaskNode[] {
  const nodes: TaskNode[] = [];
  const roots: TaskNode[] = [];
  parentPicks.forEach((pick, i) => {
    const node = buildTask({ id: `${idPrefix}${i}` });
    const parentIndex = (pick % (i + 1)) - 1;
    const parent = parentIndex >= 0 ? nodes[parentIndex] : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
    nodes.push(node);
  });
  return roots;
}
