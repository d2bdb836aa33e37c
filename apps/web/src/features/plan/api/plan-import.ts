import type { ImportFix } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, callUpload } from '../../../lib/api-client';
import { invalidateAgreement } from '../../../lib/query-keys';

/** Reads a workbook into a preview (nothing of the plan changes). */
export function useUploadPlanImport(agreementId: string) {
  return useMutation({
    mutationFn: (file: File) => callUpload('uploadPlanImport', { params: { id: agreementId }, query: { name: file.name }, file }),
  });
}

/** The preview again with the fixes typed in it. */
export function useCheckPlanImport(agreementId: string) {
  return useMutation({
    mutationFn: ({ importId, fixes }: { importId: string; fixes: ImportFix[] }) =>
      call('checkPlanImport', { params: { id: agreementId, importId }, body: { fixes } }),
  });
}

/** Creates the preview's areas and tasks, all or nothing; the plan and all that counts it refresh. */
export function useApplyPlanImport(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ importId, version, fixes }: { importId: string; version: number; fixes: ImportFix[] }) =>
      call('applyPlanImport', { params: { id: agreementId, importId }, version, body: { fixes } }),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}
