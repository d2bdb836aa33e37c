import crypto from 'node:crypto';
import net from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import {
  sideOfKind,
  type AgreementStatus,
  type AreaTheme,
  type Obligor,
  type OrganisationKind,
  type Role,
  type TaskState,
} from '@accord/domain';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { createPool, type DatabaseBounds, type Db } from '../src/db/pool.js';
import { insertAgreement } from '../src/modules/agreements/agreement.repository.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { insertOrganisation } from '../src/modules/organisations/organisation.repository.js';
import { insertArea } from '../src/modules/plan/plan.repository.js';
import { insertTask } from '../src/modules/tasks/task.repository.js';

export const PASSWORD = 'Mật-khẩu đúng 2026';
let passwordHash: Promise<string> | undefined;

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  config: Config;
  close: () => Promise<void>;
}

/** The app on the test database; `pool` gives it a pool of its own size, name (to find its connections) and bounds. */
export async function startTestApp(
  overrides: Partial<Config> = {},
  pool: { size?: number; name?: string; bounds?: Partial<DatabaseBounds> } = {},
): Promise<TestContext> {
  const db = createPool(inject('databaseUrl'), pool.size ?? 5, pool.name, pool.bounds);
  const config = { ...loadConfig({}), ...overrides };
  const app = await buildApp({ db, config });
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await db.end();
    },
  };
}

export const unique = (prefix = '') => `${prefix}${crypto.randomBytes(4).toString('hex')}`;

export async function buildOrganisation(
  db: Db,
  o: { kind: OrganisationKind; parentId?: string | null; nameVi?: string; successorId?: string | null; validTo?: string | null },
) {
  return insertOrganisation(db, {
    parentId: o.parentId ?? null,
    kind: o.kind,
    side: sideOfKind(o.kind),
    nameVi: o.nameVi ?? `Tổ chức ${unique()}`,
    nameEn: null,
    shortName: null,
    code: null,
    codeScheme: null,
    validFrom: null,
    validTo: o.validTo ?? null,
    successorId: o.successorId ?? null,
  });
}

export async function buildUser(db: Db, u: { role: Role; organisationId: string; email?: string; displayName?: string }) {
  passwordHash ??= hashPassword(PASSWORD);
  const email = u.email ?? `${unique('u-')}@example.vn`;
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO users(email, display_name, password_hash, role, organisation_id) VALUES ($1,$2,$3,$4,$5) RETURNING id',
    [email, u.displayName ?? `Người dùng ${unique()}`, await passwordHash, u.role, u.organisationId],
  );
  return { id: (rows[0] as { id: string }).id, email };
}

export async function buildAgreement(
  db: Db,
  a: {
    parties: { organisationId: string; side: 'government' | 'enterprise'; name?: string }[];
    title?: string;
    status?: AgreementStatus;
    visibility?: 'parties' | 'public';
    periodStart?: string;
    periodEnd?: string;
  },
) {
  const title = a.title ?? `Thỏa thuận hợp tác ${unique()}`;
  const parties = a.parties.map((p) => ({
    organisationId: p.organisationId,
    side: p.side,
    nameAtSigning: p.name ?? 'Bên',
    label: null,
    signatoryName: null,
    signatoryTitle: null,
  }));
  const id = await insertAgreement(
    db,
    {
      title,
      kind: 'agreement',
      reference: null,
      summary: null,
      status: a.status ?? 'in_force',
      signedOn: '2025-09-11',
      signedPlace: null,
      periodStart: a.periodStart ?? '2025-01-01',
      periodEnd: a.periodEnd ?? '2030-12-31',
      predecessorId: null,
      parentId: null,
      legalBases: [],
      sourceUrls: [],
      visibility: a.visibility ?? 'parties',
      checksAuthority: false,
      atRiskDays: 7,
      progressMargin: 20,
      reportCadence: 'monthly',
    },
    parties,
    parties.map((p) => p.nameAtSigning),
    null,
  );
  return { id, title };
}

/** The usual world: a province and a partner group, and an agreement between the two. */
export async function buildTwoSidedAgreement(db: Db): Promise<{ provinceId: string; groupId: string; agreementId: string }> {
  const provinceId = (await buildOrganisation(db, { kind: 'province' })).id;
  const groupId = (await buildOrganisation(db, { kind: 'enterprise_group' })).id;
  const parties = [
    { organisationId: provinceId, side: 'government' as const },
    { organisationId: groupId, side: 'enterprise' as const },
  ];
  return { provinceId, groupId, agreementId: (await buildAgreement(db, { parties })).id };
}

export async function buildArea(db: Db, agreementId: string, a: { title?: string; theme?: AreaTheme | null } = {}) {
  return insertArea(db, agreementId, {
    theme: a.theme ?? 'digital_government',
    title: a.title ?? `Lĩnh vực ${unique()}`,
    description: null,
  });
}

export async function buildTask(
  db: Db,
  t: {
    agreementId: string;
    areaId: string;
    obligor: Obligor;
    leadUnitId?: string | null;
    parentId?: string | null;
    depth?: number;
    title?: string;
    dueDate?: string | null;
    /** What happened to it so far (the status is worked out from these). */
    facts?: Partial<TaskFactsWrite>;
  },
) {
  const f = t.facts ?? {};
  const id = await insertTask(
    db,
    { agreementId: t.agreementId, areaId: t.areaId, parentId: t.parentId ?? null, depth: t.depth ?? 0 },
    {
      code: null,
      title: t.title ?? `Nhiệm vụ ${unique()}`,
      description: null,
      obligor: t.obligor,
      leadUnitId: t.leadUnitId ?? null,
      coordinatingUnitIds: [],
      responsiblePerson: null,
      startDate: t.dueDate && t.dueDate < '2025-10-01' ? null : '2025-10-01',
      dueDate: t.dueDate === undefined ? '2026-06-30' : t.dueDate,
      expectedProduct: null,
      decidedBy: null,
      state: f.state ?? 'open',
      stateReason: f.state && f.state !== 'open' ? 'Lý do trong bài kiểm thử' : null,
      progress: f.progress ?? 0,
      weight: f.weight ?? 1,
      startedOn: f.startedOn ?? null,
    },
  );
  if (f.deliveredOn || f.acceptedOn) {
    // Delivered at the version it has now, by the side given (or the side that owes it).
    await db.query(
      `UPDATE tasks SET delivered_on = $2, accepted_on = $3, delivered_version = version,
         delivered_by_side = COALESCE($4, CASE obligor WHEN 'enterprise' THEN 'enterprise' ELSE 'government' END) WHERE id = $1`,
      [id, f.deliveredOn ?? null, f.acceptedOn ?? null, f.deliveredBySide ?? null],
    );
  }
  return { id };
}

export interface TaskFactsWrite {
  state: TaskState;
  progress: number;
  weight: number;
  startedOn: string | null;
  deliveredOn: string | null;
  acceptedOn: string | null;
  deliveredBySide: 'government' | 'enterprise' | null;
}

/** A signed-in client: sends the session cookie and the CSRF token on every request. */
export interface Client {
  userId: string;
  csrf: string;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function preSignIn(app: FastifyInstance): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const cookie = res.cookies.find((c) => c.name === 'accord_csrf');
  return { cookie: `accord_csrf=${cookie?.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

export async function signInAs(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const pre = await preSignIn(app);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { cookie: pre.cookie, 'x-csrf-token': pre.csrf },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'accord_session');
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return clientFor(app, `accord_session=${session?.value}`, body.csrfToken, body.user.id);
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string, userId = ''): Client {
  const headers = (extra?: Record<string, string>) => ({ cookie, 'x-csrf-token': csrf, ...extra });
  return {
    userId,
    csrf,
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers: headers() }),
    post: (url, body, extra) =>
      app.inject({ method: 'POST', url, headers: headers(extra), ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body, extra) => app.inject({ method: 'PATCH', url, headers: headers(extra), payload: body as object }),
    delete: (url, extra) => app.inject({ method: 'DELETE', url, headers: headers(extra) }),
  };
}

export function errorCode(res: LightMyRequestResponse): string | undefined {
  return (res.json() as { error?: { code: string } }).error?.code;
}

/** A TCP port nobody listens on right now (for a server process a test starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** An entry in a task's thread, written straight to the database (as if `authorId` had posted it just now). */
export async function buildEntry(
  db: Db,
  e: {
    agreementId: string;
    taskId: string;
    authorId: string;
    authorOrgId: string;
    authorSide: 'government' | 'enterprise' | null;
    internal?: boolean;
    body?: string;
  },
): Promise<{ id: string }> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO task_entries(agreement_id, task_id, kind, author_id, author_org_id, author_side, audience_side, body)
     VALUES ($1, $2, 'comment', $3, $4, $5, $6, $7) RETURNING id`,
    [e.agreementId, e.taskId, e.authorId, e.authorOrgId, e.authorSide, e.internal ? e.authorSide : null, e.body ?? `Ý kiến ${unique()}`],
  );
  return rows[0] as { id: string };
}
