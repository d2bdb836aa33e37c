import { obligorsUserMayCreate } from '@accord/domain/policy';
import { type AgreementDetail, type Area, type Obligor, type Task, type TaskNode } from '@accord/domain';
import { Alert, Badge, Button, Drawer, EmptyState, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconChecklist,
  IconFileSpreadsheet,
  IconFoldDown,
  IconFoldUp,
  IconList,
  IconListTree,
  IconPlus,
  IconTimeline,
  IconUpload,
} from '@tabler/icons-react';
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { notifyConflict, notifyError, notifySuccess } from '../../../components/ui/notify';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { endpointUrl } from '../../../lib/api-client';
import { isVersionConflict } from '../../../lib/api-error';
import { useCurrentUser } from '../../../lib/current-user';
import { useOrganisations } from '../../../lib/organisations/get-organisations';
import { organisationName, subtreeIds } from '../../../lib/organisations/organisation-names';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useHasPainted } from '../../../lib/use-has-painted';
import { useDeleteArea } from '../api/delete-area';
import { useDeleteTask } from '../api/delete-task';
import { usePlan } from '../api/get-plan';
import { useMoveTask } from '../api/move-task';
import { AreaFormModal } from './area-form-modal';
import { AreaSection } from './area-section';
import { MoveTaskModal } from './move-task-modal';
import { PlanApprovalPanel } from './plan-approval-panel';
import { PlanImportModal } from './plan-import-modal';
import { PlanTimeline } from './timeline/plan-timeline';
import { allTaskIds, claritySummary, failingOnly, findTask, isProgressRolledUp, leadUnitsOf, planTitles, type PlanArea } from './plan-tree';
import { AuthorityCheck } from './clarity-rules';
import { TaskCreatePanel } from './task-create-panel';
import { TaskEditPanel } from './task-edit-panel';
import { useStableTaskActions, type TaskActions } from './task-table';
import { usePlanTreeView, useScrollToOpenTask } from './use-plan-tree-view';

type Dialog =
  | { kind: 'area-form'; area: Area | null }
  | { kind: 'area-delete'; area: Area }
  | { kind: 'task-create'; areaId: string; parent: TaskNode | null }
  | { kind: 'task-move'; task: TaskNode }
  | { kind: 'task-delete'; task: TaskNode };

/** What the list view needs from the plan for its filters. */
export interface PlanListContext {
  /** The units that lead at least one task, by name. */
  leadUnits: NonNullable<Task['leadUnit']>[];
  areas: { id: string; title: string }[];
}

interface PlanTabProps {
  agreement: Pick<AgreementDetail, 'id' | 'parties' | 'permissions' | 'checksAuthority'>;
  /** The plan as a flat list (the tasks feature owns it), shown instead of the tree on ?view=list. */
  renderList?: (context: PlanListContext) => ReactNode;
  /** The task history view, supplied by the page (the history feature owns it); titles name the plan's ids. */
  renderTaskHistory: (taskId: string, knownTitles: ReadonlyMap<string, string>) => ReactNode;
  /** A task's thread, with whether its progress is rolled up from its sub-tasks. */
  renderTaskThread: (task: Task, progressRolledUp: boolean) => ReactNode;
  /** After any change to the plan: the page refreshes what depends on it (task count, history). */
  onChanged: () => void;
}

/**
 * The joint plan: cooperation areas, each with its tree of tasks, or the same tasks as a list.
 * The open task is in the address (?task=…), so a link from elsewhere can open it.
 */
export function PlanTab({ agreement, renderList, renderTaskHistory, renderTaskThread, onChanged }: PlanTabProps) {
  const { t, i18n } = useTranslation('plan');
  const [params, setParams] = useSearchParams();
  const openTaskId = params.get('task');
  const asked = params.get('view');
  const view = renderList && asked === 'list' ? 'list' : asked === 'timeline' ? 'timeline' : 'tree';
  // ?clarity=failing: the tree shows only the tasks that fail the "5 rõ" check (and the tasks above them).
  const onlyFailing = view === 'tree' && params.get('clarity') === 'failing';
  const errorMessage = useErrorMessage();
  const user = useCurrentUser();
  // The plan can be megabytes: asked for once the page around it (the agreement's heading) is painted.
  const hasPainted = useHasPainted();
  const plan = usePlan(agreement.id, { enabled: hasPainted });
  const moveTask = useMoveTask(agreement.id);
  const deleteTask = useDeleteTask(agreement.id);
  const deleteArea = useDeleteArea(agreement.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [importing, setImporting] = useState(false);
  const tree = usePlanTreeView(plan.data?.areas);
  const { reveal } = tree;
  const isDrawerOpen = dialog?.kind === 'task-create' || openTaskId !== null;
  // Every unit of the country: only the task form needs it, so it is not fetched before a task opens.
  const organisations = useOrganisations({ includeHistorical: true }, { enabled: isDrawerOpen });
  const close = () => {
    setDialog(null);
    if (openTaskId) {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('task');
          return next;
        },
        { replace: true },
      );
    }
  };
  // flushSync: the panel opens (and starts loading the task) at once, not in a deferred transition.
  const openTask = (taskId: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('task', taskId);
        return next;
      },
      { replace: true, flushSync: true },
    );
  // Another view starts from an unfiltered list; the tab stays.
  const toggleFailing = (on: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (on) next.set('clarity', 'failing');
        else next.delete('clarity');
        return next;
      },
      { replace: true },
    );
  const changeView = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams();
        const tab = current.get('tab');
        if (tab) next.set('tab', tab);
        if (value === 'list' || value === 'timeline') next.set('view', value);
        return next;
      },
      { replace: true },
    );

  const { permissions } = agreement;
  const canWrite = permissions.allowed.writeAreas;
  // The policy decides which obligors this user may give a new task, as the server does.
  const obligorOptions: readonly Obligor[] = obligorsUserMayCreate(user, permissions.side);
  const unitScope = useMemo(() => {
    const roots = agreement.parties.flatMap((p) => [p.organisationId, p.currentOrganisationId]);
    return organisations.data ? subtreeIds(roots, organisations.data) : undefined;
  }, [agreement.parties, organisations.data]);

  const afterChange = () => {
    onChanged();
    close();
  };
  const onWriteError = (error: unknown) => {
    if (isVersionConflict(error)) notifyConflict(t('conflict.title'), t('conflict.message'));
    else notifyError(errorMessage(error));
  };

  const taskActions: TaskActions = {
    onOpen: (task) => openTask(task.id),
    onAddSubtask: (task) => setDialog({ kind: 'task-create', areaId: task.areaId, parent: task }),
    onMove: (task) => setDialog({ kind: 'task-move', task }),
    onDelete: (task) => setDialog({ kind: 'task-delete', task }),
    onMoveBy: (task, delta) =>
      moveTask.mutate(
        {
          taskId: task.id,
          version: task.version,
          body: { areaId: task.areaId, parentId: task.parentId, position: Math.max(0, task.position + delta) },
        },
        {
          onSuccess: () => {
            reveal(task.id);
            onChanged();
          },
          onError: onWriteError,
        },
      ),
  };
  const stableTaskActions = useStableTaskActions(taskActions);
  const editArea = useCallback((area: Area) => setDialog({ kind: 'area-form', area }), []);
  const askDeleteArea = useCallback((area: Area) => setDialog({ kind: 'area-delete', area }), []);
  const addTask = useCallback((area: Area, parent: TaskNode | null) => setDialog({ kind: 'task-create', areaId: area.id, parent }), []);

  // A task opened from a link, or just created or moved, may sit in a closed area or past the rows shown.
  useEffect(() => {
    if (openTaskId) reveal(openTaskId);
  }, [openTaskId, reveal]);

  // Drawing a large tree takes a while: React draws it in the background, in slices, so the page
  // stays responsive meanwhile; the rest of the page shows the plan's current data at once.
  const withAuthority = agreement.checksAuthority;
  const shownAreas = useMemo(
    () => (plan.data && onlyFailing ? failingOnly(plan.data.areas, withAuthority) : plan.data?.areas),
    [plan.data, onlyFailing, withAuthority],
  );
  const treeAreas = useDeferredValue(shownAreas);
  useScrollToOpenTask(openTaskId, tree, treeAreas);

  const derived = useMemo(() => (plan.data ? planFacts(plan.data.areas, withAuthority) : null), [plan.data, withAuthority]);

  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data || !derived) return <PageLoader />;
  const areas = plan.data.areas;
  const { everyTask, titles, clarity } = derived;
  const failingCount = clarity.total - clarity.clear;

  return (
    <AuthorityCheck.Provider value={withAuthority}>
      <Stack gap="md" data-testid="plan-tab">
        {everyTask.size > 0 && (
          <PlanApprovalPanel
            agreementId={agreement.id}
            onShowFailing={() => {
              if (view !== 'tree') changeView('tree');
              toggleFailing(true);
            }}
          />
        )}
        <Group justify="space-between">
          <Group gap="md">
            {renderList && (
              <SegmentedControl
                size="sm"
                value={view}
                onChange={changeView}
                aria-label={t('plan.views.label')}
                data-testid="plan-view"
                data={[
                  { value: 'tree', label: <ViewLabel icon={<IconListTree size={16} />} label={t('plan.views.tree')} /> },
                  { value: 'list', label: <ViewLabel icon={<IconList size={16} />} label={t('plan.views.list')} /> },
                  { value: 'timeline', label: <ViewLabel icon={<IconTimeline size={16} />} label={t('plan.views.timeline')} /> },
                ]}
              />
            )}
            <Text c="dimmed" size="sm">
              {t('plan.summary', { areas: areas.length, tasks: everyTask.size })}
            </Text>
            {clarity.total > 0 && (
              <Badge
                variant="light"
                color={clarity.score === 100 ? 'green' : 'orange'}
                leftSection={<IconChecklist size={14} />}
                title={t('clarity.scoreHint', { ...clarity })}
                data-testid="plan-clarity-score"
                data-score={clarity.score}
              >
                {t('clarity.score', { score: clarity.score })}
              </Badge>
            )}
            {view === 'tree' && (failingCount > 0 || onlyFailing) && (
              <Button
                size="compact-sm"
                radius="xl"
                variant={onlyFailing ? 'filled' : 'default'}
                color="orange"
                aria-pressed={onlyFailing}
                onClick={() => toggleFailing(!onlyFailing)}
                data-testid="plan-clarity-filter"
              >
                {t('clarity.failingOnly', { n: failingCount })}
              </Button>
            )}
          </Group>
          <Group gap="xs">
            {view === 'tree' && everyTask.size > 0 && (
              <>
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconFoldDown size={14} />}
                  onClick={tree.expandAll}
                  data-testid="plan-expand-all"
                >
                  {t('common.expandAll')}
                </Button>
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconFoldUp size={14} />}
                  onClick={tree.collapseAll}
                  data-testid="plan-collapse-all"
                >
                  {t('common.collapseAll')}
                </Button>
              </>
            )}
            {everyTask.size > 0 && (
              <Button
                component="a"
                href={endpointUrl('exportPlan', { id: agreement.id })}
                download
                variant="default"
                size="xs"
                leftSection={<IconFileSpreadsheet size={14} />}
                data-testid="plan-export"
              >
                {t('plan.exportXlsx')}
              </Button>
            )}
            {permissions.allowed.importPlan && (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconUpload size={14} />}
                onClick={() => setImporting(true)}
                data-testid="plan-import-open"
              >
                {t('import.open')}
              </Button>
            )}
            {canWrite && (
              <Button
                size="sm"
                leftSection={<IconPlus size={16} />}
                onClick={() => setDialog({ kind: 'area-form', area: null })}
                data-testid="add-area"
              >
                {t('plan.addArea')}
              </Button>
            )}
          </Group>
        </Group>

        {view === 'list' && renderList?.(listContextOf(areas, i18n.language))}

        {view === 'timeline' && <PlanTimeline areas={areas} onOpenTask={openTask} />}

        {view === 'tree' && areas.length === 0 && (
          <EmptyState
            py="xl"
            icon={<IconListTree size={36} />}
            title={t('plan.emptyTitle')}
            description={canWrite ? t('plan.emptyDescriptionEditor') : t('plan.emptyDescription')}
            data-testid="plan-empty"
          />
        )}

        {onlyFailing && failingCount === 0 && (
          <EmptyState py="xl" icon={<IconChecklist size={36} />} title={t('clarity.noneFailing')} data-testid="plan-clarity-none" />
        )}

        {view === 'tree' && !treeAreas && <PageLoader />}
        {view === 'tree' &&
          treeAreas?.map((area, index) => {
            const isOpen = tree.isAreaOpen(area.id);
            return (
              <AreaSection
                key={area.id}
                area={area}
                index={index}
                canWriteArea={canWrite}
                canAddTask={permissions.allowed.createTasks}
                isOpen={isOpen}
                rowBudget={tree.rowBudget(area.id)}
                // A closed area draws no task: the same function every time leaves it as it is.
                isTaskOpen={isOpen ? tree.isTaskOpen : isNeverOpen}
                selectedTaskId={isOpen ? openTaskId : null}
                onToggleArea={tree.toggleArea}
                onShowMore={tree.showMore}
                onToggleTask={tree.toggleTask}
                onEdit={editArea}
                onDelete={askDeleteArea}
                onAddTask={addTask}
                taskActions={stableTaskActions}
              />
            );
          })}

        {dialog?.kind === 'area-form' && (
          <AreaFormModal
            agreementId={agreement.id}
            area={dialog.area}
            onClose={close}
            onSaved={(saved) => {
              tree.openArea(saved.id);
              afterChange();
            }}
          />
        )}
        {dialog?.kind === 'task-move' && (
          <MoveTaskModal
            agreementId={agreement.id}
            areas={areas}
            task={dialog.task}
            onClose={close}
            onMoved={() => {
              reveal(dialog.task.id);
              afterChange();
            }}
          />
        )}

        <Drawer
          opened={isDrawerOpen}
          onClose={close}
          position="right"
          size="xl"
          title={
            dialog?.kind === 'task-create' ? t(dialog.parent ? 'plan.addSubtask' : 'plan.addTask') : (titles.get(openTaskId ?? '') ?? '')
          }
          data-testid="task-drawer"
        >
          {dialog?.kind === 'task-create' && (
            <TaskCreatePanel
              agreementId={agreement.id}
              areaId={dialog.areaId}
              parent={dialog.parent}
              obligorOptions={obligorOptions}
              unitScope={unitScope}
              onCreated={(created) => {
                reveal(created.id);
                afterChange();
              }}
              onClose={close}
            />
          )}
          {dialog?.kind !== 'task-create' && openTaskId && !everyTask.has(openTaskId) && (
            // A stale or mistyped link: say so rather than ask the server about an id the plan does not have.
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="task-not-found">
              {t('errors.TASK_NOT_FOUND')}
            </Alert>
          )}
          {dialog?.kind !== 'task-create' && openTaskId && everyTask.has(openTaskId) && (
            <TaskEditPanel
              key={openTaskId}
              agreementId={agreement.id}
              taskId={openTaskId}
              obligorOptions={obligorOptions}
              unitScope={unitScope}
              progressRolledUp={isProgressRolledUp(findTask(areas, openTaskId) ?? { children: [] })}
              renderHistory={(taskId) => renderTaskHistory(taskId, titles)}
              renderThread={(task) => renderTaskThread(task, isProgressRolledUp(findTask(areas, task.id) ?? { children: [] }))}
              onSaved={onChanged}
              onClose={close}
            />
          )}
        </Drawer>

        <ConfirmModal
          opened={dialog?.kind === 'task-delete'}
          title={t('plan.deleteTaskTitle')}
          message={
            dialog?.kind === 'task-delete' ? t('plan.deleteTaskMessage', { title: dialog.task.title, n: dialog.task.children.length }) : ''
          }
          confirmLabel={t('common.delete')}
          loading={deleteTask.isPending}
          onClose={close}
          onConfirm={() => {
            if (dialog?.kind !== 'task-delete') return;
            deleteTask.mutate(
              { taskId: dialog.task.id, version: dialog.task.version },
              {
                onSuccess: () => {
                  notifySuccess(t('plan.taskDeleted'));
                  afterChange();
                },
                onError: (e) => {
                  onWriteError(e);
                  close();
                },
              },
            );
          }}
        />
        <ConfirmModal
          opened={dialog?.kind === 'area-delete'}
          title={t('plan.deleteArea')}
          message={dialog?.kind === 'area-delete' ? t('plan.deleteAreaMessage', { title: dialog.area.title }) : ''}
          confirmLabel={t('common.delete')}
          loading={deleteArea.isPending}
          onClose={close}
          onConfirm={() => {
            if (dialog?.kind !== 'area-delete') return;
            deleteArea.mutate(
              { areaId: dialog.area.id, version: dialog.area.version },
              {
                onSuccess: () => {
                  notifySuccess(t('plan.areaDeleted'));
                  afterChange();
                },
                onError: (e) => {
                  onWriteError(e);
                  close();
                },
              },
            );
          }}
        />
        {permissions.allowed.importPlan && (
          <PlanImportModal agreementId={agreement.id} opened={importing} onClose={() => setImporting(false)} onImported={onChanged} />
        )}
      </Stack>
    </AuthorityCheck.Provider>
  );
}

function ViewLabel({ icon, label }: { icon: ReactNode; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      {icon}
      <span>{label}</span>
    </Group>
  );
}

const isNeverOpen = () => false;

/** What the page works out once per loaded plan rather than on every render: thousands of tasks. */
function planFacts(areas: readonly PlanArea[], withAuthority: boolean) {
  return {
    everyTask: new Set(areas.flatMap((a) => allTaskIds(a.tasks))),
    titles: planTitles(areas),
    clarity: claritySummary(areas, withAuthority),
  };
}

/** The list view's filter choices: the plan's lead units by name, and its areas. */
function listContextOf(areas: readonly PlanArea[], language: string): PlanListContext {
  const name = (u: PlanListContext['leadUnits'][number]) => organisationName({ nameVi: u.name, nameEn: u.nameEn }, language);
  const collator = new Intl.Collator('vi');
  return {
    leadUnits: leadUnitsOf(areas).sort((a, b) => collator.compare(name(a), name(b))),
    areas: areas.map((a) => ({ id: a.id, title: a.title })),
  };
}
