import { createHash } from 'node:crypto';
import {
  AREA_PAGE_SIZE,
  acceptanceQueueQuery,
  clarityCriteriaCount,
  agreementListQuery,
  agreementTaskListQuery,
  owingStatuses,
  searchQuery,
  threadQuery,
  unitTaskListQuery,
  planContent,
  planSnapshot,
} from '@accord/domain';
import { loadViewer } from '../../../apps/server/src/modules/access/viewer.js';
import { agreementListFilter } from '../../../apps/server/src/modules/agreements/agreement.service.js';
import { agreementListStatements } from '../../../apps/server/src/modules/agreements/agreement.repository.js';
import { findUserByEmail } from '../../../apps/server/src/modules/auth/auth.repository.js';
import {
  listAreas,
  areaPageStatement,
  countTopLevelStatement,
  listSnapshotTasks,
  outlineStatements,
  planStampStatement,
  planStatements,
  snapshotTasksStatement,
} from '../../../apps/server/src/modules/plan/plan.repository.js';
import { findFileStatement } from '../../../apps/server/src/modules/files/files.repository.js';
import { searchStatements } from '../../../apps/server/src/modules/search/search.repository.js';
import { searchFilter } from '../../../apps/server/src/modules/search/search.service.js';
import {
  findTaskStatement,
  listTaskPage,
  obligorCountsStatement,
  taskListStatements,
  unitReportingStatement,
} from '../../../apps/server/src/modules/tasks/task.repository.js';
import { encodeTaskCursor } from '../../../apps/server/src/modules/tasks/task-cursor.js';
import { threadStatements } from '../../../apps/server/src/modules/thread/thread.repository.js';
import { versionsStatement } from '../../../apps/server/src/modules/plan/plan-approval.repository.js';
import { audienceSql } from '../../../apps/server/src/modules/access/access.service.js';
import { agreementFactsStatement } from '../../../apps/server/src/modules/access/access.repository.js';
import { acceptanceQueueFilter, agreementTaskFilter, unitTaskFilter } from '../../../apps/server/src/modules/tasks/task-list.service.js';
import type { Statement } from '../../../apps/server/src/db/sql.js';
import type { SignedIn } from '../web/sign-in.js';
import { asUser, type Scenario, type ScenarioContext } from './types.js';

/** The viewer a signed-in email acts as, to build the same statements the endpoint builds. */
async function viewerOf(ctx: ScenarioContext, email: string) {
  const found = await findUserByEmail(ctx.db, email);
  if (!found) throw new Error(`No bench user ${email}`);
  return loadViewer(ctx.db, found.user);
}

/** The tasks that still owe their work (not started, in progress, at risk, overdue), as a list's status filter. */
const owing = owingStatuses.join(',');

function queryString(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/** A list as the agreements page shows it first: in force, newest first, 20 a page. */
function agreementList(name: string, title: string, who: (ctx: ScenarioContext) => string, params: Record<string, string>): Scenario {
  return {
    name,
    title,
    async prepare(ctx) {
      const email = who(ctx);
      const session = await ctx.session(email);
      const filter = await agreementListFilter(ctx.db, await viewerOf(ctx, email), agreementListQuery.parse(params));
      const { page, count } = agreementListStatements(filter);
      return { request: { method: 'GET', path: `/api/agreements?${queryString(params)}`, headers: asUser(session) }, bare: [count, page] };
    },
  };
}

function search(name: string, title: string, who: (ctx: ScenarioContext) => string): Scenario {
  const params = { q: 'chuyen doi so', limit: '10' };
  return {
    name,
    title,
    async prepare(ctx) {
      const email = who(ctx);
      const session = await ctx.session(email);
      const s = searchStatements(await searchFilter(ctx.db, await viewerOf(ctx, email), searchQuery.parse(params)));
      return {
        request: { method: 'GET', path: `/api/search?${queryString(params)}`, headers: asUser(session) },
        bare: [s.agreements, s.tasks],
      };
    },
  };
}

/**
 * One agreement's plan as `what` asks for it: the whole tree at once (`/plan`, the API's), or its
 * outline (`/plan/outline`, what a plan page asks for first: areas with counts and "5 rõ" tallies).
 */
function planScenario(
  what: 'tree' | 'outline',
  name: string,
  title: string,
  which: (f: ScenarioContext['fixtures']) => { id: string; tasks: number; coordinator: string },
): Scenario {
  return {
    name,
    title,
    async prepare(ctx) {
      const agreement = which(ctx.fixtures);
      const session = await ctx.session(agreement.coordinator);
      const { areas, tasks } = planStatements(agreement.id);
      const { tallies, unchecked, extras } = outlineStatements(agreement.id, {
        of: clarityCriteriaCount(false),
        ofWithAuthority: clarityCriteriaCount(true),
      });
      return {
        request: {
          method: 'GET',
          path: `/api/agreements/${agreement.id}/plan${what === 'outline' ? '/outline' : ''}`,
          headers: asUser(session),
        },
        // The whole tree is kept by the server per version of the plan: what each request runs is
        // the plan's stamp; a changed plan is read (`areas`, `tasks`) and made again once.
        bare: what === 'outline' ? [areas, tallies, unchecked, extras] : [planStampStatement([agreement.id])],
        note:
          what === 'outline'
            ? `${agreement.tasks} tasks`
            : `${agreement.tasks} tasks, kept by the server; after a change, made again in ${await timeChangedPlan(ctx, agreement.id, session, '/plan')} ms (median of 3; bare SQL of the build ${await timeBare(ctx, [areas, tasks])} ms)`,
      };
    },
  };
}

/**
 * What the server keeps of a plan (`path`: its whole tree, its approval) as it is first asked for
 * after a change: the agreement's row written as it is (a new row version, so a new stamp: nothing
 * kept holds), then one request, three times.
 */
async function timeChangedPlan(ctx: ScenarioContext, agreementId: string, session: SignedIn, path: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await ctx.db.query('UPDATE agreements SET at_risk_days = at_risk_days WHERE id = $1', [agreementId]);
    const started = performance.now();
    const res = await fetch(`${ctx.baseUrl}/api/agreements/${agreementId}${path}`, { headers: asUser(session) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} of ${agreementId} answered ${res.status}`);
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((x, y) => x - y)[1] as number);
}

async function timeBare(ctx: ScenarioContext, statements: Statement[]): Promise<number> {
  const started = performance.now();
  for (const s of statements) await ctx.db.query(s.text, s.values);
  return Math.round(performance.now() - started);
}

/** Tasks of the large agreement the coordinator may edit, with their versions. */
async function editableTasks(ctx: ScenarioContext, limit: number) {
  const { rows } = await ctx.db.query<{ id: string; version: number }>(
    `SELECT id, version FROM tasks WHERE agreement_id = $1 AND deleted_at IS NULL AND obligor IN ('government','joint')
     ORDER BY id LIMIT $2`,
    [ctx.fixtures.large.id, limit],
  );
  if (rows.length < 64) throw new Error('The large agreement has too few government tasks to edit');
  return rows;
}

/** GET /api/tasks as the dataset's unit officer, with `params`: a unit's tasks across agreements. */
function unitList(name: string, title: string, params: Record<string, string>, what: string): Scenario {
  return {
    name,
    title,
    async prepare(ctx) {
      const email = ctx.fixtures.unitOfficer;
      const session = await ctx.session(email);
      const { page, count } = taskListStatements(await unitTaskFilter(ctx.db, await viewerOf(ctx, email), unitTaskListQuery.parse(params)));
      const total = (await ctx.db.query<{ n: number }>(count.text, count.values)).rows[0]?.n ?? 0;
      return {
        request: { method: 'GET', path: `/api/tasks?${queryString(params)}`, headers: asUser(session) },
        bare: [page, count],
        note: `${total} ${what}`,
      };
    },
  };
}

export const scenarios: Scenario[] = [
  {
    name: 'session',
    title: "The floor of every endpoint: a signed-in request that reads only its session and the user's organisations",
    async prepare(ctx) {
      const session = await ctx.session(ctx.fixtures.coordinator);
      return { request: { method: 'GET', path: '/api/auth/session', headers: asUser(session) } };
    },
  },
  agreementList(
    'agreement-list',
    "Agreement list, first page, status in force (a partner group's coordinator)",
    (c) => c.fixtures.partnerCoordinator,
    { status: 'in_force', page: '1', pageSize: '20' },
  ),
  agreementList(
    'agreement-list-national',
    'Agreement list, first page, every agreement in the country (an observer)',
    (c) => c.fixtures.observer,
    { page: '1', pageSize: '20' },
  ),
  planScenario('tree', 'plan-tree', 'One agreement with its areas and whole plan tree (the plan nearest 1,000 tasks)', (f) => f.thousand),
  {
    name: 'agreement-tasks',
    title: "Task list of the largest agreement: open tasks of one party's units, by due date, page 50 (after page 49's last task)",
    async prepare(ctx) {
      const { large, coordinator } = ctx.fixtures;
      const session = await ctx.session(coordinator);
      const base = { status: owing, sort: 'dueDate', pageSize: '20' };
      // The party whose units lead more of the open tasks, so the list is long.
      let best = { unit: large.governmentOrgId, total: -1 };
      for (const unit of [large.governmentOrgId, large.enterpriseOrgId]) {
        const f = await agreementTaskFilter(ctx.db, large.id, agreementTaskListQuery.parse({ ...base, leadUnitId: unit }));
        const { count } = taskListStatements(f);
        const total = (await ctx.db.query<{ n: number }>(count.text, count.values)).rows[0]?.n ?? 0;
        if (total > best.total) best = { unit, total };
      }
      const page = Math.max(1, Math.min(50, Math.ceil(best.total / 20)));
      // Page 50 as the pager reaches it: after the last task of page 49 (its `next`), not by OFFSET.
      const before = { ...base, leadUnitId: best.unit, page: String(page - 1) };
      const next =
        page > 1
          ? (await listTaskPage(ctx.db, await agreementTaskFilter(ctx.db, large.id, agreementTaskListQuery.parse(before)))).next
          : null;
      const params = { ...base, leadUnitId: best.unit, page: String(page), ...(next ? { after: encodeTaskCursor(next) } : {}) };
      const { page: pageSql, count } = taskListStatements(
        await agreementTaskFilter(ctx.db, large.id, agreementTaskListQuery.parse(params)),
      );
      return {
        request: { method: 'GET', path: `/api/agreements/${large.id}/tasks?${queryString(params)}`, headers: asUser(session) },
        bare: [pageSql, count],
        note: `${best.total > 1000 ? 'more than 1,000' : best.total} matching, page ${page}`,
      };
    },
  },
  unitList('unit-tasks', "A unit's open tasks across agreements (what a unit officer opens first)", { status: owing }, 'open tasks'),
  {
    name: 'acceptance-queue',
    title: "Products waiting for a province coordinator's acceptance, across the agreements of their province",
    async prepare(ctx) {
      const email = ctx.fixtures.coordinator;
      const session = await ctx.session(email);
      const params = { waiting: 'mine' };
      const { page, count } = taskListStatements(acceptanceQueueFilter(await viewerOf(ctx, email), acceptanceQueueQuery.parse(params)));
      const total = (await ctx.db.query<{ n: number }>(count.text, count.values)).rows[0]?.n ?? 0;
      return {
        request: { method: 'GET', path: `/api/acceptance?${queryString(params)}`, headers: asUser(session) },
        bare: [page, count],
        note: `${total} waiting`,
      };
    },
  },
  unitList(
    'stale-list',
    "A unit's tasks not reported in the current cycle, across agreements (the unit officer's reminder)",
    { stale: 'true' },
    'stale',
  ),
  {
    name: 'agreement-reporting',
    title: "Where the largest agreement stands: each party's tasks by status, each lead unit's tasks under way and not reported this cycle",
    async prepare(ctx) {
      const { large, coordinator } = ctx.fixtures;
      const session = await ctx.session(coordinator);
      const found = await ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM tasks WHERE agreement_id = $1 AND deleted_at IS NULL AND state = 'open' AND delivered_on IS NULL AND started_on IS NOT NULL`,
        [large.id],
      );
      return {
        request: { method: 'GET', path: `/api/agreements/${large.id}/reporting`, headers: asUser(session) },
        bare: [unitReportingStatement(large.id), obligorCountsStatement(large.id)],
        note: `${found.rows[0]?.n ?? 0} tasks under way`,
      };
    },
  },
  {
    name: 'plan-approval',
    title: "Where the approval of a plan of ~1,000 tasks stands: the plan now against its last approved version (a coordinator's plan tab)",
    async prepare(ctx) {
      const agreement = ctx.fixtures.thousand;
      const session = await ctx.session(agreement.coordinator);
      // An approved version as the plan stands, with one task since changed: the answer compares them.
      const snapshot = planSnapshot(await listAreas(ctx.db, agreement.id), await listSnapshotTasks(ctx.db, agreement.id));
      const first = snapshot[0];
      if (first) snapshot[0] = { ...first, dueDate: '2020-01-01' };
      const user = await findUserByEmail(ctx.db, agreement.coordinator);
      await ctx.db.query('DELETE FROM plan_versions WHERE agreement_id = $1', [agreement.id]);
      await ctx.db.query(
        `INSERT INTO plan_versions(agreement_id, number, state, snapshot, snapshot_hash, task_count, submitted_by, submitted_side, decided_at)
         VALUES ($1, 1, 'approved', $2::jsonb, $3, $4, $5, 'government', now())`,
        [
          agreement.id,
          JSON.stringify(snapshot),
          createHash('sha256').update(planContent(snapshot)).digest('hex'),
          snapshot.length,
          user?.user.id,
        ],
      );
      const { areas } = planStatements(agreement.id);
      return {
        request: { method: 'GET', path: `/api/agreements/${agreement.id}/plan/approval`, headers: asUser(session) },
        // The plan's hash and readiness are kept by the server per version of the plan: what each
        // request runs is the plan's stamp and its versions; a changed plan is read again once.
        bare: [planStampStatement([agreement.id]), versionsStatement(agreement.id)],
        note: `${agreement.tasks} tasks, one approved version; after a change, worked out again in ${await timeChangedPlan(ctx, agreement.id, session, '/plan/approval')} ms (median of 3; bare SQL of the snapshot ${await timeBare(ctx, [areas, snapshotTasksStatement(agreement.id)])} ms)`,
      };
    },
  },
  {
    name: 'task-thread',
    title: "The first page of a task's thread of 200 entries (a province coordinator: the other side's internal entries left out)",
    async prepare(ctx) {
      const email = ctx.fixtures.coordinator;
      const session = await ctx.session(email);
      const found = await ctx.db.query<{ task_id: string; n: number }>(
        `SELECT task_id, count(*)::int AS n FROM task_entries WHERE agreement_id = $1 AND deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
        [ctx.fixtures.large.id],
      );
      const longest = found.rows[0];
      if (!longest) throw new Error('The bench dataset has no thread entries. Run: npm run bench:data');
      const query = threadQuery.parse({});
      const audience = (column: string, param: (value: unknown) => string) => audienceSql('government', column, param);
      const { page, task } = threadStatements(ctx.fixtures.large.id, longest.task_id, audience, query.limit + 1, undefined);
      return {
        request: {
          method: 'GET',
          path: `/api/agreements/${ctx.fixtures.large.id}/tasks/${longest.task_id}/entries`,
          headers: asUser(session),
        },
        bare: [page, task],
        note: `${longest.n} entries`,
      };
    },
  },
  {
    name: 'file-download',
    title: "Evidence files of the largest agreement's reports downloaded by a province coordinator: access, SHA-256 check, send",
    async prepare(ctx) {
      const { large, coordinator } = ctx.fixtures;
      const session = await ctx.session(coordinator);
      // The newest files of entries both sides see, in turn: each request a different row and key.
      const { rows } = await ctx.db.query<{ id: string; task_id: string; size: number }>(
        `SELECT f.id, f.task_id, f.size_bytes::int AS size FROM task_files f JOIN task_entries e ON e.id = f.entry_id
         WHERE f.agreement_id = $1 AND e.audience_side IS NULL AND e.deleted_at IS NULL ORDER BY f.created_at DESC, f.id LIMIT 200`,
        [large.id],
      );
      const first = rows[0];
      if (!first) throw new Error('The bench dataset has no evidence files in the largest agreement. Run: npm run bench:data');
      const path = (f: { id: string; task_id: string }) => `/api/agreements/${large.id}/tasks/${f.task_id}/files/${f.id}`;
      let next = 0;
      const mean = rows.reduce((sum, f) => sum + f.size, 0) / rows.length;
      return {
        request: {
          method: 'GET',
          path: path(first),
          headers: asUser(session),
          setup: (req) => ({ ...req, path: path(rows[next++ % rows.length] as { id: string; task_id: string }) }),
        },
        // The reads it cannot do without: the agreement's facts for access, the file's row (its key and SHA-256).
        bare: [agreementFactsStatement(large.id), findFileStatement(first.task_id, first.id)],
        note: `${rows.length} files in turn, ${(mean / 1024).toFixed(1)} KB on average`,
      };
    },
  },
  search('search', 'Search "chuyen doi so" across agreements and tasks (a province coordinator)', (c) => c.fixtures.coordinator),
  search(
    'search-national',
    'Search "chuyen doi so" across every agreement and task in the country (an observer)',
    (c) => c.fixtures.observer,
  ),
  {
    name: 'task-edit',
    title: 'Task edit with If-Match, its history row in the same transaction',
    async prepare(ctx) {
      const session = await ctx.session(ctx.fixtures.coordinator);
      const tasks = await editableTasks(ctx, 5000);
      const versions = new Map(tasks.map((t) => [t.id, t.version]));
      // A task whose edit went unanswered (cut off at the end of a run, its outcome unknown)
      // is not edited again: its version is not known.
      const unanswered = new Set<string>();
      let next = 0;
      let n = 0;
      const path = (id: string) => `/api/agreements/${ctx.fixtures.large.id}/tasks/${id}`;
      return {
        request: {
          method: 'PATCH',
          path: path(tasks[0]?.id as string),
          headers: { cookie: session.cookieHeader, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
          // Round-robin over thousands of tasks: no two connections edit the same task at once.
          setup: (req) => {
            let task = tasks[next++ % tasks.length] as { id: string };
            for (let tries = 0; unanswered.has(task.id) && tries < tasks.length; tries += 1)
              task = tasks[next++ % tasks.length] as { id: string };
            unanswered.add(task.id);
            n += 1;
            return {
              ...req,
              path: path(task.id),
              headers: { ...req.headers, 'if-match': `"${versions.get(task.id)}"` },
              body: JSON.stringify({ responsiblePerson: `Nguyễn Thị Hồng Nhung (lượt ${n})` }),
            };
          },
          onResponse: (status, body) => {
            const answer = JSON.parse(body) as {
              id?: string;
              version?: number;
              error?: { details?: { current?: { id: string; version: number } } };
            };
            // A 200 carries the task as it now is, a 412 the current record.
            const task = status === 200 ? answer : answer.error?.details?.current;
            if (task?.id === undefined || task.version === undefined) return;
            versions.set(task.id, task.version);
            unanswered.delete(task.id);
          },
        },
      };
    },
  },
  {
    name: 'task-edit-conflict',
    title: 'Task edit with a stale If-Match: 412 with the current record',
    async prepare(ctx) {
      const session = await ctx.session(ctx.fixtures.coordinator);
      const [task] = await editableTasks(ctx, 64);
      const path = `/api/agreements/${ctx.fixtures.large.id}/tasks/${task?.id}`;
      const headers = { cookie: session.cookieHeader, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
      // Make sure version 1 is stale.
      const current = await fetch(new URL(path, ctx.baseUrl), { headers });
      await fetch(new URL(path, ctx.baseUrl), {
        method: 'PATCH',
        headers: { ...headers, 'if-match': current.headers.get('etag') ?? '"1"' },
        body: JSON.stringify({ responsiblePerson: 'Trần Văn Bình' }),
      });
      return {
        request: {
          method: 'PATCH',
          path,
          headers: { ...headers, 'if-match': '"1"' },
          body: JSON.stringify({ responsiblePerson: 'Lê Thị Mai' }),
        },
        expect: [412],
        // The two reads a 412 cannot do without, run bare (and without the transaction and row locks
        // the one path of every change holds them under): the agreement's facts, the task as it is.
        bare: [agreementFactsStatement(ctx.fixtures.large.id), findTaskStatement(ctx.fixtures.large.id, task?.id as string)],
      };
    },
  },
  {
    name: 'sign-in',
    title: 'Sign-in (argon2id hash check, new session); many accounts, one address',
    async prepare(ctx) {
      const csrf = await fetch(new URL('/api/auth/csrf', ctx.baseUrl));
      const token = ((await csrf.json()) as { csrfToken: string }).csrfToken;
      const cookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      let next = 0;
      const users = ctx.fixtures.signInUsers;
      return {
        request: {
          method: 'POST',
          path: '/api/auth/sign-in',
          headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json' },
          setup: (req) => ({ ...req, body: JSON.stringify({ email: users[next++ % users.length], password: ctx.password }) }),
        },
        note: 'argon2id cost included',
      };
    },
  },
  // Last: its 9 MB answers grow the server's heap, which would then count against the others' RSS.
  planScenario('outline', 'plan-outline', 'The outline of the plan nearest 1,000 tasks: what its page asks for first', (f) => f.thousand),
  planScenario('outline', 'plan-outline-largest', 'The outline of the largest plan', (f) => ({ ...f.large, coordinator: f.coordinator })),
  {
    name: 'plan-area',
    title: "The first page of the largest plan's largest area: its first top-level tasks (AREA_PAGE_SIZE) with their sub-tasks",
    async prepare(ctx) {
      const { large, coordinator } = ctx.fixtures;
      const session = await ctx.session(coordinator);
      const { rows } = await ctx.db.query<{ id: string; n: number }>(
        `SELECT a.id, count(t.id)::int AS n FROM areas a JOIN tasks t ON t.area_id = a.id AND t.deleted_at IS NULL
         WHERE a.agreement_id = $1 AND a.deleted_at IS NULL GROUP BY a.id ORDER BY n DESC, a.id LIMIT 1`,
        [large.id],
      );
      const area = rows[0];
      if (!area) throw new Error('The largest agreement has no area with tasks');
      return {
        request: { method: 'GET', path: `/api/agreements/${large.id}/plan/areas/${area.id}/tasks`, headers: asUser(session) },
        bare: [areaPageStatement(large.id, area.id, 0, AREA_PAGE_SIZE), countTopLevelStatement(large.id, area.id)],
        note: `an area of ${area.n} tasks`,
      };
    },
  },
  planScenario('tree', 'plan-tree-largest', 'The largest agreement with its areas and whole plan tree', (f) => ({
    ...f.large,
    coordinator: f.coordinator,
  })),
];
