import { endpointIds, endpoints, fillPath, roles, type Endpoint, type EndpointId, type Role } from '@accord/domain';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { LocalFileStorage } from '../src/storage/local-storage.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgreement,
  buildArea,
  buildEntry,
  buildOrganisation,
  buildTask,
  buildUser,
  clientFor,
  PASSWORD,
  preSignIn,
  startTestApp,
  unique,
  type Client,
  type TestContext,
} from './support.js';
import { buildWorld, placements, signInAll, type Placement, type World } from './world.js';

/**
 * Who may do what, written as a reviewer reads it — not computed by the code under test.
 * Each row is one endpoint in one situation; each cell is what a user of that role gets, when
 * their organisation sits on the government side, on the enterprise side, or is unrelated:
 *   ok   the request succeeds               seen / hidden   a list shows / leaves out the item
 *   403  readable but not allowed            404             not readable: answered as if missing
 *   400  refused by a rule about the input
 * Every denied write is re-read afterwards to prove that it changed nothing.
 *
 * The world: a province (its department is "government") and a group (its unit is
 * "enterprise") signed an agreement; "unrelated" is a department of another province.
 * A task "led by gov" is led by the government department, "by ent" by the enterprise unit.
 */
type Cell = 'ok' | 'seen' | 'hidden' | 400 | 403 | 404;
type Row = Record<Role, string>;

// prettier-ignore
const table: Record<string, Row> = {
  //                                      government  enterprise  unrelated
  'getSession':                       { admin: 'ok ok ok',    coordinator: 'ok ok ok',    unit_officer: 'ok ok ok',    leader: 'ok ok ok',    observer: 'ok ok ok' },
  // Each user changes their own password (the current one given); the security log is for administrators.
  'changePassword':                   { admin: 'ok ok ok',    coordinator: 'ok ok ok',    unit_officer: 'ok ok ok',    leader: 'ok ok ok',    observer: 'ok ok ok' },
  'listSecurityEvents':               { admin: 'ok ok ok',    coordinator: '403 403 403', unit_officer: '403 403 403', leader: '403 403 403', observer: '403 403 403' },
  'listOrganisations':                { admin: 'ok ok ok',    coordinator: 'ok ok ok',    unit_officer: 'ok ok ok',    leader: 'ok ok ok',    observer: 'ok ok ok' },
  'getOrganisation':                  { admin: 'ok ok ok',    coordinator: 'ok ok ok',    unit_officer: 'ok ok ok',    leader: 'ok ok ok',    observer: 'ok ok ok' },
  'createOrganisation':               { admin: 'ok ok ok',    coordinator: '403 403 403', unit_officer: '403 403 403', leader: '403 403 403', observer: '403 403 403' },
  'updateOrganisation':               { admin: 'ok ok ok',    coordinator: '403 403 403', unit_officer: '403 403 403', leader: '403 403 403', observer: '403 403 403' },

  'listAgreements':                   { admin: 'seen seen seen', coordinator: 'seen seen hidden', unit_officer: 'seen seen hidden', leader: 'seen seen hidden', observer: 'seen seen seen' },
  'listAgreements published':         { admin: 'seen seen seen', coordinator: 'seen seen seen',   unit_officer: 'seen seen seen',   leader: 'seen seen seen',   observer: 'seen seen seen' },
  'listAgreements public draft':      { admin: 'seen seen seen', coordinator: 'seen seen hidden', unit_officer: 'seen seen hidden', leader: 'seen seen hidden', observer: 'seen seen seen' },
  'createAgreement':                  { admin: 'ok ok ok',    coordinator: 'ok ok 403',   unit_officer: '403 403 403', leader: '403 403 403', observer: '403 403 403' },
  'getAgreement':                     { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'getAgreement published':           { admin: 'ok ok ok',    coordinator: 'ok ok ok',    unit_officer: 'ok ok ok',    leader: 'ok ok ok',    observer: 'ok ok ok' },
  'getAgreement public draft':        { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'updateAgreement':                  { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'updateAgreement published':        { admin: 'ok ok ok',    coordinator: 'ok ok 403',   unit_officer: '403 403 403', leader: '403 403 403', observer: '403 403 403' },
  // Replacing the enterprise party (the group) by another group: only an administrator may.
  'updateAgreement replace ent party':{ admin: 'ok ok ok',    coordinator: '400 400 404', unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'changeAgreementStatus':            { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },

  'getPlan':                          { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'getPlanOutline':                   { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'getPlanAreaTasks':                 { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'exportPlan':                       { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'createArea':                       { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'updateArea':                       { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'deleteArea':                       { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  // An area holding a task of each side: nobody but an administrator may take the other side's task with it.
  'deleteArea with both sides tasks': { admin: 'ok ok ok',    coordinator: '403 403 404', unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },

  'listAgreementTasks':               { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'createTask gov':                   { admin: 'ok ok ok',    coordinator: 'ok 403 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'createTask ent':                   { admin: 'ok ok ok',    coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'createTask joint':                 { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'createTask joint under ent task':  { admin: 'ok ok ok',    coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'getTask':                          { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'updateTask gov led by gov':        { admin: 'ok ok ok',    coordinator: 'ok 403 404',  unit_officer: 'ok 403 404',  leader: '403 403 404', observer: '403 403 403' },
  'updateTask ent led by ent':        { admin: 'ok ok ok',    coordinator: '403 ok 404',  unit_officer: '403 ok 404',  leader: '403 403 404', observer: '403 403 403' },
  'updateTask joint led by gov':      { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok 403 404',  leader: '403 403 404', observer: '403 403 403' },
  'moveTask gov':                     { admin: 'ok ok ok',    coordinator: 'ok 403 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'moveTask ent':                     { admin: 'ok ok ok',    coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'moveTask joint':                   { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'moveTask joint under ent task':    { admin: 'ok ok ok',    coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'moveTask joint with ent sub-task': { admin: 'ok ok ok',    coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'deleteTask gov':                   { admin: 'ok ok ok',    coordinator: 'ok 403 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'deleteTask ent':                   { admin: 'ok ok ok',    coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'deleteTask joint':                 { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'deleteTask joint with ent sub-task':{ admin: 'ok ok ok',   coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  // Marking a product delivered is reporting on the task: as updating it.
  'deliverTask gov led by gov':       { admin: 'ok ok ok',    coordinator: 'ok 403 404',  unit_officer: 'ok 403 404',  leader: '403 403 404', observer: '403 403 403' },
  'deliverTask ent led by ent':       { admin: 'ok ok ok',    coordinator: '403 ok 404',  unit_officer: '403 ok 404',  leader: '403 403 404', observer: '403 403 403' },
  'deliverTask joint led by gov':     { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok 403 404',  leader: '403 403 404', observer: '403 403 403' },
  // Accepting or rejecting is for a coordinator of the side that did not deliver; nobody accepts their own side's product.
  'acceptTask gov delivered':         { admin: '403 403 403', coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'acceptTask ent delivered':         { admin: '403 403 403', coordinator: 'ok 403 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'acceptTask joint delivered by ent':{ admin: '403 403 403', coordinator: 'ok 403 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'rejectTask gov delivered':         { admin: '403 403 403', coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'rejectTask joint delivered by gov':{ admin: '403 403 403', coordinator: '403 ok 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  // A product the enterprise side delivered, in "waiting for my acceptance": listed for users of the government party, whatever their role (only a coordinator may accept it).
  'listAcceptanceQueue':              { admin: 'seen hidden hidden', coordinator: 'seen hidden hidden', unit_officer: 'seen hidden hidden', leader: 'seen hidden hidden', observer: 'seen hidden hidden' },
  // Evidence: uploaded by whoever writes in the task's thread; read like the entry that carries it;
  // a file not posted yet is its uploader's alone, and only they take it back.
  'uploadFile':                       { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: '403 403 403' },
  'downloadFile shared':              { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'downloadFile internal gov entry':  { admin: 'ok 404 404',  coordinator: 'ok 404 404',  unit_officer: 'ok 404 404',  leader: 'ok 404 404',  observer: 'ok 404 404' },
  "downloadFile someone else's pending": { admin: '404 404 404', coordinator: '404 404 404', unit_officer: '404 404 404', leader: '404 404 404', observer: '404 404 404' },
  'deletePendingFile own':            { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: '403 403 403' },
  "deletePendingFile someone else's": { admin: '404 404 404', coordinator: '404 404 404', unit_officer: '404 404 404', leader: '404 404 404', observer: '403 403 403' },
  // The plan's approval reads like the plan. It is submitted by a coordinator of either party and
  // decided by a coordinator of each (never an administrator: every party speaks for itself);
  // a version waiting is taken back by the side that submitted it.
  'getPlanApproval':                  { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'getPlanDiff':                      { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'submitPlan':                       { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'approvePlanVersion':               { admin: '403 403 403', coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'returnPlanVersion':                { admin: '403 403 403', coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'withdrawPlanVersion gov submitted':{ admin: 'ok ok ok',    coordinator: 'ok 403 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  // A plan is imported from Excel by a coordinator of either party (the whole joint plan, as the
  // offices keep it; the other party approves it with the plan); a preview is its maker's alone.
  'uploadPlanImport':                 { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'checkPlanImport own':              { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  "checkPlanImport someone else's":   { admin: '404 404 404', coordinator: '404 404 404', unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'applyPlanImport own':              { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  "applyPlanImport someone else's":   { admin: '404 404 404', coordinator: '404 404 404', unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  // A task's "5 rõ" check is waived by a coordinator of the side that owes it.
  'waiveTaskClarity gov task':        { admin: 'ok ok ok',    coordinator: 'ok 403 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  'clearTaskWaiver gov task':         { admin: 'ok ok ok',    coordinator: 'ok 403 404',  unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  // Each lead unit's tasks under way and stale: read like the plan.
  'getAgreementReporting':            { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  // A task of the agreement led by the user's own unit, in "my unit's tasks".
  'listUnitTasks':                    { admin: 'seen seen seen', coordinator: 'seen seen hidden', unit_officer: 'seen seen hidden', leader: 'seen seen hidden', observer: 'seen seen seen' },

  // A task's thread reads like the task; an internal entry of the government side is seen by that side only.
  'getTaskThread':                    { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'getTaskThread internal gov entry': { admin: 'seen hidden hidden', coordinator: 'seen hidden 404', unit_officer: 'seen hidden 404', leader: 'seen hidden 404', observer: 'seen hidden hidden' },
  // Reporting progress is reporting on the task: as updating it.
  'postReport gov led by gov':        { admin: 'ok ok ok',    coordinator: 'ok 403 404',  unit_officer: 'ok 403 404',  leader: '403 403 404', observer: '403 403 403' },
  'postReport ent led by ent':        { admin: 'ok ok ok',    coordinator: '403 ok 404',  unit_officer: '403 ok 404',  leader: '403 403 404', observer: '403 403 403' },
  // Both sides discuss any task; observers only read.
  'postComment gov task':             { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: '403 403 403' },
  // Internal: for one's own side, so only for someone on a side of the agreement.
  'postComment internal':             { admin: 'ok ok 400',   coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: '403 403 403' },
  'postDirection':                    { admin: '403 403 403', coordinator: '403 403 404', unit_officer: '403 403 404', leader: 'ok ok 404',   observer: '403 403 403' },
  // An entry is corrected or withdrawn by its author only; another side's internal entry is not there at all.
  'updateEntry own':                  { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: '403 403 403' },
  "updateEntry someone else's":       { admin: '403 403 403', coordinator: '403 403 404', unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  "updateEntry gov internal, someone else's": { admin: '403 404 404', coordinator: '403 404 404', unit_officer: '403 404 404', leader: '403 404 404', observer: '403 404 404' },
  'deleteEntry own':                  { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: '403 403 403' },
  "deleteEntry someone else's":       { admin: '403 403 403', coordinator: '403 403 404', unit_officer: '403 403 404', leader: '403 403 404', observer: '403 403 403' },
  // The people to point an entry at: for those who write in the agreement's threads.
  'listAgreementPeople':              { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: '403 403 403' },

  'getAgreementHistory':              { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  'getTaskHistory':                   { admin: 'ok ok ok',    coordinator: 'ok ok 404',   unit_officer: 'ok ok 404',   leader: 'ok ok 404',   observer: 'ok ok ok' },
  // The agreement found by a word of its title, and a task of it by a word of the task's.
  'search':                           { admin: 'seen seen seen', coordinator: 'seen seen hidden', unit_officer: 'seen seen hidden', leader: 'seen seen hidden', observer: 'seen seen seen' },
};

/** Endpoints anyone may call without signing in; every other one answers 401 to an anonymous caller. */
const publicEndpoints: EndpointId[] = ['getCsrf', 'signIn', 'signOut', 'getHealth', 'getLiveness'];

let ctx: TestContext;
let world: World;
let clients: Record<Role, Record<Placement, Client>>;

beforeAll(async () => {
  ctx = await startTestApp();
  world = await buildWorld(ctx.db);
  clients = await signInAll(ctx.app, world);
});
afterAll(() => ctx.close());

interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** A file's bytes as the body (an upload), instead of JSON. */
  raw?: Buffer;
  ifMatch?: boolean;
  /** For lists: the id the answer must (seen) or must not (hidden) contain. */
  expectId?: string;
}

const url = (id: EndpointId, params: Record<string, string>, query = '') => fillPath(endpoints[id].path, params) + query;

/** A fresh agreement of the world's parties, with a word of its own in its title to list it by. */
async function agreementOf(opts: { visibility?: 'parties' | 'public'; status?: 'draft' | 'in_force' } = {}) {
  const word = `rieng${unique()}`;
  return { ...(await buildAgreement(ctx.db, { parties: world.parties, title: `Thỏa thuận ${word}`, ...opts })), word };
}
async function taskIn(
  agreementId: string,
  areaId: string,
  obligor: 'government' | 'enterprise' | 'joint',
  lead: Placement,
  parentId?: string,
) {
  return buildTask(ctx.db, {
    agreementId,
    areaId,
    obligor,
    leadUnitId: world.orgOf[lead],
    parentId: parentId ?? null,
    depth: parentId ? 1 : 0,
  });
}
const lead = (obligor: 'government' | 'enterprise' | 'joint') => (obligor === 'enterprise' ? 'enterprise' : 'government') as Placement;
const sideOf = (place: Placement) => (place === 'unrelated' ? null : place);

/** A fresh agreement of the world's parties whose plan is one task, waived, so that it may be submitted. */
async function planOfOneTask() {
  const agreement = await buildAgreement(ctx.db, { parties: world.parties });
  const area = await buildArea(ctx.db, agreement.id);
  const task = await taskIn(agreement.id, area.id, 'government', 'government');
  await ctx.db.query(
    `UPDATE tasks SET clarity_waiver = 'Nhiệm vụ khảo sát', clarity_waived_by = $2, clarity_waived_at = now() WHERE id = $1`,
    [task.id, world.users.coordinator.government.id],
  );
  return { agreementId: agreement.id };
}

/** A fresh agreement whose plan the government's coordinator submitted: version 1 waits for both sides. */
async function planWaiting() {
  const { agreementId } = await planOfOneTask();
  const { rows } = await ctx.db.query<{ id: string }>(
    `INSERT INTO plan_versions(agreement_id, number, snapshot, task_count, submitted_by, submitted_side)
     VALUES ($1, 1, '[]'::jsonb, 0, $2, 'government') RETURNING id`,
    [agreementId, world.users.coordinator.government.id],
  );
  return { agreementId, versionId: (rows[0] as { id: string }).id };
}

/** A plan workbook of one area and one task, as an office would send it. */
let workbook: Buffer | undefined;
async function planWorkbookBytes(): Promise<Buffer> {
  if (!workbook) {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Kế hoạch');
    ws.addRow(['STT', 'Nội dung nhiệm vụ', 'Sản phẩm']);
    ws.addRow(['1', 'Hạ tầng số']);
    ws.addRow(['1.1', 'Khảo sát hiện trạng', 'Báo cáo']);
    workbook = Buffer.from(await book.xlsx.writeBuffer());
  }
  return workbook;
}

/** A preview of that workbook made by `userId`, for a fresh agreement of the world's parties. */
async function previewBy(userId: string) {
  const agreement = await buildAgreement(ctx.db, { parties: world.parties });
  const cell = (v: string) => ({ t: 's', v });
  const sheet = {
    name: 'Kế hoạch',
    rows: [
      { row: 1, cells: [cell('STT'), cell('Nội dung nhiệm vụ')] },
      { row: 2, cells: [cell('1'), cell('Hạ tầng số')] },
      { row: 3, cells: [cell('1.1'), cell('Khảo sát hiện trạng')] },
    ],
  };
  const { rows } = await ctx.db.query<{ id: string }>(
    `INSERT INTO plan_imports(agreement_id, created_by, file_name, sha256, sheet, row_count)
     VALUES ($1, $2, 'ke-hoach.xlsx', $3, $4, 3) RETURNING id`,
    [agreement.id, userId, createHash('sha256').update(agreement.id).digest('hex'), JSON.stringify(sheet)],
  );
  return { id: agreement.id, importId: (rows[0] as { id: string }).id };
}

/** An entry of a fresh government task, written by `author` (a user of the world at `place`). */
async function entryBy(author: { id: string }, place: Placement, internal = false) {
  const task = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
  const entry = await buildEntry(ctx.db, {
    agreementId: world.agreement.id,
    taskId: task.id,
    authorId: author.id,
    authorOrgId: world.orgOf[place],
    authorSide: sideOf(place),
    internal,
  });
  return { task, entry, params: { id: world.agreement.id, taskId: task.id, entryId: entry.id } };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A file on a fresh government task, its bytes in the app's store: carried by an entry (internal or not), or pending. */
async function fileOn(uploaderId: string, carried: 'shared' | 'internal' | 'pending') {
  const task = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
  const entry =
    carried === 'pending'
      ? null
      : await buildEntry(ctx.db, {
          agreementId: world.agreement.id,
          taskId: task.id,
          authorId: uploaderId,
          authorOrgId: world.orgOf.government,
          authorSide: 'government',
          internal: carried === 'internal',
        });
  const key = `${world.agreement.id}/${randomUUID()}`;
  await new LocalFileStorage(ctx.config.files.dir ?? path.join(ctx.config.dataDir, 'files')).put(key, PDF);
  const { rows } = await ctx.db.query<{ id: string }>(
    `INSERT INTO task_files(agreement_id, task_id, entry_id, uploaded_by, name, media_type, size_bytes, sha256, storage_key)
     VALUES ($1, $2, $3, $4, 'Biên bản.pdf', 'application/pdf', $5, $6, $7) RETURNING id`,
    [world.agreement.id, task.id, entry?.id ?? null, uploaderId, PDF.length, createHash('sha256').update(PDF).digest('hex'), key],
  );
  return { id: world.agreement.id, taskId: task.id, fileId: (rows[0] as { id: string }).id };
}

/** Someone else of the government side: the author of entries that are not the caller's. */
const otherAuthor = () => buildUser(ctx.db, { role: 'coordinator', organisationId: world.orgOf.government });

/** How each row's request is made, with fresh records for every cell so that cells do not interfere. */
const situations: Record<string, (place: Placement, role: Role) => Promise<Request>> = {
  getSession: async () => ({ method: 'GET', url: url('getSession', {}) }),
  changePassword: async () => ({
    method: 'POST',
    url: url('changePassword', {}),
    body: { currentPassword: PASSWORD, newPassword: `Mật khẩu mới ${unique()}` },
  }),
  listSecurityEvents: async () => ({ method: 'GET', url: url('listSecurityEvents', {}) }),
  listOrganisations: async () => ({ method: 'GET', url: url('listOrganisations', {}, '?side=government') }),
  getOrganisation: async () => ({ method: 'GET', url: url('getOrganisation', { id: world.province.id }) }),
  createOrganisation: async () => ({
    method: 'POST',
    url: url('createOrganisation', {}),
    body: { kind: 'commune', parentId: world.province.id, nameVi: `Xã ${unique()}` },
  }),
  updateOrganisation: async () => {
    const org = await buildOrganisation(ctx.db, { kind: 'commune', parentId: world.province.id });
    return { method: 'PATCH', url: url('updateOrganisation', { id: org.id }), body: { nameVi: 'Xã Mới' }, ifMatch: true };
  },

  listAgreements: async () => ({ method: 'GET', url: url('listAgreements', {}, `?q=${world.searchWord}`), expectId: world.agreement.id }),
  'listAgreements published': async () => {
    const a = await agreementOf({ visibility: 'public', status: 'in_force' });
    return { method: 'GET', url: url('listAgreements', {}, `?q=${a.word}`), expectId: a.id };
  },
  'listAgreements public draft': async () => {
    const a = await agreementOf({ visibility: 'public', status: 'draft' });
    return { method: 'GET', url: url('listAgreements', {}, `?q=${a.word}`), expectId: a.id };
  },
  createAgreement: async () => ({
    method: 'POST',
    url: url('createAgreement', {}),
    body: { title: 'Thỏa thuận mới', parties: world.parties.map((p) => ({ organisationId: p.organisationId })) },
  }),
  getAgreement: async () => ({ method: 'GET', url: url('getAgreement', { id: world.agreement.id }) }),
  'getAgreement published': async () => ({
    method: 'GET',
    url: url('getAgreement', { id: (await agreementOf({ visibility: 'public', status: 'in_force' })).id }),
  }),
  'getAgreement public draft': async () => ({
    method: 'GET',
    url: url('getAgreement', { id: (await agreementOf({ visibility: 'public', status: 'draft' })).id }),
  }),
  updateAgreement: async () => ({
    method: 'PATCH',
    url: url('updateAgreement', { id: (await agreementOf()).id }),
    body: { title: 'Tên mới của thỏa thuận' },
    ifMatch: true,
  }),
  'updateAgreement published': async () => ({
    method: 'PATCH',
    url: url('updateAgreement', { id: (await agreementOf({ visibility: 'public', status: 'in_force' })).id }),
    body: { title: 'Tên mới của thỏa thuận' },
    ifMatch: true,
  }),
  'updateAgreement replace ent party': async () => {
    const otherGroup = await buildOrganisation(ctx.db, { kind: 'enterprise_group', nameVi: `Tập đoàn ${unique()}` });
    return {
      method: 'PATCH',
      url: url('updateAgreement', { id: (await agreementOf()).id }),
      body: { parties: [{ organisationId: world.province.id }, { organisationId: otherGroup.id }] },
      ifMatch: true,
    };
  },
  changeAgreementStatus: async () => ({
    method: 'POST',
    url: url('changeAgreementStatus', { id: (await agreementOf()).id }),
    body: { status: 'completed' },
    ifMatch: true,
  }),

  getPlan: async () => ({ method: 'GET', url: url('getPlan', { id: world.agreement.id }) }),
  getPlanOutline: async () => ({ method: 'GET', url: url('getPlanOutline', { id: world.agreement.id }) }),
  getPlanAreaTasks: async () => ({ method: 'GET', url: url('getPlanAreaTasks', { id: world.agreement.id, areaId: world.area.id }) }),
  uploadFile: async () => {
    const task = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    return { method: 'POST', url: url('uploadFile', { id: world.agreement.id, taskId: task.id }, '?name=bien-ban.pdf'), raw: PDF };
  },
  'downloadFile shared': async () => ({ method: 'GET', url: url('downloadFile', await fileOn((await otherAuthor()).id, 'shared')) }),
  'downloadFile internal gov entry': async () => ({
    method: 'GET',
    url: url('downloadFile', await fileOn((await otherAuthor()).id, 'internal')),
  }),
  "downloadFile someone else's pending": async () => ({
    method: 'GET',
    url: url('downloadFile', await fileOn((await otherAuthor()).id, 'pending')),
  }),
  'deletePendingFile own': async (place, role) => ({
    method: 'DELETE',
    url: url('deletePendingFile', await fileOn(clients[role][place].userId, 'pending')),
  }),
  "deletePendingFile someone else's": async () => ({
    method: 'DELETE',
    url: url('deletePendingFile', await fileOn((await otherAuthor()).id, 'pending')),
  }),
  getPlanApproval: async () => ({ method: 'GET', url: url('getPlanApproval', { id: world.agreement.id }) }),
  getPlanDiff: async () => {
    const { agreementId, versionId } = await planWaiting();
    return { method: 'GET', url: url('getPlanDiff', { id: agreementId }, `?from=${versionId}&to=current`) };
  },
  submitPlan: async () => {
    const { agreementId } = await planOfOneTask();
    return { method: 'POST', url: url('submitPlan', { id: agreementId }), body: { note: 'Trình kế hoạch' } };
  },
  approvePlanVersion: async () => {
    const { agreementId, versionId } = await planWaiting();
    return { method: 'POST', url: url('approvePlanVersion', { id: agreementId, versionId }), body: {}, ifMatch: true };
  },
  returnPlanVersion: async () => {
    const { agreementId, versionId } = await planWaiting();
    return { method: 'POST', url: url('returnPlanVersion', { id: agreementId, versionId }), body: { reason: 'Chưa rõ' }, ifMatch: true };
  },
  'withdrawPlanVersion gov submitted': async () => {
    const { agreementId, versionId } = await planWaiting();
    return { method: 'POST', url: url('withdrawPlanVersion', { id: agreementId, versionId }), ifMatch: true };
  },
  uploadPlanImport: async () => ({
    method: 'POST',
    url: url('uploadPlanImport', { id: world.agreement.id }, '?name=ke-hoach.xlsx'),
    raw: await planWorkbookBytes(),
  }),
  'checkPlanImport own': async (place, role) => {
    const p = await previewBy(clients[role][place].userId);
    return { method: 'POST', url: url('checkPlanImport', p), body: { fixes: [] } };
  },
  "checkPlanImport someone else's": async () => {
    const p = await previewBy((await otherAuthor()).id);
    return { method: 'POST', url: url('checkPlanImport', p), body: { fixes: [] } };
  },
  'applyPlanImport own': async (place, role) => {
    const p = await previewBy(clients[role][place].userId);
    return { method: 'POST', url: url('applyPlanImport', p), body: { fixes: [] }, ifMatch: true };
  },
  "applyPlanImport someone else's": async () => {
    const p = await previewBy((await otherAuthor()).id);
    return { method: 'POST', url: url('applyPlanImport', p), body: { fixes: [] }, ifMatch: true };
  },
  'waiveTaskClarity gov task': async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    return {
      method: 'POST',
      url: url('waiveTaskClarity', { id: world.agreement.id, taskId: t.id }),
      body: { reason: 'Nhiệm vụ khảo sát, chưa có sản phẩm' },
      ifMatch: true,
    };
  },
  'clearTaskWaiver gov task': async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    // Waived by the government's coordinator, at version 1 as the request says.
    await ctx.db.query(
      `UPDATE tasks SET clarity_waiver = 'Chưa có sản phẩm', clarity_waived_by = $2, clarity_waived_at = now() WHERE id = $1`,
      [t.id, world.users.coordinator.government.id],
    );
    return { method: 'DELETE', url: url('clearTaskWaiver', { id: world.agreement.id, taskId: t.id }), ifMatch: true };
  },
  getAgreementReporting: async () => ({ method: 'GET', url: url('getAgreementReporting', { id: world.agreement.id }) }),
  exportPlan: async () => ({ method: 'GET', url: url('exportPlan', { id: world.agreement.id }) }),
  createArea: async () => ({
    method: 'POST',
    url: url('createArea', { id: (await agreementOf()).id }),
    body: { title: 'Hạ tầng số', theme: 'digital_infrastructure' },
  }),
  updateArea: async () => {
    const a = await agreementOf();
    const area = await buildArea(ctx.db, a.id);
    return { method: 'PATCH', url: url('updateArea', { id: a.id, areaId: area.id }), body: { title: 'Tên mới' }, ifMatch: true };
  },
  deleteArea: async () => {
    const a = await agreementOf();
    const area = await buildArea(ctx.db, a.id);
    return { method: 'DELETE', url: url('deleteArea', { id: a.id, areaId: area.id }), ifMatch: true };
  },
  'deleteArea with both sides tasks': async () => {
    const a = await agreementOf();
    const area = await buildArea(ctx.db, a.id);
    await taskIn(a.id, area.id, 'government', 'government');
    await taskIn(a.id, area.id, 'enterprise', 'enterprise');
    return { method: 'DELETE', url: url('deleteArea', { id: a.id, areaId: area.id }), ifMatch: true };
  },

  listAgreementTasks: async () => ({ method: 'GET', url: url('listAgreementTasks', { id: world.agreement.id }) }),
  ...Object.fromEntries(
    (['government', 'enterprise', 'joint'] as const).map((obligor) => [
      `createTask ${obligor === 'government' ? 'gov' : obligor === 'enterprise' ? 'ent' : 'joint'}`,
      async () => ({
        method: 'POST' as const,
        url: url('createTask', { id: world.agreement.id }),
        body: { areaId: world.area.id, title: 'Triển khai nền tảng', obligor, leadUnitId: world.orgOf[lead(obligor)] },
      }),
    ]),
  ),
  'createTask joint under ent task': async () => {
    const parent = await taskIn(world.agreement.id, world.area.id, 'enterprise', 'enterprise');
    return {
      method: 'POST',
      url: url('createTask', { id: world.agreement.id }),
      body: { areaId: world.area.id, parentId: parent.id, title: 'Nhiệm vụ con', obligor: 'joint' },
    };
  },
  getTask: async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    return { method: 'GET', url: url('getTask', { id: world.agreement.id, taskId: t.id }) };
  },
  ...Object.fromEntries(
    (
      [
        ['updateTask gov led by gov', 'government'],
        ['updateTask ent led by ent', 'enterprise'],
        ['updateTask joint led by gov', 'joint'],
      ] as const
    ).map(([name, obligor]) => [
      name,
      async () => {
        const t = await taskIn(world.agreement.id, world.area.id, obligor, lead(obligor));
        return {
          method: 'PATCH' as const,
          url: url('updateTask', { id: world.agreement.id, taskId: t.id }),
          body: { progress: 25 },
          ifMatch: true,
        };
      },
    ]),
  ),
  ...Object.fromEntries(
    (
      [
        ['moveTask gov', 'government'],
        ['moveTask ent', 'enterprise'],
        ['moveTask joint', 'joint'],
      ] as const
    ).map(([name, obligor]) => [
      name,
      async () => {
        const t = await taskIn(world.agreement.id, world.area.id, obligor, lead(obligor));
        return {
          method: 'POST' as const,
          url: url('moveTask', { id: world.agreement.id, taskId: t.id }),
          body: { areaId: world.area.id, parentId: null, position: 0 },
          ifMatch: true,
        };
      },
    ]),
  ),
  'moveTask joint under ent task': async () => {
    const parent = await taskIn(world.agreement.id, world.area.id, 'enterprise', 'enterprise');
    const t = await taskIn(world.agreement.id, world.area.id, 'joint', 'government');
    return {
      method: 'POST',
      url: url('moveTask', { id: world.agreement.id, taskId: t.id }),
      body: { areaId: world.area.id, parentId: parent.id, position: 0 },
      ifMatch: true,
    };
  },
  'moveTask joint with ent sub-task': async () => {
    const otherArea = await buildArea(ctx.db, world.agreement.id);
    const t = await taskIn(world.agreement.id, world.area.id, 'joint', 'government');
    await taskIn(world.agreement.id, world.area.id, 'enterprise', 'enterprise', t.id);
    return {
      method: 'POST',
      url: url('moveTask', { id: world.agreement.id, taskId: t.id }),
      body: { areaId: otherArea.id, parentId: null, position: 0 },
      ifMatch: true,
    };
  },
  ...Object.fromEntries(
    (
      [
        ['deleteTask gov', 'government'],
        ['deleteTask ent', 'enterprise'],
        ['deleteTask joint', 'joint'],
      ] as const
    ).map(([name, obligor]) => [
      name,
      async () => {
        const t = await taskIn(world.agreement.id, world.area.id, obligor, lead(obligor));
        return { method: 'DELETE' as const, url: url('deleteTask', { id: world.agreement.id, taskId: t.id }), ifMatch: true };
      },
    ]),
  ),
  'deleteTask joint with ent sub-task': async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'joint', 'government');
    await taskIn(world.agreement.id, world.area.id, 'enterprise', 'enterprise', t.id);
    return { method: 'DELETE', url: url('deleteTask', { id: world.agreement.id, taskId: t.id }), ifMatch: true };
  },
  ...Object.fromEntries(
    (
      [
        ['deliverTask gov led by gov', 'government'],
        ['deliverTask ent led by ent', 'enterprise'],
        ['deliverTask joint led by gov', 'joint'],
      ] as const
    ).map(([name, obligor]) => [
      name,
      async () => {
        const t = await taskIn(world.agreement.id, world.area.id, obligor, lead(obligor));
        return { method: 'POST' as const, url: url('deliverTask', { id: world.agreement.id, taskId: t.id }), body: {}, ifMatch: true };
      },
    ]),
  ),
  ...Object.fromEntries(
    (
      [
        ['acceptTask gov delivered', 'acceptTask', 'government', 'government'],
        ['acceptTask ent delivered', 'acceptTask', 'enterprise', 'enterprise'],
        ['acceptTask joint delivered by ent', 'acceptTask', 'joint', 'enterprise'],
        ['rejectTask gov delivered', 'rejectTask', 'government', 'government'],
        ['rejectTask joint delivered by gov', 'rejectTask', 'joint', 'government'],
      ] as const
    ).map(([name, endpoint, obligor, deliveredBySide]) => [
      name,
      async () => {
        const t = await buildTask(ctx.db, {
          agreementId: world.agreement.id,
          areaId: world.area.id,
          obligor,
          leadUnitId: world.orgOf[deliveredBySide],
          facts: { progress: 100, startedOn: '2025-10-01', deliveredOn: '2025-11-01', deliveredBySide },
        });
        return {
          method: 'POST' as const,
          url: url(endpoint, { id: world.agreement.id, taskId: t.id }),
          body: endpoint === 'rejectTask' ? { reason: 'Sản phẩm chưa đạt yêu cầu' } : {},
          ifMatch: true,
        };
      },
    ]),
  ),
  listAcceptanceQueue: async () => {
    const t = await buildTask(ctx.db, {
      agreementId: world.agreement.id,
      areaId: world.area.id,
      obligor: 'enterprise',
      leadUnitId: world.orgOf.enterprise,
      facts: { progress: 100, startedOn: '2025-10-01', deliveredOn: '2025-11-01', deliveredBySide: 'enterprise' },
    });
    return { method: 'GET', url: url('listAcceptanceQueue', {}, '?waiting=mine&pageSize=100'), expectId: t.id };
  },
  listUnitTasks: async (place) => {
    const t = await taskIn(world.agreement.id, world.area.id, 'joint', place);
    return { method: 'GET', url: url('listUnitTasks', {}, '?pageSize=100&sort=updatedAt'), expectId: t.id };
  },

  getTaskThread: async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    return { method: 'GET', url: url('getTaskThread', { id: world.agreement.id, taskId: t.id }) };
  },
  'getTaskThread internal gov entry': async () => {
    const { params, entry } = await entryBy(await otherAuthor(), 'government', true);
    return { method: 'GET', url: url('getTaskThread', params), expectId: entry.id };
  },
  ...Object.fromEntries(
    (
      [
        ['postReport gov led by gov', 'government'],
        ['postReport ent led by ent', 'enterprise'],
      ] as const
    ).map(([name, obligor]) => [
      name,
      async () => {
        const t = await taskIn(world.agreement.id, world.area.id, obligor, lead(obligor));
        return {
          method: 'POST' as const,
          url: url('postReport', { id: world.agreement.id, taskId: t.id }),
          body: { body: 'Đã hoàn thành khảo sát', progress: 30 },
        };
      },
    ]),
  ),
  'postComment gov task': async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    return { method: 'POST', url: url('postComment', { id: world.agreement.id, taskId: t.id }), body: { body: 'Đề nghị bổ sung hồ sơ' } };
  },
  'postComment internal': async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    return {
      method: 'POST',
      url: url('postComment', { id: world.agreement.id, taskId: t.id }),
      body: { body: 'Ghi chú nội bộ', internal: true },
    };
  },
  postDirection: async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    return {
      method: 'POST',
      url: url('postDirection', { id: world.agreement.id, taskId: t.id }),
      body: { body: 'Khẩn trương hoàn thành' },
    };
  },
  'updateEntry own': async (place, role) => {
    const { params } = await entryBy(world.users[role][place], place);
    return { method: 'PATCH', url: url('updateEntry', params), body: { body: 'Đã sửa' }, ifMatch: true };
  },
  "updateEntry someone else's": async () => {
    const { params } = await entryBy(await otherAuthor(), 'government');
    return { method: 'PATCH', url: url('updateEntry', params), body: { body: 'Đã sửa' }, ifMatch: true };
  },
  "updateEntry gov internal, someone else's": async () => {
    const { params } = await entryBy(await otherAuthor(), 'government', true);
    return { method: 'PATCH', url: url('updateEntry', params), body: { body: 'Đã sửa' }, ifMatch: true };
  },
  'deleteEntry own': async (place, role) => {
    const { params } = await entryBy(world.users[role][place], place);
    return { method: 'DELETE', url: url('deleteEntry', params), ifMatch: true };
  },
  "deleteEntry someone else's": async () => {
    const { params } = await entryBy(await otherAuthor(), 'government');
    return { method: 'DELETE', url: url('deleteEntry', params), ifMatch: true };
  },
  listAgreementPeople: async () => ({ method: 'GET', url: url('listAgreementPeople', { id: world.agreement.id }, '?q=nguoi') }),

  getAgreementHistory: async () => ({ method: 'GET', url: url('getAgreementHistory', { id: world.agreement.id }) }),
  getTaskHistory: async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    return { method: 'GET', url: url('getTaskHistory', { id: world.agreement.id, taskId: t.id }) };
  },
  search: async () => ({
    method: 'GET',
    url: url('search', {}, `?q=${encodeURIComponent(world.searchWord)}&limit=50`),
    expectId: world.agreement.id,
  }),
};

function parseRow(row: Row, role: Role): Record<Placement, Cell> {
  const cells = row[role].split(/\s+/).map((c) => (/^\d+$/.test(c) ? Number(c) : c)) as Cell[];
  if (cells.length !== 3) throw new Error(`Row for ${role} needs three cells: ${row[role]}`);
  return { government: cells[0] as Cell, enterprise: cells[1] as Cell, unrelated: cells[2] as Cell };
}

function send(c: Client, r: Request): Promise<LightMyRequestResponse> {
  const headers = r.ifMatch ? { 'if-match': '"1"' } : undefined;
  if (r.raw) {
    return ctx.app.inject({
      method: 'POST',
      url: r.url,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/pdf' },
      payload: r.raw,
    });
  }
  if (r.method === 'GET') return c.get(r.url);
  if (r.method === 'DELETE') return c.delete(r.url, headers);
  if (r.method === 'PATCH') return c.patch(r.url, r.body ?? {}, headers);
  return c.post(r.url, r.body, headers);
}

function outcome(res: LightMyRequestResponse, r: Request): Cell | number {
  if (res.statusCode >= 300) return res.statusCode;
  if (!r.expectId) return 'ok';
  return res.body.includes(r.expectId) ? 'seen' : 'hidden';
}

/** Everything a denied write could have touched, as one fingerprint. */
async function fingerprint(): Promise<string> {
  const { rows } = await ctx.db.query<{ f: string }>(
    `SELECT md5(concat_ws('|',
       (SELECT string_agg(md5(a::text), ',' ORDER BY a.id) FROM agreements a),
       (SELECT string_agg(md5(p::text), ',' ORDER BY p.agreement_id, p.organisation_id) FROM agreement_parties p),
       (SELECT string_agg(md5(r::text), ',' ORDER BY r.id) FROM areas r),
       (SELECT string_agg(md5(t::text), ',' ORDER BY t.id) FROM tasks t),
       (SELECT string_agg(md5(c::text), ',' ORDER BY c.task_id, c.organisation_id) FROM task_coordinators c),
       (SELECT string_agg(md5(o::text), ',' ORDER BY o.id) FROM organisations o),
       (SELECT string_agg(md5(e::text), ',' ORDER BY e.id) FROM task_entries e),
       (SELECT string_agg(md5(f::text), ',' ORDER BY f.id) FROM task_files f),
       (SELECT string_agg(md5(v::text), ',' ORDER BY v.id) FROM plan_versions v),
       (SELECT string_agg(md5(d::text), ',' ORDER BY d.plan_version_id, d.side) FROM plan_decisions d),
       (SELECT string_agg(md5(i::text), ',' ORDER BY i.id) FROM plan_imports i),
       (SELECT count(*) FROM audit_events), (SELECT count(*) FROM outbox))) AS f`,
  );
  return (rows[0] as { f: string }).f;
}

const rows = Object.keys(table);
const cases = rows.flatMap((row) => roles.flatMap((role) => placements.map((place) => ({ row, role, place }))));

describe('the authorization table', () => {
  it('covers every endpoint: each has a row, or is public', () => {
    const covered = new Set(rows.map((r) => r.split(' ')[0]));
    const missing = endpointIds.filter((id) => !covered.has(id) && !publicEndpoints.includes(id));
    expect(missing).toEqual([]);
    for (const row of rows) expect(situations[row], `a situation for "${row}"`).toBeDefined();
  });

  it.each(cases)('$row: $role ($place)', async ({ row, role, place }) => {
    const want = parseRow(table[row] as Row, role)[place];
    const request = await (situations[row] as (p: Placement, r: Role) => Promise<Request>)(place, role);
    const isWrite = request.method !== 'GET';
    const before = isWrite && want !== 'ok' ? await fingerprint() : '';
    const res = await send(clients[role][place], request);
    expect(outcome(res, request), res.body.slice(0, 300)).toBe(want);
    if (isWrite && want !== 'ok') expect(await fingerprint(), 'a denied write changed nothing').toBe(before);
  });
});

describe('anonymous callers', () => {
  it.each(endpointIds.filter((id) => !publicEndpoints.includes(id)))('get 401 from %s, before their input is read', async (id) => {
    const e: Endpoint = endpoints[id];
    const pre = await preSignIn(ctx.app);
    const anon = clientFor(ctx.app, pre.cookie, pre.csrf);
    const at = fillPath(e.path, {
      id: world.agreement.id,
      areaId: world.area.id,
      taskId: world.area.id,
      entryId: world.area.id,
      fileId: world.area.id,
      versionId: world.area.id,
      importId: world.area.id,
    });
    const res = await send(anon, { method: e.method, url: at, body: { nonsense: true }, ifMatch: e.versioned });
    expect(res.statusCode).toBe(401);
  });

  it.each(publicEndpoints)('may call %s', async (id) => {
    const e: Endpoint = endpoints[id];
    const pre = await preSignIn(ctx.app);
    const res = await send(clientFor(ctx.app, pre.cookie, pre.csrf), {
      method: e.method,
      url: e.path,
      body: id === 'signIn' ? { email: 'nobody@example.vn', password: 'x' } : undefined,
    });
    // Signing in with a wrong password is 401 by design (INVALID_CREDENTIALS), not "sign in first".
    if (id === 'signIn') expect((res.json() as { error: { code: string } }).error.code).toBe('INVALID_CREDENTIALS');
    else expect(res.statusCode).toBeLessThan(300);
  });
});

describe('the policy as people expect it', () => {
  it('answers 404 for an unrelated agreement exactly as for a missing one', async () => {
    const outsider = clients.coordinator.unrelated;
    const hidden = await outsider.get(`/api/agreements/${world.agreement.id}`);
    const missing = await outsider.get('/api/agreements/00000000-0000-4000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
  });

  it('does not let a task of one agreement be reached through another agreement', async () => {
    const other = await agreementOf();
    const task = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    expect((await clients.admin.government.get(`/api/agreements/${other.id}/tasks/${task.id}`)).statusCode).toBe(404);
  });

  it('lets a unit officer edit the tasks their unit leads but not hand them to another unit', async () => {
    const t = await taskIn(world.agreement.id, world.area.id, 'enterprise', 'enterprise');
    const res = await clients.unit_officer.enterprise.patch(
      `/api/agreements/${world.agreement.id}/tasks/${t.id}`,
      { leadUnitId: world.branch.id },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(403);
  });

  it('presents with the agreement what the viewer may do to it, operation by operation', async () => {
    const permissions = async (c: Client) => (await c.get(`/api/agreements/${world.agreement.id}`)).json() as { permissions: unknown };
    // Written from the policy table as a reviewer reads it, not computed with can().
    const all = { update: true, changeStatus: true, writeAreas: true, createTasks: true, importPlan: true };
    const none = { update: false, changeStatus: false, writeAreas: false, createTasks: false, importPlan: false };
    expect((await permissions(clients.coordinator.government)).permissions).toEqual({ side: 'government', allowed: all });
    expect((await permissions(clients.coordinator.enterprise)).permissions).toEqual({ side: 'enterprise', allowed: all });
    expect((await permissions(clients.unit_officer.government)).permissions).toEqual({ side: 'government', allowed: none });
    expect((await permissions(clients.observer.government)).permissions).toEqual({ side: 'government', allowed: none });
    expect((await permissions(clients.admin.unrelated)).permissions).toEqual({ side: null, allowed: all });
  });

  it('presents with each task what the viewer may do to it, operation by operation', async () => {
    const gov = await taskIn(world.agreement.id, world.area.id, 'government', 'government');
    const ent = await taskIn(world.agreement.id, world.area.id, 'enterprise', 'enterprise');
    const allowed = async (c: Client, id: string) =>
      ((await c.get(`/api/agreements/${world.agreement.id}/tasks/${id}`)).json() as { allowed: Record<string, boolean> }).allowed;
    const none = { update: false, move: false, addSubtask: false, delete: false, deliver: false, review: false, waive: false };
    expect(await allowed(clients.coordinator.government, gov.id)).toEqual({
      ...none,
      update: true,
      move: true,
      addSubtask: true,
      delete: true,
      deliver: true,
      waive: true,
    });
    expect(await allowed(clients.coordinator.government, ent.id)).toEqual(none);
    expect(await allowed(clients.unit_officer.enterprise, ent.id)).toEqual({ ...none, update: true, deliver: true });
    expect(await allowed(clients.observer.unrelated, gov.id)).toEqual(none);
    // Delivered by the enterprise side: the province's coordinator may review it, the enterprise's may not.
    await ctx.db.query(
      `UPDATE tasks SET delivered_on = '2025-11-01', delivered_by_side = 'enterprise', delivered_version = version WHERE id = $1`,
      [ent.id],
    );
    expect(await allowed(clients.coordinator.government, ent.id)).toEqual({ ...none, review: true });
    expect(await allowed(clients.coordinator.enterprise, ent.id)).toMatchObject({ review: false, deliver: false });
  });
});
