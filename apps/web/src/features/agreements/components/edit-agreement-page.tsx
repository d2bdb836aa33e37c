import { agreementDetailSchema, type AgreementDetail } from '@accord/domain';
import { Alert, Anchor, Breadcrumbs, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { notifyConflict, notifySuccess } from '../../../components/ui/notify';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { isVersionConflict } from '../../../lib/api-error';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useOrganisations } from '../../../lib/organisations/get-organisations';
import { indexById } from '../../../lib/organisations/organisation-names';
import { agreementQueryKey, getAgreement, useAgreement } from '../api/get-agreement';
import { useUpdateAgreement } from '../api/update-agreement';
import { draftFromAgreement, toUpdateBody, validateDraft, type AgreementDraft } from './agreement-draft';
import { AgreementForm } from './agreement-form';

interface Editing {
  draft: AgreementDraft;
  initial: AgreementDraft;
  version: number;
}

function startEditing(a: AgreementDetail): Editing {
  const draft = draftFromAgreement(a);
  return { draft, initial: draft, version: a.version };
}

export function EditAgreementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('agreements');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const agreement = useAgreement(id);
  const update = useUpdateAgreement(id);
  const organisations = useOrganisations({ includeHistorical: true });
  const byId = useMemo(() => indexById(organisations.data ?? []), [organisations.data]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const { errors, setErrors, formError, setFormError, showApiError } = useFormErrors();

  useEffect(() => {
    if (agreement.data && !editing) setEditing(startEditing(agreement.data));
  }, [agreement.data, editing]);

  if (agreement.isError) return <QueryError error={agreement.error} onRetry={() => void agreement.refetch()} />;
  if (!agreement.data || !editing) return <PageLoader />;
  if (!agreement.data.permissions.allowed.update) return <Alert color="yellow">{t('agreementForm.cannotEdit')}</Alert>;

  /** Someone saved first: show their version in the form; the user applies their change again. */
  const reloadNewer = async (current: unknown) => {
    const parsed = agreementDetailSchema.safeParse(current);
    const newer = parsed.success
      ? parsed.data
      : await queryClient.fetchQuery({ queryKey: agreementQueryKey(id), queryFn: () => getAgreement(id) });
    queryClient.setQueryData(agreementQueryKey(id), newer);
    setEditing(startEditing(newer));
    setErrors({});
    setFormError(t('conflict.formReloaded'));
    notifyConflict(t('conflict.title'), t('conflict.message'));
  };

  const submit = () => {
    const found = validateDraft(editing.draft, byId, t, 'update');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('agreementForm.fixErrors'));
      return;
    }
    setFormError(null);
    update.mutate(
      { version: editing.version, body: toUpdateBody(editing.draft, editing.initial) },
      {
        onSuccess: () => {
          notifySuccess(t('agreementForm.saved'));
          void navigate(`/agreements/${id}`);
        },
        onError: (error) => {
          if (isVersionConflict(error)) {
            void reloadNewer(error.current);
            return;
          }
          showApiError(error);
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to="/agreements">
          {t('nav.agreements')}
        </Anchor>
        <Anchor component={Link} to={`/agreements/${id}`} lineClamp={1}>
          {agreement.data.title}
        </Anchor>
        <span>{t('common.edit')}</span>
      </Breadcrumbs>
      <Title order={2}>{t('agreementForm.editTitle')}</Title>
      <AgreementForm
        draft={editing.draft}
        onChange={(draft) => setEditing({ ...editing, draft })}
        errors={errors}
        formError={formError}
        submitting={update.isPending}
        submitLabel={t('common.save')}
        onSubmit={submit}
        onCancel={() => void navigate(`/agreements/${id}`)}
        agreementId={id}
      />
    </Stack>
  );
}
