import type { ErrorCode } from '@accord/domain';

/** One problem with one field, as the server reports it in VALIDATION_FAILED details: a code to translate, with its parameters. */
export interface FieldIssue {
  field: string;
  code?: string;
  message: string;
  params?: Record<string, string | number>;
}

/** An error answer from the API: `{ error: { code, message, details } }`, plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK_ERROR';
  readonly details: unknown;

  constructor(status: number, code: ErrorCode | 'NETWORK_ERROR', message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The field issues of a VALIDATION_FAILED answer (empty for any other error). */
  get issues(): FieldIssue[] {
    if (this.code !== 'VALIDATION_FAILED' || !isRecord(this.details)) return [];
    const issues = this.details.issues;
    if (!Array.isArray(issues)) return [];
    return issues.filter((i): i is FieldIssue => isRecord(i) && typeof i.field === 'string' && typeof i.message === 'string');
  }

  /** The newer record a 412 VERSION_CONFLICT carries in details.current. */
  get current(): unknown {
    return this.code === 'VERSION_CONFLICT' && isRecord(this.details) ? this.details.current : undefined;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export function isVersionConflict(value: unknown): value is ApiError {
  return isApiError(value) && value.code === 'VERSION_CONFLICT';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
