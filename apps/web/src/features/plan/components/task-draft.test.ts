import { taskStates } from '@accord/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../test/i18n';
import { buildTask } from '../../../test/plan-factories';
import { draftFromTask, emptyTaskDraft, toCreateBody, toUpdateBody, validateTask, type TaskDraft } from './task-draft';

const t = translator('vi');
const AREA = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const UNIT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const OTHER_UNIT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const filled = (overrides: Partial<TaskDraft> = {}): TaskDraft => ({
  ...emptyTaskDraft('joint'),
  title: 'Xây dựng trung tâm IOC',
  ...overrides,
});

describe('a new task', () => {
  it('starts empty, not started, owed by the side the form was opened for', () => {
    expect(emptyTaskDraft('enterprise')).toMatchObject({
      title: '',
      obligor: 'enterprise',
      state: 'open',
      progress: 0,
      weight: 1,
      leadUnitId: null,
      coordinatingUnitIds: [],
    });
  });

  it('is sent with its area and parent', () => {
    expect(toCreateBody(filled(), AREA, null)).toMatchObject({ title: 'Xây dựng trung tâm IOC', areaId: AREA, parentId: null });
  });
});

describe('editing a task', () => {
  const task = buildTask({
    code: null,
    title: 'Đào tạo cán bộ',
    leadUnit: { id: UNIT, name: 'Sở TT&TT', nameEn: null },
    coordinatingUnits: [{ id: OTHER_UNIT, name: 'VNPT', nameEn: null }],
    dueDate: '2025-12-31',
    status: 'in_progress',
    progress: 40,
  });

  it('fills the form from the task, with empty text where the task has none', () => {
    expect(draftFromTask(task)).toEqual({
      code: '',
      title: 'Đào tạo cán bộ',
      description: '',
      obligor: 'joint',
      leadUnitId: UNIT,
      coordinatingUnitIds: [OTHER_UNIT],
      responsiblePerson: '',
      startDate: null,
      dueDate: '2025-12-31',
      expectedProduct: '',
      decidedBy: '',
      state: 'open',
      stateReason: '',
      progress: 40,
      weight: 1,
    });
  });

  it('sends only what changed (a unit officer may not resend who owes the task)', () => {
    const initial = draftFromTask(task);
    expect(toUpdateBody(initial, initial)).toEqual({});
    expect(toUpdateBody({ ...initial, progress: 55 }, initial)).toEqual({ progress: 55 });
    expect(toUpdateBody({ ...initial, state: 'paused', stateReason: 'Chờ kinh phí' }, initial)).toEqual({
      state: 'paused',
      stateReason: 'Chờ kinh phí',
    });
    expect(toUpdateBody({ ...initial, leadUnitId: null, dueDate: null }, initial)).toEqual({ leadUnitId: null, dueDate: null });
    expect(toUpdateBody({ ...initial, coordinatingUnitIds: [OTHER_UNIT, UNIT] }, initial)).toEqual({
      coordinatingUnitIds: [OTHER_UNIT, UNIT],
    });
  });

  it('sends exactly the fields that differ, for any edit', () => {
    const draftArb = fc.record({
      code: fc.string(),
      title: fc.string(),
      description: fc.string(),
      obligor: fc.constantFrom('government' as const, 'enterprise' as const, 'joint' as const),
      leadUnitId: fc.option(fc.constantFrom(UNIT, OTHER_UNIT), { nil: null }),
      coordinatingUnitIds: fc.subarray([UNIT, OTHER_UNIT]),
      responsiblePerson: fc.string(),
      startDate: fc.option(fc.constantFrom('2025-01-01', '2025-06-01'), { nil: null }),
      dueDate: fc.option(fc.constantFrom('2025-03-01', '2025-12-31'), { nil: null }),
      expectedProduct: fc.string(),
      decidedBy: fc.string(),
      state: fc.constantFrom(...taskStates),
      stateReason: fc.string(),
      progress: fc.integer({ min: 0, max: 100 }),
      weight: fc.constantFrom(0, 1, 2.5),
    });
    fc.assert(
      fc.property(draftArb, draftArb, (initial, edited) => {
        const body = toUpdateBody(edited, initial);
        const changed = (Object.keys(edited) as (keyof TaskDraft)[]).filter(
          (k) => JSON.stringify(edited[k]) !== JSON.stringify(initial[k]),
        );
        expect(Object.keys(body).sort()).toEqual(changed.sort());
        expect({ ...initial, ...body }).toEqual(edited);
      }),
    );
  });
});

describe('checking a task before it is sent', () => {
  it('accepts a task with a title', () => {
    expect(validateTask(filled(), t, AREA)).toEqual({});
    expect(validateTask(filled(), t, null)).toEqual({});
  });

  it('asks for a title, in Vietnamese', () => {
    expect(validateTask(filled({ title: '   ' }), t, AREA)).toEqual({ title: 'Bắt buộc nhập.' });
  });

  it('refuses a deadline before the start, on the deadline field', () => {
    const errors = validateTask(filled({ startDate: '2025-06-01', dueDate: '2025-03-01' }), t, null);
    expect(errors).toEqual({ dueDate: 'Thời hạn hoàn thành không được trước ngày bắt đầu.' });
  });

  it('asks why a task is paused or cancelled', () => {
    expect(validateTask(filled({ state: 'paused', stateReason: ' ' }), t, null)).toEqual({
      stateReason: 'Cần ghi lý do khi tạm dừng hoặc hủy bỏ nhiệm vụ.',
    });
    expect(validateTask(filled({ state: 'cancelled', stateReason: 'Không còn phù hợp' }), t, AREA)).toEqual({});
  });

  it('says how long a title may be', () => {
    expect(validateTask(filled({ title: 'x'.repeat(501) }), t, AREA)).toEqual({ title: 'Tối đa 500 ký tự.' });
  });
});
