import { ActionIcon, Alert, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../contracts/common/countries';
import { addMonths, todayIn } from '../../../../contracts/common/dates';
import { PASSPORT_KINDS, PassportCreateSchema, type Passport } from '../../../../contracts/passports';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { api } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { ConflictAlert } from '../../../ui/ConflictAlert';
import { changedFields } from '../../../ui/conflict';
import { CountrySelect } from '../../../ui/CountrySelect';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { IconAlert, IconEdit, IconPlus, IconTrash } from '../../../ui/icons';
import { notifySuccess } from '../../../ui/notify';
import { useApiForm, useSubmitHotkeys } from '../../../ui/useApiForm';
import { fetchPassport, passportKeys, usePersonPassports } from '../passports.api';

type Values = { number: string; kind: string; issuingCountry: string | null; issuedOn: string; expiresOn: string; notes: string };
const values = (p: Passport | null): Values => ({ number: p?.number ?? '', kind: p?.kind ?? 'service', issuingCountry: p?.issuingCountry ?? 'BG', issuedOn: p?.issuedOn ?? '', expiresOn: p?.expiresOn ?? '', notes: p?.notes ?? '' });
const payload = (v: Values) => ({ number: v.number.trim(), kind: v.kind, issuingCountry: v.issuingCountry ?? '', issuedOn: v.issuedOn || null, expiresOn: v.expiresOn, notes: v.notes });

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Expired, or expiring within six months (too soon for most trips): said in words, with an icon. */
function Validity({ passport }: { passport: Passport }) {
  const { t } = useTranslation('passports');
  const warning = passport.expired ? { text: t('expired'), colour: 'red.9' } : passport.expiresOn < addMonths(todayIn(zone()), 6) ? { text: t('expiresSoon'), colour: 'orange.9' } : null;
  if (!warning) return <Text size="sm">{t('valid')}</Text>;
  return (
    <Text size="sm" fw={700} c={warning.colour} style={{ display: 'inline-flex', gap: 4, alignItems: 'flex-start' }}>
      <IconAlert size={14} style={{ flexShrink: 0, marginTop: 3 }} />
      {warning.text}
    </Text>
  );
}

function PassportForm({ personId, passport, onDone, onCancel }: { personId: string; passport: Passport | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('passports');
  const [version, setVersion] = useState(passport?.version ?? 0);
  const [base, setBase] = useState(passport);
  const [saving, setSaving] = useState(false);
  const { form, formRef, failure, setFailure, checkedPayload, handleError } = useApiForm({
    initialValues: values(passport),
    schema: PassportCreateSchema,
    toPayload: (v: Values) => ({ personId, ...payload(v) }),
  });
  const submit = async () => {
    if (saving) return;
    const checked = checkedPayload();
    if (!checked) return;
    setSaving(true);
    try {
      if (passport && base) {
        const { personId: _p, ...mine } = checked;
        const changes = changedFields(payload(values(base)), mine);
        if (Object.keys(changes).length) await api.patch(`/api/passports/${passport.id}`, { version, ...changes });
      } else {
        await api.post('/api/passports', checked);
      }
      onDone();
    } catch (e) {
      handleError(e);
      setSaving(false);
    }
  };
  useSubmitHotkeys(() => void submit());
  const reload = async () => {
    if (!passport) return;
    const theirs = await fetchPassport(passport.id);
    setBase(theirs);
    setVersion(theirs.version);
  };
  return (
    <form
      ref={formRef}
      noValidate
      aria-label={passport ? t('editTitle') : t('addTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        {failure?.kind === 'conflict' && <ConflictAlert problem={failure.problem} onReload={() => void reload()} />}
        {failure?.kind === 'message' && (
          <Alert color="red" variant="light" role="alert" withCloseButton closeButtonLabel={t('dismiss')} onClose={() => setFailure(null)}>
            {failure.message}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.number')} withAsterisk maxLength={30} data-autofocus {...form.getInputProps('number')} />
          <Select label={t('fields.kind')} data={PASSPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} allowDeselect={false} withAsterisk {...form.getInputProps('kind')} />
          <CountrySelect label={t('fields.issuingCountry')} withAsterisk {...form.getInputProps('issuingCountry')} />
          <TextInput type="date" label={t('fields.issuedOn')} {...form.getInputProps('issuedOn')} />
          <TextInput type="date" label={t('fields.expiresOn')} withAsterisk {...form.getInputProps('expiresOn')} />
        </SimpleGrid>
        <Textarea label={t('fields.notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save-passport">
            {passport ? t('saveChanges') : t('add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A person's passports (service, diplomatic, ordinary) for official trips. Sensitive personal
 * data: only shown to roles with passports.read; changes need passports.write.
 */
export function PersonPassports({ personId, personName }: { personId: string; personName: string }) {
  const { t, i18n } = useTranslation('passports');
  const lang = i18n.language;
  const { can } = useSession();
  const queryClient = useQueryClient();
  const list = usePersonPassports(personId);
  const [editing, setEditing] = useState<Passport | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Passport | null>(null);
  const canWrite = can('passports.write');
  const refresh = () => queryClient.invalidateQueries({ queryKey: passportKeys.all });
  const passports = list.data?.items ?? [];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-passports" data-testid="passports">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="person-passports">
          {t('title')}
        </Title>
        {canWrite && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="add-passport">
            {t('add')}
          </Button>
        )}
      </Group>
      <ErrorNotice error={list.error} />
      {list.data && passports.length === 0 && <Text size="sm">{t('empty')}</Text>}
      {passports.length > 0 && (
        <ScrollTable label={t('title')} minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.number')}</Table.Th>
                <Table.Th>{t('fields.kind')}</Table.Th>
                <Table.Th>{t('fields.issuingCountry')}</Table.Th>
                <Table.Th>{t('fields.expiresOn')}</Table.Th>
                {canWrite && (
                  <Table.Th>
                    <VisuallyHidden>{t('actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {passports.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm" fw={600} ff="monospace">
                      {p.number}
                    </Text>
                    {p.notes && <Text size="xs">{p.notes}</Text>}
                  </Table.Td>
                  <Table.Td>{t(`kinds.${p.kind}`)}</Table.Td>
                  <Table.Td>{countryName(p.issuingCountry, lang)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text size="sm">{formatDate(p.expiresOn, lang)}</Text>
                      <Validity passport={p} />
                    </Stack>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Tooltip label={t('editNamed', { number: p.number })}>
                          <ActionIcon variant="subtle" color="gray.8" onClick={() => setEditing(p)} aria-label={t('editNamed', { number: p.number })}>
                            <IconEdit />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('deleteNamed', { number: p.number })}>
                          <ActionIcon variant="subtle" color="red.9" onClick={() => setDeleting(p)} aria-label={t('deleteNamed', { number: p.number })}>
                            <IconTrash />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('addTitleFor', { name: personName }) : t('editTitle')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
        {editing !== null && (
          <PassportForm
            personId={personId}
            passport={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              notifySuccess(t('saved'));
              void refresh();
              void queryClient.invalidateQueries({ queryKey: ['visits'] });
            }}
          />
        )}
      </Modal>
      <ConfirmDelete
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        name={deleting?.number ?? ''}
        what={t('what')}
        onConfirm={async () => {
          if (!deleting) return;
          await api.delete(`/api/passports/${deleting.id}`, { version: deleting.version });
          setDeleting(null);
          notifySuccess(t('deleted'));
          await refresh();
        }}
      />
    </Paper>
  );
}
