import type { Area, areaUpdateInput } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { planQueryKey } from './get-plan';

export type AreaUpdateBody = z.input<typeof areaUpdateInput>;

export function updateArea(agreementId: string, areaId: string, version: number, body: AreaUpdateBody): Promise<Area> {
  return api.patch<Area>(`/api/agreements/${encodeURIComponent(agreementId)}/areas/${encodeURIComponent(areaId)}`, body, { version });
}

/** Edits an area; the plan is reloaded either way, so a 412 also brings the newer version. */
export function useUpdateArea(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ areaId, version, body }: { areaId: string; version: number; body: AreaUpdateBody }) =>
      updateArea(agreementId, areaId, version, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryKey(agreementId) }),
  });
}
