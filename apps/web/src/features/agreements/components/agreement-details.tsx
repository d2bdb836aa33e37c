import type { AgreementDetail, Party } from '@accord/domain';
import { Anchor, Badge, Card, DataList, Grid, Group, List, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatPeriod } from '../../../lib/dates';

function PartyCard({ party, index }: { party: Party; index: number }) {
  const { t } = useTranslation('agreements');
  const merged = party.currentOrganisationId !== party.organisationId;
  return (
    <Card withBorder radius="md" padding="md" data-testid="agreement-party">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text fw={700}>{party.label ?? t('agreementForm.partyLabel', { letter: String.fromCharCode(65 + index) })}</Text>
        <Badge variant="light" color={party.side === 'government' ? 'blue' : 'grape'}>
          {t(`sides.${party.side}`)}
        </Badge>
      </Group>
      <Text fw={600} data-testid="party-name">
        {party.organisationName}
        {merged && (
          <Text span c="dimmed" fw={400} data-testid="party-now-part-of">
            {' '}
            {t('agreement.nowPartOf', { name: party.currentOrganisationName })}
          </Text>
        )}
      </Text>
      {(party.signatoryName || party.signatoryTitle) && (
        <Text size="sm" mt={6}>
          <Text span c="dimmed">
            {t('agreement.signatory')}:{' '}
          </Text>
          {[party.signatoryName, party.signatoryTitle].filter(Boolean).join(' — ')}
        </Text>
      )}
    </Card>
  );
}

/** The summary in three lines, the whole of it on demand. */
function Summary({ text }: { text: string }) {
  const { t } = useTranslation('agreements');
  const [open, setOpen] = useState(false);
  const long = text.length > 300;
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }} lineClamp={open || !long ? undefined : 3} data-testid="agreement-summary-text">
        {text}
      </Text>
      {long && (
        <UnstyledButton onClick={() => setOpen(!open)} mt={4} c="blue" fz="sm" aria-expanded={open}>
          {open ? t('common.showLess') : t('common.showMore')}
        </UnstyledButton>
      )}
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children || '—'}</DataList.ItemValue>
    </DataList.Item>
  );
}

function AgreementLinks({ items }: { items: { id: string; title: string }[] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={2}>
      {items.map((a) => (
        <Anchor key={a.id} component={Link} to={`/agreements/${a.id}`} size="sm">
          {a.title}
        </Anchor>
      ))}
    </Stack>
  );
}

/** Parties as signed (and what they belong to today), dates, legal bases, sources, related agreements. */
export function AgreementDetails({ agreement: a }: { agreement: AgreementDetail }) {
  const { t } = useTranslation('agreements');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: Math.min(Math.max(a.parties.length, 1), 3) }} spacing="md">
        {a.parties.map((p, i) => (
          <PartyCard key={p.organisationId} party={p} index={i} />
        ))}
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <DataList labelWidth={160} gap="xs">
              <Item label={t('fields.signedOn')}>{formatDate(a.signedOn)}</Item>
              <Item label={t('fields.signedPlace')}>{a.signedPlace}</Item>
              <Item label={t('agreement.period')}>{formatPeriod(a.periodStart, a.periodEnd)}</Item>
              <Item label={t('fields.visibility')}>{t(`visibility.${a.visibility}`)}</Item>
              <Item label={t('agreement.clarityCheck')}>
                {t(a.checksAuthority ? 'agreement.clarityWithAuthority' : 'agreement.clarityFive')}
              </Item>
              <Item label={t('agreement.statusRules')}>
                {t('agreement.statusRulesValue', { days: a.atRiskDays, margin: a.progressMargin })}
              </Item>
              <Item label={t('fields.reportCadence')}>{t(`reportCadence.${a.reportCadence}`)}</Item>
              {a.predecessor && (
                <Item label={t('fields.predecessorId')}>
                  <AgreementLinks items={[a.predecessor]} />
                </Item>
              )}
              {a.successors.length > 0 && (
                <Item label={t('agreement.successors')}>
                  <AgreementLinks items={a.successors} />
                </Item>
              )}
              {a.parent && (
                <Item label={t('agreement.parent')}>
                  <AgreementLinks items={[a.parent]} />
                </Item>
              )}
              {a.children.length > 0 && (
                <Item label={t('agreement.children')}>
                  <AgreementLinks items={a.children} />
                </Item>
              )}
            </DataList>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Title order={5} mb={6}>
              {t('fields.legalBases')}
            </Title>
            {a.legalBases.length > 0 ? (
              <List size="sm" spacing={4} data-testid="legal-bases">
                {a.legalBases.map((basis) => (
                  <List.Item key={basis}>{basis}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
            <Title order={5} mt="md" mb={6}>
              {t('fields.sourceUrls')}
            </Title>
            {a.sourceUrls.length > 0 ? (
              <Stack gap={4}>
                {a.sourceUrls.map((url) => (
                  <Anchor key={url} href={url} target="_blank" rel="noopener noreferrer" size="sm" data-testid="source-link">
                    <Group gap={4} wrap="nowrap" component="span">
                      <IconExternalLink size={14} style={{ flexShrink: 0 }} />
                      <span>{url}</span>
                    </Group>
                  </Anchor>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      {a.summary && (
        <Paper withBorder p="md" radius="md">
          <Title order={5} mb={6}>
            {t('fields.summary')}
          </Title>
          <Summary text={a.summary} />
        </Paper>
      )}
    </Stack>
  );
}
