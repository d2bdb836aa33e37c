/**
 * The one table of error codes. Each code maps to one HTTP status; the client translates
 * messages by code, the server's English message is a fallback for API users.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  AGREEMENT_NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  AREA_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  ENTRY_NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  PLAN_VERSION_NOT_FOUND: 404,
  IMPORT_NOT_FOUND: 404,
  INVALID_STATUS_TRANSITION: 409,
  INVALID_MOVE: 409,
  TASK_NOT_DELIVERABLE: 409,
  TASK_NOT_DELIVERED: 409,
  ENTRY_LOCKED: 409,
  FILE_QUOTA_EXCEEDED: 409,
  PLAN_ALREADY_SUBMITTED: 409,
  PLAN_EMPTY: 409,
  PLAN_NOT_READY: 409,
  PLAN_UNCHANGED: 409,
  PLAN_NOT_SUBMITTED: 409,
  PLAN_ALREADY_DECIDED: 409,
  TASK_CLEAR: 409,
  IMPORT_ALREADY_APPLIED: 409,
  CONFLICT: 409,
  VERSION_CONFLICT: 412,
  IDEMPOTENCY_KEY_REUSED: 422,
  IMPORT_UNREADABLE: 422,
  IMPORT_ENCRYPTED: 422,
  IMPORT_NO_HEADER: 422,
  IMPORT_HAS_PROBLEMS: 422,
  PRECONDITION_REQUIRED: 428,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_TOO_MANY_ROWS: 413,
  IMPORT_ZIP_BOMB: 413,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FILE_TYPE_NOT_ALLOWED: 415,
  IMPORT_NOT_XLSX: 415,
  IMPORT_MACRO_ENABLED: 415,
  SIGN_IN_THROTTLED: 429,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  FILE_CORRUPTED: 500,
  STORAGE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_TIMEOUT: 503,
  MIGRATIONS_PENDING: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** A domain error with a stable code; the HTTP layer turns it into the one error shape. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

/**
 * The fixed messages of field issues, by a key the web app translates (`fieldErrors.<key>`).
 * Server and schemas use these constants, so a client's translation cannot drift from them.
 */
export const fieldIssues = {
  dueBeforeStart: 'must not be before the start date',
  periodEndBeforeStart: 'must not be before the start of the period',
  alreadyParty: 'is already a party',
  unknownOrganisation: 'is not a known organisation',
  partiesSides: 'must include at least one government party and one enterprise party',
  notVisibleAgreement: 'is not an agreement you can see',
  agreementLoop: 'would make a loop of agreements',
  signedOnRequired: 'must be set before the agreement is marked signed',
  mustIncludeOwnOrganisation: 'must still include your organisation',
  notAreaOfAgreement: 'is not an area of this agreement',
  notTaskOfAgreement: 'is not a task of this agreement',
  parentInOtherArea: 'is in another area',
  tooDeep: 'goes deeper than sub-tasks may go',
  reasonRequired: 'needs a reason when the task is paused or cancelled',
  progressRolledUp: "is worked out from the task's sub-tasks and cannot be set",
  statusIsWorkedOut: 'is worked out from the progress, the state, the dates and the acceptance, and cannot be set',
  nulByte: 'must not contain a NUL byte',
  internalChangesNothing: "cannot change the task's progress or state: the other party would see the change",
  internalNeedsSide: 'needs you to be on a side of this agreement: an internal entry is for your side only',
  notMentionable: 'is not a person of this agreement who may read the entry',
  unknownFile: 'is not a file you uploaded to this task and have not posted yet',
  searchNeedsWord: 'needs at least one letter or digit',
  invalidParent: 'is not a valid parent for this kind of organisation',
  invalidSuccessor: 'must be another existing organisation on the same side, not one that succeeds into this one',
  otherSidesParty: "is the other side's party: only that side (or an administrator) may change it",
  underOtherSidesTask: 'belongs to the other side: you may not add or move tasks under it',
  required: 'is required',
  tooShort: 'is too short',
  tooLong: 'is too long',
  tooFew: 'has too few entries',
  tooMany: 'has too many entries',
  invalidDate: 'is not a valid date',
  invalidUrl: 'is not a valid web address',
  urlWithCredentials: 'must not contain a user name or password',
  bidiControl: 'must not contain characters that change the direction of text',
  invalidEmail: 'is not a valid e-mail address',
  invalid: 'is not valid',
  otherListOrder: 'was made for another order of the list: start again from its first page',
  outOfRange: 'is out of the range that can be stored',
  constraint: 'breaks a rule of the data',
  notUnique: 'is already used',
  missingReference: 'refers to something that does not exist',
  invalidIdempotencyKey: 'must be 1 to 200 visible ASCII characters',
  idempotencyKeyReused: 'was already used for another request',
  sameAsCurrent: 'must differ from the current password',
  wrongPassword: 'is not your current password',
} as const;
export type FieldIssueKey = keyof typeof fieldIssues;

/** One problem with one field: a code the client translates (with its parameters) and an English fallback. */
export interface FieldIssue {
  field: string;
  code: FieldIssueKey;
  message: string;
  params?: Record<string, string | number>;
}

export function fieldIssue(field: string, code: FieldIssueKey, params?: Record<string, string | number>): FieldIssue {
  return { field, code, message: fieldIssues[code], ...(params ? { params } : {}) };
}

/** A VALIDATION_FAILED error about fields, each issue with its code. */
export function invalidFields(...issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', issues.map((i) => `${i.field} ${i.message}`).join('; '), { issues });
}

/** A VALIDATION_FAILED error about one field. */
export function invalidField(field: string, code: FieldIssueKey, params?: Record<string, string | number>): AppError {
  return invalidFields(fieldIssue(field, code, params));
}

const codeOfMessage = new Map<string, FieldIssueKey>((Object.entries(fieldIssues) as [FieldIssueKey, string][]).map(([k, m]) => [m, k]));

/** The field-issue code of a fixed message (the domain schemas' refinements carry these messages). */
export function fieldIssueCodeOf(message: string): FieldIssueKey | undefined {
  return codeOfMessage.get(message);
}
