import { fieldIssue, type ErrorCode, type FieldIssueKey } from '@accord/domain';

/**
 * Every database error that input can cause, as a coded answer: a rule of the data that slipped
 * past validation is the client's 400 or 409, never a 500. SQL text never reaches the answer.
 */

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  table?: string;
}

/** Table-level rules (not named after one column) and the field a person would correct. */
const constraintFields: Record<string, string> = {
  agreements_check: 'periodEnd',
  tasks_check: 'dueDate',
  agreements_check1: 'predecessorId',
  agreements_check2: 'parentId',
  tasks_check1: 'parentId',
  organisations_check: 'successorId',
  organisations_check1: 'parentId',
};

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The field a constraint is about: from the table of table-level rules, or the column in its name. */
function fieldOf(e: PgError): string {
  if (e.constraint && constraintFields[e.constraint]) return constraintFields[e.constraint] as string;
  if (e.column) return camel(e.column);
  const table = e.table ?? '';
  const match = e.constraint && table ? new RegExp(`^${table}_(.+)_(check|key|fkey|idx)$`).exec(e.constraint) : null;
  return match?.[1] ? camel(match[1]) : 'body';
}

/** SQLSTATE → the answer, by class: 22 data exceptions, 23 integrity rules, 40 transaction rollbacks. */
const byState: Record<string, { code: ErrorCode; issue?: FieldIssueKey; message: string }> = {
  '22P05': { code: 'MALFORMED_REQUEST', message: 'The request contains characters or values that cannot be stored.' },
  '22021': { code: 'MALFORMED_REQUEST', message: 'The request contains characters or values that cannot be stored.' },
  '22P02': { code: 'MALFORMED_REQUEST', message: 'The request contains characters or values that cannot be stored.' },
  '22001': { code: 'VALIDATION_FAILED', issue: 'tooLong', message: 'A value is longer than can be stored.' },
  '22003': { code: 'VALIDATION_FAILED', issue: 'outOfRange', message: 'A number is out of the range that can be stored.' },
  '22007': { code: 'VALIDATION_FAILED', issue: 'invalidDate', message: 'A date or time is not valid.' },
  '22008': { code: 'VALIDATION_FAILED', issue: 'invalidDate', message: 'A date or time is out of the range that can be stored.' },
  '23502': { code: 'VALIDATION_FAILED', issue: 'required', message: 'A required value is missing.' },
  '23503': { code: 'VALIDATION_FAILED', issue: 'missingReference', message: 'The request refers to something that does not exist.' },
  '23505': { code: 'CONFLICT', issue: 'notUnique', message: 'This is already used by another record.' },
  '23514': { code: 'VALIDATION_FAILED', issue: 'constraint', message: 'A value breaks a rule of the data.' },
  '23P01': { code: 'CONFLICT', issue: 'constraint', message: 'This overlaps with another record.' },
  '40001': { code: 'CONFLICT', message: 'Someone else changed the same records at the same moment. Try again.' },
  '40P01': { code: 'CONFLICT', message: 'Someone else changed the same records at the same moment. Try again.' },
};

export function databaseErrorOf(error: unknown): { code: ErrorCode; message: string; details?: unknown } | undefined {
  const e = error as PgError;
  if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return undefined;
  const known = byState[e.code];
  if (!known) return undefined;
  if (!known.issue) return { code: known.code, message: known.message };
  return { code: known.code, message: known.message, details: { issues: [fieldIssue(fieldOf(e), known.issue)] } };
}
