import { taskSortKeys, taskStatuses } from '@accord/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskListFilters } from '../api/task-list-query';
import {
  DEFAULT_TASK_SORT,
  hasTaskFilters,
  parseTaskListFilters,
  taskListSort,
  withoutTaskFilters,
  withTaskFilterPatch,
  type TaskFilterPatch,
} from './use-task-list-filters';

const parse = (query: string) => parseTaskListFilters(new URLSearchParams(query));
const patch = (query: string, p: TaskFilterPatch) => withTaskFilterPatch(new URLSearchParams(query), p).toString();

describe('reading a task list from the URL', () => {
  it('reads every filter of a shared link', () => {
    expect(
      parse(
        'q=c%E1%BA%A7u+n%E1%BB%91i&status=paused,in_progress&overdue=true&leadUnitId=u1&areaId=a1&sort=title&order=desc&page=3&pageSize=50',
      ),
    ).toEqual({
      q: 'cầu nối',
      status: ['in_progress', 'paused'],
      overdue: true,
      leadUnitId: 'u1',
      areaId: 'a1',
      sort: 'title',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
  });

  it('shows the first page of 20, in the default order, for a bare URL', () => {
    expect(parse('')).toEqual({ page: 1, pageSize: 20 });
    expect(taskListSort(parse(''))).toEqual(DEFAULT_TASK_SORT);
    expect(hasTaskFilters(parse(''))).toBe(false);
  });

  it('ignores what it does not understand instead of showing an error', () => {
    const filters = parse('status=bogus&overdue=yes&sort=colour&order=desc&page=-2&pageSize=abc');
    expect(filters).toEqual({ page: 1, pageSize: 20 });
    expect(parse('status=completed_late,completed').status).toEqual(['completed_late']);
    expect(parse('page=0').page).toBe(1);
  });

  it('shows at most 100 rows a page, however many the URL asks for', () => {
    expect(parse('pageSize=100000').pageSize).toBe(100);
  });

  it('sorts ascending unless the URL says desc, and the headers show that order', () => {
    expect(taskListSort(parse('sort=status'))).toEqual({ key: 'status', reversed: false });
    expect(taskListSort(parse('sort=status&order=desc'))).toEqual({ key: 'status', reversed: true });
    expect(parse('order=desc').order).toBeUndefined();
  });

  it('counts only real filters for "clear filters", not the order or page', () => {
    expect(hasTaskFilters(parse('sort=title&page=4&pageSize=50'))).toBe(false);
    expect(hasTaskFilters(parse('overdue=true'))).toBe(true);
    expect(hasTaskFilters(parse('areaId=a1'))).toBe(true);
  });
});

describe('writing a task list’s filters to the URL', () => {
  it('goes back to page 1 when a filter changes, and keeps the page when only the page changes', () => {
    expect(patch('q=a&page=4', { q: 'b' })).toBe('q=b');
    expect(patch('q=a&page=4', { page: 5 })).toBe('q=a&page=5');
    expect(patch('q=a&page=4', { page: 1 })).toBe('q=a');
  });

  it('keeps where the next page starts only with that page, and drops it on any other change', () => {
    expect(patch('q=a&page=4', { page: 5, after: 'WzEsImR1ZURhdGUiXQ' })).toBe('q=a&page=5&after=WzEsImR1ZURhdGUiXQ');
    expect(patch('q=a&page=5&after=xyz', { page: 9 })).toBe('q=a&page=9');
    expect(patch('q=a&page=5&after=xyz', { q: 'b' })).toBe('q=b');
    expect(patch('page=5&after=xyz', { pageSize: 50 })).toBe('pageSize=50');
    expect(patch('page=5&after=xyz', { page: 1, after: 'xyz' })).toBe('');
    expect(parse('page=5&after=xyz').after).toBe('xyz');
    expect(parse('after=xyz').after).toBeUndefined();
  });

  it('leaves the agreement page’s own parameters alone (tab, view, open task)', () => {
    expect(patch('tab=plan&view=list&task=t1', { status: ['paused'] })).toBe('tab=plan&view=list&task=t1&status=paused');
  });

  it('trims the search and drops a blank one', () => {
    expect(patch('', { q: '  Cà Mau  ' })).toBe(new URLSearchParams({ q: 'Cà Mau' }).toString());
    expect(patch('q=x', { q: '   ' })).toBe('');
    expect(patch('q=x', { q: null })).toBe('');
  });

  it('keeps the URL short: the default order and page size are not written', () => {
    expect(patch('sort=title&order=desc', { sort: DEFAULT_TASK_SORT })).toBe('');
    expect(patch('sort=title', { sort: null })).toBe('');
    expect(patch('', { sort: { key: 'dueDate', reversed: true } })).toBe('sort=dueDate&order=desc');
    expect(patch('', { sort: { key: 'title', reversed: false } })).toBe('sort=title');
    expect(patch('pageSize=50', { pageSize: 20 })).toBe('');
    expect(patch('', { pageSize: 50 })).toBe('pageSize=50');
  });

  it('removes a filter set to nothing', () => {
    expect(patch('status=paused&overdue=true&leadUnitId=u&areaId=a', { status: [], overdue: false, leadUnitId: null, areaId: null })).toBe(
      '',
    );
  });

  it('"clear filters" keeps the order, the page size and the page’s own parameters', () => {
    const cleared = withoutTaskFilters(
      new URLSearchParams('tab=tasks&q=x&status=paused&overdue=true&stale=true&leadUnitId=u&areaId=a&page=3&sort=title&pageSize=50'),
    );
    expect(cleared.toString()).toBe('tab=tasks&sort=title&pageSize=50');
  });

  it('a list survives a round trip through the URL (reload, back button, shared link)', () => {
    const filtersArb = fc.record({
      q: fc.option(fc.string(), { nil: undefined }),
      status: fc.option(fc.subarray([...taskStatuses], { minLength: 1 }), { nil: undefined }),
      overdue: fc.option(fc.boolean(), { nil: undefined }),
      leadUnitId: fc.option(fc.uuid(), { nil: undefined }),
      areaId: fc.option(fc.uuid(), { nil: undefined }),
      sort: fc.option(fc.record({ key: fc.constantFrom(...taskSortKeys), reversed: fc.boolean() }), { nil: undefined }),
      page: fc.integer({ min: 1, max: 10_000 }),
      pageSize: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(fc.string(), filtersArb, (unrelated, chosen) => {
        const url = withTaskFilterPatch(new URLSearchParams({ tab: unrelated }), chosen);
        // Through the address bar as text, as a reload or a shared link does.
        const read = parseTaskListFilters(new URLSearchParams(url.toString()));
        const q = chosen.q?.trim() || undefined;
        const sortKey = chosen.sort && (chosen.sort.key !== 'dueDate' || chosen.sort.reversed) ? chosen.sort : undefined;
        const expected: TaskListFilters = {
          q,
          status: chosen.status,
          overdue: chosen.overdue || undefined,
          leadUnitId: chosen.leadUnitId,
          areaId: chosen.areaId,
          sort: sortKey?.key,
          order: sortKey ? (sortKey.reversed ? 'desc' : 'asc') : undefined,
          page: chosen.page,
          pageSize: chosen.pageSize,
        };
        expect(read).toEqual(expected);
        expect(taskListSort(read)).toEqual(chosen.sort ?? DEFAULT_TASK_SORT);
        expect(url.get('tab')).toBe(unrelated);
      }),
    );
  });
});
