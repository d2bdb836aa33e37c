import type { AgreementDetail } from '@accord/domain';
import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AgreementStatusBadge } from '../../../components/ui/status-badge';
import { StatusMenu } from './status-menu';

export function AgreementHeader({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation('agreements');
  const { permissions } = agreement;
  return (
    <Stack gap="xs">
      <Breadcrumbs>
        <Anchor component={Link} to="/agreements">
          {t('nav.agreements')}
        </Anchor>
        <Text size="sm" lineClamp={1}>
          {agreement.reference ?? agreement.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} style={{ flex: '1 1 480px' }}>
          <Title order={2} data-testid="agreement-title-heading">
            {agreement.title}
          </Title>
          <Group gap="xs">
            <AgreementStatusBadge status={agreement.status} />
            <Badge variant="outline" color="gray">
              {t(`agreementKind.${agreement.kind}`)}
            </Badge>
            {agreement.reference && (
              <Text size="sm" c="dimmed">
                {t('fields.reference')}: {agreement.reference}
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          {permissions.allowed.changeStatus && <StatusMenu agreement={agreement} />}
          {permissions.allowed.update && (
            <Button
              component={Link}
              to={`/agreements/${agreement.id}/edit`}
              leftSection={<IconPencil size={18} />}
              data-testid="edit-agreement"
            >
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}
