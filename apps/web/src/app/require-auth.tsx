import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { PageLoader } from '../components/ui/page-loader';
import { QueryError } from '../components/ui/query-error';
import { sessionQueryKey, useSession, type Session } from '../features/auth/api/get-session';
import { CurrentUserContext } from '../lib/current-user';
import { setUnauthenticatedHandler } from '../lib/query-client';

/** Pages behind sign-in: the user goes to sign in, and comes back to where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (queryClient.getQueryData<Session | null>(sessionQueryKey)) {
        notifications.show({ color: 'yellow', message: t('auth.sessionExpired') });
      }
      queryClient.setQueryData(sessionQueryKey, null);
    });
  }, [queryClient, t]);

  if (session.isPending) return <PageLoader />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <CurrentUserContext value={session.data.user}>{children}</CurrentUserContext>;
}
