import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
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
      // The web app's catch-all does not swallow the API: an unknown API path still meets the gate.
      for (const url of ['/api/nothing-here', '/%61pi/nothing-here']) {
        expect((await web.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      }
      // The build's manifest stays on the server.
      fs.mkdirSync(path.join(dist, '.vite'));
      fs.writeFileSync(path.join(dist, '.vite', 'manifest.json'), '{"src/main.tsx":{"file":"assets/app-123.js"}}');
      const manifest = await web.app.inject({ method: 'GET', url: '/.vite/manifest.json' });
      expect(manifest.body).not.toContain('src/main.tsx');
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

  it('serves the API docs only to signed-in users in production, unless told otherwise', async () => {
    expect(loadConfig({ NODE_ENV: 'production' }).apiDocsPublic).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS_PUBLIC: 'true' }).apiDocsPublic).toBe(true);
    expect(loadConfig({}).apiDocsPublic).toBe(true);
    const closed = await startTestApp({ apiDocsPublic: false });
    try {
      for (const url of ['/api/docs/', '/api/openapi.json', '/%61pi/docs/']) {
        const res = await closed.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(401);
        expect(errorCode(res), url).toBe('UNAUTHENTICATED');
      }
      const org = await buildOrganisation(closed.db, { kind: 'province' });
      const client = await signInAs(closed.app, (await buildUser(closed.db, { role: 'observer', organisationId: org.id })).email);
      expect((await client.get('/api/docs/')).statusCode).toBe(200);
      expect((await client.get('/api/openapi.json')).statusCode).toBe(200);
    } finally {
      await closed.close();
    }
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

describe('errors before any route', () => {
  const expectBaseline = (headers: Record<string, unknown>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(String(headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(headers['cache-control']).toBe('no-store');
  };

  it('answers an address that cannot be decoded in the one shape, with the security headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/agreements/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('MALFORMED_REQUEST');
    expectBaseline(res.headers);
  });

  it('answers headers too large with 431 in the one shape, with the security headers', async () => {
    const served = await startTestApp();
    try {
      await served.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = served.app.server.address() as import('node:net').AddressInfo;
      const net = await import('node:net');
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(40_000)}\r\n\r\n`);
        });
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      const [head, body] = raw.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 431 /);
      expect(head).toContain('x-content-type-options: nosniff');
      expect(head).toContain("frame-ancestors 'none'");
      expect(JSON.parse(body ?? '')).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) } });
    } finally {
      await served.close();
    }
  });
});
