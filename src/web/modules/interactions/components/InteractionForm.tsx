import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERACTION_KINDS, InteractionCreateSchema, InteractionUpdateSchema, type Interaction, type InteractionCreate } from '../../../../contracts/interactions';
import { api } from '../../../lib/api';
import { ConflictAlert, type ConflictField } from '../../../ui/ConflictAlert';
import { changedFields, threeWayMerge } from '../../../ui/conflict';
import { useApiForm, useSubmitHotkeys } from '../../../ui/useApiForm';
import { fetchInteraction } from '../interactions.api';

export type InteractionFormValues = {
  kind: string;
  occurredAt: string; // datetime-local: YYYY-MM-DDTHH:mm, local time
  subject: string;
  notes: string;
  personId: string | null;
  alsoOnOrganization: boolean;
};

const toLocalInput = (iso: string) => dayjs(iso).format('YYYY-MM-DDTHH:mm');

export function interactionFormValues(i: Interaction | null, defaults: Partial<InteractionFormValues> = {}): InteractionFormValues {
  if (!i) return { kind: 'meeting', occurredAt: dayjs().second(0).format('YYYY-MM-DDTHH:mm'), subject: '', notes: '', personId: null, alsoOnOrganization: true, ...defaults };
  return { kind: i.kind, occurredAt: toLocalInput(i.occurredAt), subject: i.subject, notes: i.notes, personId: i.person?.id ?? null, alsoOnOrganization: !!i.organization };
}

type Payload = { kind: string; occurredAt: string; subject: string; notes: string; organizationId?: string | null; personId?: string | null };

export interface InteractionFormProps {
  /** The entry being edited, or null to add one. */
  interaction: Interaction | null;
  /** Whose timeline: an organisation's (optionally naming one of its people) or a person's. */
  organizationId?: string;
  personId?: string;
  /** On an organisation's timeline: its people, to say whom the entry involved. */
  people?: { value: string; label: string }[];
  /** On a person's timeline: their organisation, to show the entry on its timeline too. */
  personOrganization?: { id: string; label: string } | null;
  onDone: (saved: Interaction) => void;
  onCancel: () => void;
}

/** Adds or edits one timeline entry (meeting, letter, e-mail, call, visit). */
export function InteractionForm(props: InteractionFormProps) {
  const { t } = useTranslation('interactions');
  const [base, setBase] = useState<Interaction | null>(props.interaction);
  const [version, setVersion] = useState(props.interaction?.version ?? 0);
  const [reloaded, setReloaded] = useState<{ version: number; taken: number; conflicts: ConflictField[] } | null>(null);
  const [reloading, setReloading] = useState(false);
  const [saving, setSaving] = useState(false);

  const toPayload = (v: InteractionFormValues): Payload => {
    const occurredAt = v.occurredAt && dayjs(v.occurredAt).isValid() ? dayjs(v.occurredAt).toISOString() : '';
    const payload: Payload = { kind: v.kind, occurredAt, subject: v.subject.trim(), notes: v.notes };
    if (props.organizationId) {
      payload.organizationId = props.organizationId;
      payload.personId = v.personId || null;
    } else if (props.personId) {
      payload.personId = props.personId;
      payload.organizationId = v.alsoOnOrganization && props.personOrganization ? props.personOrganization.id : null;
    }
    return payload;
  };

  const { form, formRef, failure, setFailure, checkedPayload, handleError } = useApiForm({
    initialValues: interactionFormValues(props.interaction, props.personOrganization ? { alsoOnOrganization: true } : {}),
    schema: props.interaction ? InteractionUpdateSchema : InteractionCreateSchema,
    toPayload: (v) => (props.interaction ? { version: version || 1, ...toPayload(v) } : toPayload(v)),
  });

  const submit = async () => {
    if (saving) return;
    const checked = checkedPayload();
    if (!checked) return;
    setSaving(true);
    try {
      let saved: Interaction;
      if (props.interaction && base) {
        const { version: _v, ...mine } = checked as Payload & { version: number };
        const changes = changedFields(toPayload(interactionFormValues(base)) as Record<string, unknown>, mine as Record<string, unknown>);
        saved = await api.patch<Interaction>(`/api/interactions/${props.interaction.id}`, { version, ...changes });
      } else {
        saved = await api.post<Interaction>('/api/interactions', checked as InteractionCreate);
      }
      props.onDone(saved);
    } catch (e) {
      handleError(e);
    } finally {
      setSaving(false);
    }
  };
  useSubmitHotkeys(() => void submit());

  const reload = async () => {
    if (!props.interaction || !base) return;
    setReloading(true);
    try {
      const theirs = await fetchInteraction(props.interaction.id);
      const theirsValues = interactionFormValues(theirs);
      const basePayload = toPayload(interactionFormValues(base)) as Record<string, unknown>;
      const minePayload = toPayload(form.getValues()) as Record<string, unknown>;
      const theirsPayload = toPayload(theirsValues) as Record<string, unknown>;
      const { takeTheirs, conflicts } = threeWayMerge(basePayload, minePayload, theirsPayload);
      const fieldOf = (k: string): keyof InteractionFormValues => (k === 'organizationId' ? 'alsoOnOrganization' : (k as keyof InteractionFormValues));
      for (const key of takeTheirs) {
        const f = fieldOf(String(key));
        form.setFieldValue(f, theirsValues[f] as never);
      }
      setBase(theirs);
      setVersion(theirs.version);
      setReloaded({
        version: theirs.version,
        taken: takeTheirs.length,
        conflicts: conflicts.map((k) => {
          const f = fieldOf(String(k));
          return {
            key: f,
            label: t(`fields.${f}`),
            theirs: String(theirsValues[f] ?? '—'),
            yours: String(form.getValues()[f] ?? '—'),
            onUseTheirs: () => form.setFieldValue(f, theirsValues[f] as never),
          };
        }),
      });
    } catch (e) {
      handleError(e);
    } finally {
      setReloading(false);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={props.interaction ? t('form.editTitle') : t('form.addTitle')}
    >
      <Stack gap="sm">
        {failure?.kind === 'conflict' && <ConflictAlert problem={failure.problem} onReload={() => void reload()} reloading={reloading} reloaded={reloaded} />}
        {failure?.kind === 'message' && (
          <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => setFailure(null)} closeButtonLabel={t('form.dismiss')}>
            {failure.message}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fields.kind')}
            data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('kind')}
          />
          <TextInput type="datetime-local" label={t('fields.occurredAt')} withAsterisk {...form.getInputProps('occurredAt')} />
        </SimpleGrid>
        <TextInput label={t('fields.subject')} withAsterisk maxLength={300} {...form.getInputProps('subject')} data-autofocus />
        <Textarea label={t('fields.notes')} autosize minRows={3} maxRows={12} {...form.getInputProps('notes')} />
        {props.organizationId && props.people && props.people.length > 0 && (
          <Select label={t('fields.personId')} placeholder={t('form.noPerson')} data={props.people} clearable searchable {...form.getInputProps('personId')} />
        )}
        {props.personId && props.personOrganization && (
          <Checkbox
            label={t('form.alsoOnOrganization', { name: props.personOrganization.label })}
            {...form.getInputProps('alsoOnOrganization', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} disabled={saving}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save-interaction">
            {props.interaction ? t('form.saveChanges') : t('form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
