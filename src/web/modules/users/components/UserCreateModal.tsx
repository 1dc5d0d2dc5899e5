import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../../contracts/auth.js';
import type { User, UserCreate } from '../../../../contracts/users.js';
import { ErrorAlert } from '../../../app/components/ErrorAlert.js';
import { ApiError, api } from '../../../lib/api.js';
import { userKeys } from '../users.api.js';
import { localeOptions, roleOptions } from './userOptions.js';

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('users');
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { name: '', email: '', role: 'specialist', locale: 'bg', password: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('errors.email')),
      role: (v) => (v ? null : t('errors.required')),
      password: (v) => (v.length >= PASSWORD_MIN ? null : t('errors.passwordLength', { min: PASSWORD_MIN })),
    },
  });

  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setBusy(true);
    try {
      const body: UserCreate = {
        name: values.name.trim(),
        email: values.email.trim(),
        role: values.role as UserCreate['role'],
        locale: values.locale as UserCreate['locale'],
        password: values.password,
      };
      const user = await api.post<User>('/api/users', body);
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      notifications.show({ color: 'green', message: t('create.done', { name: user.name }) });
      close();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (Object.keys(fields).length) form.setErrors(fields);
      else setProblem(error);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={t('create.title')} size="lg" closeButtonProps={{ 'aria-label': t('app:actions.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('fields.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} />
          <Group grow align="flex-start">
            <Select label={t('fields.role')} data={roleOptions(t)} required allowDeselect={false} {...form.getInputProps('role')} />
            <Select label={t('fields.language')} data={localeOptions(t)} allowDeselect={false} {...form.getInputProps('locale')} />
          </Group>
          <PasswordInput
            label={t('fields.initialPassword')}
            description={t('create.passwordHint', { min: PASSWORD_MIN })}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <ErrorAlert error={problem} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
