import { Alert, Button, Fieldset, Group, Kbd, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonCreateSchema, type Person } from '../../../../contracts/people';
import { api } from '../../../lib/api';
import { ConflictAlert, type ConflictField } from '../../../ui/ConflictAlert';
import { changedFields, threeWayMerge } from '../../../ui/conflict';
import { LanguagesMultiSelect, TagsField } from '../../../ui/CountrySelect';
import { SimilarWhileTyping } from '../../../ui/Duplicates';
import { plainValue } from '../../../ui/format';
import { IconPlus, IconTrash } from '../../../ui/icons';
import { MultilingualInput } from '../../../ui/MultilingualInput';
import { BackLink, PageHeader, PageStatus } from '../../../ui/Page';
import { useUnsavedChangesGuard } from '../../../ui/UnsavedChangesGuard';
import { useApiForm, useSubmitHotkeys } from '../../../ui/useApiForm';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { LatinNameField } from '../components/LatinNameField';
import { initialLatinMode, latinFor, type LatinMode } from '../latin';
import { FormsOfAddressFields, LawfulBasisSelect, PrecedenceSelect } from '../components/PersonFields';
import { applySuggestion } from '../forms-of-address';
import { fetchPerson, personKeys, usePerson } from '../people.api';
import { emptyCompanion, emptyPhone, personFormValues, personPayload, type PersonFormValues } from '../people.form';
import { usePersonFieldText } from '../people.labels';
import { notifySuccess } from '../../../ui/notify';

export default function PersonFormPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const query = usePerson(id);
  if (id && !query.data) return <PageStatus error={query.error} onRetry={() => void query.refetch()} />;
  return <PersonForm key={id ?? 'new'} person={id ? query.data! : null} />;
}

function PersonForm({ person }: { person: Person | null }) {
  const { t, i18n } = useTranslation('people');
  const lang = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const os = useOs();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const fieldText = usePersonFieldText();
  const [base, setBase] = useState<Person | null>(person);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState<{ version: number; taken: number; conflicts: ConflictField[] } | null>(null);
  const [latinMode, setLatinMode] = useState<LatinMode>(() => (person ? initialLatinMode(person.name, person.nameLatin) : 'auto'));

  const prefillOrg = typeof search.organizationId === 'string' ? search.organizationId : null;
  const { form, formRef, failure, setFailure, checkedPayload, handleError } = useApiForm({
    initialValues: personFormValues(person, lang, { organizationId: prefillOrg }),
    schema: PersonCreateSchema,
    toPayload: personPayload,
  });
  const guard = useUnsavedChangesGuard(form.isDirty() && !saving);
  const v = form.values;
  const title = person ? t('form.editTitle', { name: person.name }) : t('form.newTitle');

  const submit = async () => {
    if (saving) return;
    // Rows left completely empty are dropped first, so error paths match the rows shown.
    const values = form.getValues();
    const pruned = {
      ...values,
      phones: values.phones.filter((x) => x.label.trim() || x.number.trim()),
      accompanyingPersons: values.accompanyingPersons.filter((a) => a.name.trim() || a.relation.trim() || a.notes.trim()),
    };
    if (pruned.phones.length !== values.phones.length) form.setFieldValue('phones', pruned.phones);
    if (pruned.accompanyingPersons.length !== values.accompanyingPersons.length) form.setFieldValue('accompanyingPersons', pruned.accompanyingPersons);
    const payload = checkedPayload(pruned);
    if (!payload) return;
    setSaving(true);
    try {
      let saved: Person;
      if (base) {
        const changes = changedFields(personPayload(personFormValues(base, lang)) as Record<string, unknown>, payload as Record<string, unknown>);
        saved = Object.keys(changes).length ? await api.patch<Person>(`/api/people/${base.id}`, { version: base.version, ...changes }) : base;
      } else {
        saved = await api.post<Person>('/api/people', payload);
      }
      queryClient.setQueryData(personKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: personKeys.all, refetchType: 'none' });
      await queryClient.invalidateQueries({ queryKey: ['organizations'], refetchType: 'none' });
      notifySuccess(t('form.saved', { name: saved.name }));
      guard.allow();
      await navigate({ to: '/people/$id', params: { id: saved.id } });
    } catch (e) {
      handleError(e);
      setSaving(false);
    }
  };
  useSubmitHotkeys(() => void submit());

  const reload = async () => {
    if (!base) return;
    setReloading(true);
    try {
      const theirs = await fetchPerson(base.id);
      const theirsValues = personFormValues(theirs, lang);
      const basePayload = personPayload(personFormValues(base, lang)) as Record<string, unknown>;
      const minePayload = personPayload(form.getValues()) as Record<string, unknown>;
      const theirsPayload = personPayload(theirsValues) as Record<string, unknown>;
      const { takeTheirs, conflicts } = threeWayMerge(basePayload, minePayload, theirsPayload);
      const set = (key: string) => form.setFieldValue(key as keyof PersonFormValues, theirsValues[key as keyof PersonFormValues] as never);
      for (const key of takeTheirs) set(String(key));
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
            set(String(key));
            if (key === 'nameLatin') setLatinMode('manual');
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

  const onNameChange = (name: string) => {
    form.setFieldValue('name', name);
    if (latinMode !== 'manual') form.setFieldValue('nameLatin', latinFor(name, latinMode));
  };
  const onCategoryChange = (category: string | null) => {
    const previous = form.getValues().precedenceCategory;
    form.setFieldValue('precedenceCategory', category);
    form.setFieldValue('formOfAddress', applySuggestion(form.getValues().formOfAddress, previous, category));
  };

  const cancel = () => void (person ? navigate({ to: '/people/$id', params: { id: person.id } }) : navigate({ to: '/people' }));
  const mod = os === 'macos' ? '⌘' : 'Ctrl';

  return (
    <Stack gap="lg">
      <PageHeader before={<BackLink to="/people">{t('list.title')}</BackLink>} title={title} />
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

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-form-name">
            <Title order={2} fz="lg" mb="md" id="person-form-name">
              {t('form.sectionName')}
            </Title>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('fields.name')}
                  description={t('form.nameHint')}
                  withAsterisk
                  maxLength={200}
                  {...form.getInputProps('name')}
                  onChange={(e) => onNameChange(e.currentTarget.value)}
                />
                <LatinNameField
                  name={v.name}
                  value={v.nameLatin}
                  mode={latinMode}
                  error={form.errors.nameLatin as string | undefined}
                  onChange={(value, mode) => {
                    form.setFieldValue('nameLatin', value);
                    setLatinMode(mode);
                  }}
                />
              </SimpleGrid>
              <SimilarWhileTyping resource="people" names={[v.name, v.nameLatin]} excludeId={person?.id} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <PrecedenceSelect value={v.precedenceCategory} onChange={onCategoryChange} error={form.errors.precedenceCategory} />
              </SimpleGrid>
              <FormsOfAddressFields value={v.formOfAddress} category={v.precedenceCategory} errors={form.errors} onChange={(value) => form.setFieldValue('formOfAddress', value)} />
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-form-work">
            <Title order={2} fz="lg" mb="md" id="person-form-work">
              {t('form.sectionWork')}
            </Title>
            <Stack gap="md">
              <OrganizationSelect {...form.getInputProps('organizationId')} value={v.organizationId} onChange={(id) => form.setFieldValue('organizationId', id)} maw={520} />
              <MultilingualInput layout="grid" label={t('fields.position')} path="position" value={v.position} onChange={(x) => form.setFieldValue('position', x)} errors={form.errors} description={t('form.positionHint')} />
              <MultilingualInput layout="grid" label={t('fields.title')} path="title" value={v.title} onChange={(x) => form.setFieldValue('title', x)} errors={form.errors} description={t('form.titleHint')} />
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-form-contacts">
            <Title order={2} fz="lg" mb="md" id="person-form-contacts">
              {t('form.sectionContacts')}
            </Title>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('fields.email')} type="email" maxLength={200} {...form.getInputProps('email')} />
                <LanguagesMultiSelect label={t('fields.languages')} description={t('form.languagesHint')} {...form.getInputProps('languages')} />
              </SimpleGrid>
              <Fieldset legend={t('fields.phones')} variant="unstyled">
                <Stack gap="xs">
                  {v.phones.map((_, i) => (
                    <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
                      <TextInput label={t('form.phoneLabel', { n: i + 1 })} placeholder={t('form.phoneLabelPlaceholder')} maxLength={50} w={200} {...form.getInputProps(`phones.${i}.label`)} />
                      <TextInput label={t('form.phoneNumber', { n: i + 1 })} type="tel" withAsterisk maxLength={50} style={{ flex: 1 }} {...form.getInputProps(`phones.${i}.number`)} />
                      <Button variant="subtle" color="red.9" c="red.9" onClick={() => form.removeListItem('phones', i)} aria-label={t('form.removePhone', { n: i + 1 })} px="xs">
                        <IconTrash />
                      </Button>
                    </Group>
                  ))}
                  {v.phones.length < 10 && (
                    <Button variant="default" size="sm" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('phones', emptyPhone())} style={{ alignSelf: 'flex-start' }}>
                      {t('form.addPhone')}
                    </Button>
                  )}
                </Stack>
              </Fieldset>
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-form-companions">
            <Title order={2} fz="lg" mb="xs" id="person-form-companions">
              {t('fields.accompanyingPersons')}
            </Title>
            <Text size="sm" mb="md">
              {t('form.companionsHint')}
            </Text>
            <Stack gap="sm">
              {v.accompanyingPersons.map((_, i) => (
                <Fieldset key={i} legend={t('form.companionN', { n: i + 1 })} radius="sm">
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput label={t('companion.name')} withAsterisk maxLength={200} {...form.getInputProps(`accompanyingPersons.${i}.name`)} />
                    <TextInput label={t('companion.relation')} placeholder={t('companion.relationPlaceholder')} maxLength={100} {...form.getInputProps(`accompanyingPersons.${i}.relation`)} />
                    <TextInput label={t('companion.notes')} maxLength={500} {...form.getInputProps(`accompanyingPersons.${i}.notes`)} />
                  </SimpleGrid>
                  <Group justify="flex-end" mt="xs">
                    <Button size="xs" variant="subtle" color="red.9" c="red.9" leftSection={<IconTrash size={14} />} onClick={() => form.removeListItem('accompanyingPersons', i)} aria-label={t('form.removeCompanionN', { n: i + 1 })}>
                      {t('form.remove')}
                    </Button>
                  </Group>
                </Fieldset>
              ))}
              {v.accompanyingPersons.length < 20 && (
                <Button variant="default" size="sm" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('accompanyingPersons', emptyCompanion())} style={{ alignSelf: 'flex-start' }}>
                  {t('form.addCompanion')}
                </Button>
              )}
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-form-other">
            <Title order={2} fz="lg" mb="md" id="person-form-other">
              {t('form.sectionOther')}
            </Title>
            <Stack gap="md">
              <LawfulBasisSelect {...form.getInputProps('lawfulBasis')} maw={520} />
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
                {person ? t('form.saveChanges') : t('form.create')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {guard.element}
    </Stack>
  );
}
