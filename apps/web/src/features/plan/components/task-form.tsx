import { checkClarity, taskStates, type Obligor, type TaskState } from '@accord/domain';
import { Alert, Divider, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { OrganisationMultiSelect, OrganisationSelect } from '../../../components/ui/organisation-select';
import type { FieldErrors } from '../../../lib/field-errors';
import { ClarityChecklist } from './clarity';
import { useAuthorityCheck } from './clarity-rules';
import type { TaskDraft } from './task-draft';

interface TaskFormProps {
  draft: TaskDraft;
  onChange: (draft: TaskDraft) => void;
  errors: FieldErrors;
  formError?: string | null;
  readOnly: boolean;
  /** Who owes the task and who leads it: only a coordinator (task.move) may change these. */
  canChangeOwnership: boolean;
  obligorOptions: readonly Obligor[];
  /** Units of the agreement's parties, from either side. */
  unitScope?: ReadonlySet<string>;
  /** The task has sub-tasks that count: its progress is rolled up from theirs, not typed. */
  progressRolledUp?: boolean;
  /** A sub-task: its weight counts in its parent's progress (a top-level task has none to count in). */
  hasParent?: boolean;
}

/** The task's "5 rõ" — clear work, person and responsibility, time, product — and its progress and state. */
export function TaskForm({
  draft,
  onChange,
  errors,
  formError,
  readOnly,
  canChangeOwnership,
  obligorOptions,
  unitScope,
  progressRolledUp = false,
  hasParent = false,
}: TaskFormProps) {
  const { t } = useTranslation('plan');
  const set = <K extends keyof TaskDraft>(key: K, value: TaskDraft[K]) => onChange({ ...draft, [key]: value });
  const withAuthority = useAuthorityCheck();

  return (
    <Stack gap="sm">
      {formError && (
        <Alert color="orange" icon={<IconAlertCircle size={18} />} role="alert" data-testid="task-form-error">
          {formError}
        </Alert>
      )}
      {/* Worked out from what is typed, so the form shows at once what a change makes clear. */}
      <ClarityChecklist clarity={checkClarity(draft, { withAuthority })} />
      <Divider label={t('taskForm.sections.work')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('fields.code')}
          value={draft.code}
          onChange={(e) => set('code', e.currentTarget.value)}
          error={errors.code}
          readOnly={readOnly}
          data-testid="task-form-code"
        />
        <TextInput
          label={t('fields.title')}
          required
          style={{ gridColumn: 'span 2' }}
          value={draft.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
          readOnly={readOnly}
          data-testid="task-form-title"
        />
      </SimpleGrid>
      <Textarea
        label={t('fields.description')}
        autosize
        minRows={2}
        maxRows={8}
        value={draft.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description}
        readOnly={readOnly}
        data-testid="task-form-description"
      />

      <Divider label={t('taskForm.sections.responsibility')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('fields.obligor')}
          required
          data={obligorOptions.map((o) => ({ value: o, label: t(`obligor.${o}`) }))}
          value={draft.obligor}
          onChange={(v) => v && set('obligor', v)}
          allowDeselect={false}
          error={errors.obligor}
          disabled={readOnly || !canChangeOwnership}
          data-testid="task-form-obligor"
        />
        <TextInput
          label={t('fields.responsiblePerson')}
          value={draft.responsiblePerson}
          onChange={(e) => set('responsiblePerson', e.currentTarget.value)}
          error={errors.responsiblePerson}
          readOnly={readOnly}
          data-testid="task-form-responsible-person"
        />
        <OrganisationSelect
          label={t('fields.leadUnit')}
          value={draft.leadUnitId}
          onChange={(v) => set('leadUnitId', v)}
          error={errors.leadUnitId}
          restrictTo={unitScope}
          withHistorical={false}
          testId="task-form-lead-unit"
          disabled={readOnly || !canChangeOwnership}
        />
        <OrganisationMultiSelect
          label={t('fields.coordinatingUnits')}
          value={draft.coordinatingUnitIds}
          onChange={(v) => set('coordinatingUnitIds', v)}
          error={errors.coordinatingUnitIds}
          restrictTo={unitScope}
          withHistorical={false}
          testId="task-form-coordinating-units"
          disabled={readOnly}
        />
      </SimpleGrid>
      {(withAuthority || draft.decidedBy !== '') && (
        <TextInput
          label={t('fields.decidedBy')}
          value={draft.decidedBy}
          onChange={(e) => set('decidedBy', e.currentTarget.value)}
          error={errors.decidedBy}
          readOnly={readOnly}
          data-testid="task-form-decided-by"
        />
      )}

      <Divider label={t('taskForm.sections.time')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField
          label={t('fields.startDate')}
          value={draft.startDate}
          onChange={(v) => set('startDate', v)}
          error={errors.startDate}
          testId="task-form-start-date"
          disabled={readOnly}
        />
        <DateField
          label={t('fields.dueDate')}
          value={draft.dueDate}
          onChange={(v) => set('dueDate', v)}
          error={errors.dueDate}
          testId="task-form-due-date"
          disabled={readOnly}
        />
      </SimpleGrid>

      <Divider label={t('taskForm.sections.result')} labelPosition="left" mt="xs" />
      <Textarea
        label={t('fields.expectedProduct')}
        autosize
        minRows={2}
        maxRows={6}
        value={draft.expectedProduct}
        onChange={(e) => set('expectedProduct', e.currentTarget.value)}
        error={errors.expectedProduct}
        readOnly={readOnly}
        data-testid="task-form-expected-product"
      />

      <Divider label={t('taskForm.sections.progress')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput
          label={t('fields.progress')}
          description={progressRolledUp ? t('taskForm.progressRolledUpHint') : undefined}
          min={0}
          max={100}
          step={5}
          decimalScale={1}
          suffix="%"
          value={draft.progress}
          onChange={(v) => set('progress', typeof v === 'number' ? v : Number.NaN)}
          error={errors.progress}
          readOnly={readOnly || progressRolledUp}
          data-testid="task-form-progress"
        />
        <Select
          label={t('fields.state')}
          // Cancelling the work (or bringing it back) is a coordinator's call, as the server checks.
          data={taskStates
            .filter((s) => canChangeOwnership || s !== 'cancelled' || draft.state === 'cancelled')
            .map((s) => ({ value: s, label: t(`taskState.${s}`) }))}
          value={draft.state}
          onChange={(v) => v && set('state', v as TaskState)}
          allowDeselect={false}
          error={errors.state}
          disabled={readOnly || (draft.state === 'cancelled' && !canChangeOwnership)}
          data-testid="task-form-state"
        />
        {hasParent && (
          <NumberInput
            label={t('fields.weight')}
            description={t('taskForm.weightHint')}
            min={0}
            max={1000}
            decimalScale={2}
            value={draft.weight}
            onChange={(v) => set('weight', typeof v === 'number' ? v : Number.NaN)}
            error={errors.weight}
            readOnly={readOnly || !canChangeOwnership}
            data-testid="task-form-weight"
          />
        )}
      </SimpleGrid>
      {(draft.state !== 'open' || draft.stateReason !== '') && (
        <Textarea
          label={t('fields.stateReason')}
          required={draft.state !== 'open'}
          autosize
          minRows={2}
          maxRows={5}
          value={draft.stateReason}
          onChange={(e) => set('stateReason', e.currentTarget.value)}
          error={errors.stateReason}
          readOnly={readOnly}
          data-testid="task-form-state-reason"
        />
      )}
    </Stack>
  );
}
