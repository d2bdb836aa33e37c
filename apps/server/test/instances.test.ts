/**
 * Two Accord server processes on one PostgreSQL, as behind a load balancer without sticky
 * sessions. Each instance is `apps/server/src/server.ts` started as its own process (as
 * `npm start` does), and every request goes over real HTTP, so cookies, CSRF headers and ETags
 * travel exactly as they do from a browser. Whatever one instance writes — a session, a CSRF
 * token, an edit, a failed sign-in — the other must see, because PostgreSQL is the only state.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectDir } from '../src/config.js';
import { createPool, type Db } from '../src/db/pool.js';
import { PASSWORD, buildAgreement, freePort, buildArea, buildOrganisation, buildTask, buildUser, unique } from './support.js';

const LIMITS = { perAccount: 3, perAddress: 4 };

interface Instance {
  name: string;
  url: string;
  child: ChildProcessByStdio<null, Readable, Readable>;
  output: string[];
}

interface Reply {
  status: number;
  etag: string | null;
  body: unknown;
}

type Task = { id: string; version: number; title: string };
type Problem = { error: { code: string; details?: { current?: Task } } };
const taskOf = (r: Reply) => r.body as Task;
const problemOf = (r: Reply) => r.body as Problem;

/** Starts one server process on the test database and waits until it listens. */
async function startInstance(name: string, databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: projectDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_READ_URL: '',
      DATABASE_POOL_SIZE: '5',
      HOST: '127.0.0.1',
      PORT: String(port),
      // As behind a load balancer: the client address comes from X-Forwarded-For.
      TRUST_PROXY: 'true',
      SIGN_IN_LIMIT_ACCOUNT: String(LIMITS.perAccount),
      SIGN_IN_LIMIT_ADDRESS: String(LIMITS.perAddress),
      SIGN_IN_WINDOW_MINUTES: '15',
      ACCORD_DEMO: 'false',
      LOG_REQUESTS: 'false',
    },
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('Accord is ready')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`instance ${name} exited (${code}):\n${output.join('')}`)));
  });
  return { name, url: `http://127.0.0.1:${port}`, child, output };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

/**
 * A browser: one cookie jar for both instances (cookies do not depend on the port, just as
 * they do not depend on which machine behind the load balancer answers) and one client address.
 */
class Browser {
  csrf = '';
  constructor(
    readonly address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** A second holder of the same cookies (another tab, or someone who copied the cookie). */
  copy(): Browser {
    const other = new Browser(this.address, new Map(this.cookies));
    other.csrf = this.csrf;
    return other;
  }

  async send(
    instance: Instance,
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.address };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${instance.url}${path}`, {
      method,
      headers: { ...headers, ...options.headers },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    for (const line of res.headers.getSetCookie()) this.keepCookie(line);
    const text = await res.text();
    return { status: res.status, etag: res.headers.get('etag'), body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  private keepCookie(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const expired = attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()));
    if (!value || expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** GET /api/auth/csrf on one instance, POST /api/auth/sign-in on another (or the same). */
async function signIn(browser: Browser, csrfFrom: Instance, signInOn: Instance, email: string, password = PASSWORD): Promise<Reply> {
  const pre = await browser.send(csrfFrom, 'GET', '/api/auth/csrf');
  browser.csrf = (pre.body as { csrfToken: string }).csrfToken;
  const res = await browser.send(signInOn, 'POST', '/api/auth/sign-in', { body: { email, password } });
  if (res.status === 200) browser.csrf = (res.body as { csrfToken: string }).csrfToken;
  return res;
}

let a: Instance | undefined;
let b: Instance | undefined;
let db: Db;
let agreementId: string;
let provinceId: string;
let areaId: string;
let coordinatorEmail: string;
let partnerEmail: string;
let leaderEmail: string;

const A = () => a as Instance;
const B = () => b as Instance;
const taskUrl = (taskId: string, rest = '') => `/api/agreements/${agreementId}/tasks/${taskId}${rest}`;
const newTask = async () => (await buildTask(db, { agreementId, areaId, obligor: 'joint', title: 'Xây dựng kho dữ liệu dùng chung' })).id;

beforeAll(async () => {
  const databaseUrl = inject('databaseUrl');
  db = createPool(databaseUrl, 2);
  // Started together, as in a rolling deploy: each runs the migrations under the advisory lock.
  [a, b] = await Promise.all([startInstance('A', databaseUrl), startInstance('B', databaseUrl)]);
  const province = await buildOrganisation(db, { kind: 'province' });
  provinceId = province.id;
  const department = await buildOrganisation(db, { kind: 'department', parentId: province.id });
  const group = await buildOrganisation(db, { kind: 'enterprise_group' });
  const agreement = await buildAgreement(db, {
    parties: [
      { organisationId: province.id, side: 'government' },
      { organisationId: group.id, side: 'enterprise' },
    ],
  });
  agreementId = agreement.id;
  areaId = (await buildArea(db, agreementId)).id;
  coordinatorEmail = (await buildUser(db, { role: 'coordinator', organisationId: department.id })).email;
  partnerEmail = (await buildUser(db, { role: 'coordinator', organisationId: group.id })).email;
  leaderEmail = (await buildUser(db, { role: 'leader', organisationId: department.id })).email;
});

afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await db?.end();
});

describe('two server instances on one database', () => {
  it('share sessions: signed in on A, it works on B; signed out on B, it is over on A', async () => {
    const browser = new Browser();
    expect((await signIn(browser, A(), A(), coordinatorEmail)).status).toBe(200);
    const session = await browser.send(B(), 'GET', '/api/auth/session');
    expect(session.status).toBe(200);
    expect((session.body as { user: { email: string } }).user.email).toBe(coordinatorEmail);
    const agreement = await browser.send(B(), 'GET', `/api/agreements/${agreementId}`);
    expect(agreement.status).toBe(200);
    expect((agreement.body as { id: string }).id).toBe(agreementId);

    const otherTab = browser.copy();
    expect((await otherTab.send(A(), 'GET', '/api/auth/session')).status).toBe(200);
    expect((await browser.send(B(), 'POST', '/api/auth/sign-out')).status).toBe(204);
    // The other tab still sends the old cookie: A must find the session gone, not remember it.
    expect((await otherTab.send(A(), 'GET', '/api/auth/session')).status).toBe(401);
    expect((await otherTab.send(A(), 'GET', `/api/agreements/${agreementId}`)).status).toBe(401);
  });

  it('see an organisation moved, and a user disabled, on the next request of both instances', async () => {
    const elsewhere = await buildOrganisation(db, { kind: 'province' });
    const unit = await buildOrganisation(db, { kind: 'department', parentId: elsewhere.id });
    const user = await buildUser(db, { role: 'coordinator', organisationId: unit.id });
    const browser = new Browser();
    expect((await signIn(browser, A(), A(), user.email)).status).toBe(200);
    const read = async (on: Instance) => (await browser.send(on, 'GET', `/api/agreements/${agreementId}`)).status;
    // Both instances have worked out what the unit reaches, twice over.
    for (const on of [A(), B(), A(), B()]) expect(await read(on)).toBe(404);
    // The unit moves under the agreement's province (on neither instance): both see it at once.
    await db.query('UPDATE organisations SET parent_id = $2 WHERE id = $1', [unit.id, provinceId]);
    expect(await read(B())).toBe(200);
    expect(await read(A())).toBe(200);
    // Moved back: neither instance answers from what it worked out before.
    await db.query('UPDATE organisations SET parent_id = $2 WHERE id = $1', [unit.id, elsewhere.id]);
    expect(await read(A())).toBe(404);
    expect(await read(B())).toBe(404);
    // Disabled: the next request on either instance is signed out.
    await db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
    expect((await browser.send(A(), 'GET', '/api/auth/session')).status).toBe(401);
    expect((await browser.send(B(), 'GET', '/api/auth/session')).status).toBe(401);
  });

  it('filter a list by a unit with what is below it now, on both instances, after a move', async () => {
    const elsewhere = await buildOrganisation(db, { kind: 'province' });
    const unit = await buildOrganisation(db, { kind: 'department', parentId: elsewhere.id });
    const taskId = (
      await buildTask(db, { agreementId, areaId, obligor: 'government', leadUnitId: unit.id, title: 'Việc của đơn vị chuyển về' })
    ).id;
    const browser = new Browser();
    expect((await signIn(browser, A(), A(), coordinatorEmail)).status).toBe(200);
    const listed = async (on: Instance) => {
      const reply = await browser.send(on, 'GET', `/api/agreements/${agreementId}/tasks?leadUnitId=${provinceId}&pageSize=100`);
      expect(reply.status).toBe(200);
      return (reply.body as { items: { id: string }[] }).items.some((t) => t.id === taskId);
    };
    // Both instances have worked out what the province covers, twice over.
    for (const on of [A(), B(), A(), B()]) expect(await listed(on)).toBe(false);
    await db.query('UPDATE organisations SET parent_id = $2 WHERE id = $1', [unit.id, provinceId]);
    expect(await listed(B())).toBe(true);
    expect(await listed(A())).toBe(true);
    await db.query('UPDATE organisations SET parent_id = $2 WHERE id = $1', [unit.id, elsewhere.id]);
    expect(await listed(A())).toBe(false);
    expect(await listed(B())).toBe(false);
  });

  it('accept on B the CSRF tokens issued through A, and only those', async () => {
    const browser = new Browser();
    // The pre-sign-in token comes from A, the sign-in goes to B.
    expect((await signIn(browser, A(), B(), coordinatorEmail)).status).toBe(200);
    // The session's token, issued by B, is what A hands out too.
    expect(((await browser.send(A(), 'GET', '/api/auth/csrf')).body as { csrfToken: string }).csrfToken).toBe(browser.csrf);

    const taskId = await newTask();
    const forged = await browser.send(B(), 'PATCH', taskUrl(taskId), {
      body: { title: 'Giả mạo' },
      headers: { 'if-match': '"1"', 'x-csrf-token': 'forged' },
    });
    expect(forged.status).toBe(403);
    expect(problemOf(forged).error.code).toBe('CSRF_TOKEN_INVALID');
    const edited = await browser.send(B(), 'PATCH', taskUrl(taskId), { body: { title: 'Sửa qua B' }, headers: { 'if-match': '"1"' } });
    expect(edited.status).toBe(200);
    expect(taskOf(edited).title).toBe('Sửa qua B');
  });

  it('show through B an edit made through A, with its new version', async () => {
    const browser = new Browser();
    await signIn(browser, A(), A(), coordinatorEmail);
    const taskId = await newTask();
    const before = await browser.send(B(), 'GET', taskUrl(taskId));
    expect(before.etag).toBe('"1"');

    const edited = await browser.send(A(), 'PATCH', taskUrl(taskId), {
      body: { title: 'Đổi qua A', progress: 30 },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
    expect(edited.etag).toBe('"2"');
    const seen = await browser.send(B(), 'GET', taskUrl(taskId));
    expect(seen.status).toBe(200);
    expect(seen.etag).toBe('"2"');
    expect(taskOf(seen)).toMatchObject({ version: 2, title: 'Đổi qua A', progress: 30 });
  });

  it('send through B the whole plan as edited through A and as renamed in the database, though B keeps the plan it sent', async () => {
    const browser = new Browser();
    await signIn(browser, A(), A(), coordinatorEmail);
    const taskId = await newTask();
    const unit = await buildOrganisation(db, { kind: 'department', parentId: provinceId, nameVi: 'Sở Khoa học và Công nghệ' });
    const task = await browser.send(A(), 'GET', taskUrl(taskId));
    expect(
      (await browser.send(A(), 'PATCH', taskUrl(taskId), { body: { leadUnitId: unit.id }, headers: { 'if-match': task.etag ?? '' } }))
        .status,
    ).toBe(200);
    const planUrl = `/api/agreements/${agreementId}/plan`;
    const titleOn = async (instance: Instance) => {
      const res = await browser.send(instance, 'GET', planUrl);
      expect(res.status).toBe(200);
      return JSON.stringify(res.body);
    };
    expect(await titleOn(B())).toContain('Sở Khoa học và Công nghệ');
    const kept = await browser.send(B(), 'GET', planUrl);
    const edited = await browser.send(A(), 'PATCH', taskUrl(taskId), {
      body: { title: 'Kho dữ liệu, sửa qua A' },
      headers: { 'if-match': '"2"' },
    });
    expect(edited.status).toBe(200);
    expect(await titleOn(B())).toContain('Kho dữ liệu, sửa qua A');
    // A rename that no change of the plan made (an administrator's, or a migration's): the next answer has it.
    await db.query(`UPDATE organisations SET name_vi = 'Sở Khoa học, Công nghệ và Đổi mới sáng tạo' WHERE id = $1`, [unit.id]);
    expect(await titleOn(B())).toContain('Sở Khoa học, Công nghệ và Đổi mới sáng tạo');
    expect((await browser.send(B(), 'GET', planUrl, { headers: { 'if-none-match': kept.etag ?? '' } })).status).toBe(200);
  });

  it("answer through B where the plan's approval stands as changed in the database and through A, though B keeps what it worked out", async () => {
    const browser = new Browser();
    await signIn(browser, A(), A(), coordinatorEmail);
    const approvalOn = async (instance: Instance) => {
      const res = await browser.send(instance, 'GET', `/api/agreements/${agreementId}/plan/approval`);
      expect(res.status).toBe(200);
      return (res.body as { readiness: { tasks: number; failing: number } }).readiness;
    };
    const before = await approvalOn(B());
    expect(await approvalOn(B())).toEqual(before);
    // Written in the database, no version of the plan counting it: a task that fails the "5 rõ".
    const taskId = await newTask();
    expect(await approvalOn(B())).toMatchObject({ tasks: before.tasks + 1, failing: before.failing + 1 });
    const task = await browser.send(A(), 'GET', taskUrl(taskId));
    expect((await browser.send(A(), 'DELETE', taskUrl(taskId), { headers: { 'if-match': task.etag ?? '' } })).status).toBe(204);
    expect(await approvalOn(B())).toMatchObject({ tasks: before.tasks, failing: before.failing });
  });

  it('answer a stale edit with 412 and the current record, whichever instance made the newer one', async () => {
    const browser = new Browser();
    await signIn(browser, B(), A(), coordinatorEmail);
    const taskId = await newTask();

    expect((await browser.send(A(), 'PATCH', taskUrl(taskId), { body: { title: 'Bản A' }, headers: { 'if-match': '"1"' } })).status).toBe(
      200,
    );
    const staleOnB = await browser.send(B(), 'PATCH', taskUrl(taskId), { body: { title: 'Bản B cũ' }, headers: { 'if-match': '"1"' } });
    expect(staleOnB.status).toBe(412);
    expect(problemOf(staleOnB).error.code).toBe('VERSION_CONFLICT');
    expect(problemOf(staleOnB).error.details?.current).toMatchObject({ id: taskId, version: 2, title: 'Bản A' });

    expect((await browser.send(B(), 'PATCH', taskUrl(taskId), { body: { title: 'Bản B' }, headers: { 'if-match': '"2"' } })).status).toBe(
      200,
    );
    const staleOnA = await browser.send(A(), 'PATCH', taskUrl(taskId), { body: { title: 'Bản A cũ' }, headers: { 'if-match': '"2"' } });
    expect(staleOnA.status).toBe(412);
    expect(problemOf(staleOnA).error.details?.current).toMatchObject({ id: taskId, version: 3, title: 'Bản B' });

    expect(taskOf(await browser.send(A(), 'GET', taskUrl(taskId)))).toMatchObject({ version: 3, title: 'Bản B' });
  });

  it('let exactly one of two simultaneous edits win, one sent to each instance', async () => {
    const onA = new Browser();
    const onB = new Browser();
    await signIn(onA, A(), A(), coordinatorEmail);
    await signIn(onB, B(), B(), partnerEmail);
    // Several rounds, so that at least some of the pairs really overlap in the database.
    for (let round = 0; round < 5; round++) {
      const taskId = await newTask();
      const edit = (browser: Browser, instance: Instance, title: string) =>
        browser.send(instance, 'PATCH', taskUrl(taskId), { body: { title }, headers: { 'if-match': '"1"' } });
      const [fromA, fromB] = await Promise.all([edit(onA, A(), 'Bản tỉnh'), edit(onB, B(), 'Bản doanh nghiệp')]);
      expect([fromA.status, fromB.status].sort()).toEqual([200, 412]);
      const [winner, loser] = fromA.status === 200 ? [fromA, fromB] : [fromB, fromA];
      expect(problemOf(loser).error.details?.current).toMatchObject({ version: 2, title: taskOf(winner).title });

      const now = await onB.send(B(), 'GET', taskUrl(taskId));
      expect(taskOf(now)).toMatchObject({ version: 2, title: taskOf(winner).title });
      const history = (await onA.send(A(), 'GET', taskUrl(taskId, '/history'))).body as { items: { action: string }[] };
      expect(history.items.filter((e) => e.action === 'update')).toHaveLength(1);
    }
  });

  it('count failed sign-ins on both instances together, per account at an address and per address', async () => {
    // Per account at one address: each failure on another instance; neither alone reaches the limit.
    const attacker = '10.250.0.1';
    const instances = [A(), B(), A()];
    expect(instances).toHaveLength(LIMITS.perAccount);
    for (const instance of instances)
      expect((await signIn(new Browser(attacker), instance, instance, leaderEmail, 'sai mật khẩu')).status).toBe(401);
    for (const instance of [B(), A()]) {
      const blocked = await signIn(new Browser(attacker), instance, instance, leaderEmail);
      expect(blocked.status).toBe(429);
      expect(problemOf(blocked).error.code).toBe('SIGN_IN_THROTTLED');
    }
    // The account's owner, elsewhere, signs in on either instance.
    expect((await signIn(new Browser(), B(), B(), leaderEmail)).status).toBe(200);

    // Per address: one address trying unknown accounts, alternating instances.
    const guesser = new Browser();
    for (let i = 0; i < LIMITS.perAddress; i++) {
      const instance = i % 2 === 0 ? A() : B();
      expect((await signIn(guesser, instance, instance, `${unique('khong-co-')}@example.vn`, 'đoán')).status).toBe(401);
    }
    expect((await signIn(guesser, B(), B(), `${unique('khong-co-')}@example.vn`, 'đoán')).status).toBe(429);
    expect((await signIn(guesser, A(), A(), coordinatorEmail)).status).toBe(429);
    // Another address is not affected.
    expect((await signIn(new Browser(), B(), B(), coordinatorEmail)).status).toBe(200);
  });
});
