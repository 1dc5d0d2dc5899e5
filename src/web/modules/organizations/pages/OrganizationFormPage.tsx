import { Alert, Button, Fieldset, Group, Kbd, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, OrganizationCreateSchema, type Organization } from '../../../../contracts/organizations';
import { api } from '../../../lib/api';
import { ConflictAlert, type ConflictField } from '../../../ui/ConflictAlert';
import { changedFields, threeWayMerge } from '../../../ui/conflict';
import { CountrySelect, LanguagesMultiSelect, TagsField } from '../../../ui/CountrySelect';
import { SimilarWhileTyping } from '../../../ui/Duplicates';
import { plainValue } from '../../../ui/format';
import { IconPlus, IconTrash } from '../../../ui/icons';
import { MultilingualInput } from '../../../ui/MultilingualInput';
import { BackLink, PageHeader, PageStatus } from '../../../ui/Page';
import { useUnsavedChangesGuard } from '../../../ui/UnsavedChangesGuard';
import { useApiForm, useSubmitHotkeys } from '../../../ui/useApiForm';
import { fetchOrganization, organizationKeys, useOrganization } from '../organizations.api';
import { emptyAddress, organizationFormValues, organizationPayload, withScheme, type OrganizationFormValues } from '../organizations.form';
import { organizationName, useOrganizationFieldText } from '../organizations.labels';
import { notifySuccess } from '../../../ui/notify';

export default function OrganizationFormPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const query = useOrganization(id);
  if (id && !query.data) return <PageStatus error={query.error} onRetry={() => void query.refetch()} />;
  return <OrganizationForm key={id ?? 'new'} org={id ? query.data! : null} />;
}

function OrganizationForm({ org }: { org: Organization | null }) {
  const { t, i18n } = useTranslation('organizations');
  const lang = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const os = useOs();
  const fieldText = useOrganizationFieldText();
  const [base, setBase] = useState<Organization | null>(org);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState<{ version: number; taken: number; conflicts: ConflictField[] } | null>(null);

  const { form, formRef, failure, setFailure, checkedPayload, handleError } = useApiForm({
    initialValues: organizationFormValues(org, lang),
    schema: OrganizationCreateSchema,
    toPayload: organizationPayload,
  });
  const guard = useUnsavedChangesGuard(form.isDirty() && !saving);
  const v = form.values;
  const title = org ? t('form.editTitle', { name: organizationName(org, lang) }) : t('form.newTitle');
  const kindOptions = useMemo(() => ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })), [t]);

  const submit = async () => {
    if (saving) return;
    // Address rows left completely empty are dropped first, so error paths match the rows shown.
    const values = form.getValues();
    const pruned = { ...values, addresses: values.addresses.filter((a) => a.label.trim() || a.street.trim() || a.city.trim() || a.postcode.trim() || a.country) };
    if (pruned.addresses.length !== values.addresses.length) form.setFieldValue('addresses', pruned.addresses);
    const payload = checkedPayload(pruned);
    if (!payload) return;
    setSaving(true);
    try {
      let saved: Organization;
      if (base) {
        const changes = changedFields(organizationPayload(organizationFormValues(base, lang)) as Record<string, unknown>, payload as Record<string, unknown>);
        saved = Object.keys(changes).length ? await api.patch<Organization>(`/api/organizations/${base.id}`, { version: base.version, ...changes }) : base;
      } else {
        saved = await api.post<Organization>('/api/organizations', payload);
      }
      queryClient.setQueryData(organizationKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all, refetchType: 'none' });
      notifySuccess(t('form.saved', { name: organizationName(saved, lang) }));
      guard.allow();
      await navigate({ to: '/organizations/$id', params: { id: saved.id } });
    } catch (e) {
      handleError(e);
      setSaving(false);
    }
  };
  useSubmitHotkeys(() => void submit());

  /** After a version conflict: take their version, keep what the user typed (three-way merge). */
  const reload = async () => {
    if (!base) return;
    setReloading(true);
    try {
      const theirs = await fetchOrganization(base.id);
      const theirsValues = organizationFormValues(theirs, lang);
      const basePayload = organizationPayload(organizationFormValues(base, lang)) as Record<string, unknown>;
      const minePayload = organizationPayload(form.getValues()) as Record<string, unknown>;
      const theirsPayload = organizationPayload(theirsValues) as Record<string, unknown>;
      const { takeTheirs, conflicts } = threeWayMerge(basePayload, minePayload, theirsPayload);
      for (const key of takeTheirs) form.setFieldValue(key as keyof OrganizationFormValues, theirsValues[key as keyof OrganizationFormValues] as never);
      const yesNo = { yes: t('form.yes'), no: t('form.no') };
      const show = (key: string, value: unknown) => fieldText.formatValue(key, value) ?? plainValue(value, yesNo);
      setBase(theirs);
      setReloaded({
        version: theirs.version,
        taken: takeTheirs.length,
        conflicts: conflicts.map((key) => ({
          key: String(key),
          label: fieldText.fieldLabel(String(key)) ?? String(key),
          theirs: show(String(key), theirsPayload[key]),
          yours: show(String(key), minePayload[key]),
          onUseTheirs: () => {
            form.setFieldValue(key as keyof OrganizationFormValues, theirsValues[key as keyof OrganizationFormValues] as never);
            setReloaded((r) => (r ? { ...r, conflicts: r.conflicts.filter((c) => c.key !== key) } : r));
          },
        })),
      });
    } catch (e) {
      handleError(e);
    } finally {
      setReloading(false);
    }
  };

  const cancel = () => void (org ? navigate({ to: '/organizations/$id', params: { id: org.id } }) : navigate({ to: '/organizations' }));
  const mod = os === 'macos' ? '⌘' : 'Ctrl';

  return (
    <Stack gap="lg">
      <PageHeader before={<BackLink to="/organizations">{t('list.title')}</BackLink>} title={title} />
      <form
        ref={formRef}
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="lg" maw={960}>
          {failure?.kind === 'conflict' && <ConflictAlert problem={failure.problem} onReload={() => void reload()} reloading={reloading} reloaded={reloaded} />}
          {failure?.kind === 'message' && (
            <Alert color="red" variant="light" role="alert" title={t('form.notSaved')} withCloseButton closeButtonLabel={t('form.dismiss')} onClose={() => setFailure(null)}>
              {failure.message}
            </Alert>
          )}

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-form-main">
            <Title order={2} fz="lg" mb="md" id="org-form-main">
              {t('form.sectionMain')}
            </Title>
            <Stack gap="md">
              <Select label={t('fields.kind')} placeholder={t('form.kindPlaceholder')} data={kindOptions} withAsterisk allowDeselect={false} maw={420} {...form.getInputProps('kind')} />
              <MultilingualInput
                label={t('fields.name')}
                path="name"
                required
                value={v.name}
                onChange={(name) => form.setFieldValue('name', name)}
                errors={form.errors}
                description={t('form.nameHint')}
                maxLength={500}
              />
              <SimilarWhileTyping resource="organizations" names={Object.values(v.name.values)} excludeId={org?.id} />
              <TextInput label={t('fields.shortName')} description={t('form.shortNameHint')} maxLength={60} maw={420} {...form.getInputProps('shortName')} />
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-form-contacts">
            <Title order={2} fz="lg" mb="md" id="org-form-contacts">
              {t('form.sectionContacts')}
            </Title>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <CountrySelect {...form.getInputProps('country')} />
                <TextInput label={t('fields.city')} maxLength={120} {...form.getInputProps('city')} />
                <TextInput
                  label={t('fields.website')}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  maxLength={300}
                  {...form.getInputProps('website')}
                  onBlur={() => form.setFieldValue('website', withScheme(form.getValues().website))}
                />
                <TextInput label={t('fields.email')} type="email" maxLength={200} {...form.getInputProps('email')} />
                <TextInput label={t('fields.phone')} type="tel" maxLength={50} {...form.getInputProps('phone')} />
                <LanguagesMultiSelect label={t('fields.languages')} description={t('form.languagesHint')} {...form.getInputProps('languages')} />
              </SimpleGrid>

              <Fieldset legend={t('fields.addresses')} variant="unstyled">
                <Stack gap="sm">
                  {v.addresses.length === 0 && <Text size="sm">{t('form.noAddresses')}</Text>}
                  {v.addresses.map((_, i) => (
                    <Fieldset key={i} legend={t('form.addressN', { n: i + 1 })} radius="sm">
                      <SimpleGrid cols={{ base: 1, sm: 2 }}>
                        <TextInput label={t('address.label')} description={t('address.labelHint')} maxLength={100} {...form.getInputProps(`addresses.${i}.label`)} />
                        <TextInput label={t('address.street')} maxLength={300} {...form.getInputProps(`addresses.${i}.street`)} />
                        <TextInput label={t('address.postcode')} maxLength={20} {...form.getInputProps(`addresses.${i}.postcode`)} />
                        <TextInput label={t('address.city')} maxLength={120} {...form.getInputProps(`addresses.${i}.city`)} />
                        <CountrySelect {...form.getInputProps(`addresses.${i}.country`)} />
                      </SimpleGrid>
                      <Group justify="flex-end" mt="xs">
                        <Button size="xs" variant="subtle" color="red.9" c="red.9" leftSection={<IconTrash size={14} />} onClick={() => form.removeListItem('addresses', i)} aria-label={t('form.removeAddressN', { n: i + 1 })}>
                          {t('form.removeAddress')}
                        </Button>
                      </Group>
                    </Fieldset>
                  ))}
                  {v.addresses.length < 10 && (
                    <Button variant="default" size="sm" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('addresses', emptyAddress())} style={{ alignSelf: 'flex-start' }}>
                      {t('form.addAddress')}
                    </Button>
                  )}
                </Stack>
              </Fieldset>
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-form-other">
            <Title order={2} fz="lg" mb="md" id="org-form-other">
              {t('form.sectionOther')}
            </Title>
            <Stack gap="md">
              <TagsField {...form.getInputProps('tags')} />
              <Textarea label={t('fields.notes')} autosize minRows={3} maxRows={16} maxLength={10000} {...form.getInputProps('notes')} />
              <Switch label={t('fields.confidential')} description={t('form.confidentialHint')} {...form.getInputProps('confidential', { type: 'checkbox' })} />
            </Stack>
          </Paper>

          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('form.shortcut')} <Kbd size="xs">{mod}</Kbd> + <Kbd size="xs">S</Kbd>
            </Text>
            <Group>
              <Button variant="default" onClick={cancel} disabled={saving}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={saving} data-testid="save" aria-keyshortcuts="Control+S Meta+S Control+Enter">
                {org ? t('form.saveChanges') : t('form.create')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {guard.element}
    </Stack>
  );
}

