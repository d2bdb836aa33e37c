import type { SessionUser } from '@accord/domain';
import { useQuery } from '@tanstack/react-query';
import { call, setCsrfToken } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export const sessionQueryKey = queryKeys.session;

/** The signed-in user, or null when nobody is signed in (401 is an answer here, not an error). */
export async function getSession(): Promise<Session | null> {
  try {
    const session = await call('getSession', {});
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: 5 * 60_000 });
}
