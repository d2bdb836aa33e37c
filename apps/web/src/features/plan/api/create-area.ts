import type { Area, areaCreateInput } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { planQueryKey } from './get-plan';

export type AreaCreateBody = z.input<typeof areaCreateInput>;

export function createArea(agreementId: string, body: AreaCreateBody): Promise<Area> {
  return api.post<Area>(`/api/agreements/${encodeURIComponent(agreementId)}/areas`, body);
}

export function useCreateArea(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AreaCreateBody) => createArea(agreementId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryKey(agreementId) }),
  });
}
