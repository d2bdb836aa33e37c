import { obligorsUserMayCreate } from '@accord/domain/policy';
import {
  AREA_PAGE_MAX,
  clarityScore,
  type AgreementDetail,
  type Area,
  type Obligor,
  type PlanOutline,
  type Task,
  type TaskNode,
} from '@accord/domain';
import { Alert, Badge, Button, Drawer, EmptyState, Group, Stack, Text } from '@mantine/core';
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
import { Suspense, useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { notifyConflict, notifyError, notifySuccess } from '../../../components/ui/notify';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { endpointUrl } from '../../../lib/api-client';
import { lazyComponent } from '../../../lib/lazy-component';
import { isApiError, isVersionConflict } from '../../../lib/api-error';
import { useCurrentUser } from '../../../lib/current-user';
import { useOrganisations } from '../../../lib/organisations/get-organisations';
import { organisationName, subtreeIds } from '../../../lib/organisations/organisation-names';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useBecameTrue, usePerformanceMark } from '../../../lib/use-performance-mark';
import { useDeleteArea } from '../api/delete-area';
import { useDeleteTask } from '../api/delete-task';
import { usePlanAreas, usePlanOutline, type AreaTasks, type AreaWant } from '../api/get-plan';
import { useTask } from '../api/get-task';
import { useMoveTask } from '../api/move-task';
import { AreaSection, type ShownArea } from './area-section';
import { PlanApprovalPanel } from './plan-approval-panel';
import { PlanTimeline } from './timeline/plan-timeline';
import { countTasks, failingOnly, findTask, isProgressRolledUp, planTitles, type PlanArea } from './plan-tree';
import { AuthorityCheck } from './clarity-rules';
import { useStableTaskActions, type TaskActions } from './task-table';
import { usePlanTreeView, useRevealWhenLoaded, useScrollToOpenTask, type PlanTreeView } from './use-plan-tree-view';

// What the tab does not show when it opens: fetched and evaluated the first time it is drawn.
const AreaFormModal = lazyComponent(() => import('./area-form-modal').then((m) => m.AreaFormModal));
const MoveTaskModal = lazyComponent(() => import('./move-task-modal').then((m) => m.MoveTaskModal));
const PlanImportModal = lazyComponent(() => import('./plan-import-modal').then((m) => m.PlanImportModal));
const TaskCreatePanel = lazyComponent(() => import('./task-create-panel').then((m) => m.TaskCreatePanel));
const TaskEditPanel = lazyComponent(() => import('./task-edit-panel').then((m) => m.TaskEditPanel));

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
  // The plan comes in parts: its outline (areas, counts; asked for by the page with the agreement),
  // then the tasks of each area as it opens, a page at a time.
  const outline = usePlanOutline(agreement.id);
  const outlineAreas = outline.data?.areas;
  const moveTask = useMoveTask(agreement.id);
  const deleteTask = useDeleteTask(agreement.id);
  const deleteArea = useDeleteArea(agreement.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [importing, setImporting] = useState(false);
  // The import dialog is drawn from its first opening on (and kept, so that it can close as it should).
  const [importDrawn, setImportDrawn] = useState(false);
  const tree = usePlanTreeView(outlineAreas);
  const { reveal } = tree;
  const withAuthority = agreement.checksAuthority;
  // The open task: where it is (its area loads as far as it), its title, or that the link is stale.
  const openedTask = useTask(agreement.id, openTaskId);
  const openTaskAreaId = openedTask.data?.id === openTaskId ? openedTask.data.areaId : undefined;
  const wants = useMemo(
    () => (outlineAreas ? areasToLoad(outlineAreas, tree, { view, onlyFailing, openTaskId, openTaskAreaId }) : []),
    [outlineAreas, tree, view, onlyFailing, openTaskId, openTaskAreaId],
  );
  const areaTasks = usePlanAreas(agreement.id, wants);
  const loadedAreas = useMemo(() => (outlineAreas ? loadedAreasOf(outlineAreas, areaTasks) : []), [outlineAreas, areaTasks]);
  useRevealWhenLoaded(tree, loadedAreas);
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
            reveal(task.id, task.areaId);
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
    if (openTaskId && openTaskAreaId) reveal(openTaskId, openTaskAreaId);
  }, [openTaskId, openTaskAreaId, reveal]);

  // Drawing a large tree takes a while: React draws it in the background, in slices, so the page
  // stays responsive meanwhile; the rest of the page shows the plan's current data at once. On the
  // first draw too (`null` until then): the page and its header are put on screen in one pass and
  // the tree's rows in the next, not all of it in one long task (the router has often loaded both
  // by the time the page's code arrives).
  const shownAreas = useMemo(
    () => (outlineAreas ? shownAreasOf(outlineAreas, areaTasks, { onlyFailing, withAuthority }) : undefined),
    [outlineAreas, areaTasks, onlyFailing, withAuthority],
  );
  const treeAreas = useDeferredValue<readonly ShownArea[] | undefined | null>(shownAreas, null) ?? undefined;
  // The tree's first screen: its first open area's first rows drawn (or a plan with none to draw).
  // The other views do not wait for it.
  const firstOpen = treeAreas?.find((a) => tree.isAreaOpen(a.area.id));
  const firstRowsShown = useBecameTrue(
    view !== 'tree' || (treeAreas !== undefined && (firstOpen === undefined || firstOpen.tasks !== undefined)),
  );
  usePerformanceMark('accord:plan-first-rows', view === 'tree' && firstRowsShown);
  useScrollToOpenTask(openTaskId, tree, treeAreas);
  const titles = useMemo(() => planTitles(loadedAreas), [loadedAreas]);

  if (outline.isError) return <QueryError error={outline.error} onRetry={() => void outline.refetch()} />;
  if (!outline.data) return <PageLoader />;
  const areas = outline.data.areas;
  const taskTotal = outline.data.clarity.total;
  const clarity = { clear: outline.data.clarity.clear, total: taskTotal, score: clarityScore(outline.data.clarity) };
  const failingCount = clarity.total - clarity.clear;
  const openTaskNode = openTaskId ? findTask(loadedAreas, openTaskId) : null;
  // A stale or mistyped link: the plan does not hold the task.
  const openTaskMissing = isApiError(openedTask.error) && (openedTask.error.status === 404 || openedTask.error.status === 400);
  const openTaskTitle =
    titles.get(openTaskId ?? '') ?? (openedTask.data ? [openedTask.data.code, openedTask.data.title].filter(Boolean).join(' ') : '');

  return (
    <AuthorityCheck.Provider value={withAuthority}>
      <Stack gap="md" data-testid="plan-tab">
        {taskTotal > 0 && (
          <PlanApprovalPanel
            agreementId={agreement.id}
            enabled={firstRowsShown}
            onShowFailing={() => {
              if (view !== 'tree') changeView('tree');
              toggleFailing(true);
            }}
          />
        )}
        <Group justify="space-between">
          <Group gap="md">
            {renderList && (
              // Buttons, not a SegmentedControl: that one measures itself when drawn, which made the
              // browser lay out the whole plan table in the middle of drawing it.
              <Button.Group aria-label={t('plan.views.label')} data-testid="plan-view">
                {(
                  [
                    { value: 'tree', icon: <IconListTree size={16} />, label: t('plan.views.tree') },
                    { value: 'list', icon: <IconList size={16} />, label: t('plan.views.list') },
                    { value: 'timeline', icon: <IconTimeline size={16} />, label: t('plan.views.timeline') },
                  ] as const
                ).map((option) => (
                  <Button
                    key={option.value}
                    size="sm"
                    variant={view === option.value ? 'filled' : 'default'}
                    aria-pressed={view === option.value}
                    leftSection={option.icon}
                    onClick={() => changeView(option.value)}
                    data-view={option.value}
                  >
                    {option.label}
                  </Button>
                ))}
              </Button.Group>
            )}
            <Text c="dimmed" size="sm">
              {t('plan.summary', { areas: areas.length, tasks: taskTotal })}
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
            {view === 'tree' && taskTotal > 0 && (
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
            {taskTotal > 0 && (
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
                onClick={() => {
                  setImportDrawn(true);
                  setImporting(true);
                }}
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

        {view === 'list' && renderList?.(listContextOf(outline.data, i18n.language))}

        {view === 'timeline' &&
          (loadedAreas.length === areas.length ? <PlanTimeline areas={loadedAreas} onOpenTask={openTask} /> : <PageLoader />)}

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
          treeAreas?.map((shown) => {
            const { area } = shown;
            const isOpen = tree.isAreaOpen(area.id);
            return (
              <AreaSection
                key={area.id}
                shown={shown}
                index={areas.findIndex((a) => a.id === area.id)}
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
          <Suspense fallback={null}>
            <AreaFormModal
              agreementId={agreement.id}
              area={dialog.area}
              onClose={close}
              onSaved={(saved) => {
                tree.openArea(saved.id);
                afterChange();
              }}
            />
          </Suspense>
        )}
        {dialog?.kind === 'task-move' && (
          <Suspense fallback={null}>
            <MoveTaskModal
              agreementId={agreement.id}
              areas={areas}
              task={dialog.task}
              onClose={close}
              onMoved={(areaId) => {
                reveal(dialog.task.id, areaId);
                afterChange();
              }}
            />
          </Suspense>
        )}

        <Drawer
          opened={isDrawerOpen}
          onClose={close}
          position="right"
          size="xl"
          title={dialog?.kind === 'task-create' ? t(dialog.parent ? 'plan.addSubtask' : 'plan.addTask') : openTaskTitle}
          data-testid="task-drawer"
        >
          <Suspense fallback={<PageLoader />}>
            {dialog?.kind === 'task-create' && (
              <TaskCreatePanel
                agreementId={agreement.id}
                areaId={dialog.areaId}
                parent={dialog.parent}
                obligorOptions={obligorOptions}
                unitScope={unitScope}
                onCreated={(created) => {
                  reveal(created.id, created.areaId);
                  afterChange();
                }}
                onClose={close}
              />
            )}
            {dialog?.kind !== 'task-create' && openTaskId && openTaskMissing && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="task-not-found">
                {t('errors.TASK_NOT_FOUND')}
              </Alert>
            )}
            {dialog?.kind !== 'task-create' && openTaskId && !openTaskMissing && openedTask.isError && (
              <QueryError error={openedTask.error} onRetry={() => void openedTask.refetch()} />
            )}
            {/* Shown once the plan holds the task, whose sub-tasks say whether its progress is rolled up. */}
            {dialog?.kind !== 'task-create' && openTaskId && !openedTask.isError && !openTaskNode && <PageLoader />}
            {dialog?.kind !== 'task-create' && openTaskId && openTaskNode && (
              <TaskEditPanel
                key={openTaskId}
                agreementId={agreement.id}
                taskId={openTaskId}
                obligorOptions={obligorOptions}
                unitScope={unitScope}
                progressRolledUp={isProgressRolledUp(openTaskNode)}
                renderHistory={(taskId) => renderTaskHistory(taskId, titles)}
                renderThread={(task) => renderTaskThread(task, isProgressRolledUp(findTask(loadedAreas, task.id) ?? openTaskNode))}
                onSaved={onChanged}
                onClose={close}
              />
            )}
          </Suspense>
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
        {permissions.allowed.importPlan && importDrawn && (
          <Suspense fallback={null}>
            <PlanImportModal agreementId={agreement.id} opened={importing} onClose={() => setImporting(false)} onImported={onChanged} />
          </Suspense>
        )}
      </Stack>
    </AuthorityCheck.Provider>
  );
}

const isNeverOpen = () => false;

const noRetry = () => undefined;

/**
 * Which areas' tasks the page asks for, and how many of them: in the tree, the open areas as far
 * as they are shown (whole when only the failing tasks are, since any of them may fail); in the
 * timeline, every area whole; and in any view, the open task's area as far as the task.
 */
function areasToLoad(
  areas: PlanOutline['areas'],
  tree: PlanTreeView,
  {
    view,
    onlyFailing,
    openTaskId,
    openTaskAreaId,
  }: { view: string; onlyFailing: boolean; openTaskId: string | null; openTaskAreaId?: string },
): AreaWant[] {
  const whole = (areaId: string): AreaWant => ({ areaId, limit: AREA_PAGE_MAX, through: null });
  const withTasks = areas.filter((a) => a.taskCount > 0);
  if (view === 'timeline') return withTasks.map((a) => whole(a.id));
  if (view === 'tree' && onlyFailing)
    return withTasks.filter((a) => tree.isAreaOpen(a.id) && a.clarity.clear < a.clarity.total).map((a) => whole(a.id));
  const shown = view === 'tree' ? withTasks.filter((a) => tree.isAreaOpen(a.id)) : withTasks.filter((a) => a.id === openTaskAreaId);
  return shown.map((a) => {
    const load = tree.load(a.id);
    return { areaId: a.id, limit: load.limit, through: a.id === openTaskAreaId && !load.through ? openTaskId : load.through };
  });
}

/** The areas whose tasks have loaded (as far as they are loaded), and those without tasks. */
function loadedAreasOf(areas: PlanOutline['areas'], loaded: ReadonlyMap<string, AreaTasks>): PlanArea[] {
  return areas.flatMap((a) => {
    const page = loaded.get(a.id)?.page;
    if (page) return [{ ...a, tasks: page.tasks }];
    return a.taskCount === 0 ? [{ ...a, tasks: [] }] : [];
  });
}

/** The areas the tree shows, each with what of its tasks has loaded; only the failing tasks (and those above them) if asked. */
function shownAreasOf(
  areas: PlanOutline['areas'],
  loaded: ReadonlyMap<string, AreaTasks>,
  { onlyFailing, withAuthority }: { onlyFailing: boolean; withAuthority: boolean },
): ShownArea[] {
  const listed = onlyFailing ? areas.filter((a) => a.clarity.clear < a.clarity.total) : areas;
  return listed.map((area) => {
    const state = loaded.get(area.id);
    const page = state?.page;
    const common = { area, loadError: state?.error ?? null, onRetry: state?.refetch ?? noRetry };
    if (area.taskCount === 0) return { ...common, tasks: [], topLevelTotal: 0, taskTotal: 0 };
    if (!onlyFailing)
      return { ...common, tasks: page?.tasks, topLevelTotal: page?.topLevelCount ?? area.topLevelCount, taskTotal: area.taskCount };
    // Cut down only once the whole area is there.
    if (!page || page.next !== null) return { ...common, tasks: undefined, topLevelTotal: area.topLevelCount, taskTotal: area.taskCount };
    const tasks = failingOnly([{ ...area, tasks: page.tasks }], withAuthority)[0]?.tasks ?? [];
    return { ...common, tasks, topLevelTotal: tasks.length, taskTotal: countTasks(tasks) };
  });
}

/** The list view's filter choices: the plan's lead units by name, and its areas. */
function listContextOf(outline: PlanOutline, language: string): PlanListContext {
  const name = (u: PlanListContext['leadUnits'][number]) => organisationName({ nameVi: u.name, nameEn: u.nameEn }, language);
  const collator = new Intl.Collator('vi');
  return {
    leadUnits: [...outline.leadUnits].sort((a, b) => collator.compare(name(a), name(b))),
    areas: outline.areas.map((a) => ({ id: a.id, title: a.title })),
  };
}
