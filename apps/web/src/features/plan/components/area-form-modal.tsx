import { areaCreateInput, areaSchema, areaThemes, type Area, type AreaTheme } from '@accord/domain';
import { Alert, Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyConflict, notifySuccess } from '../../../components/ui/notify';
import { isVersionConflict } from '../../../lib/api-error';
import { fieldErrorsFromApi, fieldErrorsFromZod, isValidationError, type FieldErrors } from '../../../lib/field-errors';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useCreateArea } from '../api/create-area';
import { useUpdateArea } from '../api/update-area';

interface AreaFormModalProps {
  agreementId: string;
  /** The area to edit; none to add one. */
  area: Area | null;
  onClose: () => void;
  onSaved: (area: Area) => void;
}

interface AreaDraft {
  theme: AreaTheme | null;
  title: string;
  description: string;
  version: number;
}

const toDraft = (area: Area | null): AreaDraft => ({
  theme: area?.theme ?? null,
  title: area?.title ?? '',
  description: area?.description ?? '',
  version: area?.version ?? 0,
});

/** A cooperation area: a theme from the standard taxonomy, or free text, and a title. */
export function AreaFormModal({ agreementId, area, onClose, onSaved }: AreaFormModalProps) {
  const { t } = useTranslation('plan');
  const errorMessage = useErrorMessage();
  const create = useCreateArea(agreementId);
  const update = useUpdateArea(agreementId);
  const [draft, setDraft] = useState<AreaDraft>(() => toDraft(area));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const chooseTheme = (theme: AreaTheme | null) => {
    // A theme with no title yet: its name is a good first title.
    const title = draft.title.trim() === '' && theme ? t(`areaTheme.${theme}`) : draft.title;
    setDraft({ ...draft, theme, title });
  };

  const onError = (error: unknown) => {
    if (isVersionConflict(error)) {
      const newer = areaSchema.safeParse(error.current);
      if (newer.success) setDraft(toDraft(newer.data));
      setFormError(t('conflict.formReloaded'));
      notifyConflict(t('conflict.title'), t('conflict.message'));
      return;
    }
    setErrors(fieldErrorsFromApi(error, t));
    setFormError(isValidationError(error) ? null : errorMessage(error));
  };

  const save = () => {
    const body = { theme: draft.theme, title: draft.title, description: draft.description };
    const parsed = areaCreateInput.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, t));
      return;
    }
    setErrors({});
    const done = (saved: Area) => {
      notifySuccess(t('plan.areaSaved'));
      onSaved(saved);
    };
    if (area) update.mutate({ areaId: area.id, version: draft.version, body }, { onSuccess: done, onError });
    else create.mutate(body, { onSuccess: done, onError });
  };

  return (
    <Modal opened onClose={onClose} title={area ? t('plan.editArea') : t('plan.addArea')} size="lg" centered>
      <Stack gap="sm" data-testid="area-form">
        {formError && (
          <Alert color="orange" role="alert">
            {formError}
          </Alert>
        )}
        <Select
          label={t('fields.theme')}
          placeholder={t('plan.freeTheme')}
          data={areaThemes.map((theme) => ({ value: theme, label: t(`areaTheme.${theme}`) }))}
          value={draft.theme}
          onChange={(v) => chooseTheme(areaThemes.find((theme) => theme === v) ?? null)}
          clearable
          error={errors.theme}
          comboboxProps={{ withinPortal: true }}
          data-testid="area-form-theme"
        />
        <TextInput
          label={t('fields.title')}
          required
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
          error={errors.title}
          data-testid="area-form-title"
        />
        <Textarea
          label={t('fields.description')}
          autosize
          minRows={2}
          maxRows={6}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
          error={errors.description}
          data-testid="area-form-description"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={save}
            loading={create.isPending || update.isPending}
            leftSection={<IconDeviceFloppy size={18} />}
            data-testid="area-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
