import { taskCreateInput, taskUpdateInput, type Obligor, type Task, type TaskState } from '@accord/domain';
import type { SharedTFunction } from '../../../i18n/config';
import { fieldErrorsFromZod, type FieldErrors } from '../../../lib/field-errors';
import type { TaskCreateBody } from '../api/create-task';
import type { TaskUpdateBody } from '../api/update-task';

/** The task form's values: the "5 rõ" (person, work, time, responsibility, product), progress and state (the status is worked out from them). */
export interface TaskDraft {
  code: string;
  title: string;
  description: string;
  obligor: Obligor;
  leadUnitId: string | null;
  coordinatingUnitIds: string[];
  responsiblePerson: string;
  startDate: string | null;
  dueDate: string | null;
  expectedProduct: string;
  decidedBy: string;
  state: TaskState;
  stateReason: string;
  progress: number;
  weight: number;
}

export function emptyTaskDraft(obligor: Obligor): TaskDraft {
  return {
    code: '',
    title: '',
    description: '',
    obligor,
    leadUnitId: null,
    coordinatingUnitIds: [],
    responsiblePerson: '',
    startDate: null,
    dueDate: null,
    expectedProduct: '',
    decidedBy: '',
    state: 'open',
    stateReason: '',
    progress: 0,
    weight: 1,
  };
}

export function draftFromTask(task: Task): TaskDraft {
  return {
    code: task.code ?? '',
    title: task.title,
    description: task.description ?? '',
    obligor: task.obligor,
    leadUnitId: task.leadUnit?.id ?? null,
    coordinatingUnitIds: task.coordinatingUnits.map((u) => u.id),
    responsiblePerson: task.responsiblePerson ?? '',
    startDate: task.startDate,
    dueDate: task.dueDate,
    expectedProduct: task.expectedProduct ?? '',
    decidedBy: task.decidedBy ?? '',
    state: task.state,
    stateReason: task.stateReason ?? '',
    progress: task.progress,
    weight: task.weight,
  };
}

export function toCreateBody(draft: TaskDraft, areaId: string, parentId: string | null): TaskCreateBody {
  return { ...draft, areaId, parentId };
}

/** Only the fields that changed: a unit officer may not resend who owes the task. */
export function toUpdateBody(draft: TaskDraft, initial: TaskDraft): TaskUpdateBody {
  const body: TaskUpdateBody = {};
  const keys = Object.keys(draft) as (keyof TaskDraft)[];
  for (const key of keys) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(initial[key])) Object.assign(body, { [key]: draft[key] });
  }
  return body;
}

export function validateTask(draft: TaskDraft, t: SharedTFunction, areaId: string | null): FieldErrors {
  const parsed = areaId ? taskCreateInput.safeParse(toCreateBody(draft, areaId, null)) : taskUpdateInput.safeParse(draft);
  return parsed.success ? {} : fieldErrorsFromZod(parsed.error, t);
}
