import type { PasswordChangeInput } from '@accord/domain';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';

/** Changes the signed-in user's password; the server ends every other session of theirs. */
export function useChangePassword() {
  return useMutation({ mutationFn: (body: PasswordChangeInput) => call('changePassword', { body }) });
}
