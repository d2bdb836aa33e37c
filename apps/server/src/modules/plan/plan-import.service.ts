import { createHash, randomUUID } from 'node:crypto';
import {
  AppError,
  MAX_TASK_DEPTH,
  importSummary,
  interpretSheet,
  invalidField,
  type ImportFix,
  type ImportReading,
  type PlanImport,
} from '@accord/domain';
import { withChange, versionConflict } from '../../change/change.js';
import type { Db, Queryable } from '../../db/pool.js';
import { loadAgreementAccess, notFound, type AgreementAccess } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { checksAuthority } from '../agreements/agreement.repository.js';
import { findTasks, insertTasks, nextPositions, type NewTask } from '../tasks/task.repository.js';
import { rollUp } from '../tasks/task.service.js';
import * as repo from './plan-import.repository.js';
import { insertArea } from './plan.repository.js';
import { readPlanSheet, type ReadLimits } from './xlsx-reader.js';

/**
 * Bringing a plan in from Excel: a workbook is read (never trusted: ./xlsx-reader.ts) into a
 * preview kept in the database, so any instance can check it again with the fixes typed in the
 * preview and apply it. Applying is one change: every area and task of the preview created with
 * its history event, or nothing at all while one problem is an error. A row the plan has already
 * (the same title in the same place) is not created again, so the same file imported twice adds
 * nothing the second time.
 */

/** The created tasks whose history is recorded at once. */
const HISTORY_CHUNK = 1_000;

const importNotFound = () => notFound('IMPORT_NOT_FOUND', 'The import');

async function readAgainst(db: Queryable, access: AgreementAccess, agreementId: string, row: repo.ImportRow, fixes: readonly ImportFix[]) {
  // One after the other: inside a change `db` is the transaction's one connection.
  const units = await repo.unitCandidates(db, agreementId);
  const existing = await repo.existingPlan(db, agreementId);
  const withAuthority = await checksAuthority(db, agreementId);
  const reading = interpretSheet(row.sheet, { units, existing, importerSide: access.side, withAuthority, fixes });
  if (!reading) throw new AppError('IMPORT_NO_HEADER', 'The sheet no longer has the plan’s headings.');
  return { reading, existing };
}

async function present(db: Queryable, row: repo.ImportRow, reading: ImportReading): Promise<PlanImport> {
  const before = await repo.lastApplied(db, row.agreementId, row.sha256);
  return {
    id: row.id,
    fileName: row.fileName,
    sheet: row.sheet.name,
    state: row.state,
    version: row.version,
    createdAt: row.createdAt,
    appliedAt: row.appliedAt,
    importedBefore: before,
    ...importSummary(reading),
  };
}

/** Reads an uploaded workbook into a preview: nothing of the plan changes. */
export async function uploadImport(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  fileName: string,
  body: Buffer | undefined,
  maxBytes: number,
  limits?: ReadLimits,
): Promise<PlanImport> {
  // Access first: a stranger learns nothing of the file's faults.
  await loadAgreementAccess(db, viewer, agreementId, 'plan.import');
  if (!body || body.length === 0) throw invalidField('file', 'required');
  if (body.length > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `A workbook may be up to ${Math.floor(maxBytes / 1024 / 1024)} MB.`, { limit: maxBytes });
  }
  const sheet = await readPlanSheet(body, limits);
  const sha256 = createHash('sha256').update(body).digest('hex');
  return withChange(db, viewer, async ({ tx }) => {
    const access = await loadAgreementAccess(tx, viewer, agreementId, 'plan.import', { lock: 'share' });
    await repo.removeStalePreviews(tx, agreementId);
    const row = await repo.insertImport(tx, { agreementId, createdBy: viewer.user.id, fileName: fileName.normalize('NFC'), sha256, sheet });
    const { reading } = await readAgainst(tx, access, agreementId, row, []);
    return present(tx, row, reading);
  });
}

/** The preview again with `fixes` applied to their cells; nothing changes. */
export async function checkImport(db: Db, viewer: Viewer, agreementId: string, importId: string, fixes: readonly ImportFix[]) {
  // A transaction that changes nothing: a retry with the request's Idempotency-Key gets the first answer.
  return withChange(db, viewer, async ({ tx }) => {
    const access = await loadAgreementAccess(tx, viewer, agreementId, 'plan.import');
    const row = await repo.findImport(tx, agreementId, importId, viewer.user.id);
    if (!row) throw importNotFound();
    const { reading } = await readAgainst(tx, access, agreementId, row, fixes);
    return present(tx, row, reading);
  });
}

/**
 * Applies a preview with its fixes, all or nothing. The agreement is locked for the reading and
 * the writes, so the plan cannot change between the check and the tasks it creates.
 */
export async function applyImport(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  importId: string,
  version: number,
  fixes: readonly ImportFix[],
): Promise<PlanImport> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const access = await loadAgreementAccess(tx, viewer, agreementId, 'plan.import', { lock: 'update' });
    const row = await repo.findImport(tx, agreementId, importId, viewer.user.id, { forUpdate: true });
    if (!row) throw importNotFound();
    if (row.version !== version) {
      const { reading } = await readAgainst(tx, access, agreementId, row, fixes);
      throw versionConflict(await present(tx, row, reading));
    }
    if (row.state === 'applied') {
      throw new AppError('IMPORT_ALREADY_APPLIED', 'This import was applied already; its tasks are in the plan.');
    }
    const { reading, existing } = await readAgainst(tx, access, agreementId, row, fixes);
    const errors = reading.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      throw new AppError(
        'IMPORT_HAS_PROBLEMS',
        `${errors.length} problem(s) in the sheet must be fixed before anything is imported; nothing was saved.`,
        { problems: errors },
      );
    }

    // Areas first, each with its history event.
    const areaIds = new Map<number, string>();
    let areasCreated = 0;
    for (const r of reading.rows) {
      if (r.kind !== 'area') continue;
      if (r.existingId) {
        areaIds.set(r.row, r.existingId);
        continue;
      }
      const area = await insertArea(tx, agreementId, { theme: null, title: r.title, description: null });
      await change.record('area', {
        action: 'create',
        entityId: area.id,
        agreementId,
        title: area.title,
        before: null,
        after: area,
        causeId: importId,
      });
      areaIds.set(r.row, area.id);
      areasCreated += 1;
    }

    // Then the tasks, in the file's order, each after the tasks already under its parent.
    const taskIds = new Map<number, string>();
    const depths = new Map<string, number>(existing.depths);
    const positions = await nextPositions(tx, agreementId);
    const created: NewTask[] = [];
    const parentsGrown = new Set<string>();
    for (const r of reading.rows) {
      if (r.kind !== 'task' || !r.task) continue;
      if (r.existingId) {
        taskIds.set(r.row, r.existingId);
        continue;
      }
      const areaId = areaIds.get(r.areaRow as number) as string;
      const parentId = r.parentRow === null ? null : (taskIds.get(r.parentRow) as string);
      const depth = parentId === null ? 0 : (depths.get(parentId) as number) + 1;
      if (depth >= MAX_TASK_DEPTH) throw new AppError('INVALID_MOVE', `Row ${r.row}: sub-tasks go at most ${MAX_TASK_DEPTH} levels deep.`);
      const key = `${areaId}|${parentId ?? ''}`;
      const position = positions.get(key) ?? 0;
      positions.set(key, position + 1);
      const id = randomUUID();
      taskIds.set(r.row, id);
      depths.set(id, depth);
      if (parentId && existing.depths.has(parentId)) parentsGrown.add(parentId);
      const t = r.task;
      created.push({
        id,
        areaId,
        parentId,
        depth,
        position,
        code: null,
        title: t.title,
        description: t.description,
        obligor: t.obligor,
        leadUnitId: t.leadUnitId,
        coordinatingUnitIds: t.coordinatingUnitIds,
        responsiblePerson: t.responsiblePerson,
        startDate: t.startDate,
        dueDate: t.dueDate,
        expectedProduct: t.expectedProduct,
        decidedBy: null,
        state: 'open',
        stateReason: null,
        progress: 0,
        weight: 1,
        startedOn: null,
      });
    }
    await insertTasks(tx, agreementId, created);
    // Each created task's history, read back and recorded a thousand at a time: 10,000 tasks read
    // back whole with their events at once held ~100 MB.
    for (let from = 0; from < created.length; from += HISTORY_CHUNK) {
      const chunk = created.slice(from, from + HISTORY_CHUNK);
      const rows = new Map(
        (
          await findTasks(
            tx,
            agreementId,
            chunk.map((t) => t.id),
          )
        ).map((t) => [t.id, t]),
      );
      await change.recordMany(
        'task',
        chunk.map((t) => {
          const after = rows.get(t.id);
          if (!after) throw new Error(`task ${t.id} not read back`);
          return { action: 'create' as const, entityId: t.id, agreementId, title: t.title, before: null, after, causeId: importId };
        }),
      );
    }
    // A parent already in the plan counts its new sub-tasks in its progress from now on.
    for (const parentId of parentsGrown) await rollUp(change, agreementId, parentId, parentId);
    await repo.markApplied(tx, importId, areasCreated + created.length);
    const applied = (await repo.findImport(tx, agreementId, importId, viewer.user.id)) as repo.ImportRow;
    return present(tx, applied, reading);
  });
}
