import { Button, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState mt="xl" icon={<IconMapQuestion size={40} />} title={t('notFound.title')} description={t('notFound.description')}>
      <EmptyState.Actions>
        <Button component={Link} to="/agreements">
          {t('notFound.back')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
