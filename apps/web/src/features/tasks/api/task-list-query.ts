import type { AgreementTaskListQuery, QueryOf } from '@accord/domain';

/**
 * A task list's filters, sort and page, as the page's URL keeps them: the contract's query as the
 * server reads it, so a filter the server takes cannot be missing here.
 */
export type TaskListFilters = Partial<Omit<AgreementTaskListQuery, 'page' | 'pageSize'>> &
  Pick<AgreementTaskListQuery, 'page' | 'pageSize'>;

/** The query string of GET /api/tasks and GET /api/agreements/:id/tasks. */
export function taskListQuery(filters: TaskListFilters): QueryOf<'listAgreementTasks'> {
  return {
    q: filters.q ?? undefined,
    status: filters.status?.join(','),
    overdue: filters.overdue ? 'true' : undefined,
    stale: filters.stale ? 'true' : undefined,
    obligor: filters.obligor,
    dueFrom: filters.dueFrom,
    dueTo: filters.dueTo,
    leadUnitId: filters.leadUnitId,
    areaId: filters.areaId,
    sort: filters.sort,
    order: filters.order,
    page: filters.page,
    pageSize: filters.pageSize,
    after: filters.after,
  };
}
