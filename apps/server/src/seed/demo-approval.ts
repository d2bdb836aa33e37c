import { checkClarity, type Side } from '@accord/domain';
import type { Db } from '../db/pool.js';
import { loadAgreementAccess } from '../modules/access/access.service.js';
import { checksAuthority } from '../modules/agreements/agreement.repository.js';
import type { Viewer } from '../modules/access/viewer.js';
import * as approval from '../modules/plan/plan-approval.service.js';
import { listTasks } from '../modules/plan/plan.repository.js';
import * as taskService from '../modules/tasks/task.service.js';
import type { DemoApproval, DemoTask } from './demo-types.js';

/** A demo task's "5 rõ" fields as a task takes them, its units by their keys. */
export function demoTaskFields(t: DemoTask, org: (key: string) => string) {
  return {
    code: t.code ?? null,
    title: t.title,
    description: t.description ?? null,
    obligor: t.obligor,
    leadUnitId: t.leadUnitKey ? org(t.leadUnitKey) : null,
    coordinatingUnitIds: (t.coordinatingUnitKeys ?? []).map(org),
    responsiblePerson: t.responsiblePerson ?? null,
    startDate: t.startDate ?? null,
    dueDate: t.dueDate ?? null,
    expectedProduct: t.expectedProduct ?? null,
    decidedBy: t.decidedBy ?? null,
  };
}

/** A task the demo's plan holds: its id and what its source says. */
interface Planned {
  id: string;
  demo: DemoTask;
}

/**
 * What the sources say of the plan's approval, through the steps a user takes: each failing task
 * waived by a coordinator of the side that owes it (with the source's reason), the plan submitted
 * and approved by both sides' coordinators; then revised (a due date moved, a task added),
 * submitted again and approved again. The versions keep the days the sources give (the history
 * events keep the day the demo was loaded).
 */
export async function approvePlan(
  db: Db,
  agreementId: string,
  key: string,
  spec: DemoApproval,
  planned: Planned[],
  coordinators: Viewer[],
  org: (key: string) => string,
): Promise<void> {
  const bySide = new Map<Side, Viewer>();
  for (const c of coordinators) {
    const { side } = await loadAgreementAccess(db, c, agreementId, 'agreement.read').catch(() => ({ side: null }));
    if (side !== null && !bySide.has(side)) bySide.set(side, c);
  }
  const gov = bySide.get('government');
  const ent = bySide.get('enterprise');
  if (!gov || !ent) throw new Error(`Demo agreement ${key} needs a coordinator on each side to approve its plan`);

  const waiveFailing = async () => {
    const withAuthority = await checksAuthority(db, agreementId);
    for (const t of await listTasks(db, agreementId)) {
      const facts = { ...t, leadUnitId: t.leadUnit?.id ?? null };
      if (t.clarityWaiver || checkClarity(facts, { withAuthority }).clear) continue;
      const by = t.obligor === 'enterprise' ? ent : gov;
      await taskService.setClarityWaiver(db, by, agreementId, t.id, t.version, spec.waiverReason);
    }
  };
  const approveBoth = async (submitter: Viewer, note: string, on: { submittedOn: string; approvedOn: string }) => {
    await waiveFailing();
    const submitted = await approval.submitPlan(db, submitter, agreementId, note);
    const first = submitter === gov ? gov : ent;
    const second = submitter === gov ? ent : gov;
    const half = await approval.decidePlanVersion(db, first, agreementId, submitted.id, submitted.version, 'approved', null);
    await approval.decidePlanVersion(db, second, agreementId, submitted.id, half.version, 'approved', null);
    await db.query(`UPDATE plan_versions SET submitted_at = $2::date + time '09:00', decided_at = $3::date + time '15:00' WHERE id = $1`, [
      submitted.id,
      on.submittedOn,
      on.approvedOn,
    ]);
    await db.query(`UPDATE plan_decisions SET decided_at = $2::date + time '15:00' WHERE plan_version_id = $1`, [
      submitted.id,
      on.approvedOn,
    ]);
  };

  await approveBoth(gov, spec.first.note, spec.first);
  const revision = spec.revision;
  if (!revision) return;
  for (const change of revision.dueDates) {
    const task = planned.find((p) => p.demo.title === change.title);
    if (!task) throw new Error(`Demo agreement ${key}: the revision names an unknown task "${change.title}"`);
    const current = await taskService.getTask(db, gov, agreementId, task.id);
    const by = current.obligor === 'enterprise' ? ent : gov;
    await taskService.updateTask(db, by, agreementId, task.id, current.version, { dueDate: change.dueDate });
    task.demo = { ...task.demo, dueDate: change.dueDate };
  }
  const parent = planned.find((p) => p.demo.title === revision.add.parentTitle);
  if (!parent) throw new Error(`Demo agreement ${key}: the revision adds under an unknown task "${revision.add.parentTitle}"`);
  const under = await taskService.getTask(db, gov, agreementId, parent.id);
  const t = revision.add.task;
  const added = await taskService.createTask(db, t.obligor === 'enterprise' ? ent : gov, agreementId, {
    areaId: under.areaId,
    parentId: under.id,
    ...demoTaskFields(t, org),
    state: 'open',
    stateReason: null,
    progress: t.status === 'completed' ? 100 : 0,
    weight: 1,
  });
  planned.push({ id: added.id, demo: t });
  await approveBoth(ent, revision.note, revision);
}
