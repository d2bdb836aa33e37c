import type { Organisation, OrganisationKind, Side } from '@accord/domain';
import { useQuery } from '@tanstack/react-query';
import { call } from '../api-client';
import { queryKeys } from '../query-keys';

/**
 * Organisations are reference data every feature needs (party pickers, lead units, filters),
 * so their one query lives here rather than in a feature.
 */
export interface OrganisationFilter {
  side?: Side;
  kind?: OrganisationKind;
  q?: string;
  includeHistorical?: boolean;
}

export async function getOrganisations(filter: OrganisationFilter): Promise<Organisation[]> {
  const { items } = await call('listOrganisations', {
    query: { ...filter, includeHistorical: filter.includeHistorical ? 'true' : undefined },
  });
  return items;
}

/** `enabled: false` holds the request back until the list is needed (it is large: every unit of the country). */
export function useOrganisations(filter: OrganisationFilter = {}, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.organisations(filter),
    queryFn: () => getOrganisations(filter),
    staleTime: 5 * 60_000,
    enabled,
  });
}
