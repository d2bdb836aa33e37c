import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonDepthExceeds, MAX_JSON_DEPTH, parseJsonBody } from '../src/http/body.js';
import {
  buildTwoSidedAgreement,
  buildUser,
  errorCode,
  preSignIn,
  signInAs,
  startTestApp,
  type Client,
  type TestContext,
} from './support.js';

/**
 * One cheap request must not stall the server: bodies are refused before they are read when there
 * is no session, nested JSON past a depth and bodies past their route's size are refused before
 * they are parsed.
 */
let ctx: TestContext;
let coordinator: Client;
let world: { provinceId: string; groupId: string; agreementId: string };

beforeAll(async () => {
  ctx = await startTestApp();
  world = await buildTwoSidedAgreement(ctx.db);
  coordinator = await signInAs(ctx.app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: world.provinceId })).email);
});
afterAll(() => ctx.close());

/** About 1 MB of `[[[…]]]`. */
const deep = (levels = 500_000) => '['.repeat(levels) + ']'.repeat(levels);

function postRaw(url: string, payload: string, headers: Record<string, string>) {
  return ctx.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });
}

describe('a body sent without a session to a route that needs one', () => {
  it('is refused 401 before it is read: not even its JSON is looked at', async () => {
    const pre = await preSignIn(ctx.app);
    const headers = { cookie: pre.cookie, 'x-csrf-token': pre.csrf };
    const nested = await postRaw('/api/agreements', deep(), headers);
    expect(nested.statusCode).toBe(401);
    expect(errorCode(nested)).toBe('UNAUTHENTICATED');
    // A body that is not JSON at all gets the same answer: the parser never ran.
    const garbage = await postRaw(`/api/agreements/${world.agreementId}/tasks`, '{not json', headers);
    expect(errorCode(garbage)).toBe('UNAUTHENTICATED');
  });
});

describe('a signed-in body', () => {
  const headers = () => ({ cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf });

  it(`nested more than ${MAX_JSON_DEPTH} levels deep is refused before it is parsed`, async () => {
    const res = await postRaw('/api/agreements', deep(100_000), headers());
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('MALFORMED_REQUEST');
    expect((res.json() as { error: { message: string } }).error.message).toMatch(/nested/);
  });

  it('past its route’s size is refused 413, and sign-in takes far less than the rest', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(300 * 1024) });
    const res = await postRaw('/api/agreements', big, headers());
    expect(res.statusCode).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
    const pre = await preSignIn(ctx.app);
    const signIn = await postRaw('/api/auth/sign-in', JSON.stringify({ email: 'a@b.vn', password: 'p'.repeat(20 * 1024) }), {
      cookie: pre.cookie,
      'x-csrf-token': pre.csrf,
    });
    expect(signIn.statusCode).toBe(413);
  });

  it('with a key that reaches a prototype is refused', async () => {
    const res = await postRaw('/api/agreements', '{"title":"a","__proto__":{"admin":true}}', headers());
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('MALFORMED_REQUEST');
  });

  it('as large as the largest agreement is accepted', async () => {
    const line = (n: number, c = 'ệ') => c.repeat(n);
    const res = await coordinator.post('/api/agreements', {
      title: line(300),
      summary: line(10_000),
      signedOn: '2022-03-09',
      periodStart: '2022-01-01',
      periodEnd: '2025-12-31',
      legalBases: Array.from({ length: 30 }, () => line(300)),
      sourceUrls: Array.from({ length: 20 }, (_, i) => `https://camau.gov.vn/${i}/${'a'.repeat(1900)}`),
      parties: [{ organisationId: world.provinceId }, { organisationId: world.groupId }],
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('the depth of a JSON text', () => {
  it('counts brackets outside strings only, escapes included', () => {
    expect(jsonDepthExceeds('{"a":"[[[[[[[[","b":"\\"[[[["}', 1)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds('[[],[],[],[]]', 2)).toBe(false);
  });

  it('parses what it lets through exactly as JSON.parse does', () => {
    const text = '{"tiêu đề":"Cà Mau \\"số\\"","n":[1,2.5,null,true],"o":{"p":{}}}';
    expect(parseJsonBody(text)).toEqual(JSON.parse(text));
  });
});
