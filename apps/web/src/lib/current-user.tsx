import type { SessionUser } from '@accord/domain';
import { createContext, use } from 'react';

/** The signed-in user, provided once by the app shell for every page behind sign-in. */
export const CurrentUserContext = createContext<SessionUser | null>(null);

export function useCurrentUser(): SessionUser {
  const user = use(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is used outside a signed-in page');
  return user;
}

/** Coordinators and administrators may draft agreements (the server checks the parties). */
export function canCreateAgreements(user: SessionUser): boolean {
  return user.role === 'coordinator' || user.role === 'admin';
}
