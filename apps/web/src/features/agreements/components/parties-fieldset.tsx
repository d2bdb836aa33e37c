import type { Organisation } from '@accord/domain';
import { ActionIcon, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OrganisationSelect } from '../../../components/ui/organisation-select';
import type { FieldErrors } from '../../../lib/field-errors';
import { newPartyDraft, partyLabel, type PartyDraft } from './agreement-draft';

interface PartiesFieldsetProps {
  parties: PartyDraft[];
  onChange: (parties: PartyDraft[]) => void;
  organisations: ReadonlyMap<string, Organisation>;
  errors: FieldErrors;
}

const MAX_PARTIES = 10;

/** Bên A, Bên B, …: each an organisation of either side, with who signed for it and their title. */
export function PartiesFieldset({ parties, onChange, organisations, errors }: PartiesFieldsetProps) {
  const { t } = useTranslation('agreements');
  const update = (index: number, patch: Partial<PartyDraft>) => onChange(parties.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  return (
    <Stack gap="sm">
      {parties.map((party, index) => {
        const org = party.organisationId ? organisations.get(party.organisationId) : undefined;
        return (
          <Paper key={party.key} withBorder p="sm" radius="md" data-testid="party-fieldset">
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Text fw={600}>{party.label || partyLabel(index, t)}</Text>
                {org && (
                  <Badge variant="light" color={org.side === 'government' ? 'blue' : 'grape'}>
                    {t(`sides.${org.side}`)}
                  </Badge>
                )}
              </Group>
              {parties.length > 2 && (
                <Tooltip label={t('agreementForm.removeParty')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => onChange(parties.filter((_, i) => i !== index))}
                    aria-label={t('agreementForm.removeParty')}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <OrganisationSelect
                label={t('agreementForm.partyOrganisation')}
                required
                value={party.organisationId}
                onChange={(organisationId) => update(index, { organisationId })}
                error={errors[`parties.${index}.organisationId`]}
                testId={`party-organisation-${index}`}
              />
              <TextInput
                label={t('agreementForm.partyLabelField')}
                value={party.label}
                onChange={(e) => update(index, { label: e.currentTarget.value })}
                error={errors[`parties.${index}.label`]}
                data-testid={`party-label-${index}`}
              />
              <TextInput
                label={t('agreementForm.signatoryName')}
                value={party.signatoryName}
                onChange={(e) => update(index, { signatoryName: e.currentTarget.value })}
                error={errors[`parties.${index}.signatoryName`]}
                data-testid={`party-signatory-name-${index}`}
              />
              <TextInput
                label={t('agreementForm.signatoryTitle')}
                value={party.signatoryTitle}
                onChange={(e) => update(index, { signatoryTitle: e.currentTarget.value })}
                error={errors[`parties.${index}.signatoryTitle`]}
                data-testid={`party-signatory-title-${index}`}
              />
            </SimpleGrid>
          </Paper>
        );
      })}
      {errors.parties && (
        <Text c="red" size="sm" role="alert" data-testid="parties-error">
          {errors.parties}
        </Text>
      )}
      {parties.length < MAX_PARTIES && (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...parties, newPartyDraft(partyLabel(parties.length, t))])}
            data-testid="add-party"
          >
            {t('agreementForm.addParty')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
