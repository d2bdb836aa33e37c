import { todayInVietnam, todaySql } from './task-status.js';

/**
 * The rules of carrying out a plan, worked out from the facts of each task: the status a task is
 * in today, a parent's progress from its sub-tasks, and whether a task is clear in the "5 rõ".
 * Pure functions with "now" passed in (dates are calendar days in Việt Nam); the status has an SQL
 * twin (`derivedStatusSql`) so that lists filter, count and sort by it in the database, and a test
 * checks that both give the same answer on the same rows (apps/server/test/derived-status.test.ts).
 */

/** What a task is, worked out; stored facts never say "overdue" or "at risk" themselves. */
export const derivedStatuses = [
  'not_started',
  'in_progress',
  'at_risk',
  'overdue',
  'delivered',
  'completed_on_time',
  'completed_late',
  'paused',
  'cancelled',
] as const;
export type DerivedStatus = (typeof derivedStatuses)[number];

/** The statuses in which a task still owes its work (a delivered product still waits for acceptance). */
export const owingStatuses: readonly DerivedStatus[] = ['not_started', 'in_progress', 'at_risk', 'overdue'];

/** Per agreement: how near the due date a task is at risk, and how far behind the expected progress. */
export interface StatusRules {
  /** A task due within this many days (today included) and not delivered is at risk. */
  atRiskDays: number;
  /** A task whose progress is more than this many points behind the progress expected by today is at risk. */
  progressMargin: number;
}

export const defaultStatusRules: StatusRules = { atRiskDays: 7, progressMargin: 20 };

/** The facts a status is worked out from. Dates are yyyy-mm-dd, calendar days in Việt Nam. */
export interface StatusFacts {
  /** Set by a person: the task is being worked on, is paused, or is cancelled (with a reason kept elsewhere). */
  state: 'open' | 'paused' | 'cancelled';
  /** 0–100, reported by the lead unit (or rolled up from the sub-tasks). */
  progress: number;
  startDate: string | null;
  dueDate: string | null;
  /** The day the lead unit marked the product delivered; null when not (or when it was rejected since). */
  deliveredOn: string | null;
  /** The day the other party accepted it; only an accepted task is completed. */
  acceptedOn: string | null;
  /** Someone has reported on it or set it in progress, even at 0 %. */
  started: boolean;
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (both yyyy-mm-dd), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` after `date` (yyyy-mm-dd). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The progress expected of a task by `today`: nothing before its start, everything from its due
 * date on, a straight line between. Null when either date is missing (nothing is expected then).
 * A task starting and due on one day is expected done on that day.
 */
export function expectedProgress(startDate: string | null, dueDate: string | null, today: string): number | null {
  if (startDate === null || dueDate === null) return null;
  if (today < startDate) return 0;
  if (today >= dueDate) return 100;
  const span = daysBetween(startDate, dueDate);
  // Integer over integer, so a half is exactly a half and rounds as PostgreSQL's round() does.
  return span <= 0 ? 100 : Math.round((daysBetween(startDate, today) * 100) / span);
}

/**
 * The status of a task today. In order: cancelled and paused, as set; accepted, completed on time
 * when delivered by its due date, late otherwise; delivered and waiting for acceptance; overdue
 * (due before today); at risk (due within `atRiskDays`, or behind the expected progress by more
 * than `progressMargin`); in progress (started, or any progress); not started.
 */
export function deriveStatus(facts: StatusFacts, today: string, rules: StatusRules = defaultStatusRules): DerivedStatus {
  if (facts.state === 'cancelled') return 'cancelled';
  if (facts.state === 'paused') return 'paused';
  if (facts.acceptedOn !== null && facts.deliveredOn !== null) {
    return facts.dueDate === null || facts.deliveredOn <= facts.dueDate ? 'completed_on_time' : 'completed_late';
  }
  if (facts.deliveredOn !== null) return 'delivered';
  if (facts.dueDate !== null && facts.dueDate < today) return 'overdue';
  if (facts.dueDate !== null && daysBetween(today, facts.dueDate) < rules.atRiskDays) return 'at_risk';
  const expected = expectedProgress(facts.startDate, facts.dueDate, today);
  if (expected !== null && expected - facts.progress > rules.progressMargin) return 'at_risk';
  return facts.started || facts.progress > 0 ? 'in_progress' : 'not_started';
}

/** The status of a task now, today being the calendar day in Việt Nam. */
export function statusNow(facts: StatusFacts, now: Date, rules: StatusRules = defaultStatusRules): DerivedStatus {
  return deriveStatus(facts, todayInVietnam(now), rules);
}

/** Column expressions of a tasks row (or any row source) that `derivedStatusSql` reads. */
export interface StatusColumns {
  state: string;
  progress: string;
  startDate: string;
  dueDate: string;
  deliveredOn: string;
  acceptedOn: string;
  started: string;
}

/**
 * The SQL twin of `deriveStatus`: a CASE over the given column expressions, `today` a date
 * expression (today in Việt Nam by default), the rules as numbers (or parameter references).
 */
export function derivedStatusSql(
  c: StatusColumns,
  rules: { atRiskDays: number | string; progressMargin: number | string } = defaultStatusRules,
  today: string = todaySql,
): string {
  // Expected progress: 0 before the start, 100 from the due date on, the straight line between.
  const expected = `CASE WHEN ${today} < ${c.startDate} THEN 0 WHEN ${today} >= ${c.dueDate} THEN 100
      WHEN ${c.dueDate} - ${c.startDate} <= 0 THEN 100
      ELSE round((${today} - ${c.startDate})::numeric * 100 / (${c.dueDate} - ${c.startDate})) END`;
  return `(CASE
    WHEN ${c.state} = 'cancelled' THEN 'cancelled'
    WHEN ${c.state} = 'paused' THEN 'paused'
    WHEN ${c.acceptedOn} IS NOT NULL AND ${c.deliveredOn} IS NOT NULL THEN
      CASE WHEN ${c.dueDate} IS NULL OR ${c.deliveredOn} <= ${c.dueDate} THEN 'completed_on_time' ELSE 'completed_late' END
    WHEN ${c.deliveredOn} IS NOT NULL THEN 'delivered'
    WHEN ${c.dueDate} IS NOT NULL AND ${c.dueDate} < ${today} THEN 'overdue'
    WHEN ${c.dueDate} IS NOT NULL AND ${c.dueDate} - ${today} < ${rules.atRiskDays} THEN 'at_risk'
    WHEN ${c.startDate} IS NOT NULL AND ${c.dueDate} IS NOT NULL AND ${expected} - ${c.progress} > ${rules.progressMargin} THEN 'at_risk'
    WHEN ${c.started} OR ${c.progress} > 0 THEN 'in_progress'
    ELSE 'not_started' END)`;
}

/** The statuses worked out from the agreement's rules (the others follow from the facts alone). */
const ruledStatuses: readonly DerivedStatus[] = ['not_started', 'in_progress', 'at_risk'];

/**
 * SQL true for the rows whose status is one of `statuses`, as cheap as the set allows: each status
 * but the three that need the agreement's rules is a plain condition on the facts (cancelled,
 * paused, completed on time or late, delivered, overdue), and the three together are too ("open,
 * not delivered, not overdue"), so the owing statuses — the list a unit opens first — are just
 * "open and not delivered" and read from the index alone. Only a set holding some but not all of
 * the ruled three works the status out row by row. `usesRules`: the SQL reads the rules.
 * Held to `deriveStatus` over a grid of facts by apps/server/test/derived-status.test.ts.
 */
export function statusFilterSql(
  c: StatusColumns,
  statuses: readonly DerivedStatus[],
  rules: { atRiskDays: number | string; progressMargin: number | string } = defaultStatusRules,
  today: string = todaySql,
): { sql: string; usesRules: boolean } {
  const want = new Set(statuses);
  const open = `${c.state} = 'open'`;
  const pending = `${open} AND ${c.deliveredOn} IS NULL`;
  const overdue = `${c.dueDate} IS NOT NULL AND ${c.dueDate} < ${today}`;
  const completed = `${open} AND ${c.acceptedOn} IS NOT NULL AND ${c.deliveredOn} IS NOT NULL`;
  const parts: string[] = [];
  if (want.has('cancelled')) parts.push(`${c.state} = 'cancelled'`);
  if (want.has('paused')) parts.push(`${c.state} = 'paused'`);
  if (want.has('completed_on_time')) parts.push(`${completed} AND (${c.dueDate} IS NULL OR ${c.deliveredOn} <= ${c.dueDate})`);
  if (want.has('completed_late')) parts.push(`${completed} AND ${c.dueDate} IS NOT NULL AND ${c.deliveredOn} > ${c.dueDate}`);
  if (want.has('delivered')) parts.push(`${open} AND ${c.deliveredOn} IS NOT NULL AND ${c.acceptedOn} IS NULL`);
  const ruled = ruledStatuses.filter((s) => want.has(s));
  let usesRules = false;
  if (want.has('overdue') && ruled.length === ruledStatuses.length) {
    parts.push(pending);
  } else {
    if (want.has('overdue')) parts.push(`${pending} AND ${overdue}`);
    if (ruled.length === ruledStatuses.length) parts.push(`${pending} AND NOT (${overdue})`);
    else if (ruled.length > 0) {
      usesRules = true;
      const names = ruled.map((s) => `'${s}'`).join(',');
      parts.push(`${pending} AND NOT (${overdue}) AND ${derivedStatusSql(c, rules, today)} IN (${names})`);
    }
  }
  if (parts.length === 0) return { sql: 'FALSE', usesRules: false };
  return { sql: `(${parts.map((p) => `(${p})`).join(' OR ')})`, usesRules };
}

/** A task in a plan tree, for the progress roll-up. */
export interface ProgressNode {
  id: string;
  parentId: string | null;
  /** The task's own progress, 0–100: what its lead unit reported; ignored once it has sub-tasks. */
  progress: number;
  /** Its weight among its siblings (set by the coordinator): 1 by default; 0 counts for nothing. */
  weight: number;
  /** A cancelled sub-task is left out of its parent's progress. */
  cancelled: boolean;
}

/**
 * Every task's progress, a parent's being the weighted mean of its sub-tasks' (rolled up from
 * the leaves, so it cannot be typed over): cancelled sub-tasks left out; when every remaining
 * sub-task weighs 0, they count equally; a parent with no sub-task left keeps its own. Rounded to
 * one decimal at the end only, so a parent is never outside the range of its sub-tasks.
 */
export function rollUpProgress(nodes: readonly ProgressNode[]): Map<string, number> {
  const children = new Map<string, ProgressNode[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const exact = new Map<string, number>();
  const clamp = (p: number) => Math.min(100, Math.max(0, Number.isFinite(p) ? p : 0));
  const visit = (n: ProgressNode, path: Set<string>): number => {
    const known = exact.get(n.id);
    if (known !== undefined) return known;
    if (path.has(n.id)) throw new Error(`The plan tree has a cycle through task ${n.id}`);
    path.add(n.id);
    const counted = (children.get(n.id) ?? []).filter((c) => !c.cancelled);
    let value: number;
    if (counted.length === 0) {
      value = clamp(n.progress);
    } else {
      const values = counted.map((c) => visit(c, path));
      const weights = counted.map((c) => (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0));
      const total = weights.reduce((a, b) => a + b, 0);
      value =
        total > 0
          ? values.reduce((sum, v, i) => sum + v * (weights[i] as number), 0) / total
          : values.reduce((a, b) => a + b, 0) / values.length;
    }
    path.delete(n.id);
    exact.set(n.id, value);
    return value;
  };
  for (const n of nodes) visit(n, new Set());
  return new Map([...exact].map(([id, v]) => [id, Math.round(v * 10) / 10]));
}

/** The "5 rõ" (five clears) of a task, and the sixth an agreement may switch on. */
export const clarityCriteria = ['person', 'work', 'time', 'responsibility', 'result', 'authority'] as const;
export type ClarityCriterion = (typeof clarityCriteria)[number];

/** Why a criterion fails: a stable key the web app words in the user's language. */
export type ClarityProblem =
  | 'noResponsiblePerson'
  | 'noDescription'
  | 'descriptionIsTitle'
  | 'noStartDate'
  | 'noDueDate'
  | 'noLeadUnit'
  | 'noExpectedProduct'
  | 'noDecisionMaker';

export interface ClarityFacts {
  title: string;
  description: string | null;
  responsiblePerson: string | null;
  startDate: string | null;
  dueDate: string | null;
  leadUnitId: string | null;
  expectedProduct: string | null;
  /** Who decides (the sixth criterion, when the agreement asks for it). */
  decidedBy?: string | null;
}

export interface ClarityCheck {
  criterion: ClarityCriterion;
  problems: ClarityProblem[];
}

export interface Clarity {
  checks: ClarityCheck[];
  /** Criteria met, out of those checked. */
  met: number;
  of: number;
  clear: boolean;
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';
const comparable = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;,]+$/, '');

/**
 * Whether a task is clear in each of the "5 rõ" — person (a named responsible person), work (a
 * description of the work, not only its title), time (start and due dates), responsibility (a
 * lead unit), result (an expected product) — and, when `withAuthority`, who decides.
 */
export function checkClarity(t: ClarityFacts, { withAuthority = false }: { withAuthority?: boolean } = {}): Clarity {
  const work: ClarityProblem[] = blank(t.description)
    ? ['noDescription']
    : comparable(t.description as string) === comparable(t.title)
      ? ['descriptionIsTitle']
      : [];
  const checks: ClarityCheck[] = [
    { criterion: 'person', problems: blank(t.responsiblePerson) ? ['noResponsiblePerson'] : [] },
    { criterion: 'work', problems: work },
    {
      criterion: 'time',
      problems: [...(t.startDate === null ? (['noStartDate'] as const) : []), ...(t.dueDate === null ? (['noDueDate'] as const) : [])],
    },
    { criterion: 'responsibility', problems: t.leadUnitId === null ? ['noLeadUnit'] : [] },
    { criterion: 'result', problems: blank(t.expectedProduct) ? ['noExpectedProduct'] : [] },
  ];
  if (withAuthority) checks.push({ criterion: 'authority', problems: blank(t.decidedBy) ? ['noDecisionMaker'] : [] });
  const met = checks.filter((c) => c.problems.length === 0).length;
  return { checks, met, of: checks.length, clear: met === checks.length };
}

/** How many criteria the check counts: the "5 rõ", and who decides when the agreement asks. */
export function clarityCriteriaCount(withAuthority: boolean): number {
  const blankTask = {
    title: '',
    description: null,
    responsiblePerson: null,
    startDate: null,
    dueDate: null,
    leadUnitId: null,
    expectedProduct: null,
  };
  return checkClarity(blankTask, { withAuthority }).of;
}

/**
 * What is kept of a task's check with the task, so that a plan's tally is a sum the database
 * works out: the criteria met without who decides, and with it. Written with every write of the
 * facts it is worked out from.
 */
export function storedClarity(t: ClarityFacts): { met: number; metWithAuthority: number } {
  return { met: checkClarity(t).met, metWithAuthority: checkClarity(t, { withAuthority: true }).met };
}
