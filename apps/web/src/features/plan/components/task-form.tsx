import { checkClarity, taskStatuses, type Obligor } from '@accord/domain';
import { Alert, Divider, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
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
}

/** The task's "5 rõ" — clear work, person and responsibility, time, product — and its status. */
export function TaskForm({ draft, onChange, errors, formError, readOnly, canChangeOwnership, obligorOptions, unitScope }: TaskFormProps) {
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
      <Select
        label={t('fields.status')}
        data={taskStatuses.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
        value={draft.status}
        onChange={(v) => v && set('status', v)}
        allowDeselect={false}
        error={errors.status}
        disabled={readOnly}
        data-testid="task-form-status"
        maw={320}
      />
    </Stack>
  );
}
