import { useState } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../contracts/auth.js';
import { ErrorAlert } from '../../../app/components/ErrorAlert.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { useAuth } from '../../../app/auth.js';
import { ApiError, api } from '../../../lib/api.js';
import { AuthLayout } from '../components/AuthLayout.js';

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { signedIn } = useAuth();
  usePageTitle(t('login.title'));
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('errors.email')),
      password: (v) => (v ? null : t('errors.required')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setBusy(true);
    try {
      const session = await api.post<Session>('/api/auth/login', { email: values.email.trim(), password: values.password });
      signedIn(session);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (Object.keys(fields).length) form.setErrors(fields);
      else setProblem(error);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });

  return (
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={problem} title={t('login.failed')} />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            {...form.getInputProps('email')}
          />
          <PasswordInput label={t('fields.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={busy} mt="xs">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
