import { Alert, Button, Group, Kbd, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryTimeZone } from '../../../../contracts/common/dates';
import { VISIT_STATUSES, VisitCreateSchema, type Visit, type VisitDirection } from '../../../../contracts/visits';
import { RequirePermission } from '../../../app/components/RequirePermission';
import { api } from '../../../lib/api';
import { useSession } from '../../../lib/session';
import { ConflictAlert, type ConflictField } from '../../../ui/ConflictAlert';
import { changedFields, threeWayMerge } from '../../../ui/conflict';
import { CountrySelect, LanguagesMultiSelect } from '../../../ui/CountrySelect';
import { plainValue } from '../../../ui/format';
import { MultilingualInput } from '../../../ui/MultilingualInput';
import { notifySuccess } from '../../../ui/notify';
import { BackLink, PageHeader, PageStatus } from '../../../ui/Page';
import { useUnsavedChangesGuard } from '../../../ui/UnsavedChangesGuard';
import { UserSelect } from '../../../ui/UserSelect';
import { useApiForm, useSubmitHotkeys } from '../../../ui/useApiForm';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { PeopleMultiSelect } from '../../people/components/PersonSelect';
import { fetchVisit, records, visitKeys, useVisit } from '../visits.api';
import { defaultTimeZone, officialRole, timeZoneOptions, visitFormValues, visitPayload, type VisitFormValues } from '../visits.form';
import { visitTitle, useVisitFieldText } from '../visits.labels';

export default function VisitFormPage() {
  return (
    <RequirePermission permission="visits.write">
      <VisitFormLoader />
    </RequirePermission>
  );
}

function VisitFormLoader() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const search = useSearch({ strict: false }) as { direction?: string };
  const query = useVisit(id);
  if (id && !query.data) return <PageStatus error={query.error} onRetry={() => void query.refetch()} />;
  const direction: VisitDirection = search.direction === 'outgoing' ? 'outgoing' : 'incoming';
  return <VisitForm key={id ?? `new-${direction}`} visit={id ? query.data! : null} direction={direction} />;
}

function VisitForm({ visit, direction: newDirection }: { visit: Visit | null; direction: VisitDirection }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { me, office } = useSession();
  const os = useOs();
  const fieldText = useVisitFieldText();
  const [base, setBase] = useState<Visit | null>(visit);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState<{ version: number; taken: number; conflicts: ConflictField[] } | null>(null);

  const { form, formRef, failure, setFailure, checkedPayload, handleError } = useApiForm({
    initialValues: visitFormValues(visit, lang, newDirection, { meId: me.id, timeZone: office.timeZone }),
    schema: VisitCreateSchema,
    toPayload: visitPayload,
  });
  const guard = useUnsavedChangesGuard(form.isDirty() && !saving);
  const v = form.values;
  const outgoing = v.direction === 'outgoing';
  const title = visit ? t('form.editTitle', { name: visitTitle(visit, lang) }) : outgoing ? t('form.newTripTitle') : t('form.newVisitTitle');
  const statusOptions = useMemo(() => VISIT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })), [t]);
  const zones = useMemo(() => {
    const list = timeZoneOptions(office.timeZone);
    if (v.timeZone && !list.includes(v.timeZone)) list.unshift(v.timeZone);
    return list;
  }, [v.timeZone, office.timeZone]);
  const countryZone = countryTimeZone(v.country);
  const zoneHint = !outgoing ? t('form.timeZoneIncoming', { zone: office.timeZone }) : countryZone ? t('form.timeZoneFromCountry', { zone: countryZone }) : v.country ? t('form.timeZoneChoose') : t('form.timeZoneOutgoing');
  const known = [visit?.responsible ?? null, visit?.owner ?? null, visit?.updatedBy ?? null].filter(Boolean);
  const knownOfficials = (visit?.participants ?? []).filter((p) => p.person).map((p) => ({ id: p.person!.id, name: p.name }));

  /** Hosts (incoming) or travellers (outgoing) chosen in the form become participants; removed ones go. */
  const syncOfficials = async (saved: Visit, officials: string[]) => {
    const role = officialRole(saved.direction);
    const current = saved.participants.filter((p) => p.role === role && p.person);
    const currentIds = new Set(current.map((p) => p.person!.id));
    for (const personId of officials) if (!currentIds.has(personId)) await records.create('visit-participants', { visitId: saved.id, role, personId });
    for (const p of current) if (!officials.includes(p.person!.id)) await records.remove('visit-participants', p.id, p.version);
  };

  const submit = async () => {
    if (saving) return;
    const values = form.getValues();
    const payload = checkedPayload(values);
    if (!payload) return;
    setSaving(true);
    try {
      let saved: Visit;
      if (base) {
        const changes = changedFields(visitPayload(visitFormValues(base, lang)) as Record<string, unknown>, payload as Record<string, unknown>);
        saved = Object.keys(changes).length ? await api.patch<Visit>(`/api/visits/${base.id}`, { version: base.version, ...changes }) : base;
      } else {
        saved = await api.post<Visit>('/api/visits', payload);
      }
      try {
        await syncOfficials(saved, values.officials);
      } catch (e) {
        // The visit itself is saved: saving again changes it rather than creating another one.
        setBase(saved);
        throw e;
      }
      queryClient.removeQueries({ queryKey: visitKeys.detail(saved.id) });
      await queryClient.invalidateQueries({ queryKey: visitKeys.all, refetchType: 'none' });
      notifySuccess(t('form.saved', { name: visitTitle(saved, lang) }));
      guard.allow();
      await navigate({ to: '/visits/$id', params: { id: saved.id } });
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
      const theirs = await fetchVisit(base.id);
      const theirsValues = visitFormValues(theirs, lang);
      const basePayload = visitPayload(visitFormValues(base, lang)) as Record<string, unknown>;
      const minePayload = visitPayload(form.getValues()) as Record<string, unknown>;
      const theirsPayload = visitPayload(theirsValues) as Record<string, unknown>;
      const { takeTheirs, conflicts } = threeWayMerge(basePayload, minePayload, theirsPayload);
      for (const key of takeTheirs) form.setFieldValue(key as keyof VisitFormValues, theirsValues[key as keyof VisitFormValues] as never);
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
            form.setFieldValue(key as keyof VisitFormValues, theirsValues[key as keyof VisitFormValues] as never);
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

  const setCountry = (country: string | null) => {
    // A trip's zone follows its destination unless someone chose another one.
    if (outgoing && (!v.timeZone || v.timeZone === countryTimeZone(v.country))) form.setFieldValue('timeZone', null);
    form.setFieldValue('country', country);
  };
  const setDirection = (direction: VisitDirection) => {
    form.setFieldValue('direction', direction);
    form.setFieldValue('timeZone', defaultTimeZone(direction, office.timeZone));
  };

  const cancel = () => void (visit ? navigate({ to: '/visits/$id', params: { id: visit.id } }) : navigate({ to: '/visits' }));
  const mod = os === 'macos' ? '⌘' : 'Ctrl';
  const d = outgoing ? 'trip' : 'visit';

  return (
    <Stack gap="lg">
      <PageHeader before={<BackLink to="/visits">{t('list.title')}</BackLink>} title={title} />
      <form
        ref={formRef}
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="lg" maw={1040}>
          {failure?.kind === 'conflict' && <ConflictAlert problem={failure.problem} onReload={() => void reload()} reloading={reloading} reloaded={reloaded} />}
          {failure?.kind === 'message' && (
            <Alert color="red" variant="light" role="alert" title={t('form.notSaved')} withCloseButton closeButtonLabel={t('form.dismiss')} onClose={() => setFailure(null)}>
              {failure.message}
            </Alert>
          )}

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="visit-form-main">
            <Title order={2} fz="lg" mb="md" id="visit-form-main">
              {t(`form.sectionMain.${d}`)}
            </Title>
            <Stack gap="md">
              <Stack gap={4}>
                <Text size="sm" fw={500} id="visit-direction-label">
                  {t('fields.direction')}
                </Text>
                <SegmentedControl
                  aria-labelledby="visit-direction-label"
                  value={v.direction}
                  onChange={(value) => setDirection(value as VisitDirection)}
                  data={[
                    { value: 'incoming', label: t('directions.incoming') },
                    { value: 'outgoing', label: t('directions.outgoing') },
                  ]}
                  style={{ alignSelf: 'flex-start' }}
                />
              </Stack>
              <MultilingualInput
                label={t('fields.title')}
                path="title"
                required
                layout="grid"
                value={v.title}
                onChange={(value) => form.setFieldValue('title', value)}
                errors={form.errors}
                description={t(`form.titleHint.${d}`)}
                maxLength={500}
              />
              <Select label={t('fields.status')} data={statusOptions} allowDeselect={false} withAsterisk maw={320} {...form.getInputProps('status')} />
              <MultilingualInput
                label={t('fields.purpose')}
                path="purpose"
                layout="grid"
                multiline
                value={v.purpose}
                onChange={(value) => form.setFieldValue('purpose', value)}
                errors={form.errors}
                maxLength={500}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="visit-form-where">
            <Title order={2} fz="lg" mb="md" id="visit-form-where">
              {t(`form.sectionWhere.${d}`)}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t('fields.startDate')} withAsterisk {...form.getInputProps('startDate')} />
              <TextInput type="date" label={t('fields.endDate')} withAsterisk min={v.startDate || undefined} {...form.getInputProps('endDate')} />
              <CountrySelect label={t(`fields.countryOf.${d}`)} {...form.getInputProps('country')} onChange={setCountry} />
              <TextInput label={t(`fields.cityOf.${d}`)} maxLength={120} {...form.getInputProps('city')} />
              <OrganizationSelect label={t(`fields.organizationOf.${d}`)} description={t('form.fromDirectory')} value={v.organizationId} onChange={(id) => form.setFieldValue('organizationId', id)} error={form.errors.organizationId} />
              <Select
                label={t('fields.timeZone')}
                description={zoneHint}
                placeholder={t('form.timeZoneAuto')}
                data={zones}
                searchable
                clearable
                limit={100}
                nothingFoundMessage={t('form.nothingFound')}
                {...form.getInputProps('timeZone')}
              />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="visit-form-people">
            <Title order={2} fz="lg" mb="md" id="visit-form-people">
              {t('form.sectionPeople')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LanguagesMultiSelect label={t(`fields.guestLanguagesOf.${d}`)} description={t('form.guestLanguagesHint')} {...form.getInputProps('guestLanguages')} />
              <UserSelect label={t('fields.responsible')} known={known} value={v.responsibleId} onChange={(id) => form.setFieldValue('responsibleId', id)} error={form.errors.responsibleId} />
              <PeopleMultiSelect
                label={t(`fields.officials.${d}`)}
                description={t(`form.officialsHint.${d}`)}
                known={knownOfficials}
                value={v.officials}
                onChange={(ids) => form.setFieldValue('officials', ids)}
              />
              <TextInput label={t('fields.contactPhone')} description={t('form.contactPhoneHint')} type="tel" maxLength={50} {...form.getInputProps('contactPhone')} />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="visit-form-other">
            <Title order={2} fz="lg" mb="md" id="visit-form-other">
              {t('form.sectionOther')}
            </Title>
            <Stack gap="md">
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
                {visit ? t('form.saveChanges') : t(`form.create.${d}`)}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {guard.element}
    </Stack>
  );
}
