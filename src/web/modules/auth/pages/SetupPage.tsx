import { useEffect, useState } from 'react';
import { Button, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, type Session } from '../../../../contracts/auth.js';
import { UI_LOCALES, isUiLocale, type UiLocale } from '../../../../contracts/common/locales.js';
import { ErrorAlert } from '../../../app/components/ErrorAlert.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { useAuth } from '../../../app/auth.js';
import { ApiError, api } from '../../../lib/api.js';
import { setLocale } from '../../../lib/i18n.js';
import { AuthLayout } from '../components/AuthLayout.js';

/** The first administrator, on an empty installation. */
export default function SetupPage() {
  const { t, i18n } = useTranslation('auth');
  const { signedIn, retry } = useAuth();
  usePageTitle(t('setup.title'));
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const uiLocale: UiLocale = isUiLocale(i18n.language) ? i18n.language : 'bg';
  const form = useForm({
    initialValues: { name: '', email: '', password: '', repeat: '', locale: uiLocale as string },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('errors.email')),
      password: (v) => (v.length >= PASSWORD_MIN ? null : t('errors.passwordLength', { min: PASSWORD_MIN })),
      repeat: (v, values) => (v === values.password ? null : t('errors.passwordMismatch')),
    },
  });

  // The language chosen here is the administrator's: keep it in step with the switcher above.
  useEffect(() => {
    if (form.getValues().locale !== uiLocale) form.setFieldValue('locale', uiLocale);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [uiLocale]);

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setBusy(true);
    try {
      const session = await api.post<Session>('/api/setup', {
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: values.locale,
      });
      signedIn(session);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_set_up') {
        retry();
        return;
      }
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (Object.keys(fields).length) form.setErrors(fields);
      else setProblem(error);
    } finally {
      setBusy(false);
    }
  });

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={problem} />
          <TextInput label={t('fields.name')} autoComplete="name" required autoFocus {...form.getInputProps('name')} />
          <TextInput label={t('fields.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput
            label={t('fields.password')}
            description={t('setup.passwordHint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput label={t('fields.repeatPassword')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
          <Select
            label={t('fields.language')}
            data={UI_LOCALES.map((l) => ({ value: l, label: t(`app:languageNames.${l}`) }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
            onChange={(value) => {
              if (isUiLocale(value)) {
                form.setFieldValue('locale', value);
                setLocale(value);
              }
            }}
          />
          <Button type="submit" loading={busy} mt="xs">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
