import { z } from 'zod';
import { agreementStatusSchema, reportCadenceSchema } from './agreement.js';
import { obligorSchema, orgRefSchema, taskSchema, taskStatuses, taskStatusSchema } from './plan.js';
import { fieldIssues } from './errors.js';
import { isoDate, optionalText, uuid } from './text.js';

/** How a task list can be ordered. Default: the nearest due date first, undated last. */
export const taskSortKeys = ['dueDate', 'title', 'status', 'updatedAt', 'deliveredOn'] as const;
export type TaskSortKey = (typeof taskSortKeys)[number];

/** `status=not_started,in_progress`: one or more statuses, comma-separated. */
const statusList = z
  .string()
  .max(200)
  .transform((v) => [
    ...new Set(
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(taskStatusSchema).min(1).max(taskStatuses.length));

/** A list's place as the server wrote it (`next`): opaque, URL-safe. */
const taskListCursor = z
  .string()
  .max(2000)
  .regex(/^[A-Za-z0-9_-]+$/, fieldIssues.invalid);

/** The order a task list is in when none (or no direction) is asked for. */
export function taskListOrder(
  sort: TaskSortKey | undefined,
  order: 'asc' | 'desc' | undefined,
  defaultSort: TaskSortKey = 'dueDate',
): { sort: TaskSortKey; order: 'asc' | 'desc' } {
  const key = sort ?? defaultSort;
  return { sort: key, order: order ?? (key === 'updatedAt' ? 'desc' : 'asc') };
}

const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

const taskFilters = {
  q: optionalText(200),
  status: statusList.optional(),
  /** Overdue (true) or not (false): the same as asking for the status `overdue`, or every other. */
  overdue: booleanFlag.optional(),
  /** Stale (true): under way, not reported in the current reporting cycle; false: every other task. */
  stale: booleanFlag.optional(),
  /** The party that owes the work: the province's side, the partner's, or both (joint). */
  obligor: obligorSchema.optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  sort: z.enum(taskSortKeys).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /**
   * Where the page starts: the `next` of the page before, in the same order. The list then goes on
   * from that task's place (a keyset), not by counting past every task before it; `page` still
   * names the page for the "51–100 of …" a pager shows.
   */
  after: taskListCursor.optional(),
};

/** GET /api/agreements/:id/tasks: one agreement's tasks as a flat list. */
export const agreementTaskListQuery = z.object({
  ...taskFilters,
  /** Tasks led by this unit or a unit below it. */
  leadUnitId: uuid.optional(),
  areaId: uuid.optional(),
});
export type AgreementTaskListQuery = z.infer<typeof agreementTaskListQuery>;

/** GET /api/tasks: tasks across every agreement the user can read, led by one unit (default: the user's own). */
export const unitTaskListQuery = z.object({
  ...taskFilters,
  /** Tasks led by this unit or a unit below it; default the signed-in user's organisation. */
  leadUnitId: uuid.optional(),
});
export type UnitTaskListQuery = z.infer<typeof unitTaskListQuery>;

/**
 * GET /api/acceptance: delivered products waiting for acceptance, in the agreements the user's
 * organisation is a party to. `mine`: delivered by the other side, for the user's side to accept;
 * `theirs`: delivered by the user's side, still waiting for the other. The longest waiting first.
 */
export const acceptanceQueueQuery = z.object({
  waiting: z.enum(['mine', 'theirs']).default('mine'),
  q: optionalText(200),
  sort: z.enum(taskSortKeys).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: taskFilters.page,
  pageSize: taskFilters.pageSize,
  after: taskFilters.after,
});
export type AcceptanceQueueQuery = z.infer<typeof acceptanceQueueQuery>;

/** GET /api/agreements/:id/reporting: the current reporting cycle and each lead unit's tasks under way and stale. */
export const unitReportingSchema = z.object({
  /** null: tasks with no lead unit. */
  unit: orgRefSchema.nullable(),
  /** Open, started, not delivered. */
  underway: z.number().int(),
  /** Of those, not reported in the current cycle. */
  stale: z.number().int(),
});
export type UnitReporting = z.infer<typeof unitReportingSchema>;

/** What one party owes in an agreement: its tasks by where they stand (the two-sided view). */
export const obligorCountsSchema = z.object({
  obligor: obligorSchema,
  total: z.number().int(),
  /** Not started, in progress or at risk: owed, not late yet. */
  owing: z.number().int(),
  overdue: z.number().int(),
  /** Delivered, waiting for the other party's acceptance. */
  delivered: z.number().int(),
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
  /** Paused or cancelled. */
  stopped: z.number().int(),
});
export type ObligorCounts = z.infer<typeof obligorCountsSchema>;

export const agreementReportingSchema = z.object({
  /** Each party's tasks (government, enterprise, joint; every one, even with no task). */
  byObligor: z.array(obligorCountsSchema),
  cadence: reportCadenceSchema,
  /** The current cycle: from this day to the day before the next starts (yyyy-mm-dd, in Việt Nam). */
  cycleStart: isoDate,
  cycleEnd: isoDate,
  units: z.array(unitReportingSchema),
  underway: z.number().int(),
  stale: z.number().int(),
});
export type AgreementReporting = z.infer<typeof agreementReportingSchema>;

export const taskListItemSchema = taskSchema.extend({
  agreementTitle: z.string(),
  areaTitle: z.string(),
  /** Its status is overdue: due before today (Asia/Ho_Chi_Minh), not delivered, paused or cancelled. */
  overdue: z.boolean(),
});
export type TaskListItem = z.infer<typeof taskListItemSchema>;

export const taskListSchema = z.object({
  items: z.array(taskListItemSchema),
  /** The matches, counted up to a bound (1,000, or the end of the page after the one asked for when further). */
  total: z.number().int(),
  /** More match than `total`: the count stopped at its bound ("more than 1,000"). */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The `after` that asks for the page after this one; null on the last page. */
  next: z.string().nullable(),
});
export type TaskList = z.infer<typeof taskListSchema>;

/** GET /api/search: agreements and tasks the user can read, matched without regard to diacritics. */
export const searchQuery = z.object({
  q: z
    .string()
    .max(200)
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(2)),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const agreementHitSchema = z.object({
  id: uuid,
  title: z.string(),
  status: agreementStatusSchema,
  signedOn: isoDate.nullable(),
  /** The parties as signed, in order. */
  partyNames: z.array(z.string()),
});
export type AgreementHit = z.infer<typeof agreementHitSchema>;

export const taskHitSchema = z.object({
  id: uuid,
  agreementId: uuid,
  agreementTitle: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  status: taskStatusSchema,
  dueDate: isoDate.nullable(),
  leadUnit: orgRefSchema.nullable(),
});
export type TaskHit = z.infer<typeof taskHitSchema>;

/** A group of hits: the first ones, and how many match in all, counted up to a bound. */
const hitsOf = <T extends z.ZodType>(hit: T) =>
  z.object({
    items: z.array(hit),
    total: z.number().int(),
    /** More match than `total`: the count stopped at its bound ("more than 1,000"). */
    totalCapped: z.boolean(),
  });

export const searchResultSchema = z.object({
  agreements: hitsOf(agreementHitSchema),
  tasks: hitsOf(taskHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
