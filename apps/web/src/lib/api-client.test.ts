import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildUrl, call, retryDelaysMs, setCsrfToken, type QueryValue } from './api-client';

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

describe('a create whose answer is lost', () => {
  const sent: { url: string; key: string | null }[] = [];
  const answers: (() => Response)[] = [];
  beforeEach(() => {
    sent.length = 0;
    answers.length = 0;
    setCsrfToken('token');
    retryDelaysMs.splice(0, retryDelaysMs.length, 1, 1);
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, key: new Headers(init.headers).get('Idempotency-Key') });
      const next = answers.shift();
      if (!next) throw new TypeError('Failed to fetch');
      return next();
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const created = () => new Response(JSON.stringify({ id: 'a1' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
  const unavailable = () =>
    new Response(JSON.stringify({ error: { code: 'DATABASE_UNAVAILABLE', message: '' } }), {
      status: 503,
      headers: { 'Content-Type': 'application/json' },
    });
  const body = { title: 'Lĩnh vực' };

  it('is sent again with the same Idempotency-Key, so the server creates it once', async () => {
    answers.push(
      () => {
        throw new TypeError('Failed to fetch');
      },
      unavailable,
      created,
    );
    const result = await call('createArea', { params: { id: 'x' }, body } as never);
    expect(result).toEqual({ id: 'a1' });
    expect(sent).toHaveLength(3);
    expect(sent[0]?.key).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
  });

  it('gives up after its retries with the error of the last', async () => {
    answers.push(unavailable, unavailable, unavailable, created);
    await expect(call('createArea', { params: { id: 'x' }, body } as never)).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(sent).toHaveLength(3);
  });

  it('is not sent again when the server answered with a refusal', async () => {
    answers.push(() => new Response(JSON.stringify({ error: { code: 'FORBIDDEN', message: '' } }), { status: 403 }));
    await expect(call('createArea', { params: { id: 'x' }, body } as never)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(sent).toHaveLength(1);
  });

  it('each new create has a key of its own; reads and edits send none', async () => {
    answers.push(created, created, created);
    await call('createArea', { params: { id: 'x' }, body } as never);
    await call('createArea', { params: { id: 'x' }, body } as never);
    await call('getSession', {} as never);
    expect(sent[0]?.key).not.toBe(sent[1]?.key);
    expect(sent[2]?.key).toBeNull();
  });
});
