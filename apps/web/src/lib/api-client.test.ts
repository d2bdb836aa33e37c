import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUrl, type QueryValue } from './api-client';

describe('the URL of an API request', () => {
  it('is the bare path without a query', () => {
    expect(buildUrl('/api/agreements')).toBe('/api/agreements');
    expect(buildUrl('/api/agreements', {})).toBe('/api/agreements');
  });

  it('leaves out filters that are not set, but keeps 0 and false', () => {
    expect(buildUrl('/api/tasks', { q: '', status: null, areaId: undefined, page: 0, overdue: false })).toBe(
      '/api/tasks?page=0&overdue=false',
    );
    expect(buildUrl('/api/tasks', { q: undefined })).toBe('/api/tasks');
  });

  it('encodes Vietnamese text and reserved characters so the server reads them back whole', () => {
    const url = buildUrl('/api/search', { q: 'Sở TT&TT Cà Mau #1 = 100%' });
    expect(new URL(url, 'http://accord.test').searchParams.get('q')).toBe('Sở TT&TT Cà Mau #1 = 100%');
    expect(url).not.toContain(' ');
  });

  it('sends exactly the set values, for any query', () => {
    const value: fc.Arbitrary<QueryValue> = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), value), (query) => {
        const sent = new URL(buildUrl('/api/x', query), 'http://accord.test');
        const expected = Object.entries(query)
          .filter(([, v]) => v !== undefined && v !== null && v !== '')
          .map(([k, v]) => [k, String(v)]);
        expect([...sent.searchParams.entries()]).toEqual(expected);
        expect(sent.pathname).toBe('/api/x');
      }),
    );
  });
});
