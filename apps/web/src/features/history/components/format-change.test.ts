import type { AuditEvent } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../test/i18n';
import { fieldLabel, formatChangeValue, shownChanges, type ResolveTitle } from './format-change';

const vi = translator('vi');
const en = translator('en');

const VNPT_ID = '0b7c3a8e-1f2d-4c5b-9a6e-7d8f9e0a1b2c';
const UNKNOWN_ID = 'deadbeef-0000-4000-8000-000000000000';
const resolve: ResolveTitle = (id) => (id === VNPT_ID ? 'VNPT' : undefined);

const show = (field: string, value: unknown, entityType: AuditEvent['entityType'] = 'task', t = vi) =>
  formatChangeValue(field, value, entityType, resolve, t);

describe('field names in the history', () => {
  it('are the labels the forms use, in the interface language', () => {
    expect(fieldLabel('dueDate', vi)).toBe('Thời hạn hoàn thành');
    expect(fieldLabel('dueDate', en)).toBe('Deadline');
    // A snapshot may name a unit by id or by object: one label either way.
    expect(fieldLabel('leadUnitId', vi)).toBe(fieldLabel('leadUnit', vi));
  });

  it('show an unknown field by its name rather than nothing', () => {
    expect(fieldLabel('budgetVnd', vi)).toBe('budgetVnd');
  });
});

describe('values in the history', () => {
  it('show a dash for nothing', () => {
    for (const empty of [null, undefined, '', []]) expect(show('responsiblePerson', empty)).toBe('—');
  });

  it('translate statuses, for agreements and tasks alike', () => {
    expect(show('status', 'signed', 'agreement')).toBe('Đã ký');
    expect(show('status', 'completed', 'agreement')).toBe('Hoàn thành');
    expect(show('status', 'in_progress', 'task')).toBe('Đang thực hiện');
    expect(show('status', 'in_progress', 'task', en)).toBe('In progress');
  });

  it('translate who owes a task, the theme, the kind of document and who may see it', () => {
    expect(show('obligor', 'joint')).toBe('Hai bên');
    expect(show('theme', 'smart_city', 'area')).toBe('Đô thị thông minh');
    expect(show('kind', 'mou', 'agreement')).toBe('Biên bản ghi nhớ');
    expect(show('visibility', 'public', 'agreement', en)).toBe('Public');
  });

  it('write dates as dd/mm/yyyy', () => {
    expect(show('dueDate', '2025-03-09')).toBe('09/03/2025');
  });

  it('count positions from 1, as the plan numbers its items', () => {
    expect(show('position', 0)).toBe('1');
    expect(show('version', 3)).toBe('3');
  });

  it('answer yes or no for a flag', () => {
    expect(show('isActive', true)).toBe('Có');
    expect(show('isActive', false, 'user', en)).toBe('No');
  });

  it('name a known id by its title and shorten an unknown one', () => {
    expect(show('leadUnitId', VNPT_ID)).toBe('VNPT');
    expect(show('leadUnitId', UNKNOWN_ID)).toBe('#deadbeef');
    expect(show('coordinatingUnitIds', [VNPT_ID, UNKNOWN_ID])).toBe('VNPT; #deadbeef');
  });

  it('describe the parties of an agreement with who signed for them', () => {
    const parties = [
      { organisationName: 'UBND tỉnh Cà Mau', signatoryName: 'Nguyễn Văn A', signatoryTitle: 'Chủ tịch' },
      { name: 'Viettel', signatoryName: '', signatoryTitle: null },
    ];
    expect(show('parties', parties, 'agreement')).toBe('UBND tỉnh Cà Mau (Nguyễn Văn A, Chủ tịch); Viettel');
  });

  it('keep free text as it was written', () => {
    expect(show('title', 'Xây dựng trung tâm IOC')).toBe('Xây dựng trung tâm IOC');
    expect(show('legalBases', ['Nghị quyết 57-NQ/TW', 'Quyết định 749/QĐ-TTg'], 'agreement')).toBe(
      'Nghị quyết 57-NQ/TW; Quyết định 749/QĐ-TTg',
    );
  });
});

describe('the changes an entry lists', () => {
  const change = (field: string, before: unknown, after: unknown) => ({ field, before, after });

  it('hide bookkeeping columns and follow the order of the form', () => {
    const shown = shownChanges({
      action: 'update',
      changes: [
        change('status', 'paused', 'in_progress'),
        change('searchText', 'a', 'b'),
        change('custom', 1, 2),
        change('title', 'a', 'b'),
        change('code', null, '1'),
      ],
    });
    expect(shown.map((c) => c.field)).toEqual(['code', 'title', 'status', 'custom']);
  });

  it('list only what was filled in for a new record', () => {
    const shown = shownChanges({
      action: 'create',
      changes: [
        change('title', null, 'Mới'),
        change('position', null, 3),
        change('dueDate', null, null),
        change('coordinatingUnitIds', null, []),
        change('obligor', null, 'joint'),
      ],
    });
    expect(shown.map((c) => c.field)).toEqual(['title', 'obligor']);
  });

  it('list nothing for a deletion', () => {
    expect(shownChanges({ action: 'delete', changes: [change('title', 'Cũ', null)] })).toEqual([]);
  });

  it('still list a field cleared by an edit', () => {
    expect(shownChanges({ action: 'update', changes: [change('dueDate', '2025-01-01', null)] })).toHaveLength(1);
  });
});
