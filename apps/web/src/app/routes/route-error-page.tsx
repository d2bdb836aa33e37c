import { Button, EmptyState } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * What a person sees when a page fails to render or load (a bug, a chunk that did not arrive, a
 * bad address): a sentence in their language and a way on, never a stack trace. The error itself
 * goes to the console for whoever investigates.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <EmptyState
      mt="xl"
      icon={<IconAlertTriangle size={40} />}
      title={missing ? t('notFound.title') : t('routeError.title')}
      description={missing ? t('notFound.description') : t('routeError.description')}
    >
      <EmptyState.Actions>
        <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
        {/* A full load: whatever state broke this page does not come along. */}
        <Button variant="default" component="a" href="/agreements">
          {t('notFound.back')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
