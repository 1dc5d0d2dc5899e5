import { useState } from 'react';
import { Button, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../../contracts/auth.js';
import { UI_LOCALES, isUiLocale } from '../../../../contracts/common/locales.js';
import { ErrorAlert } from '../../../app/components/ErrorAlert.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { ApiError, api } from '../../../lib/api.js';
import { setLocale } from '../../../lib/i18n.js';
import { useSession } from '../../../lib/session.js';

function ProfileForm() {
  const { t } = useTranslation('account');
  const { me, refresh } = useSession();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { name: me.name, locale: me.locale as string },
    validate: { name: (v) => (v.trim() ? null : t('errors.required')) },
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setBusy(true);
    try {
      await api.patch('/api/auth/me', { name: values.name.trim(), locale: values.locale });
      if (isUiLocale(values.locale)) setLocale(values.locale);
      await refresh();
      form.resetDirty();
      notifications.show({ color: 'green', message: t('profile.saved') });
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (Object.keys(fields).length) form.setErrors(fields);
      else setProblem(error);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="profile-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="profile-heading">
            {t('profile.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <div>
              <Text size="sm" fw={500}>
                {t('profile.email')}
              </Text>
              <Text>{me.email}</Text>
            </div>
            <div>
              <Text size="sm" fw={500}>
                {t('profile.role')}
              </Text>
              <Text>{t(`app:roles.${me.role}`)}</Text>
            </div>
          </SimpleGrid>
          <TextInput label={t('profile.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <Select
            label={t('profile.language')}
            description={t('profile.languageHint')}
            data={UI_LOCALES.map((l) => ({ value: l, label: t(`app:languageNames.${l}`) }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <ErrorAlert error={problem} />
          <Group>
            <Button type="submit" loading={busy} disabled={!form.isDirty()}>
              {t('profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordForm() {
  const { t } = useTranslation('account');
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('errors.required')),
      newPassword: (v) => (v.length >= PASSWORD_MIN ? null : t('errors.passwordLength', { min: PASSWORD_MIN })),
      repeat: (v, values) => (v === values.newPassword ? null : t('errors.passwordMismatch')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setBusy(true);
    try {
      await api.post('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.reset();
      notifications.show({ color: 'green', title: t('password.changedTitle'), message: t('password.changed'), autoClose: 8000 });
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (Object.keys(fields).length) form.setErrors(fields);
      else setProblem(error);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="password-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="password-heading">
            {t('password.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('password.intro')}
          </Text>
          <PasswordInput label={t('password.current')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={t('password.new')}
            description={t('password.hint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
          <ErrorAlert error={problem} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function AccountPage() {
  const { t } = useTranslation('account');
  const { me } = useSession();
  usePageTitle(t('title'));
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('title')}</Title>
      {/* Starts afresh when the session changes (e.g. the language switched in the header). */}
      <ProfileForm key={`${me.name}|${me.locale}`} />
      <PasswordForm />
    </Stack>
  );
}
