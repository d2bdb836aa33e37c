import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger, loggerOptions } from '../src/http/logging.js';
import {
  buildOrganisation,
  buildTwoSidedAgreement,
  buildUser,
  errorCode,
  PASSWORD,
  preSignIn,
  signInAs,
  startTestApp,
  unique,
  type Client,
  type TestContext,
} from './support.js';

/**
 * The security log: sign-ins, refusals, password changes and administrative actions are logged as
 * structured lines with the request's id and the user, never a secret, and kept for administrators
 * to read in the app. Users change their own password.
 */
let ctx: TestContext;
let lines: Record<string, unknown>[];
let logged: string;
let app: FastifyInstance;
let admin: Client;
let coordinator: Client;
let world: { provinceId: string; groupId: string; agreementId: string };

beforeAll(async () => {
  ctx = await startTestApp();
  lines = [];
  logged = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await buildApp({ db: ctx.db, config: ctx.config, logger: pino(loggerOptions(ctx.config), stream) });
  app.get('/boom', async () => {
    throw new Error('a bug');
  });
  await app.ready();
  world = await buildTwoSidedAgreement(ctx.db);
  const agency = await buildOrganisation(ctx.db, { kind: 'central_agency' });
  admin = await signInAs(app, (await buildUser(ctx.db, { role: 'admin', organisationId: agency.id })).email);
  coordinator = await signInAs(app, (await buildUser(ctx.db, { role: 'coordinator', organisationId: world.provinceId })).email);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

async function signIn(email: string, password: string, ip = '10.6.0.1') {
  const pre = await preSignIn(app);
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: ip,
    headers: { cookie: pre.cookie, 'x-csrf-token': pre.csrf },
    payload: { email, password },
  });
}

const securityLines = (kind: string) => lines.filter((l) => (l.security as { kind?: string } | undefined)?.kind === kind);
const storedEvents = async (kind: string, email: string) =>
  (await ctx.db.query('SELECT * FROM security_events WHERE kind = $1 AND email = $2', [kind, email])).rows;

describe('the security log', () => {
  it('has a line and a stored event for a failed and a successful sign-in, with the request id and never the password', async () => {
    const user = await buildUser(ctx.db, { role: 'leader', organisationId: world.provinceId });
    const failed = await signIn(user.email, 'mật khẩu sai bí mật');
    const line = securityLines('sign_in.failed').find((l) => (l.security as { email: string }).email === user.email);
    expect(line).toMatchObject({ requestId: failed.headers['x-request-id'], security: { ip: '10.6.0.1' } });
    expect(await storedEvents('sign_in.failed', user.email)).toHaveLength(1);

    const ok = await signIn(user.email, PASSWORD);
    expect(ok.statusCode).toBe(200);
    const success = securityLines('sign_in.succeeded').find((l) => (l.security as { email: string }).email === user.email);
    expect((success?.security as { userId: string }).userId).toBe((ok.json() as { user: { id: string } }).user.id);
    const session = ok.cookies.find((c) => c.name === 'accord_session')?.value as string;
    expect(logged).not.toContain('mật khẩu sai bí mật');
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain(session);
    expect(logged).not.toContain((ok.json() as { csrfToken: string }).csrfToken);
  });

  it('records a throttled sign-in, stored once a minute per address however many come', async () => {
    const user = await buildUser(ctx.db, { role: 'leader', organisationId: world.provinceId });
    for (let i = 0; i < 12; i++) await signIn(user.email, 'sai', '10.6.0.2');
    const stored = await storedEvents('sign_in.throttled', user.email);
    expect(stored).toHaveLength(1);
    expect((stored[0] as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeGreaterThan(0);
    // Every one of them is still a line of the log.
    expect(securityLines('sign_in.throttled').filter((l) => (l.security as { email: string }).email === user.email)).toHaveLength(7);
  });

  it('records a refusal with the user, and an administrator’s every change', async () => {
    const refused = await coordinator.post('/api/organisations', { kind: 'province', nameVi: `Tỉnh ${unique()}` });
    expect(refused.statusCode).toBe(403);
    const denial = securityLines('access.denied').find((l) => l.requestId === refused.headers['x-request-id']);
    expect(denial).toMatchObject({ userId: coordinator.userId, security: { userId: coordinator.userId, details: { code: 'FORBIDDEN' } } });

    const made = await admin.post('/api/organisations', { kind: 'province', nameVi: `Tỉnh ${unique()}` });
    expect(made.statusCode).toBe(201);
    const { rows } = await ctx.db.query('SELECT details FROM security_events WHERE kind = $1 AND request_id = $2', [
      'admin.action',
      made.headers['x-request-id'],
    ]);
    expect(rows[0]?.details).toMatchObject({ method: 'POST', route: '/api/organisations', status: 201 });
  });

  it('logs an unhandled error with its request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    const line = lines.find((l) => l.msg === 'unhandled error' && l.requestId === res.headers['x-request-id']);
    expect((line?.err as { message: string }).message).toBe('a bug');
  });

  it('is read in the app by administrators only, newest first, by kind', async () => {
    const res = await admin.get('/api/security-events?kind=access.denied&limit=5');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { id: number; kind: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.kind === 'access.denied')).toBe(true);
    expect(items.map((i) => i.id)).toEqual([...items.map((i) => i.id)].sort((a, b) => b - a));
    expect((await coordinator.get('/api/security-events')).statusCode).toBe(403);
  });

  it('cannot be rewritten, not even by the database owner', async () => {
    await expect(ctx.db.query("UPDATE security_events SET kind = 'sign_in.succeeded' WHERE kind = 'sign_in.failed'")).rejects.toThrow(
      /append-only/,
    );
  });

  it('goes to a file under the log folder as well', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-logs-'));
    const logger = createLogger({ ...loadConfig({}), logDir: dir, logFile: true, logLevel: 'info' });
    logger.info({ security: { kind: 'sign_in.failed' } }, 'security: sign_in.failed');
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const files = fs.readdirSync(dir);
    expect(files.some((f) => /^accord\.\d+\.log$/.test(f))).toBe(true);
    const text = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(text).toContain('sign_in.failed');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('changing one’s password', () => {
  async function newUser() {
    const user = await buildUser(ctx.db, { role: 'unit_officer', organisationId: world.provinceId });
    return { ...user, here: await signInAs(app, user.email), elsewhere: await signInAs(app, user.email) };
  }

  it('needs the current password, ends every other session and keeps this one', async () => {
    const u = await newUser();
    const next = `Một câu mật khẩu ${unique()}`;
    const res = await u.here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: next });
    expect(res.statusCode, res.body).toBe(204);
    expect((await u.here.get('/api/auth/session')).statusCode).toBe(200);
    expect((await u.elsewhere.get('/api/auth/session')).statusCode).toBe(401);
    expect((await signIn(u.email, PASSWORD, '10.6.1.1')).statusCode).toBe(401);
    expect((await signIn(u.email, next, '10.6.1.1')).statusCode).toBe(200);
    expect(await storedEvents('password.changed', u.email)).toHaveLength(1);
  });

  it('refuses a wrong current password as a field, and changes nothing', async () => {
    const u = await newUser();
    const before = (await ctx.db.query('SELECT password_hash FROM users WHERE id = $1', [u.id])).rows[0];
    const res = await u.here.post('/api/auth/password', { currentPassword: 'không phải', newPassword: `Mật khẩu khác ${unique()}` });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: { issues: { field: string; code: string }[] } } }).error.details.issues[0]).toMatchObject({
      field: 'currentPassword',
      code: 'wrongPassword',
    });
    expect((await ctx.db.query('SELECT password_hash FROM users WHERE id = $1', [u.id])).rows[0]).toEqual(before);
    expect((await u.elsewhere.get('/api/auth/session')).statusCode).toBe(200);
    expect(await storedEvents('password.change_refused', u.email)).toHaveLength(1);
  });

  it('refuses a short password and one equal to the current', async () => {
    const u = await newUser();
    const short = await u.here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'ngắn' });
    expect(errorCode(short)).toBe('VALIDATION_FAILED');
    const same = await u.here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect((same.json() as { error: { details: { issues: { code: string }[] } } }).error.details.issues[0]?.code).toBe('sameAsCurrent');
  });

  it('throttles guesses of the current password like sign-ins', async () => {
    const u = await newUser();
    const guess = () => u.here.post('/api/auth/password', { currentPassword: 'đoán', newPassword: `Mật khẩu khác ${unique()}` });
    for (let i = 0; i < 5; i++) expect((await guess()).statusCode).toBe(400);
    expect(errorCode(await guess())).toBe('SIGN_IN_THROTTLED');
  });
});
