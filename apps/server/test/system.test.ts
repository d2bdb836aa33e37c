import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, errorCode, signInAs, startTestApp, type TestContext } from './support.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => ctx.close());

describe('the web app', () => {
  it('serves index.html at the root and for every page, and the built assets', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Accord</title>');
    fs.mkdirSync(path.join(dist, 'assets'));
    const web = await startTestApp({ webDist: dist });
    try {
      for (const url of ['/', '/agreements', '/agreements/123?tab=history']) {
        const res = await web.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain('<title>Accord</title>');
        expect(res.headers['cache-control'], url).toBe('no-cache');
      }
      // A file built after start is served too (looked up per request).
      fs.writeFileSync(path.join(dist, 'assets', 'app-123.js'), 'console.log(1)');
      const asset = await web.app.inject({ method: 'GET', url: '/assets/app-123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toContain('javascript');
    } finally {
      await web.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('the API surface', () => {
  it('reports health with the database', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document with every route', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/agreements',
      '/api/agreements/{id}',
      '/api/agreements/{id}/plan',
      '/api/agreements/{id}/tasks/{taskId}',
      '/api/organisations',
      '/api/auth/sign-in',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(Object.keys(doc.paths['/api/agreements/{id}'] ?? {})).toEqual(expect.arrayContaining(['get', 'patch']));
  });

  it('serves the API docs page', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown API path with the error shape (401 before sign-in, so paths are not probed)', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(401);
    const org = await buildOrganisation(ctx.db, { kind: 'province' });
    const client = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'leader', organisationId: org.id })).email);
    const res = await client.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('NOT_FOUND');
  });
});
