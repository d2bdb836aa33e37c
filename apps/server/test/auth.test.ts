import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import {
  PASSWORD,
  buildAgreement,
  buildOrganisation,
  buildUser,
  clientFor,
  errorCode,
  preSignIn,
  signInAs,
  startTestApp,
  unique,
  type TestContext,
} from './support.js';

let ctx: TestContext;
let orgId: string;

beforeAll(async () => {
  ctx = await startTestApp({ signInLimits: { perAccountAddress: 3, perAddress: 1000, windowMinutes: 15, backoffMaxMinutes: 60 } });
  orgId = (await buildOrganisation(ctx.db, { kind: 'province' })).id;
});
afterAll(() => ctx.close());

async function attempt(email: string, password: string, ip = '127.0.0.1') {
  const pre = await preSignIn(ctx.app);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: ip,
    headers: { cookie: pre.cookie, 'x-csrf-token': pre.csrf },
    payload: { email, password },
  });
}

describe('signing in and out', () => {
  it('signs in with the right password and sets an HttpOnly, SameSite session cookie', async () => {
    const user = await buildUser(ctx.db, { role: 'coordinator', organisationId: orgId });
    const res = await attempt(user.email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'accord_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json() as { user: { email: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ email: user.email, role: 'coordinator' });
    const session = await clientFor(ctx.app, `accord_session=${cookie?.value}`, body.csrfToken).get('/api/auth/session');
    expect(session.statusCode).toBe(200);
  });

  it('over HTTPS (a trusted proxy says so) sets Secure __Host- cookies, and reads no other', async () => {
    const behindProxy = await startTestApp({ trustProxy: true });
    try {
      const user = await buildUser(behindProxy.db, { role: 'coordinator', organisationId: orgId });
      const https = { 'x-forwarded-proto': 'https' };
      const pre = await behindProxy.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: https });
      const csrfCookie = pre.cookies.find((c) => c.name === '__Host-accord_csrf');
      expect(csrfCookie).toMatchObject({ secure: true, path: '/', httpOnly: true });
      expect(pre.headers['strict-transport-security']).toMatch(/max-age=/);
      const res = await behindProxy.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: {
          ...https,
          cookie: `__Host-accord_csrf=${csrfCookie?.value}`,
          'x-csrf-token': (pre.json() as { csrfToken: string }).csrfToken,
        },
        payload: { email: user.email, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const session = res.cookies.find((c) => c.name === '__Host-accord_session');
      expect(session).toMatchObject({ secure: true, httpOnly: true, path: '/', sameSite: 'Lax' });
      expect(res.cookies.find((c) => c.name === 'accord_session')).toBeUndefined();
      const get = (cookie: string) => behindProxy.app.inject({ method: 'GET', url: '/api/auth/session', headers: { ...https, cookie } });
      expect((await get(`__Host-accord_session=${session?.value}`)).statusCode).toBe(200);
      // The same token under the plain name (a cookie planted over plain HTTP) is not read over HTTPS.
      expect((await get(`accord_session=${session?.value}`)).statusCode).toBe(401);
      // Without the proxy's word it is plain HTTP: plain cookies, as on a developer's machine.
      const plain = await behindProxy.app.inject({ method: 'GET', url: '/api/auth/csrf' });
      expect(plain.cookies.find((c) => c.name === 'accord_csrf')?.secure).toBeFalsy();
    } finally {
      await behindProxy.close();
    }
    // COOKIE_SECURE=true: Secure whatever the request says (a TLS proxy that sends no X-Forwarded-Proto).
    const forced = await startTestApp({ cookieSecure: 'always' });
    try {
      const pre = await forced.app.inject({ method: 'GET', url: '/api/auth/csrf' });
      expect(pre.cookies.find((c) => c.name === '__Host-accord_csrf')?.secure).toBe(true);
    } finally {
      await forced.close();
    }
  });

  it('gives the same message for a wrong password and an unknown account', async () => {
    const user = await buildUser(ctx.db, { role: 'leader', organisationId: orgId });
    const wrong = await attempt(user.email, 'not the password');
    const unknown = await attempt(`${unique('nobody-')}@example.vn`, 'whatever');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const user = await buildUser(ctx.db, { role: 'leader', organisationId: orgId });
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, 'wrong')).statusCode).toBe(401);
    const blocked = await attempt(user.email, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(errorCode(blocked)).toBe('SIGN_IN_THROTTLED');
  });

  it('cannot be used by others to lock the owner out: failures count per account and address', async () => {
    const user = await buildUser(ctx.db, { role: 'leader', organisationId: orgId });
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, 'đoán mò', '10.7.0.1')).statusCode).toBe(401);
    expect(errorCode(await attempt(user.email, PASSWORD, '10.7.0.1'))).toBe('SIGN_IN_THROTTLED');
    // The owner, at their own address, is not held up by what was tried elsewhere.
    expect((await attempt(user.email, PASSWORD, '10.7.0.2')).statusCode).toBe(200);
  });

  it('past the limit, lets one attempt through after a back-off that doubles each time', async () => {
    const user = await buildUser(ctx.db, { role: 'leader', organisationId: orgId });
    const ip = '10.7.1.1';
    const key = `pair:${user.email}|${ip}`;
    const rewind = (seconds: number) =>
      ctx.db.query(`UPDATE sign_in_attempts SET last_at = last_at - make_interval(secs => $2) WHERE key = $1`, [key, seconds]);
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, 'sai', ip)).statusCode).toBe(401);
    const first = await attempt(user.email, PASSWORD, ip);
    expect(errorCode(first)).toBe('SIGN_IN_THROTTLED');
    expect(Number(first.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(first.headers['retry-after'])).toBeLessThanOrEqual(60);
    await rewind(61);
    // One attempt is checked after the first minute; the next has to wait two.
    expect(errorCode(await attempt(user.email, 'vẫn sai', ip))).toBe('INVALID_CREDENTIALS');
    const second = await attempt(user.email, PASSWORD, ip);
    expect(errorCode(second)).toBe('SIGN_IN_THROTTLED');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(110);
    expect((second.json() as { error: { details: { retryAfterMinutes: number } } }).error.details.retryAfterMinutes).toBe(2);
    await rewind(61);
    expect(errorCode(await attempt(user.email, PASSWORD, ip))).toBe('SIGN_IN_THROTTLED');
    await rewind(60);
    expect((await attempt(user.email, PASSWORD, ip)).statusCode).toBe(200);
    // A success starts the pair again: the limit's worth of attempts is free once more.
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, 'sai', ip)).statusCode).toBe(401);
  });

  it('counts every attempt of a parallel burst before checking its password: no more are checked than the limit allows', async () => {
    const user = await buildUser(ctx.db, { role: 'coordinator', organisationId: orgId });
    const wrong = await Promise.all(Array.from({ length: 30 }, () => attempt(user.email, 'sai-mat-khau', '10.9.0.1')));
    const codes = wrong.map((r) => errorCode(r));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(3);
    expect(codes.filter((c) => c === 'SIGN_IN_THROTTLED')).toHaveLength(27);

    // A burst with the right password among wrong ones: at most the limit's worth is checked at all.
    const other = await buildUser(ctx.db, { role: 'coordinator', organisationId: orgId });
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(other.email, i === 6 ? PASSWORD : 'sai-mat-khau', '10.9.0.2')),
    );
    const checked = burst.filter((r) => r.statusCode === 200 || errorCode(r) === 'INVALID_CREDENTIALS');
    expect(checked.length).toBeLessThanOrEqual(3);
    expect(burst.filter((r) => errorCode(r) === 'SIGN_IN_THROTTLED').length).toBeGreaterThanOrEqual(9);
  });

  it('does not count successful sign-ins against the address', async () => {
    const office = await startTestApp({ signInLimits: { perAccountAddress: 5, perAddress: 2, windowMinutes: 15, backoffMaxMinutes: 60 } });
    try {
      const user = await buildUser(office.db, { role: 'observer', organisationId: orgId });
      for (let i = 0; i < 4; i++) {
        const pre = await preSignIn(office.app);
        const res = await office.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          remoteAddress: '10.9.0.3',
          headers: { cookie: pre.cookie, 'x-csrf-token': pre.csrf },
          payload: { email: user.email, password: PASSWORD },
        });
        expect(res.statusCode, `sign-in ${i + 1}`).toBe(200);
      }
    } finally {
      await office.close();
    }
  });

  it('throttles an address that tries many accounts', async () => {
    const strict = await startTestApp({
      signInLimits: { perAccountAddress: 100, perAddress: 2, windowMinutes: 15, backoffMaxMinutes: 60 },
    });
    try {
      const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const pre = await preSignIn(strict.app);
      const send = (email: string) =>
        strict.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          remoteAddress: ip,
          headers: { cookie: pre.cookie, 'x-csrf-token': pre.csrf },
          payload: { email, password: 'x' },
        });
      await send(`${unique()}@a.vn`);
      await send(`${unique()}@a.vn`);
      expect((await send(`${unique()}@a.vn`)).statusCode).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('refuses sign-in without the CSRF token', async () => {
    const user = await buildUser(ctx.db, { role: 'leader', organisationId: orgId });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('CSRF_TOKEN_INVALID');
  });

  it('refuses a state-changing request whose CSRF token does not match the session', async () => {
    const user = await buildUser(ctx.db, { role: 'coordinator', organisationId: orgId });
    const client = await signInAs(ctx.app, user.email);
    const forged = clientFor(ctx.app, client.cookie, 'forged-token');
    const res = await forged.post('/api/auth/sign-out');
    expect(res.statusCode).toBe(403);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('checks the session and the CSRF token however the path is spelt: /%61pi is /api', async () => {
    const user = await buildUser(ctx.db, { role: 'coordinator', organisationId: orgId });
    const client = await signInAs(ctx.app, user.email);
    // A cross-site form: the session cookie comes along, the CSRF token does not.
    for (const url of ['/%61pi/auth/sign-out', '/%61%70%69/auth/sign-out', '/api/auth/%73ign-out']) {
      const forged = await ctx.app.inject({ method: 'POST', url, headers: { cookie: client.cookie } });
      expect(forged.statusCode, url).toBe(403);
      expect(errorCode(forged), url).toBe('CSRF_TOKEN_INVALID');
    }
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    // Read the same way: the session counts, and without it the gate holds.
    expect((await client.get('/%61pi/auth/session')).statusCode).toBe(200);
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/%61pi/agreements' });
    expect(anonymous.statusCode).toBe(401);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const unknown = await ctx.app.inject({ method: 'GET', url: '/%61pi/no-such-endpoint' });
    expect(unknown.statusCode).toBe(401);
  });

  it('ends the session a sign-in replaces on the same browser', async () => {
    const first = await buildUser(ctx.db, { role: 'observer', organisationId: orgId });
    const second = await buildUser(ctx.db, { role: 'coordinator', organisationId: orgId });
    const before = await signInAs(ctx.app, first.email);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: before.cookie, 'x-csrf-token': before.csrf },
      payload: { email: second.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { user: { id: string } }).user.id).toBe(second.id);
    expect((await before.get('/api/auth/session')).statusCode).toBe(401);
    // A wrong password ends nothing.
    const kept = await signInAs(ctx.app, first.email);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: kept.cookie, 'x-csrf-token': kept.csrf },
      payload: { email: second.email, password: 'sai-mat-khau' },
    });
    expect(wrong.statusCode).toBe(401);
    expect((await kept.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('ends a session at its absolute lifetime however much it is used', async () => {
    const short = await startTestApp({ sessionTtlHours: 12, sessionMaxHours: 2 });
    try {
      const user = await buildUser(short.db, { role: 'observer', organisationId: orgId });
      const client = await signInAs(short.app, user.email);
      const token = client.cookie.split('=')[1] as string;
      const hash = (await import('../src/modules/auth/auth.service.js')).hashToken(token);
      const expires = async () =>
        (
          (await short.db.query('SELECT expires_at - created_at AS life FROM sessions WHERE token_hash = $1', [hash])).rows[0] as {
            life: { hours?: number };
          }
        ).life.hours;
      // Created: capped at the absolute lifetime, not the idle one.
      expect(await expires()).toBe(2);
      // Signed in three hours ago and in use two minutes ago: past its absolute lifetime, it has ended.
      await short.db.query(
        "UPDATE sessions SET created_at = now() - interval '3 hours', last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '1 hour' WHERE token_hash = $1",
        [hash],
      );
      expect((await client.get('/api/auth/session')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('ends the session on sign-out', async () => {
    const user = await buildUser(ctx.db, { role: 'observer', organisationId: orgId });
    const client = await signInAs(ctx.app, user.email);
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('looks up the sessions of requests that arrive together in one go, each answered as its own', async () => {
    const users = await Promise.all(
      Array.from({ length: 6 }, (_, i) => buildUser(ctx.db, { role: i % 2 ? 'observer' : 'coordinator', organisationId: orgId })),
    );
    const clients = await Promise.all(users.map((u) => signInAs(ctx.app, u.email)));
    const [gone, disabled] = clients;
    await gone?.post('/api/auth/sign-out');
    await ctx.db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled?.userId]);
    // Sent at once, with one session twice and one cookie no session has: each gets its own answer.
    const all = [...clients, clients[2] as (typeof clients)[number], clientFor(ctx.app, 'accord_session=nothing-like-it', 'x')];
    const answers = await Promise.all(all.map((c) => c.get('/api/auth/session')));
    expect(answers.map((r) => r.statusCode)).toEqual([401, 401, 200, 200, 200, 200, 200, 401]);
    expect(answers.slice(2, 7).map((r) => (r.json() as { user: { id: string } }).user.id)).toEqual([
      ...users.slice(2).map((u) => u.id),
      users[2]?.id,
    ]);
  });

  it('keeps the session across a server restart (sessions live in PostgreSQL)', async () => {
    const user = await buildUser(ctx.db, { role: 'coordinator', organisationId: orgId });
    const client = await signInAs(ctx.app, user.email);
    const cookie = client.cookie;
    const restarted = await buildApp({ db: ctx.db, config: ctx.config });
    try {
      const res = await restarted.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect((res.json() as { user: { email: string } }).user.email).toBe(user.email);
    } finally {
      await restarted.close();
    }
  });

  it('slides the expiry of a session in use, writing its row at most once a minute', async () => {
    const user = await buildUser(ctx.db, { role: 'coordinator', organisationId: orgId });
    const client = await signInAs(ctx.app, user.email);
    const row = async () =>
      (
        await ctx.db.query<{ last_seen_at: Date; expires_at: Date }>('SELECT last_seen_at, expires_at FROM sessions WHERE user_id = $1', [
          user.id,
        ])
      ).rows[0];
    // Just used: another request does not write the row.
    const fresh = await row();
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    expect(await row()).toEqual(fresh);
    // Last used two minutes ago, one hour before it expires: the next request slides it forward.
    await ctx.db.query(
      "UPDATE sessions SET last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '1 hour' WHERE user_id = $1",
      [user.id],
    );
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    const slid = await row();
    expect(slid?.expires_at.getTime()).toBeGreaterThan(Date.now() + (ctx.config.sessionTtlHours - 1) * 3600_000);
    expect(Date.now() - (slid?.last_seen_at.getTime() ?? 0)).toBeLessThan(60_000);
    // Expired: refused, and not revived.
    await ctx.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [user.id]);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('keeps what a session reaches in step with the organisation tree, within the same session', async () => {
    const province = await buildOrganisation(ctx.db, { kind: 'province' });
    const group = await buildOrganisation(ctx.db, { kind: 'enterprise_group' });
    const agreement = await buildAgreement(ctx.db, {
      parties: [
        { organisationId: province.id, side: 'government' },
        { organisationId: group.id, side: 'enterprise' },
      ],
    });
    const elsewhere = await buildOrganisation(ctx.db, { kind: 'province' });
    const department = await buildOrganisation(ctx.db, { kind: 'department', parentId: elsewhere.id });
    const user = await buildUser(ctx.db, { role: 'coordinator', organisationId: department.id });
    const client = await signInAs(ctx.app, user.email);
    const read = async () => (await client.get(`/api/agreements/${agreement.id}`)).statusCode;
    expect(await read()).toBe(404);
    expect(await read()).toBe(404);
    // The department moves under the agreement's province: the same session now reaches it…
    await ctx.db.query('UPDATE organisations SET parent_id = $2 WHERE id = $1', [department.id, province.id]);
    expect(await read()).toBe(200);
    // …and the user moves to another organisation: it no longer does.
    await ctx.db.query('UPDATE users SET organisation_id = $2 WHERE id = $1', [user.id, elsewhere.id]);
    expect(await read()).toBe(404);
  });

  it('never stores the password or the session token in clear', async () => {
    const user = await buildUser(ctx.db, { role: 'coordinator', organisationId: orgId });
    await signInAs(ctx.app, user.email);
    const { rows } = await ctx.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(rows[0]?.password_hash.startsWith('$argon2id$')).toBe(true);
  });
});

describe('security headers', () => {
  it('tells browsers and proxies to keep no API answer, an error included', async () => {
    const user = await buildUser(ctx.db, { role: 'observer', organisationId: orgId });
    const client = await signInAs(ctx.app, user.email);
    for (const res of [
      await client.get('/api/auth/session'),
      await client.get('/api/agreements'),
      await ctx.app.inject({ method: 'GET', url: '/api/agreements' }),
      await client.get('/api/no-such-endpoint'),
    ]) {
      expect(res.headers['cache-control'], res.raw.req.url).toBe('no-store');
    }
  });

  it('sends CSP with frame-ancestors, nosniff and no framing', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('housekeeping', () => {
  it('purges expired sessions and old sign-in failures', async () => {
    const { purgeExpired } = await import('../src/modules/auth/auth.service.js');
    const user = await buildUser(ctx.db, { role: 'leader', organisationId: orgId });
    const client = await signInAs(ctx.app, user.email);
    await ctx.db.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [user.id]);
    const [address, oldPair, recentPair] = [`address:${unique()}`, `pair:${user.email}|10.0.0.1`, `pair:${user.email}|10.0.0.2`];
    await ctx.db.query(
      `INSERT INTO sign_in_attempts(key, n, window_start, last_at) VALUES
         ($1, 9, now() - interval '1 hour', now() - interval '1 hour'),
         ($2, 9, now() - interval '2 days', now() - interval '25 hours'),
         ($3, 9, now() - interval '2 days', now() - interval '2 hours')`,
      [address, oldPair, recentPair],
    );
    await purgeExpired(ctx.db, ctx.config);
    expect((await ctx.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id])).rowCount).toBe(0);
    const kept = await ctx.db.query<{ key: string }>('SELECT key FROM sign_in_attempts WHERE key = ANY($1)', [
      [address, oldPair, recentPair],
    ]);
    // An address's window is over; a pair is remembered until a day of quiet (its back-off may be long).
    expect(kept.rows.map((r) => r.key)).toEqual([recentPair]);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });
});
