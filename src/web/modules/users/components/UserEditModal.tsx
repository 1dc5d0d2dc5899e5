import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../../contracts/auth.js';
import type { Problem } from '../../../../contracts/common/problems.js';
import type { User, UserUpdate } from '../../../../contracts/users.js';
import { ErrorAlert } from '../../../app/components/ErrorAlert.js';
import { ApiError, api } from '../../../lib/api.js';
import { formatDateTime } from '../../../lib/format.js';
import { useSession } from '../../../lib/session.js';
import { fetchUser, userKeys } from '../users.api.js';
import { localeOptions, roleOptions } from './userOptions.js';

type Values = { name: string; email: string; role: string; locale: string; active: boolean; password: string };
const valuesOf = (user: User): Values => ({
  name: user.name,
  email: user.email,
  role: user.role,
  locale: user.locale,
  active: user.active,
  password: '',
});

/** Only what differs from the version last read goes to the server, with that version. */
function changesOf(base: User, values: Values): UserUpdate {
  const body: UserUpdate = { version: base.version };
  if (values.name.trim() !== base.name) body.name = values.name.trim();
  if (values.email.trim() !== base.email) body.email = values.email.trim();
  if (values.role !== base.role) body.role = values.role as UserUpdate['role'];
  if (values.locale !== base.locale) body.locale = values.locale as UserUpdate['locale'];
  if (values.active !== base.active) body.active = values.active;
  if (values.password) body.password = values.password;
  return body;
}

export function UserEditModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  return (
    <ModalFrame opened={!!user} onClose={onClose}>
      {user && <EditForm key={user.id} initial={user} onDone={onClose} />}
    </ModalFrame>
  );
}

function ModalFrame({ opened, onClose, children }: { opened: boolean; onClose: () => void; children: React.ReactNode }) {
  const { t } = useTranslation('users');
  return (
    <Modal opened={opened} onClose={onClose} title={t('edit.title')} size="lg" closeButtonProps={{ 'aria-label': t('app:actions.close') }}>
      {children}
    </Modal>
  );
}

function EditForm({ initial, onDone }: { initial: User; onDone: () => void }) {
  const { t, i18n } = useTranslation('users');
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [base, setBase] = useState<User>(initial);
  const [conflict, setConflict] = useState<Problem['current'] | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const [confirmDeactivate, setConfirmDeactivate] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: valuesOf(initial),
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('errors.email')),
      password: (v) => (!v || v.length >= PASSWORD_MIN ? null : t('errors.passwordLength', { min: PASSWORD_MIN })),
    },
  });
  useEffect(() => setConfirmDeactivate(false), [form.values.active]);

  const save = async (values: Values) => {
    setProblem(null);
    setBusy(true);
    try {
      const updated = await api.patch<User>(`/api/users/${base.id}`, changesOf(base, values));
      queryClient.setQueryData(userKeys.one(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      notifications.show({ color: 'green', message: t('edit.done', { name: updated.name }) });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        setConflict(error.problem.current ?? { version: base.version + 1, updatedAt: new Date().toISOString(), updatedBy: null });
        setReloaded(false);
        return;
      }
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (Object.keys(fields).length) form.setErrors(fields);
      else setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = form.onSubmit((values) => {
    if (base.active && !values.active && !confirmDeactivate) {
      setConfirmDeactivate(true);
      return;
    }
    void save(values);
  });

  /** Takes the stored version as the new base; what was typed stays in the form. */
  const reload = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const fresh = await fetchUser(base.id);
      queryClient.setQueryData(userKeys.one(fresh.id), fresh);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      // Fields left as they were take the stored value; what was typed stays as typed.
      const before = valuesOf(base);
      const now = valuesOf(fresh);
      const typed = form.getValues();
      for (const field of ['name', 'email', 'role', 'locale', 'active'] as const) {
        if (typed[field] === before[field]) form.setFieldValue(field, now[field]);
      }
      setBase(fresh);
      setConflict(null);
      setReloaded(true);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  /** After a reload, each field whose stored value differs from what is typed says so. */
  const storedHint = (field: 'name' | 'email' | 'role' | 'locale' | 'active'): string | undefined => {
    if (!reloaded) return undefined;
    const stored = base[field];
    const typed = form.values[field];
    if (stored === typed) return undefined;
    const shown =
      field === 'role'
        ? t(`app:roles.${stored}`)
        : field === 'locale'
          ? t(`app:languageNames.${stored}`)
          : field === 'active'
            ? stored
              ? t('status.active')
              : t('status.inactive')
            : String(stored);
    return t('conflict.storedValue', { value: shown });
  };

  const self = base.id === me.id;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict && (
          <Alert color="orange" role="alert" title={t('conflict.title')}>
            <Stack gap="xs">
              <Text size="sm">
                {conflict.updatedBy
                  ? t('conflict.byWhom', { name: conflict.updatedBy.name, when: formatDateTime(conflict.updatedAt, i18n.language) })
                  : t('conflict.when', { when: formatDateTime(conflict.updatedAt, i18n.language) })}
              </Text>
              <Text size="sm">{t('conflict.explain')}</Text>
              <div>
                <Button size="xs" variant="white" color="dark" onClick={() => void reload()} loading={busy}>
                  {t('conflict.reload')}
                </Button>
              </div>
            </Stack>
          </Alert>
        )}
        {reloaded && (
          <Alert color="legato" role="status">
            {t('conflict.reloaded')}
          </Alert>
        )}
        <TextInput label={t('fields.name')} required description={storedHint('name')} {...form.getInputProps('name')} />
        <TextInput label={t('fields.email')} type="email" required description={storedHint('email')} {...form.getInputProps('email')} />
        <Group grow align="flex-start">
          <Select
            label={t('fields.role')}
            data={roleOptions(t)}
            allowDeselect={false}
            description={storedHint('role')}
            {...form.getInputProps('role')}
          />
          <Select
            label={t('fields.language')}
            data={localeOptions(t)}
            allowDeselect={false}
            description={storedHint('locale')}
            {...form.getInputProps('locale')}
          />
        </Group>
        <Switch
          label={t('fields.active')}
          description={storedHint('active') ?? (self ? t('edit.selfActiveHint') : t('edit.activeHint'))}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('edit.passwordHint', { min: PASSWORD_MIN })}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <ErrorAlert error={problem} />
        {confirmDeactivate ? (
          <Alert color="red" variant="light" title={t('deactivate.title')}>
            <Stack gap="xs">
              <Text size="sm">{t('deactivate.text', { name: base.name })}</Text>
              <Group gap="xs">
                <Button color="red" size="xs" onClick={() => void save(form.getValues())} loading={busy} data-autofocus autoFocus>
                  {t('deactivate.confirm')}
                </Button>
                <Button variant="default" size="xs" onClick={() => setConfirmDeactivate(false)}>
                  {t('actions.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onDone}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!!conflict}>
              {t('edit.submit')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
