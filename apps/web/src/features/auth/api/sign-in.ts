import type { SignInInput } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, setCsrfToken } from '../../../lib/api-client';
import { sessionQueryKey, type Session } from './get-session';

export async function signIn(input: SignInInput): Promise<Session> {
  // A fresh pre-session token: an old one may belong to a session that has ended.
  setCsrfToken(null);
  const session = await call('signIn', { body: input });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
