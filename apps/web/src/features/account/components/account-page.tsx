import { PASSWORD_MIN_LENGTH, passwordChangeInput } from '@accord/domain';
import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { useCurrentUser } from '../../../lib/current-user';
import { fieldErrorsFromZod } from '../../../lib/field-errors';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useChangePassword } from '../api/change-password';

/** The user's own account: who they are, and a new password (the current one asked for). */
export function AccountPage() {
  const { t } = useTranslation('account');
  const user = useCurrentUser();
  const change = useChangePassword();
  const { errors, setErrors, formError, setFormError, showApiError } = useFormErrors();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = passwordChangeInput.safeParse({ currentPassword: current, newPassword: next });
    const found = parsed.success ? {} : fieldErrorsFromZod(parsed.error, t);
    if (next !== repeat) found.repeat = t('account.mismatch');
    setErrors(found);
    setFormError(null);
    if (!parsed.success || next !== repeat) return;
    change.mutate(parsed.data, {
      onSuccess: () => {
        setCurrent('');
        setNext('');
        setRepeat('');
        notifySuccess(t('account.changed'));
      },
      onError: showApiError,
    });
  };

  return (
    <Stack gap="md" maw={520}>
      <div>
        <Title order={2}>{t('account.title')}</Title>
        <Text c="dimmed" size="sm">
          {user.displayName} · {user.email}
        </Text>
      </div>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate data-testid="password-form">
          <Stack gap="md">
            <Title order={3} size="h4">
              {t('account.passwordTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('account.passwordHelp', { n: PASSWORD_MIN_LENGTH })}
            </Text>
            {formError && (
              <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="password-error">
                {formError}
              </Alert>
            )}
            {/* A hidden user name lets password managers file the new password under the right account. */}
            <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
            <PasswordInput
              label={t('account.current')}
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={errors.currentPassword}
              data-testid="password-current"
            />
            <PasswordInput
              label={t('account.new')}
              autoComplete="new-password"
              required
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={errors.newPassword}
              data-testid="password-new"
            />
            <PasswordInput
              label={t('account.repeat')}
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={errors.repeat}
              data-testid="password-repeat"
            />
            <Button type="submit" leftSection={<IconKey size={18} />} loading={change.isPending} data-testid="password-submit">
              {t('account.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
