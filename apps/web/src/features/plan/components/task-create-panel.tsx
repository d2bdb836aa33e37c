import type { Obligor, Task, TaskNode } from '@accord/domain';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateTask } from '../api/create-task';
import { emptyTaskDraft, toCreateBody, validateTask, type TaskDraft } from './task-draft';
import { TaskForm } from './task-form';

interface TaskCreatePanelProps {
  agreementId: string;
  areaId: string;
  parent: TaskNode | null;
  obligorOptions: readonly Obligor[];
  unitScope?: ReadonlySet<string>;
  onCreated: (task: Task) => void;
  onClose: () => void;
}

/** A new task in an area, or a sub-task cascaded under a task (it owes what its parent owes). */
export function TaskCreatePanel({ agreementId, areaId, parent, obligorOptions, unitScope, onCreated, onClose }: TaskCreatePanelProps) {
  const { t } = useTranslation('plan');
  const create = useCreateTask(agreementId);
  const initialObligor = parent && obligorOptions.includes(parent.obligor) ? parent.obligor : (obligorOptions[0] ?? 'joint');
  const [draft, setDraft] = useState<TaskDraft>(() => emptyTaskDraft(initialObligor));
  const { errors, setErrors, formError, setFormError, showApiError } = useFormErrors();

  const save = () => {
    const found = validateTask(draft, t, areaId);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setFormError(null);
    create.mutate(toCreateBody(draft, areaId, parent?.id ?? null), {
      onSuccess: (created) => {
        notifySuccess(t('taskForm.created'));
        onCreated(created);
      },
      onError: (error) => {
        showApiError(error);
      },
    });
  };

  return (
    <Stack gap="md">
      {parent && (
        <Text size="sm" c="dimmed">
          {t('taskForm.subtaskOf', { title: [parent.code, parent.title].filter(Boolean).join(' ') })}
        </Text>
      )}
      <TaskForm
        draft={draft}
        onChange={setDraft}
        errors={errors}
        formError={formError}
        readOnly={false}
        canChangeOwnership
        obligorOptions={obligorOptions}
        unitScope={unitScope}
        hasParent={parent !== null}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={save} loading={create.isPending} leftSection={<IconDeviceFloppy size={18} />} data-testid="task-save">
          {t('taskForm.create')}
        </Button>
      </Group>
    </Stack>
  );
}
