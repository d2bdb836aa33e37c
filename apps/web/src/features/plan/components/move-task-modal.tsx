import { AREA_PAGE_MAX, type Area, type TaskNode } from '@accord/domain';
import { Alert, Button, Group, Loader, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconArrowsMove } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyConflict, notifySuccess } from '../../../components/ui/notify';
import { isVersionConflict } from '../../../lib/api-error';
import { fieldErrorsFromApi } from '../../../lib/field-errors';
import { useErrorMessage } from '../../../lib/use-error-message';
import { QueryError } from '../../../components/ui/query-error';
import { usePlanAreas } from '../api/get-plan';
import { useMoveTask } from '../api/move-task';
import { childrenOf, parentOptions, type PlanArea } from './plan-tree';

interface MoveTaskModalProps {
  agreementId: string;
  /** The plan's areas; the one chosen is loaded whole, to choose a parent in it. */
  areas: readonly Area[];
  task: TaskNode;
  onClose: () => void;
  /** With the area it went to. */
  onMoved: (areaId: string) => void;
}

const TOP = '__top__';

/** Moves a task (with its sub-tasks) to another area, under another task, at a position. */
export function MoveTaskModal({ agreementId, areas, task, onClose, onMoved }: MoveTaskModalProps) {
  const { t } = useTranslation('plan');
  const errorMessage = useErrorMessage();
  const move = useMoveTask(agreementId);
  const [areaId, setAreaId] = useState(task.areaId);
  const [parentId, setParentId] = useState<string | null>(task.parentId);
  const [error, setError] = useState<string | null>(null);
  const wants = useMemo(() => [{ areaId, limit: AREA_PAGE_MAX, through: null }], [areaId]);
  const loaded = usePlanAreas(agreementId, wants).get(areaId);
  // The answer for the area chosen (while another loads, the one before it is not used).
  const page = loaded?.page?.areaId === areaId ? loaded.page : undefined;
  const outlineArea = areas.find((a) => a.id === areaId);
  const area: PlanArea | undefined = useMemo(
    () => (page && outlineArea ? { ...outlineArea, tasks: page.tasks } : undefined),
    [page, outlineArea],
  );

  const parents = useMemo(() => (area ? parentOptions(area, task) : []), [area, task]);
  const siblings = useMemo(() => (area ? childrenOf(area, parentId).filter((s) => s.id !== task.id) : []), [area, parentId, task.id]);
  const samePlace = areaId === task.areaId && parentId === task.parentId;
  // Where it is now, or (once the place's tasks have loaded) last among its new siblings.
  const [chosenPosition, setPosition] = useState<number | null>(null);
  const position = chosenPosition ?? (samePlace ? task.position + 1 : siblings.length + 1);

  const changePlace = (nextArea: string, nextParent: string | null) => {
    setAreaId(nextArea);
    setParentId(nextParent);
    setPosition(null);
  };

  const submit = () => {
    const body = { areaId, parentId, position: Math.max(0, Math.min(position, siblings.length + 1) - 1) };
    move.mutate(
      { taskId: task.id, version: task.version, body },
      {
        onSuccess: () => {
          notifySuccess(t('plan.moved'));
          onMoved(areaId);
        },
        onError: (e) => {
          if (isVersionConflict(e)) {
            notifyConflict(t('conflict.title'), t('conflict.message'));
            onClose();
            return;
          }
          setError(Object.values(fieldErrorsFromApi(e, t))[0] ?? errorMessage(e));
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('plan.moveTitle')} size="lg" centered>
      <Stack gap="sm" data-testid="move-task-form">
        <Text size="sm" fw={600}>
          {[task.code, task.title].filter(Boolean).join(' ')}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Select
          label={t('plan.moveArea')}
          data={areas.map((a) => ({ value: a.id, label: a.title }))}
          value={areaId}
          onChange={(v) => v && changePlace(v, null)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="move-area"
        />
        {loaded?.error && <QueryError error={loaded.error} onRetry={loaded.refetch} />}
        <Select
          label={t('plan.moveParent')}
          disabled={!area}
          rightSection={area ? undefined : <Loader size="xs" />}
          data={[
            { value: TOP, label: t('plan.topLevel') },
            ...parents.map(({ task: p, depth }) => ({
              value: p.id,
              label: `${'— '.repeat(depth)}${[p.code, p.title].filter(Boolean).join(' ')}`,
            })),
          ]}
          value={parentId ?? TOP}
          onChange={(v) => changePlace(areaId, !v || v === TOP ? null : v)}
          allowDeselect={false}
          searchable
          comboboxProps={{ withinPortal: true }}
          data-testid="move-parent"
        />
        <NumberInput
          label={t('plan.movePosition')}
          description={t('plan.movePositionHint', { n: siblings.length + 1 })}
          min={1}
          max={siblings.length + 1}
          value={position}
          onChange={(v) => setPosition(typeof v === 'number' ? v : Number.parseInt(v, 10) || 1)}
          allowDecimal={false}
          data-testid="move-position"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={move.isPending}
            disabled={!area}
            leftSection={<IconArrowsMove size={18} />}
            data-testid="move-save"
          >
            {t('plan.move')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
