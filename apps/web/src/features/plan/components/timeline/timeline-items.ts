import type { TaskNode, TaskStatus } from '@accord/domain';
import type { PlanArea } from '../plan-tree';

/** A task on the timeline: a bar from its start to its due date, or a point when it has one date only. */
export interface TimelineItem {
  id: string;
  group: string;
  number: string;
  title: string;
  status: TaskStatus;
  start: string;
  /** The day after the due date (the bar covers the due date), or null for a point. */
  end: string | null;
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The plan's tasks as timeline items, numbered as the plan numbers them; those with no date are counted apart. */
export function timelineItems(areas: readonly PlanArea[]): { items: TimelineItem[]; undated: number } {
  const items: TimelineItem[] = [];
  let undated = 0;
  const walk = (tasks: readonly TaskNode[], prefix: string, group: string) =>
    tasks.forEach((t, i) => {
      const number = `${prefix}.${i + 1}`;
      const start = t.startDate ?? t.dueDate;
      if (start === null) undated += 1;
      else {
        const end = t.startDate !== null && t.dueDate !== null && t.dueDate >= t.startDate ? dayAfter(t.dueDate) : null;
        items.push({ id: t.id, group, number, title: t.title, status: t.status, start, end });
      }
      walk(t.children, number, group);
    });
  areas.forEach((a, i) => walk(a.tasks, String(i + 1), a.id));
  return { items, undated };
}
