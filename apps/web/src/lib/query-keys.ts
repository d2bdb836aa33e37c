import type { QueryClient } from '@tanstack/react-query';

/**
 * Every cached answer's key. Whatever belongs to one agreement (its detail, plan, tasks, task
 * lists and histories) lives under `['agreement', id]`, so one invalidation refreshes every view
 * of it; lists across agreements have keys of their own.
 */
export const queryKeys = {
  session: ['session'] as const,
  organisations: (filter: object) => ['organisations', filter] as const,
  agreementLists: ['agreements'] as const,
  agreementList: (filters: object) => ['agreements', filters] as const,
  agreement: (id: string) => ['agreement', id] as const,
  agreementDetail: (id: string) => ['agreement', id, 'detail'] as const,
  plan: (id: string) => ['agreement', id, 'plan'] as const,
  planOutline: (id: string) => ['agreement', id, 'plan', 'outline'] as const,
  planArea: (id: string, areaId: string, limit: number, through: string | null) =>
    ['agreement', id, 'plan', 'area', areaId, limit, through] as const,
  planApproval: (id: string) => ['agreement', id, 'plan-approval'] as const,
  planDiff: (id: string, from: string, to: string) => ['agreement', id, 'plan-diff', from, to] as const,
  task: (id: string, taskId: string) => ['agreement', id, 'task', taskId] as const,
  agreementTasks: (id: string, filters: object) => ['agreement', id, 'tasks', filters] as const,
  agreementReporting: (id: string) => ['agreement', id, 'reporting'] as const,
  agreementHistory: (id: string) => ['agreement', id, 'history'] as const,
  taskHistory: (id: string, taskId: string) => ['agreement', id, 'history', 'task', taskId] as const,
  thread: (id: string, taskId: string) => ['agreement', id, 'thread', taskId] as const,
  people: (id: string, q: string, internal: boolean) => ['agreement', id, 'people', q, internal] as const,
  unitTasks: (filters: object) => ['unit-tasks', filters] as const,
  acceptance: (query: object) => ['acceptance', query] as const,
  search: (q: string, limit: number) => ['search', q, limit] as const,
  securityEvents: (kind: string | null) => ['security-events', kind] as const,
};

/**
 * After a change to an agreement or anything in it: its views, and the lists across agreements
 * that may show it (the agreement list, a unit's tasks, search).
 */
export function invalidateAgreement(queryClient: QueryClient, id: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.agreement(id) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.agreementLists }),
    queryClient.invalidateQueries({ queryKey: ['unit-tasks'] }),
    queryClient.invalidateQueries({ queryKey: ['acceptance'] }),
    queryClient.invalidateQueries({ queryKey: ['search'] }),
  ]).then(() => undefined);
}
