import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement, queryKeys } from '../../../lib/query-keys';

/** Where the plan's approval stands; refreshed with everything else of the agreement. */
export function usePlanApproval(agreementId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.planApproval(agreementId),
    queryFn: ({ signal }) => call('getPlanApproval', { params: { id: agreementId }, signal }),
    enabled,
  });
}

/** What changed from version `from` to version `to`, or to the plan as it is now. */
export function usePlanDiff(agreementId: string, from: string | null, to: string) {
  return useQuery({
    queryKey: queryKeys.planDiff(agreementId, from ?? '', to),
    queryFn: ({ signal }) => call('getPlanDiff', { params: { id: agreementId }, query: { from: from as string, to }, signal }),
    enabled: from !== null,
  });
}

/** A step of the approval: submit the plan, approve or return the version waiting, or take it back. */
export type ApprovalStep =
  | { step: 'submit'; note: string | null }
  | { step: 'approve'; versionId: string; version: number; note: string | null }
  | { step: 'return'; versionId: string; version: number; reason: string }
  | { step: 'withdraw'; versionId: string; version: number };

function takeApprovalStep(agreementId: string, s: ApprovalStep) {
  switch (s.step) {
    case 'submit':
      return call('submitPlan', { params: { id: agreementId }, body: { note: s.note } });
    case 'approve':
      return call('approvePlanVersion', {
        params: { id: agreementId, versionId: s.versionId },
        version: s.version,
        body: { note: s.note },
      });
    case 'return':
      return call('returnPlanVersion', {
        params: { id: agreementId, versionId: s.versionId },
        version: s.version,
        body: { reason: s.reason },
      });
    case 'withdraw':
      return call('withdrawPlanVersion', { params: { id: agreementId, versionId: s.versionId }, version: s.version });
  }
}

export function useApprovalStep(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: ApprovalStep) => takeApprovalStep(agreementId, step),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}

/** Waive a task's "5 rõ" check with a reason, or (reason null) take the waiver back. */
export function useTaskWaiver(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, version, reason }: { taskId: string; version: number; reason: string | null }) =>
      reason === null
        ? call('clearTaskWaiver', { params: { id: agreementId, taskId }, version })
        : call('waiveTaskClarity', { params: { id: agreementId, taskId }, version, body: { reason } }),
    onSuccess: (task) => queryClient.setQueryData(queryKeys.task(agreementId, task.id), task),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}
