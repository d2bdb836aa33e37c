import type { SessionUser } from '@accord/domain';
import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export const sessionQueryKey = ['session'] as const;

/** The signed-in user, or null when nobody is signed in (401 is an answer here, not an error). */
export async function getSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/session');
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
