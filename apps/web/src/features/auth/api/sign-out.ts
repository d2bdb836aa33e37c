import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, setCsrfToken } from '../../../lib/api-client';
import { sessionQueryKey } from './get-session';

export async function signOut(): Promise<void> {
  await call('signOut', {});
  setCsrfToken(null);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      // Whatever the answer, nothing of this user's data stays in the page.
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
