import { Fieldset, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_ROLES, TRAVEL_MODES, type Participant } from '../../../../contracts/visits';
import { LatinNameField } from '../../people/components/LatinNameField';
import { PersonSelect } from '../../people/components/PersonSelect';
import { initialLatinMode, latinFor, type LatinMode } from '../../people/latin';

type LegValues = { mode: string; carrier: string; number: string; at: string; place: string };

export type ParticipantFormValues = {
  role: string;
  /** A person from the directory, or someone named here. */
  source: 'directory' | 'name';
  personId: string | null;
  name: string;
  nameLatin: string;
  latinMode: LatinMode;
  position: string;
  organization: string;
  arrival: LegValues;
  departure: LegValues;
  dietaryNeeds: string;
  accessNeeds: string;
  meetBy: string;
  seeOffBy: string;
  notes: string;
};

const emptyLeg = (): LegValues => ({ mode: 'flight', carrier: '', number: '', at: '', place: '' });
const legValues = (leg: Participant['arrival']): LegValues => (leg ? { mode: leg.mode, carrier: leg.carrier, number: leg.number, at: leg.at ?? '', place: leg.place } : emptyLeg());
const legPayload = (leg: LegValues) => {
  const out = { mode: leg.mode, carrier: leg.carrier.trim(), number: leg.number.trim(), at: leg.at || null, place: leg.place.trim() };
  return out.carrier || out.number || out.at || out.place ? out : null;
};

export function participantValues(p: Participant | null, defaultRole = 'guest'): ParticipantFormValues {
  const fromDirectory = p ? !!p.person : false;
  return {
    role: p?.role ?? defaultRole,
    source: p ? (fromDirectory ? 'directory' : 'name') : 'directory',
    personId: p?.person?.id ?? null,
    name: fromDirectory ? '' : (p?.name ?? ''),
    nameLatin: fromDirectory ? '' : (p?.nameLatin ?? ''),
    latinMode: p && !fromDirectory ? initialLatinMode(p.name, p.nameLatin) : 'auto',
    position: p?.position ?? '',
    organization: p?.organization ?? '',
    arrival: legValues(p?.arrival ?? null),
    departure: legValues(p?.departure ?? null),
    dietaryNeeds: p?.dietaryNeeds ?? '',
    accessNeeds: p?.accessNeeds ?? '',
    meetBy: p?.meetBy ?? '',
    seeOffBy: p?.seeOffBy ?? '',
    notes: p?.notes ?? '',
  };
}

export function participantPayload(v: ParticipantFormValues) {
  const named = v.source === 'name';
  return {
    role: v.role,
    personId: named ? null : v.personId,
    name: named ? v.name.trim() || null : null,
    nameLatin: named ? v.nameLatin.trim() : '',
    position: v.position.trim(),
    organization: v.organization.trim(),
    arrival: legPayload(v.arrival),
    departure: legPayload(v.departure),
    dietaryNeeds: v.dietaryNeeds.trim(),
    accessNeeds: v.accessNeeds.trim(),
    meetBy: v.meetBy.trim(),
    seeOffBy: v.seeOffBy.trim(),
    notes: v.notes,
  };
}

function LegFields({ form, path, legend }: { form: UseFormReturnType<ParticipantFormValues>; path: 'arrival' | 'departure'; legend: string }) {
  const { t } = useTranslation('visits');
  return (
    <Fieldset legend={legend} radius="sm">
      <Text size="sm" mb="xs">
        {t('legs.atHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('legs.mode')} data={TRAVEL_MODES.map((m) => ({ value: m, label: t(`legs.modes.${m}`) }))} allowDeselect={false} {...form.getInputProps(`${path}.mode`)} />
        <TextInput type="datetime-local" label={t('legs.at')} {...form.getInputProps(`${path}.at`)} />
        <TextInput label={t('legs.carrier')} maxLength={100} {...form.getInputProps(`${path}.carrier`)} />
        <TextInput label={t('legs.number')} maxLength={30} {...form.getInputProps(`${path}.number`)} />
        <TextInput label={t('legs.place')} maxLength={200} {...form.getInputProps(`${path}.place`)} />
      </SimpleGrid>
    </Fieldset>
  );
}

/** The fields of a participant: who (from the directory or named here), travel, needs, meeting. */
export function ParticipantFields({ form }: { form: UseFormReturnType<ParticipantFormValues> }) {
  const { t } = useTranslation('visits');
  const v = form.values;
  return (
    <Stack gap="md">
      <Select
        label={t('participants.role')}
        data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        allowDeselect={false}
        withAsterisk
        maw={320}
        data-autofocus
        {...form.getInputProps('role')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="participant-source-label">
          {t('participants.who')}
        </Text>
        <SegmentedControl
          aria-labelledby="participant-source-label"
          value={v.source}
          onChange={(value) => form.setFieldValue('source', value as 'directory' | 'name')}
          data={[
            { value: 'directory', label: t('participants.fromDirectory') },
            { value: 'name', label: t('participants.notInDirectory') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      {v.source === 'directory' ? (
        <PersonSelect value={v.personId} onChange={(id) => form.setFieldValue('personId', id)} error={form.errors.personId ?? form.errors.name} withAsterisk />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('participants.name')}
            description={t('participants.nameHint')}
            withAsterisk
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
            onChange={(e) => {
              const name = e.currentTarget.value;
              form.setFieldValue('name', name);
              if (v.latinMode !== 'manual') form.setFieldValue('nameLatin', latinFor(name, v.latinMode));
            }}
          />
          <LatinNameField
            name={v.name}
            value={v.nameLatin}
            mode={v.latinMode}
            error={form.errors.nameLatin as string | undefined}
            onChange={(value, mode) => {
              form.setFieldValue('nameLatin', value);
              form.setFieldValue('latinMode', mode);
            }}
          />
          <TextInput label={t('participants.position')} maxLength={200} {...form.getInputProps('position')} />
          <TextInput label={t('participants.organization')} maxLength={300} {...form.getInputProps('organization')} />
        </SimpleGrid>
      )}
      <LegFields form={form} path="arrival" legend={t('participants.arrival')} />
      <LegFields form={form} path="departure" legend={t('participants.departure')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('participants.meetBy')} maxLength={200} {...form.getInputProps('meetBy')} />
        <TextInput label={t('participants.seeOffBy')} maxLength={200} {...form.getInputProps('seeOffBy')} />
        <Textarea label={t('participants.dietaryNeeds')} autosize minRows={2} maxLength={1000} {...form.getInputProps('dietaryNeeds')} />
        <Textarea label={t('participants.accessNeeds')} autosize minRows={2} maxLength={1000} {...form.getInputProps('accessNeeds')} />
      </SimpleGrid>
      <Textarea label={t('fields.notes')} autosize minRows={2} maxLength={5000} {...form.getInputProps('notes')} />
    </Stack>
  );
}
