import type { Operation } from '../policy.js';

/**
 * Every endpoint of the API, without its schemas: method, path, the policy operation it checks
 * (or `public`), and whether an edit must say which version it changes. Zod-free, so the web
 * client imports it; `contracts.ts` adds the schemas. A route whose entry names no operation
 * and is not public fails the suite (apps/server/test/contracts.test.ts).
 */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** The policy operation the service checks first, or 'public' (no session needed). */
  operation: Operation | 'public';
  /** An edit of an existing record: If-Match (or a body `version`) required, 412 when stale. */
  versioned?: boolean;
  /** Answer status on success. */
  status?: 200 | 201 | 204;
  tag: 'auth' | 'system' | 'organisations' | 'agreements' | 'plan' | 'tasks' | 'thread' | 'history' | 'search';
  summary: string;
}

const e = <const T extends Record<string, Endpoint>>(table: T) => table;

export const endpoints = e({
  getCsrf: {
    method: 'GET',
    path: '/api/auth/csrf',
    operation: 'public',
    tag: 'auth',
    summary: 'A CSRF token for signing in (also set as a cookie)',
  },
  signIn: { method: 'POST', path: '/api/auth/sign-in', operation: 'public', tag: 'auth', summary: 'Sign in with e-mail and password' },
  signOut: {
    method: 'POST',
    path: '/api/auth/sign-out',
    operation: 'public',
    status: 204,
    tag: 'auth',
    summary: 'Sign out and end the session',
  },
  getSession: { method: 'GET', path: '/api/auth/session', operation: 'session.read', tag: 'auth', summary: 'The signed-in user' },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    operation: 'account.changePassword',
    status: 204,
    tag: 'auth',
    summary: "Change one's own password (the current one is asked for); every other session of the user ends",
  },
  listSecurityEvents: {
    method: 'GET',
    path: '/api/security-events',
    operation: 'security.read',
    tag: 'system',
    summary: 'The security log, newest first: sign-ins, lockouts, refusals, administrative actions (administrators)',
  },
  getHealth: {
    method: 'GET',
    path: '/api/health',
    operation: 'public',
    tag: 'system',
    summary: 'Readiness: the database answers and every migration is applied (503 with a code when not)',
  },
  getLiveness: {
    method: 'GET',
    path: '/api/health/live',
    operation: 'public',
    tag: 'system',
    summary: 'Liveness: the process answers (asks nothing of the database)',
  },

  listOrganisations: {
    method: 'GET',
    path: '/api/organisations',
    operation: 'organisation.read',
    tag: 'organisations',
    summary: 'Organisations of both sides (a flat list; parentId makes the tree)',
  },
  getOrganisation: {
    method: 'GET',
    path: '/api/organisations/:id',
    operation: 'organisation.read',
    tag: 'organisations',
    summary: 'One organisation',
  },
  createOrganisation: {
    method: 'POST',
    path: '/api/organisations',
    operation: 'organisation.manage',
    status: 201,
    tag: 'organisations',
    summary: 'Add an organisation (administrator)',
  },
  updateOrganisation: {
    method: 'PATCH',
    path: '/api/organisations/:id',
    operation: 'organisation.manage',
    versioned: true,
    tag: 'organisations',
    summary: 'Edit, dissolve or merge an organisation (administrator)',
  },

  listAgreements: {
    method: 'GET',
    path: '/api/agreements',
    operation: 'agreement.list',
    tag: 'agreements',
    summary: 'Agreements the user may see; q ignores diacritics and case',
  },
  createAgreement: {
    method: 'POST',
    path: '/api/agreements',
    operation: 'agreement.create',
    status: 201,
    tag: 'agreements',
    summary: 'Create an agreement (draft)',
  },
  getAgreement: { method: 'GET', path: '/api/agreements/:id', operation: 'agreement.read', tag: 'agreements', summary: 'One agreement' },
  updateAgreement: {
    method: 'PATCH',
    path: '/api/agreements/:id',
    operation: 'agreement.update',
    versioned: true,
    tag: 'agreements',
    summary: 'Edit an agreement; send If-Match (its ETag) or version; 412 when someone else changed it',
  },
  changeAgreementStatus: {
    method: 'POST',
    path: '/api/agreements/:id/status',
    operation: 'agreement.changeStatus',
    versioned: true,
    tag: 'agreements',
    summary: 'Change status: draft → signed → in force → completed / expired / terminated',
  },

  getPlan: {
    method: 'GET',
    path: '/api/agreements/:id/plan',
    operation: 'agreement.read',
    tag: 'plan',
    summary: 'The joint plan at once: areas with their whole task trees (a plan page asks for the outline and the areas instead)',
  },
  getPlanOutline: {
    method: 'GET',
    path: '/api/agreements/:id/plan/outline',
    operation: 'agreement.read',
    tag: 'plan',
    summary: 'The plan without its tasks: each area with its task counts and "5 rõ" tally, and the plan\'s lead units (ETag, 304)',
  },
  getPlanAreaTasks: {
    method: 'GET',
    path: '/api/agreements/:id/plan/areas/:areaId/tasks',
    operation: 'agreement.read',
    tag: 'plan',
    summary:
      "A page of an area's tasks: top-level tasks from `from`, `limit` of them, each with its sub-tasks; `next` starts the next page (ETag, 304)",
  },
  exportPlan: {
    method: 'GET',
    path: '/api/agreements/:id/plan.xlsx',
    operation: 'agreement.read',
    tag: 'plan',
    summary: "The joint plan as an Excel workbook (XLSX): the offices' columns (STT … Ghi chú) and Accord's, numbered 1, 1.1, 1.1.1",
  },
  getPlanApproval: {
    method: 'GET',
    path: '/api/agreements/:id/plan/approval',
    operation: 'agreement.read',
    tag: 'plan',
    summary: "Where the plan's approval stands: the version waiting, each side's decision, every version, and what stops a submission",
  },
  submitPlan: {
    method: 'POST',
    path: '/api/agreements/:id/plan/versions',
    operation: 'plan.submit',
    status: 201,
    tag: 'plan',
    summary: 'Submit the plan as it stands for approval by both sides (refused while a task fails the "5 rõ" check and is not waived)',
  },
  approvePlanVersion: {
    method: 'POST',
    path: '/api/agreements/:id/plan/versions/:versionId/approve',
    operation: 'plan.decide',
    versioned: true,
    tag: 'plan',
    summary: "Approve the version waiting, for the user's side: approved once both sides have (If-Match)",
  },
  returnPlanVersion: {
    method: 'POST',
    path: '/api/agreements/:id/plan/versions/:versionId/return',
    operation: 'plan.decide',
    versioned: true,
    tag: 'plan',
    summary: 'Return the version waiting with reasons, for the plan to be changed and submitted again (If-Match)',
  },
  withdrawPlanVersion: {
    method: 'POST',
    path: '/api/agreements/:id/plan/versions/:versionId/withdraw',
    operation: 'plan.submit',
    versioned: true,
    tag: 'plan',
    summary: 'Take back a version waiting for decisions, by the side that submitted it (If-Match)',
  },
  getPlanDiff: {
    method: 'GET',
    path: '/api/agreements/:id/plan/diff',
    operation: 'agreement.read',
    tag: 'plan',
    summary:
      'What changed between two versions of the plan, or between a version and the plan now: tasks added, removed, changed (before → after)',
  },
  uploadPlanImport: {
    method: 'POST',
    path: '/api/agreements/:id/plan/imports',
    operation: 'plan.import',
    status: 201,
    tag: 'plan',
    summary:
      "Read a plan from an Excel workbook (the body is the file's bytes, ?name= its name) into a preview: every row, every problem by row and column; nothing of the plan changes",
  },
  checkPlanImport: {
    method: 'POST',
    path: '/api/agreements/:id/plan/imports/:importId/check',
    operation: 'plan.import',
    tag: 'plan',
    summary: 'The preview again, with the fixes typed in it applied to their cells; nothing changes',
  },
  applyPlanImport: {
    method: 'POST',
    path: '/api/agreements/:id/plan/imports/:importId/apply',
    operation: 'plan.import',
    versioned: true,
    tag: 'plan',
    summary:
      'Create the areas and tasks of a preview with its fixes, all or nothing: refused with every problem while one is an error; rows the plan has already are not created again (If-Match)',
  },
  createArea: {
    method: 'POST',
    path: '/api/agreements/:id/areas',
    operation: 'area.write',
    status: 201,
    tag: 'plan',
    summary: 'Add a cooperation area',
  },
  updateArea: {
    method: 'PATCH',
    path: '/api/agreements/:id/areas/:areaId',
    operation: 'area.write',
    versioned: true,
    tag: 'plan',
    summary: 'Edit a cooperation area (If-Match or version)',
  },
  deleteArea: {
    method: 'DELETE',
    path: '/api/agreements/:id/areas/:areaId',
    operation: 'area.write',
    versioned: true,
    status: 204,
    tag: 'plan',
    summary: 'Delete an area and its tasks (each kept in history; If-Match required)',
  },

  listAgreementTasks: {
    method: 'GET',
    path: '/api/agreements/:id/tasks',
    operation: 'agreement.read',
    tag: 'tasks',
    summary:
      "One agreement's tasks as a flat list: filter by status, lead unit (and the units below it), area, due dates, overdue or words; sort; page",
  },
  createTask: {
    method: 'POST',
    path: '/api/agreements/:id/tasks',
    operation: 'task.create',
    status: 201,
    tag: 'tasks',
    summary: 'Add a task under an area, or a sub-task under a task',
  },
  getTask: { method: 'GET', path: '/api/agreements/:id/tasks/:taskId', operation: 'agreement.read', tag: 'tasks', summary: 'One task' },
  updateTask: {
    method: 'PATCH',
    path: '/api/agreements/:id/tasks/:taskId',
    operation: 'task.update',
    versioned: true,
    tag: 'tasks',
    summary: 'Edit a task (If-Match or version; 412 on a stale version)',
  },
  moveTask: {
    method: 'POST',
    path: '/api/agreements/:id/tasks/:taskId/move',
    operation: 'task.move',
    versioned: true,
    tag: 'tasks',
    summary: 'Move a task (with its sub-tasks) to another area, parent or position',
  },
  deliverTask: {
    method: 'POST',
    path: '/api/agreements/:id/tasks/:taskId/deliver',
    operation: 'task.deliver',
    versioned: true,
    tag: 'tasks',
    summary: "Mark a task's product delivered, for the other party to accept (If-Match)",
  },
  acceptTask: {
    method: 'POST',
    path: '/api/agreements/:id/tasks/:taskId/accept',
    operation: 'task.review',
    versioned: true,
    tag: 'tasks',
    summary: 'Accept a delivered product: the task is completed (412 when it changed since it was delivered)',
  },
  rejectTask: {
    method: 'POST',
    path: '/api/agreements/:id/tasks/:taskId/reject',
    operation: 'task.review',
    versioned: true,
    tag: 'tasks',
    summary: 'Reject a delivered product with the reasons: the task goes back in progress',
  },
  waiveTaskClarity: {
    method: 'POST',
    path: '/api/agreements/:id/tasks/:taskId/waiver',
    operation: 'task.waive',
    versioned: true,
    tag: 'tasks',
    summary: 'Waive the "5 rõ" check of a task that fails it, with a reason kept in its history, so the plan can be submitted (If-Match)',
  },
  clearTaskWaiver: {
    method: 'DELETE',
    path: '/api/agreements/:id/tasks/:taskId/waiver',
    operation: 'task.waive',
    versioned: true,
    tag: 'tasks',
    summary: 'Take back a task\'s waiver of the "5 rõ" check (If-Match)',
  },
  deleteTask: {
    method: 'DELETE',
    path: '/api/agreements/:id/tasks/:taskId',
    operation: 'task.delete',
    versioned: true,
    status: 204,
    tag: 'tasks',
    summary: 'Delete a task and its sub-tasks (each kept in history; If-Match required)',
  },
  listUnitTasks: {
    method: 'GET',
    path: '/api/tasks',
    operation: 'task.list',
    tag: 'tasks',
    summary: "A unit's tasks across every agreement the user can read (default: the user's own organisation and the units below it)",
  },
  uploadFile: {
    method: 'POST',
    path: '/api/agreements/:id/tasks/:taskId/files',
    operation: 'file.upload',
    status: 201,
    tag: 'thread',
    summary:
      "Upload an evidence file (the body is the file's bytes, ?name= its name): its type is worked out from its bytes; it waits, seen by its uploader only, until an entry names it in fileIds",
  },
  downloadFile: {
    method: 'GET',
    path: '/api/agreements/:id/tasks/:taskId/files/:fileId',
    operation: 'agreement.read',
    tag: 'thread',
    summary:
      'Download an evidence file of an entry the user may see (or their own file not posted yet), checked against its SHA-256; ?disposition=inline shows an image',
  },
  deletePendingFile: {
    method: 'DELETE',
    path: '/api/agreements/:id/tasks/:taskId/files/:fileId',
    operation: 'file.upload',
    status: 204,
    tag: 'thread',
    summary: 'Take back a file uploaded and not posted yet (its uploader only)',
  },
  getAgreementReporting: {
    method: 'GET',
    path: '/api/agreements/:id/reporting',
    operation: 'agreement.read',
    tag: 'tasks',
    summary:
      "The two-sided view and the reporting cycle: each party's tasks by where they stand (owed, overdue, delivered, completed, stopped), the current reporting cycle, and for each lead unit its tasks under way and those not reported in this cycle (stale)",
  },
  listAcceptanceQueue: {
    method: 'GET',
    path: '/api/acceptance',
    operation: 'task.list',
    tag: 'tasks',
    summary:
      "Delivered products waiting for acceptance in the agreements the user's organisation is a party to: those the user's side must accept (waiting=mine), or those it delivered (waiting=theirs)",
  },

  getTaskThread: {
    method: 'GET',
    path: '/api/agreements/:id/tasks/:taskId/entries',
    operation: 'agreement.read',
    tag: 'thread',
    summary:
      "A task's thread, newest first: reports, comments, directions and the delivery steps (the other side's internal entries left out)",
  },
  postReport: {
    method: 'POST',
    path: '/api/agreements/:id/tasks/:taskId/reports',
    operation: 'entry.report',
    status: 201,
    tag: 'thread',
    summary: 'Report progress on a task: text, and optionally its progress and whether it goes ahead (applied to the task as an edit)',
  },
  postComment: {
    method: 'POST',
    path: '/api/agreements/:id/tasks/:taskId/comments',
    operation: 'entry.comment',
    status: 201,
    tag: 'thread',
    summary: "Comment in a task's thread (internal: seen by the writer's side only)",
  },
  postDirection: {
    method: 'POST',
    path: '/api/agreements/:id/tasks/:taskId/directions',
    operation: 'entry.direct',
    status: 201,
    tag: 'thread',
    summary: "A leader's direction (chỉ đạo) in a task's thread",
  },
  updateEntry: {
    method: 'PATCH',
    path: '/api/agreements/:id/tasks/:taskId/entries/:entryId',
    operation: 'entry.edit',
    versioned: true,
    tag: 'thread',
    summary: 'Correct an entry (its author, within minutes of posting; the earlier text stays in history)',
  },
  deleteEntry: {
    method: 'DELETE',
    path: '/api/agreements/:id/tasks/:taskId/entries/:entryId',
    operation: 'entry.edit',
    versioned: true,
    status: 204,
    tag: 'thread',
    summary: 'Withdraw an entry (its author, within minutes of posting; it stays in history)',
  },
  listAgreementPeople: {
    method: 'GET',
    path: '/api/agreements/:id/people',
    operation: 'agreement.people',
    tag: 'thread',
    summary: "The people of the agreement's parties, by name without regard to diacritics: whom an entry may point at (@name)",
  },

  getAgreementHistory: {
    method: 'GET',
    path: '/api/agreements/:id/history',
    operation: 'agreement.read',
    tag: 'history',
    summary: 'Every change to the agreement, its areas and tasks, newest first',
  },
  getTaskHistory: {
    method: 'GET',
    path: '/api/agreements/:id/tasks/:taskId/history',
    operation: 'agreement.read',
    tag: 'history',
    summary: 'Every change to one task, newest first (also after it was deleted)',
  },

  search: {
    method: 'GET',
    path: '/api/search',
    operation: 'search',
    tag: 'search',
    summary: 'Agreements and tasks containing every word of q, without regard to diacritics or case ("ca mau" finds "Cà Mau")',
  },
});

export type EndpointId = keyof typeof endpoints;
export const endpointIds = Object.keys(endpoints) as EndpointId[];

/**
 * Whether an endpoint takes an `Idempotency-Key`: every create and every other action that is not
 * idempotent by itself (a POST of a signed-in user). A retry with the same key and body replays
 * the first answer and changes nothing; the web client sends a key with each such call.
 */
export function takesIdempotencyKey(endpoint: Endpoint): boolean {
  return endpoint.method === 'POST' && endpoint.operation !== 'public';
}

/** An Idempotency-Key: 1 to 200 visible ASCII characters (a UUID is the usual choice). */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

/** A path with its `:name` parameters filled in, each encoded. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}
