import { endpointIds, endpoints, operations, type Endpoint } from '@accord/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from './support.js';

/** Every API route comes from a contract, and every contract names the policy operation it checks. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => ctx.close());

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

describe('contracts', () => {
  it('name a policy operation, or say they are public', () => {
    for (const id of endpointIds) {
      const e: Endpoint = endpoints[id];
      expect(e.operation === 'public' || (operations as readonly string[]).includes(e.operation), id).toBe(true);
    }
  });

  it('are exactly the routes the API serves and documents', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const declared = endpointIds.map((id) => `${endpoints[id].method} ${toOpenApiPath(endpoints[id].path)}`);
    expect(served.sort()).toEqual(declared.sort());
  });
});
