import { fieldIssues, taskCreateInput } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator } from '../test/i18n';
import { ApiError } from './api-error';
import { fieldErrorsFromApi, fieldErrorsFromZod, isValidationError } from './field-errors';

const vi = translator('vi');
const en = translator('en');

const validationFailed = (issues: { field: string; code?: string; message: string; params?: Record<string, number> }[]) =>
  new ApiError(400, 'VALIDATION_FAILED', 'Validation failed', { issues });

describe('field errors from the server', () => {
  it('put each message next to its field, translated by its code, never by its English text', () => {
    const error = validationFailed([
      { field: 'body.dueDate', code: 'dueBeforeStart', message: 'anything' },
      { field: 'body.parties.1.organisationId', code: 'alreadyParty', message: fieldIssues.alreadyParty },
      { field: 'body.title', code: 'tooLong', message: 'is too long', params: { n: 500 } },
    ]);
    expect(fieldErrorsFromApi(error, vi)).toEqual({
      dueDate: 'Thời hạn hoàn thành không được trước ngày bắt đầu.',
      'parties.1.organisationId': 'Tổ chức này đã là một bên của thỏa thuận.',
      title: 'Tối đa 500 ký tự.',
    });
    expect(fieldErrorsFromApi(error, en).dueDate).toBe('The deadline must not be before the start date.');
  });

  it('show the first message of a field, one about the whole request on the form, and a general one for an unknown code', () => {
    const error = validationFailed([
      { field: 'body.title', code: 'required', message: 'first' },
      { field: 'body.title', code: 'tooShort', message: 'second', params: { n: 2 } },
      { field: 'body', code: 'searchNeedsWord', message: fieldIssues.searchNeedsWord },
      { field: 'body.code', code: 'NO_SUCH_CODE', message: 'Some English text' },
    ]);
    expect(fieldErrorsFromApi(error, vi)).toEqual({
      title: 'Bắt buộc nhập.',
      form: 'Cần ít nhất một chữ cái hoặc chữ số.',
      code: 'Giá trị không hợp lệ.',
    });
  });

  it('are none for any other error', () => {
    expect(
      fieldErrorsFromApi(new ApiError(412, 'VERSION_CONFLICT', 'stale', { issues: [{ field: 'body.title', message: 'x' }] }), vi),
    ).toEqual({});
    expect(fieldErrorsFromApi(new Error('boom'), vi)).toEqual({});
    expect(isValidationError(validationFailed([]))).toBe(true);
    expect(isValidationError(new ApiError(404, 'AGREEMENT_NOT_FOUND', 'gone'))).toBe(false);
    expect(isValidationError(new Error('VALIDATION_FAILED'))).toBe(false);
  });
});

describe('field errors from checking a form in the browser', () => {
  const errorsOf = (schema: z.ZodType, value: unknown, t = vi) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error('expected the value to be refused');
    return fieldErrorsFromZod(parsed.error, t);
  };

  it('are keyed by field path, as the server keys them', () => {
    const errors = errorsOf(taskCreateInput, { title: '', obligor: 'joint', areaId: 'not-a-uuid' });
    expect(Object.keys(errors).sort()).toEqual(['areaId', 'title']);
    expect(errors.title).toBe('Bắt buộc nhập.');
  });

  it('say how long or how many, in the interface language', () => {
    const form = z.object({ code: z.string().min(3).max(5), units: z.array(z.string()).min(2).max(3) });
    expect(errorsOf(form, { code: 'ab', units: ['x'] })).toEqual({ code: 'Cần ít nhất 3 ký tự.', units: 'Cần ít nhất 2 mục.' });
    expect(errorsOf(form, { code: 'abcdef', units: ['a', 'b', 'c', 'd'] }, en)).toEqual({
      code: 'At most 5 characters.',
      units: 'At most 3 items.',
    });
  });

  it('name the format that was expected', () => {
    const form = z.object({ site: z.url(), on: z.iso.date(), mail: z.email(), ref: z.string().regex(/^\d+$/) });
    expect(errorsOf(form, { site: 'nope', on: '31/12/2025', mail: 'a@', ref: 'x' })).toEqual({
      site: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.',
      on: 'Ngày không hợp lệ (dd/mm/yyyy).',
      mail: 'Email không hợp lệ.',
      ref: 'Giá trị không hợp lệ.',
    });
  });

  it('ask for a missing value, and translate the domain’s own rules', () => {
    expect(errorsOf(z.object({ title: z.string() }), {})).toEqual({ title: 'Bắt buộc nhập.' });
    const dates = taskCreateInput;
    const errors = errorsOf(dates, {
      title: 'x',
      obligor: 'joint',
      areaId: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      startDate: '2025-06-01',
      dueDate: '2025-01-01',
    });
    expect(errors).toEqual({ dueDate: 'Thời hạn hoàn thành không được trước ngày bắt đầu.' });
  });
});
