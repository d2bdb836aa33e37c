import type { SessionUser } from '@accord/domain';
import { can } from '@accord/domain/policy';
import { createContext, use } from 'react';

/** The signed-in user, provided once by the app shell for every page behind sign-in. */
export const CurrentUserContext = createContext<SessionUser | null>(null);

export function useCurrentUser(): SessionUser {
  const user = use(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is used outside a signed-in page');
  return user;
}

/**
 * Whether the user may draft an agreement of their own organisation: the policy table's
 * `agreement.create` row, as the server reads it (the server then checks the parties).
 */
export function canCreateAgreements(user: SessionUser): boolean {
  return can(user, 'agreement.create', { relation: 'own' });
}
