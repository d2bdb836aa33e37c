import type { Task } from '@accord/domain';
import { Stack, Tabs } from '@mantine/core';
import { IconClockExclamation, IconHistory, IconListCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader';
import { lazyComponent } from '../../lib/lazy-component';
import { invalidateAgreement } from '../../lib/query-keys';
import { usePerformanceMark } from '../../lib/use-performance-mark';
import { QueryError } from '../../components/ui/query-error';
import { useAgreement } from '../../features/agreements/api/get-agreement';
import { AgreementDetails } from '../../features/agreements/components/agreement-details';
import { AgreementHeader } from '../../features/agreements/components/agreement-header';
import { usePlanOutline } from '../../features/plan/api/get-plan';
import { PlanTab, type PlanListContext } from '../../features/plan/components/plan-tab';

// What the page does not show when it opens (the other tabs, the list view, a task's thread and
// history): fetched and evaluated the first time it is drawn.
const AgreementHistory = lazyComponent(() => import('../../features/history/components/agreement-history').then((m) => m.AgreementHistory));
const TaskHistory = lazyComponent(() => import('../../features/history/components/task-history').then((m) => m.TaskHistory));
const AgreementReporting = lazyComponent(() =>
  import('../../features/tasks/components/agreement-reporting').then((m) => m.AgreementReporting),
);
const AgreementTaskList = lazyComponent(() =>
  import('../../features/tasks/components/agreement-task-list').then((m) => m.AgreementTaskList),
);
const TaskThread = lazyComponent(() => import('../../features/thread/components/task-thread').then((m) => m.TaskThread));

/**
 * The agreement page puts the features together: the agreement itself, its plan (as a tree, or
 * as the tasks feature's list), each task's thread, and its history. Features do not import each other; this page wires them.
 */
export function AgreementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const agreement = useAgreement(id);
  usePerformanceMark('accord:agreement-shown', agreement.data !== undefined);
  const tab = params.get('tab') === 'history' ? 'history' : params.get('tab') === 'reporting' ? 'reporting' : 'plan';

  // The plan's outline is asked for with the agreement, not after it: the plan tab starts from it.
  usePlanOutline(id, { enabled: tab === 'plan' });

  // Every view of this agreement lives under one key: one invalidation refreshes them all.
  const onPlanChanged = useCallback(() => void invalidateAgreement(queryClient, id), [queryClient, id]);

  const renderList = useCallback(
    ({ leadUnits, areas }: PlanListContext) => (
      <Suspense fallback={<PageLoader />}>
        <AgreementTaskList agreementId={id} leadUnits={leadUnits} areas={areas} />
      </Suspense>
    ),
    [id],
  );

  const renderTaskHistory = useCallback(
    (taskId: string, knownTitles: ReadonlyMap<string, string>) => (
      <Suspense fallback={<PageLoader />}>
        <TaskHistory agreementId={id} taskId={taskId} knownTitles={knownTitles} />
      </Suspense>
    ),
    [id],
  );

  const renderTaskThread = useCallback(
    (task: Task, progressRolledUp: boolean) => (
      <Suspense fallback={<PageLoader />}>
        <TaskThread agreementId={id} taskId={task.id} progressRolledUp={progressRolledUp} currentProgress={task.progress} />
      </Suspense>
    ),
    [id],
  );

  if (agreement.isError) return <QueryError error={agreement.error} onRetry={() => void agreement.refetch()} />;
  if (!agreement.data) return <PageLoader />;

  return (
    <Stack gap="lg">
      <AgreementHeader agreement={agreement.data} />
      <AgreementDetails agreement={agreement.data} />
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(
            (current) => {
              // The plan's view (tree or list) stays when the user comes back from the history.
              const next = new URLSearchParams();
              if (value === 'history' || value === 'reporting') next.set('tab', value);
              const view = current.get('view');
              if (view) next.set('view', view);
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="plan" leftSection={<IconListCheck size={16} />} data-testid="tab-plan">
            {t('agreement.tabs.plan')}
          </Tabs.Tab>
          <Tabs.Tab value="reporting" leftSection={<IconClockExclamation size={16} />} data-testid="tab-reporting">
            {t('agreement.tabs.reporting')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
            {t('agreement.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md">
          <PlanTab
            agreement={agreement.data}
            renderList={renderList}
            renderTaskHistory={renderTaskHistory}
            renderTaskThread={renderTaskThread}
            onChanged={onPlanChanged}
          />
        </Tabs.Panel>
        <Tabs.Panel value="reporting" pt="md">
          <Suspense fallback={<PageLoader />}>
            <AgreementReporting agreementId={id} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Suspense fallback={<PageLoader />}>
            <AgreementHistory agreementId={id} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
