import { securityEventKinds, type SecurityEvent, type SecurityEventKind } from '@accord/domain';
import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { useCurrentUser } from '../../../lib/current-user';
import { formatDateTime } from '../../../lib/dates';
import { useSecurityEvents } from '../api/get-security-events';

const warning: ReadonlySet<SecurityEventKind> = new Set([
  'sign_in.failed',
  'sign_in.throttled',
  'password.change_refused',
  'access.denied',
]);

/** The security log for administrators: sign-ins, lockouts, refusals and administrative actions, newest first. */
export function SecurityEventsPage() {
  const { t } = useTranslation('account');
  const user = useCurrentUser();
  const [kind, setKind] = useState<SecurityEventKind | null>(null);
  const events = useSecurityEvents(kind);
  if (user.role !== 'admin') return <Navigate to="/agreements" replace />;

  const items: SecurityEvent[] = events.data?.pages.flatMap((p) => p.items) ?? [];
  const detail = (e: SecurityEvent) => {
    const d = e.details as {
      method?: string;
      route?: string;
      status?: number;
      code?: string;
      retryAfterSeconds?: number;
      endedSessions?: number;
    };
    if (d.route) return `${d.method ?? ''} ${d.route}${d.status ? ` → ${d.status}` : ''}${d.code ? ` (${d.code})` : ''}`;
    if (d.retryAfterSeconds) return t('security.waits', { n: Math.ceil(d.retryAfterSeconds / 60) });
    if (d.endedSessions !== undefined) return t('security.endedSessions', { n: d.endedSessions });
    return d.code ?? '';
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('security.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('security.subtitle')}
        </Text>
      </div>
      <Group>
        <Select
          label={t('security.kind')}
          placeholder={t('security.allKinds')}
          clearable
          value={kind}
          onChange={(v) => setKind(v as SecurityEventKind | null)}
          data={securityEventKinds.map((k) => ({ value: k, label: t(`security.kinds.${k}`) }))}
          data-testid="security-kind"
          w={280}
        />
      </Group>
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('security.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="security-events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('security.at')}</Table.Th>
                <Table.Th>{t('security.kind')}</Table.Th>
                <Table.Th>{t('security.who')}</Table.Th>
                <Table.Th>{t('security.address')}</Table.Th>
                <Table.Th>{t('security.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={warning.has(e.kind) ? 'orange' : 'blue'}>
                      {t(`security.kinds.${e.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{e.email ?? '—'}</Table.Td>
                  <Table.Td>
                    <bdi>{e.ip ?? '—'}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{detail(e)}</bdi>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
            {t('security.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
