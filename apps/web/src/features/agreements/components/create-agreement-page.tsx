import { Anchor, Breadcrumbs, Stack, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifySuccess } from '../../../components/ui/notify';
import { useCurrentUser } from '../../../lib/current-user';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useOrganisations } from '../../../lib/organisations/get-organisations';
import { indexById, rootOf } from '../../../lib/organisations/organisation-names';
import { useCreateAgreement } from '../api/create-agreement';
import { emptyDraft, toCreateBody, validateDraft, type AgreementDraft } from './agreement-draft';
import { AgreementForm } from './agreement-form';

export function CreateAgreementPage() {
  const { t } = useTranslation('agreements');
  const navigate = useNavigate();
  const user = useCurrentUser();
  const organisations = useOrganisations({ includeHistorical: true });
  const byId = useMemo(() => indexById(organisations.data ?? []), [organisations.data]);
  const create = useCreateAgreement();
  const { errors, setErrors, formError, setFormError, showApiError } = useFormErrors();
  const [draft, setDraft] = useState<AgreementDraft>(() => emptyDraft(t));
  const prefilled = useRef(false);

  // The user's own province or group is usually a party: Bên A for a province, Bên B for a partner.
  useEffect(() => {
    const own = byId.get(user.organisation.id);
    if (prefilled.current || !own) return;
    prefilled.current = true;
    const index = own.side === 'government' ? 0 : 1;
    const root = rootOf(own, byId);
    setDraft((d) => ({
      ...d,
      parties: d.parties.map((p, i) => (i === index && !p.organisationId ? { ...p, organisationId: root.id } : p)),
    }));
  }, [byId, user.organisation.id]);

  const submit = () => {
    const found = validateDraft(draft, byId, t, 'create');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('agreementForm.fixErrors'));
      return;
    }
    setFormError(null);
    create.mutate(toCreateBody(draft), {
      onSuccess: (created) => {
        notifySuccess(t('agreementForm.created'));
        void navigate(`/agreements/${created.id}`);
      },
      onError: (error) => {
        showApiError(error);
      },
    });
  };

  return (
    <Stack gap="md" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to="/agreements">
          {t('nav.agreements')}
        </Anchor>
        <span>{t('agreementForm.createTitle')}</span>
      </Breadcrumbs>
      <Title order={2}>{t('agreementForm.createTitle')}</Title>
      <AgreementForm
        draft={draft}
        onChange={setDraft}
        errors={errors}
        formError={formError}
        submitting={create.isPending}
        submitLabel={t('agreementForm.createSubmit')}
        onSubmit={submit}
        onCancel={() => void navigate('/agreements')}
      />
    </Stack>
  );
}
