import { reportCadences, type ReportCadence } from '@accord/domain';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Input,
  NumberInput,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { StringListInput } from '../../../components/ui/string-list-input';
import type { FieldErrors } from '../../../lib/field-errors';
import { foldFilter } from '../../../lib/fold-filter';
import { useOrganisations } from '../../../lib/organisations/get-organisations';
import { indexById } from '../../../lib/organisations/organisation-names';
import { useAgreements } from '../api/get-agreements';
import type { AgreementDraft } from './agreement-draft';
import { PartiesFieldset } from './parties-fieldset';

interface AgreementFormProps {
  draft: AgreementDraft;
  onChange: (draft: AgreementDraft) => void;
  errors: FieldErrors;
  /** A message for the whole form (not tied to a field). */
  formError?: string | null;
  submitting: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** The agreement being edited, which cannot be its own predecessor. */
  agreementId?: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={4} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Errors by index for a list field ("legalBases.2" → { 2: … }). */
function listErrors(errors: FieldErrors, field: string): Record<number, string> {
  const result: Record<number, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = new RegExp(`^${field}\\.(\\d+)$`).exec(key);
    if (match) result[Number(match[1])] = message;
  }
  return result;
}

export function AgreementForm(props: AgreementFormProps) {
  const { draft, onChange, errors } = props;
  const { t } = useTranslation('agreements');
  const organisations = useOrganisations({ includeHistorical: true });
  const byId = useMemo(() => indexById(organisations.data ?? []), [organisations.data]);
  const agreements = useAgreements({ page: 1, pageSize: 100 });
  const predecessorOptions = useMemo(
    () => (agreements.data?.items ?? []).filter((a) => a.id !== props.agreementId).map((a) => ({ value: a.id, label: a.title })),
    [agreements.data, props.agreementId],
  );
  const set = <K extends keyof AgreementDraft>(key: K, value: AgreementDraft[K]) => onChange({ ...draft, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="agreement-form">
      <Stack gap="md">
        {props.formError && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="agreement-form-error">
            {props.formError}
          </Alert>
        )}
        <Section title={t('agreementForm.sections.general')}>
          <Stack gap="sm">
            <TextInput
              label={t('fields.title')}
              required
              value={draft.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={errors.title}
              data-testid="agreement-title"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Input.Wrapper label={t('fields.kind')}>
                <div>
                  <SegmentedControl
                    value={draft.kind}
                    onChange={(v) => set('kind', v === 'mou' ? 'mou' : 'agreement')}
                    data={[
                      { value: 'agreement', label: t('agreementKind.agreement') },
                      { value: 'mou', label: t('agreementKind.mou') },
                    ]}
                    data-testid="agreement-kind"
                  />
                </div>
              </Input.Wrapper>
              <TextInput
                label={t('fields.reference')}
                value={draft.reference}
                onChange={(e) => set('reference', e.currentTarget.value)}
                error={errors.reference}
                data-testid="agreement-reference"
              />
            </SimpleGrid>
            <Textarea
              label={t('fields.summary')}
              autosize
              minRows={3}
              maxRows={10}
              value={draft.summary}
              onChange={(e) => set('summary', e.currentTarget.value)}
              error={errors.summary}
              data-testid="agreement-summary"
            />
          </Stack>
        </Section>

        <Section title={t('agreementForm.sections.signing')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={t('fields.signedOn')}
              value={draft.signedOn}
              onChange={(v) => set('signedOn', v)}
              error={errors.signedOn}
              testId="agreement-signed-on"
            />
            <TextInput
              label={t('fields.signedPlace')}
              value={draft.signedPlace}
              onChange={(e) => set('signedPlace', e.currentTarget.value)}
              error={errors.signedPlace}
              data-testid="agreement-signed-place"
            />
            <DateField
              label={t('fields.periodStart')}
              value={draft.periodStart}
              onChange={(v) => set('periodStart', v)}
              error={errors.periodStart}
              testId="agreement-period-start"
            />
            <DateField
              label={t('fields.periodEnd')}
              value={draft.periodEnd}
              onChange={(v) => set('periodEnd', v)}
              error={errors.periodEnd}
              testId="agreement-period-end"
            />
          </SimpleGrid>
        </Section>

        <Section title={t('agreementForm.sections.parties')}>
          <PartiesFieldset parties={draft.parties} onChange={(parties) => set('parties', parties)} organisations={byId} errors={errors} />
        </Section>

        <Section title={t('agreementForm.sections.bases')}>
          <Stack gap="md">
            <StringListInput
              label={t('fields.legalBases')}
              description={t('agreementForm.legalBasesHint')}
              values={draft.legalBases}
              onChange={(v) => set('legalBases', v)}
              addLabel={t('agreementForm.addLegalBasis')}
              errors={listErrors(errors, 'legalBases')}
              error={errors.legalBases}
              testId="agreement-legal-bases"
            />
            <StringListInput
              label={t('fields.sourceUrls')}
              description={t('agreementForm.sourceUrlsHint')}
              values={draft.sourceUrls}
              onChange={(v) => set('sourceUrls', v)}
              addLabel={t('agreementForm.addSourceUrl')}
              placeholder={t('agreementForm.urlPlaceholder')}
              errors={listErrors(errors, 'sourceUrls')}
              error={errors.sourceUrls}
              testId="agreement-source-urls"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('fields.predecessorId')}
                placeholder={t('agreementForm.noPredecessor')}
                data={predecessorOptions}
                value={draft.predecessorId}
                onChange={(v) => set('predecessorId', v)}
                searchable
                clearable
                filter={foldFilter}
                nothingFoundMessage={t('common.noResults')}
                error={errors.predecessorId}
                data-testid="agreement-predecessor"
              />
              <Select
                label={t('fields.visibility')}
                data={[
                  { value: 'parties', label: t('visibility.parties') },
                  { value: 'public', label: t('visibility.public') },
                ]}
                value={draft.visibility}
                onChange={(v) => set('visibility', v === 'public' ? 'public' : 'parties')}
                allowDeselect={false}
                data-testid="agreement-visibility"
              />
            </SimpleGrid>
            <Checkbox
              label={t('fields.checksAuthority')}
              description={t('agreementForm.checksAuthorityHint')}
              checked={draft.checksAuthority}
              onChange={(e) => set('checksAuthority', e.currentTarget.checked)}
              data-testid="agreement-checks-authority"
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <NumberInput
                label={t('fields.atRiskDays')}
                description={t('agreementForm.atRiskDaysHint')}
                min={0}
                max={365}
                allowDecimal={false}
                value={draft.atRiskDays}
                onChange={(v) => set('atRiskDays', typeof v === 'number' ? v : Number.NaN)}
                error={errors.atRiskDays}
                data-testid="agreement-at-risk-days"
              />
              <NumberInput
                label={t('fields.progressMargin')}
                description={t('agreementForm.progressMarginHint')}
                min={0}
                max={100}
                allowDecimal={false}
                value={draft.progressMargin}
                onChange={(v) => set('progressMargin', typeof v === 'number' ? v : Number.NaN)}
                error={errors.progressMargin}
                data-testid="agreement-progress-margin"
              />
              <Select
                label={t('fields.reportCadence')}
                description={t('agreementForm.reportCadenceHint')}
                data={reportCadences.map((c) => ({ value: c, label: t(`reportCadence.${c}`) }))}
                value={draft.reportCadence}
                onChange={(v) => v && set('reportCadence', v as ReportCadence)}
                allowDeselect={false}
                error={errors.reportCadence}
                data-testid="agreement-report-cadence"
              />
            </SimpleGrid>
          </Stack>
        </Section>

        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={props.submitting} leftSection={<IconDeviceFloppy size={18} />} data-testid="agreement-save">
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
