import { createContext, useContext } from 'react';

/** Whether the agreement asks for the sixth "rõ" (who decides): set once by the plan, read by its rows and forms. */
export const AuthorityCheck = createContext(false);

export function useAuthorityCheck(): boolean {
  return useContext(AuthorityCheck);
}
