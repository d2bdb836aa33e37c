import {
  defaultStatusRules,
  expectedProgress,
  sideOfKind,
  todayInVietnam,
  type AgreementStatus,
  type Role,
  type SessionUser,
  type Side,
  type TaskCreateInput,
} from '@accord/domain';
import { withTransaction, type Db, type Queryable } from '../db/pool.js';
import type { FileStorage } from '../storage/file-storage.js';
import * as agreements from '../modules/agreements/agreement.service.js';
import { hashPassword } from '../modules/auth/password.js';
import { insertOrganisation } from '../modules/organisations/organisation.repository.js';
import * as plan from '../modules/plan/plan.service.js';
import * as taskService from '../modules/tasks/task.service.js';
import { loadAgreementAccess } from '../modules/access/access.service.js';
import { loadViewer, type Viewer } from '../modules/access/viewer.js';
import { demoAgreements } from './agreements/index.js';
import { approvePlan, demoTaskFields } from './demo-approval.js';
import { converse } from './demo-threads.js';
import { demoOrganisations, demoUsers } from './demo-organisations.js';
import type { DemoAgreement, DemoAgreementData, DemoArea, DemoOrganisation, DemoTask } from './demo-types.js';
import { provinceOrganisations } from './provinces.js';

/** The password of every demo account; shown in the README. Change it with ACCORD_DEMO_PASSWORD. */
export const DEMO_PASSWORD = process.env.ACCORD_DEMO_PASSWORD ?? 'Accord@2026';

type Keyed = DemoOrganisation & { code?: string; codeScheme?: 'pre2025' | 'post2025' };

async function insertOrganisations(tx: Queryable, orgs: Keyed[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const pending = [...orgs];
  // Parents before children; successors are linked once everything exists.
  while (pending.length > 0) {
    const ready = pending.filter((o) => o.parentKey === null || ids.has(o.parentKey));
    if (ready.length === 0) throw new Error(`Demo organisations with unknown parents: ${pending.map((o) => o.key).join(', ')}`);
    for (const o of ready) {
      const created = await insertOrganisation(tx, {
        parentId: o.parentKey ? (ids.get(o.parentKey) as string) : null,
        kind: o.kind,
        side: sideOfKind(o.kind),
        nameVi: o.nameVi,
        nameEn: o.nameEn ?? null,
        shortName: o.shortName ?? null,
        code: o.code ?? null,
        codeScheme: o.codeScheme ?? null,
        validFrom: o.validFrom ?? null,
        validTo: o.validTo ?? null,
        successorId: null,
      });
      ids.set(o.key, created.id);
      pending.splice(pending.indexOf(o), 1);
    }
  }
  for (const o of orgs) {
    if (!o.successorKey) continue;
    const successor = ids.get(o.successorKey);
    if (!successor) throw new Error(`Unknown successor ${o.successorKey} of ${o.key}`);
    await tx.query('UPDATE organisations SET successor_id = $2 WHERE id = $1', [ids.get(o.key), successor]);
  }
  return ids;
}

type OrgId = (key: string) => string;

/** The agreement section: the agreement with its parties, as a draft. */
async function createAgreement(db: Db, admin: Viewer, a: DemoAgreement, org: OrgId, agreementIds: Map<string, string>) {
  const created = await agreements.createAgreement(db, admin, {
    title: a.title,
    kind: 'agreement',
    reference: a.reference ?? null,
    summary: a.summary ?? null,
    signedOn: a.signedOn ?? null,
    signedPlace: a.signedPlace ?? null,
    periodStart: a.periodStart ?? null,
    periodEnd: a.periodEnd ?? null,
    predecessorId: a.predecessorKey ? (agreementIds.get(a.predecessorKey) ?? null) : null,
    parentId: a.parentKey ? (agreementIds.get(a.parentKey) ?? null) : null,
    legalBases: a.legalBases,
    sourceUrls: a.sourceUrls,
    visibility: 'parties',
    checksAuthority: a.checksAuthority ?? false,
    atRiskDays: defaultStatusRules.atRiskDays,
    progressMargin: defaultStatusRules.progressMargin,
    reportCadence: 'monthly',
    parties: a.parties.map((p) => ({
      organisationId: org(p.organisationKey),
      label: p.label,
      signatoryName: p.signatoryName ?? null,
      signatoryTitle: p.signatoryTitle ?? null,
    })),
  });
  agreementIds.set(a.key, created.id);
  return created;
}

/** The plan section: areas in order, each with its task tree. */
async function createPlan(db: Db, admin: Viewer, agreementId: string, areas: DemoArea[], org: OrgId): Promise<PlannedTask[]> {
  const planned: PlannedTask[] = [];
  for (const area of areas) {
    const createdArea = await plan.createArea(db, admin, agreementId, {
      theme: area.theme,
      title: area.title,
      description: area.description ?? null,
    });
    let counter = 0;
    const addTasks = async (tasks: DemoTask[], parentId: string | null) => {
      for (const t of tasks) {
        const task = await taskService.createTask(db, admin, agreementId, {
          areaId: createdArea.id,
          parentId,
          ...demoTaskFields(t, org),
          ...demoFacts(t, counter++),
        });
        planned.push({ id: task.id, demo: t });
        if (t.subtasks) await addTasks(t.subtasks, task.id);
      }
    };
    await addTasks(area.tasks, null);
  }
  // The demo's past: a task the sources put in progress started on its start date (when that has
  // come), not on the day the demo was loaded; the threads then show whether its unit kept reporting.
  await db.query(
    `UPDATE tasks SET started_on = LEAST(start_date, started_on)
     WHERE agreement_id = $1 AND started_on IS NOT NULL AND start_date IS NOT NULL AND start_date < started_on`,
    [agreementId],
  );
  return planned;
}

interface PlannedTask {
  id: string;
  demo: DemoTask;
}

/** The demo's users of `roles`, as viewers: coordinators accept the other side's products; all of them write in threads. */
async function demoViewers(db: Db, roles: readonly Role[]): Promise<Viewer[]> {
  const { rows } = await db.query<{
    id: string;
    email: string;
    display_name: string;
    role: Role;
    org_id: string;
    org_name: string;
    side: Side;
  }>(
    `SELECT u.id, u.email, u.display_name, u.role, o.id AS org_id, o.name_vi AS org_name, o.side
     FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.role = ANY($1) ORDER BY u.email`,
    [roles],
  );
  return Promise.all(
    rows.map((r) =>
      loadViewer(db, {
        id: r.id,
        email: r.email,
        displayName: r.display_name,
        role: r.role,
        locale: 'vi',
        organisation: { id: r.org_id, name: r.org_name, side: r.side },
      }),
    ),
  );
}

const addDaysTo = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const notAfter = (date: string, limit: string) => (date > limit ? limit : date);

/**
 * What the sources say was delivered, accepted or rejected, through the same steps a user takes:
 * the lead side delivers, a coordinator of the other side accepts (or rejects, with its reason).
 * A completed task was delivered a few days before its due date (one in seven some days late) and
 * accepted days later; a task marked `delivery` waits for acceptance, or was rejected.
 */
async function carryOut(
  db: Db,
  admin: Viewer,
  agreementId: string,
  key: string,
  planned: PlannedTask[],
  coordinators: Viewer[],
): Promise<void> {
  const today = todayInVietnam();
  const reviewerFor = async (deliveredBySide: Side | null) => {
    for (const c of coordinators) {
      const { side } = await loadAgreementAccess(db, c, agreementId, 'agreement.read').catch(() => ({ side: null }));
      if (side !== null && side !== deliveredBySide) return c;
    }
    throw new Error(`Demo agreement ${key} has no coordinator on the side that accepts what the ${deliveredBySide} side delivers`);
  };
  for (const [n, { id, demo }] of planned.entries()) {
    if (demo.status !== 'completed' && demo.delivery === undefined) continue;
    const current = await taskService.getTask(db, admin, agreementId, id);
    const due = demo.dueDate ?? today;
    const deliveredOn =
      demo.status === 'completed'
        ? notAfter(addDaysTo(due, n % 7 === 3 ? 12 : -(n % 9)), today)
        : notAfter(addDaysTo(today, -(n % 5) - 2), today);
    const delivered = await taskService.deliverTask(db, admin, agreementId, id, current.version, null, deliveredOn);
    const reviewer = await reviewerFor(delivered.deliveredBySide);
    if (demo.status === 'completed') {
      await taskService.acceptTask(
        db,
        reviewer,
        agreementId,
        id,
        delivered.version,
        null,
        notAfter(addDaysTo(deliveredOn, 3 + (n % 5)), today),
      );
    } else if (demo.delivery === 'rejected') {
      await taskService.rejectTask(
        db,
        reviewer,
        agreementId,
        id,
        delivered.version,
        'Dữ liệu mới chuyển đổi được khoảng 70%; chưa có biên bản kiểm tra kết nối với LGSP. Đề nghị bổ sung trước khi nghiệm thu.',
      );
    }
  }
}

/**
 * What a demo task's sources say happened, as the facts a task keeps: a task in progress gets
 * the progress its dates expect today, some ahead of it and some behind (so the demo shows tasks
 * at risk beside tasks on track); a paused or cancelled one keeps its reason.
 */
function demoFacts(t: DemoTask, n: number): Pick<TaskCreateInput, 'state' | 'stateReason' | 'progress' | 'weight'> {
  const open = { state: 'open' as const, stateReason: null, weight: 1 };
  switch (t.status) {
    case 'not_started':
      return { ...open, progress: t.progress ?? 0 };
    case 'completed':
      // Delivered and accepted by the steps in `carryOut`.
      return { ...open, progress: 100 };
    case 'in_progress': {
      const expected = expectedProgress(t.startDate ?? null, t.dueDate ?? null, todayInVietnam()) ?? 50;
      const offsets = [0, 10, -10, -30, 5];
      return {
        ...open,
        progress: t.progress ?? Math.min(95, Math.max(5, Math.round((expected + (offsets[n % offsets.length] ?? 0)) / 5) * 5)),
      };
    }
    case 'paused':
    case 'cancelled':
      return { state: t.status, stateReason: t.stateReason ?? null, progress: t.progress ?? 30, weight: 1 };
  }
}

/** One agreement file, section by section; the status is walked last, once everything is in. */
async function loadAgreement(
  db: Db,
  admin: Viewer,
  data: DemoAgreementData,
  orgIds: Map<string, string>,
  agreementIds: Map<string, string>,
  coordinators: Viewer[],
  people: Viewer[],
  files?: { storage: FileStorage; maxBytes: number },
) {
  const org: OrgId = (key) => {
    const id = orgIds.get(key);
    if (!id) throw new Error(`Demo agreement ${data.agreement.key} names unknown organisation ${key}`);
    return id;
  };
  const created = await createAgreement(db, admin, data.agreement, org, agreementIds);
  const planned = await createPlan(db, admin, created.id, data.plan, org);
  if (data.approval) await approvePlan(db, created.id, data.agreement.key, data.approval, planned, coordinators, org);
  await carryOut(db, admin, created.id, data.agreement.key, planned, coordinators);
  await converse(
    db,
    admin,
    created.id,
    planned.map((p) => p.id),
    people,
    files,
  );
  let version = created.version;
  for (const status of statusWalk[data.agreement.status]) {
    version = (await agreements.changeStatus(db, admin, created.id, version, status)).version;
  }
}

/** The valid transitions from draft to each status a demo agreement may have. */
const statusWalk: Record<AgreementStatus, AgreementStatus[]> = {
  draft: [],
  signed: ['signed'],
  in_force: ['signed', 'in_force'],
  completed: ['signed', 'in_force', 'completed'],
  expired: ['signed', 'in_force', 'expired'],
  terminated: ['signed', 'in_force', 'terminated'],
};

/**
 * Loads the demo: provinces (34 current, the merged ones as history), both sides' organisation
 * trees, demo accounts, and the five real agreements of the seeds with their joint plans.
 * Does nothing when the database already has users. Returns whether it loaded.
 */
export async function seedDemo(
  db: Db,
  log: (line: string) => void = () => undefined,
  /** Where the reports' evidence goes; none: the demo's reports bring no files. */
  files?: { storage: FileStorage; maxBytes: number },
): Promise<boolean> {
  const existing = await db.query('SELECT 1 FROM users LIMIT 1');
  if (existing.rowCount) return false;
  const started = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = await withTransaction(db, async (tx) => {
    const ids = await insertOrganisations(tx, [...provinceOrganisations(), ...demoOrganisations]);
    for (const u of demoUsers) {
      const orgId = ids.get(u.organisationKey);
      if (!orgId) throw new Error(`Demo user ${u.email} names unknown organisation ${u.organisationKey}`);
      await tx.query('INSERT INTO users(email, display_name, password_hash, role, organisation_id) VALUES ($1, $2, $3, $4, $5)', [
        u.email.toLowerCase(),
        u.displayName,
        passwordHash,
        u.role,
        orgId,
      ]);
    }
    return ids;
  });
  const adminRow = demoUsers.find((u) => u.role === 'admin');
  if (!adminRow) throw new Error('The demo needs an administrator');
  const { rows } = await db.query<{ id: string; org_name: string }>(
    'SELECT u.id, o.name_vi AS org_name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = $1',
    [adminRow.email],
  );
  const row = rows[0] as { id: string; org_name: string };
  const adminUser: SessionUser = {
    id: row.id,
    email: adminRow.email,
    displayName: adminRow.displayName,
    role: 'admin',
    locale: 'vi',
    organisation: { id: orgIds.get(adminRow.organisationKey) as string, name: row.org_name, side: 'government' },
  };
  const admin = await loadViewer(db, adminUser);
  const agreementIds = new Map<string, string>();
  const coordinators = await demoViewers(db, ['coordinator']);
  const people = await demoViewers(db, ['coordinator', 'unit_officer', 'leader']);
  for (const a of demoAgreements) await loadAgreement(db, admin, a, orgIds, agreementIds, coordinators, people, files);
  log(
    `demo: ${orgIds.size} organisations, ${demoUsers.length} accounts, ${demoAgreements.length} agreements in ${Date.now() - started} ms`,
  );
  return true;
}
