import { taskSchema, type Obligor, type Task } from '@accord/domain';
import { Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconDeviceFloppy, IconHistory, IconListDetails, IconMessages } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyConflict, notifySuccess } from '../../../components/ui/notify';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { TaskProgress, TaskStatusBadge } from '../../../components/ui/status-badge';
import { isVersionConflict } from '../../../lib/api-error';
import { useFormErrors } from '../../../lib/use-form-errors';
import { getTask, taskQueryKey, useTask } from '../api/get-task';
import { useDeliveryStep, type DeliveryStep } from '../api/review-task';
import { useTaskWaiver } from '../api/plan-approval';
import { useUpdateTask } from '../api/update-task';
import { TaskDelivery } from './task-delivery';
import { draftFromTask, toUpdateBody, validateTask, type TaskDraft } from './task-draft';
import { TaskForm } from './task-form';
import { TaskWaiver } from './task-waiver';

interface Editing {
  draft: TaskDraft;
  initial: TaskDraft;
  version: number;
}

const startEditing = (task: Task): Editing => ({ draft: draftFromTask(task), initial: draftFromTask(task), version: task.version });

interface TaskEditPanelProps {
  agreementId: string;
  taskId: string;
  obligorOptions: readonly Obligor[];
  unitScope?: ReadonlySet<string>;
  /** Its progress is rolled up from its sub-tasks. */
  progressRolledUp?: boolean;
  renderHistory: (taskId: string) => ReactNode;
  /** The task's thread (reports, comments, directions), from the feature that owns it. */
  renderThread: (task: Task) => ReactNode;
  onSaved: () => void;
  onClose: () => void;
}

/** One task: its "5 rõ" form (read-only without the right to edit) and its history. */
export function TaskEditPanel({
  agreementId,
  taskId,
  obligorOptions,
  unitScope,
  progressRolledUp,
  renderHistory,
  renderThread,
  onSaved,
  onClose,
}: TaskEditPanelProps) {
  const { t } = useTranslation('plan');
  const queryClient = useQueryClient();
  const task = useTask(agreementId, taskId);
  const update = useUpdateTask(agreementId);
  const delivery = useDeliveryStep(agreementId);
  const waiver = useTaskWaiver(agreementId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const { errors, setErrors, formError, setFormError, showApiError } = useFormErrors();
  const [tab, setTab] = useState<string | null>('details');

  useEffect(() => {
    if (!task.data) return;
    // A newer version from elsewhere (a report in the thread moved the progress): into the form,
    // unless the user is changing it — then their save meets the one 412 and is shown the newer one.
    if (!editing || (editing.version !== task.data.version && JSON.stringify(editing.draft) === JSON.stringify(editing.initial))) {
      setEditing(startEditing(task.data));
    }
  }, [task.data, editing]);

  if (task.isError) return <QueryError error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data || !editing) return <PageLoader />;
  const current = task.data;
  const dirty = JSON.stringify(editing.draft) !== JSON.stringify(editing.initial);
  const options = obligorOptions.includes(editing.draft.obligor) ? obligorOptions : [...obligorOptions, editing.draft.obligor];

  /** Someone saved first: their version goes into the form, and the user is told so. */
  const reloadNewer = async (fromServer: unknown) => {
    const parsed = taskSchema.safeParse(fromServer);
    const newer = parsed.success
      ? parsed.data
      : await queryClient.fetchQuery({ queryKey: taskQueryKey(agreementId, taskId), queryFn: () => getTask(agreementId, taskId) });
    queryClient.setQueryData(taskQueryKey(agreementId, taskId), newer);
    setEditing(startEditing(newer));
    setErrors({});
    setFormError(t('conflict.formReloaded'));
    notifyConflict(t('conflict.title'), t('conflict.message'));
  };

  /** Someone saved first (their version goes into the form), or the server refused: said on the form. */
  const failed = (error: unknown) => {
    if (isVersionConflict(error)) {
      void reloadNewer(error.current);
      return;
    }
    showApiError(error);
  };

  /** A delivery step: the task as it then is goes into the form (nothing unsaved is in it: the steps wait for a save). */
  const takeStep = (step: DeliveryStep, done: () => void) => {
    delivery.mutate(
      { taskId, version: current.version, step },
      {
        onSuccess: (saved) => {
          setEditing(startEditing(saved));
          done();
          onSaved();
        },
        onError: failed,
      },
    );
  };

  /** The task's "5 rõ" waiver given or taken back: the task as it then is goes into the form (nothing unsaved is in it). */
  const waive = (reason: string | null, done: () => void) => {
    waiver.mutate(
      { taskId, version: current.version, reason },
      {
        onSuccess: (saved) => {
          setEditing(startEditing(saved));
          done();
          onSaved();
        },
        onError: failed,
      },
    );
  };

  const save = () => {
    const found = validateTask(editing.draft, t, null);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setFormError(null);
    update.mutate(
      { taskId, version: editing.version, body: toUpdateBody(editing.draft, editing.initial) },
      {
        onSuccess: (saved) => {
          setEditing(startEditing(saved));
          notifySuccess(t('taskForm.saved'));
          onSaved();
        },
        onError: failed,
      },
    );
  };

  return (
    <Stack gap="md">
      <Group gap="xs">
        {current.code && <Badge variant="outline">{current.code}</Badge>}
        <TaskStatusBadge status={current.status} />
        <TaskProgress value={current.progress} status={current.status} />
        {!current.allowed.update && (
          <Text size="sm" c="dimmed" data-testid="task-read-only">
            {t('taskForm.readOnly')}
          </Text>
        )}
      </Group>
      <TaskDelivery agreementId={agreementId} task={current} blocked={dirty} pending={delivery.isPending} onStep={takeStep} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details" leftSection={<IconListDetails size={16} />} data-testid="task-tab-details">
            {t('taskForm.tabs.details')}
          </Tabs.Tab>
          <Tabs.Tab value="thread" leftSection={<IconMessages size={16} />} data-testid="task-tab-thread">
            {t('taskForm.tabs.thread')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="task-tab-history">
            {t('taskForm.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <TaskForm
            draft={editing.draft}
            onChange={(draft) => setEditing({ ...editing, draft })}
            errors={errors}
            formError={formError}
            readOnly={!current.allowed.update}
            canChangeOwnership={current.allowed.move}
            obligorOptions={options}
            unitScope={unitScope}
            progressRolledUp={progressRolledUp}
            hasParent={current.parentId !== null}
          />
          <TaskWaiver task={current} blocked={dirty} pending={waiver.isPending} onWaive={waive} />
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            {current.allowed.update && (
              <Button
                onClick={save}
                loading={update.isPending}
                disabled={!dirty}
                leftSection={<IconDeviceFloppy size={18} />}
                data-testid="task-save"
              >
                {t('common.save')}
              </Button>
            )}
          </Group>
        </Tabs.Panel>
        <Tabs.Panel value="thread" pt="md">
          {renderThread(current)}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          {renderHistory(taskId)}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
