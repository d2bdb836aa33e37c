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
  USER_NOT_FOUND: 404,
  INVALID_STATUS_TRANSITION: 409,
  INVALID_MOVE: 409,
  CONFLICT: 409,
  VERSION_CONFLICT: 412,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SIGN_IN_THROTTLED: 429,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

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

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
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
  nulByte: 'must not contain a NUL byte',
  searchNeedsWord: 'needs at least one letter or digit',
} as const;
export type FieldIssueKey = keyof typeof fieldIssues;
