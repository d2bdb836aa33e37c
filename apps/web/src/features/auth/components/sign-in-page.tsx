import { signInInput } from '@accord/domain';
import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconLogin2 } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../components/ui/language-switch';
import { fieldErrorsFromZod, type FieldErrors } from '../../../lib/field-errors';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useSession } from '../api/get-session';
import { useSignIn } from '../api/sign-in';
import { safeNextPath } from '../../../lib/next-path';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  if (session.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = signInInput.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, t));
      return;
    }
    setErrors({});
    signIn.mutate(parsed.data, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <form onSubmit={submit} noValidate data-testid="sign-in-form">
            <Stack gap="md">
              <div>
                <Title order={2}>{t('app.name')}</Title>
                <Text c="dimmed" size="sm">
                  {t('app.tagline')}
                </Text>
              </div>
              <Title order={3} fw={600}>
                {t('auth.title')}
              </Title>
              {signIn.isError && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="sign-in-error" role="alert">
                  {errorMessage(signIn.error)}
                </Alert>
              )}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.email}
                data-testid="sign-in-email"
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
                data-testid="sign-in-password"
              />
              <Button type="submit" leftSection={<IconLogin2 size={18} />} loading={signIn.isPending} data-testid="sign-in-submit">
                {t('auth.submit')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('auth.help')}{' '}
                <Anchor href="/api/docs" size="xs" underline="always">
                  {t('auth.apiDocs')}
                </Anchor>
              </Text>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
