import { agreementSortKeys, agreementStatuses } from '@accord/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasAgreementFilters, parseAgreementFilters, withAgreementFilterPatch, type FilterPatch } from './use-agreement-filters';

const parse = (query: string) => parseAgreementFilters(new URLSearchParams(query));
const patch = (query: string, p: FilterPatch) => withAgreementFilterPatch(new URLSearchParams(query), p).toString();

describe('reading the agreement list from the URL', () => {
  it('reads every filter of a shared link', () => {
    expect(
      parse(
        'q=Vi%E1%BB%87t&provinceId=p1&partnerId=e1&status=in_force&from=2024-01-01&to=2024-12-31&sort=signedOn&order=desc&page=2&pageSize=50',
      ),
    ).toEqual({
      q: 'Việt',
      provinceId: 'p1',
      partnerId: 'e1',
      status: 'in_force',
      from: '2024-01-01',
      to: '2024-12-31',
      sort: 'signedOn',
      order: 'desc',
      page: 2,
      pageSize: 50,
    });
  });

  it('shows the first page of 20 for a bare URL, with nothing to clear', () => {
    expect(parse('')).toEqual({ page: 1, pageSize: 20 });
    expect(hasAgreementFilters(parse(''))).toBe(false);
    expect(hasAgreementFilters(parse('sort=title&page=3'))).toBe(false);
    expect(hasAgreementFilters(parse('from=2024-01-01'))).toBe(true);
  });

  it('ignores an unknown status or sort, and a page that is not a positive number', () => {
    expect(parse('status=lost&sort=colour&page=-1&pageSize=x')).toEqual({ page: 1, pageSize: 20 });
    expect(parse('pageSize=500').pageSize).toBe(100);
  });

  it('sorts ascending unless the URL says desc', () => {
    expect(parse('sort=title').order).toBe('asc');
    expect(parse('sort=title&order=desc').order).toBe('desc');
  });
});

describe('writing the agreement list’s filters to the URL', () => {
  it('goes back to page 1 when a filter changes, and keeps the page when only the page changes', () => {
    expect(patch('q=a&page=4', { status: 'signed' })).toBe('q=a&status=signed');
    expect(patch('q=a&page=4', { page: 5 })).toBe('q=a&page=5');
    expect(patch('q=a&page=4', { page: 1 })).toBe('q=a');
  });

  it('removes a filter set to nothing, and does not write the default page size', () => {
    expect(patch('q=a&provinceId=p', { q: '', provinceId: null })).toBe('');
    expect(patch('pageSize=50', { pageSize: 20 })).toBe('');
  });

  it('a list survives a round trip through the URL', () => {
    const text = fc.option(fc.string({ minLength: 1 }), { nil: undefined });
    const patchArb = fc.record({
      q: text,
      provinceId: fc.option(fc.uuid(), { nil: undefined }),
      partnerId: fc.option(fc.uuid(), { nil: undefined }),
      status: fc.option(fc.constantFrom(...agreementStatuses), { nil: undefined }),
      from: text,
      to: text,
      sort: fc.option(fc.constantFrom(...agreementSortKeys), { nil: undefined }),
      order: fc.option(fc.constantFrom('asc' as const, 'desc' as const), { nil: undefined }),
      page: fc.integer({ min: 1, max: 10_000 }),
      pageSize: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(patchArb, (chosen) => {
        const url = withAgreementFilterPatch(new URLSearchParams(), chosen);
        const read = parseAgreementFilters(new URLSearchParams(url.toString()));
        expect(read).toEqual({
          ...chosen,
          order: chosen.order === 'desc' ? 'desc' : chosen.sort ? 'asc' : undefined,
        });
      }),
    );
  });
});
