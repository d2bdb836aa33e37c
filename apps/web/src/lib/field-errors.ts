import { fieldIssues, type FieldIssueKey } from '@accord/domain';
import type { z } from 'zod';
import type { SharedTFunction } from '../i18n/config';
import type vi from '../i18n/vi.json';
import { isApiError } from './api-error';

/** Field path (e.g. "parties.0.organisationId") → message shown next to the field. */
export type FieldErrors = Record<string, string>;

type FieldErrorKey = `fieldErrors.${keyof (typeof vi)['fieldErrors']}`;

/** The server's and the domain schemas' fixed messages, by the key that translates them. */
const knownMessages = new Map<string, FieldErrorKey>(
  (Object.entries(fieldIssues) as [FieldIssueKey, string][]).map(([key, message]) => [message, `fieldErrors.${key}`]),
);

function translateMessage(message: string, t: SharedTFunction): string {
  const key = knownMessages.get(message);
  return key ? t(key) : message;
}

const isFieldIssueKey = (code: string | undefined): code is FieldIssueKey => code !== undefined && Object.hasOwn(fieldIssues, code);

/** The field errors of a VALIDATION_FAILED answer, translated by their codes. */
export function fieldErrorsFromApi(error: unknown, t: SharedTFunction): FieldErrors {
  if (!isApiError(error)) return {};
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.field.replace(/^body\.?/, '') || 'form';
    result[field] ??= isFieldIssueKey(issue.code) ? t(`fieldErrors.${issue.code}`, issue.params ?? {}) : t('fieldErrors.invalid');
  }
  return result;
}

function translateZodIssue(issue: z.core.$ZodIssue, t: SharedTFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return t('fieldErrors.tooFew', { n: Number(issue.minimum) });
      return Number(issue.minimum) <= 1 ? t('fieldErrors.required') : t('fieldErrors.tooShort', { n: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array') return t('fieldErrors.tooMany', { n: Number(issue.maximum) });
      return t('fieldErrors.tooLong', { n: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'url') return t('fieldErrors.invalidUrl');
      if (issue.format === 'date') return t('fieldErrors.invalidDate');
      if (issue.format === 'email') return t('fieldErrors.invalidEmail');
      return t('fieldErrors.invalid');
    case 'invalid_type':
      return t('fieldErrors.required');
    case 'custom':
      return translateMessage(issue.message, t);
    default:
      return t('fieldErrors.invalid');
  }
}

/** The issues of a failed client-side parse with a domain schema, keyed like the server's. */
export function fieldErrorsFromZod(error: z.ZodError, t: SharedTFunction): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    result[field] ??= translateZodIssue(issue, t);
  }
  return result;
}

/** Whether the error is a VALIDATION_FAILED answer (its messages belong next to the fields). */
export function isValidationError(error: unknown): boolean {
  return isApiError(error) && error.code === 'VALIDATION_FAILED';
}
