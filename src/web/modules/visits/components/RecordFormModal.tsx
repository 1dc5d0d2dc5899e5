import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import type { Visit } from '../../../../contracts/visits';
import { ConflictAlert, type ConflictField } from '../../../ui/ConflictAlert';
import { changedFields, threeWayMerge } from '../../../ui/conflict';
import { plainValue } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { useApiForm, useSubmitHotkeys } from '../../../ui/useApiForm';
import { fetchVisit, records, type RecordKind } from '../visits.api';

type Versioned = { id: string; version: number };

export interface RecordFormModalProps<V extends Record<string, unknown>, R extends Versioned> {
  kind: RecordKind;
  visitId: string;
  /** The record being edited, or null to add one. */
  record: R | null;
  opened: boolean;
  title: string;
  size?: string;
  /** The contract's create schema: the payload is checked with it before sending. */
  schema: ZodType;
  values: (record: R | null) => V;
  /** The API body for form values, without the visit's id. */
  payload: (values: V) => Record<string, unknown>;
  /** The record as stored now, from a freshly read visit (after a version conflict). */
  latest: (visit: Visit) => R | undefined;
  fieldLabel: (key: string) => string;
  /** Names the record in the "saved" notification. */
  savedMessage: (saved: R) => string;
  onClose: () => void;
  onSaved: (saved: R) => void | Promise<void>;
  children: (form: UseFormReturnType<V>) => ReactNode;
  testId?: string;
}

/**
 * Adds or edits one record inside a visit (a participant, a programme item, a task ...) in a
 * dialog: checked with the contract's schema, server field errors next to the inputs, only the
 * changed fields sent with the version, and a version conflict resolved as on the record pages.
 */
export function RecordFormModal<V extends Record<string, unknown>, R extends Versioned>(props: RecordFormModalProps<V, R>) {
  const { t } = useTranslation('visits');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size={props.size ?? 'lg'} closeButtonProps={{ 'aria-label': t('form.close') }}>
      {props.opened && <RecordForm key={props.record?.id ?? 'new'} {...props} />}
    </Modal>
  );
}

function RecordForm<V extends Record<string, unknown>, R extends Versioned>(props: RecordFormModalProps<V, R>) {
  const { t } = useTranslation('visits');
  const [base, setBase] = useState<R | null>(props.record);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState<{ version: number; taken: number; conflicts: ConflictField[] } | null>(null);
  const { form, formRef, failure, setFailure, checkedPayload, handleError } = useApiForm({
    initialValues: props.values(props.record),
    schema: props.schema,
    toPayload: (v: V) => ({ visitId: props.visitId, ...props.payload(v) }),
  });

  const submit = async () => {
    if (saving) return;
    const checked = checkedPayload();
    if (!checked) return;
    setSaving(true);
    try {
      const { visitId: _visitId, ...mine } = checked as Record<string, unknown>;
      let saved: R;
      if (props.record && base) {
        const changes = changedFields(props.payload(props.values(base)), mine);
        saved = Object.keys(changes).length ? await records.update<R>(props.kind, base.id, { version: base.version, ...changes }) : base;
      } else {
        saved = await records.create<R>(props.kind, checked);
      }
      await props.onSaved(saved);
      notifySuccess(props.savedMessage(saved));
      props.onClose();
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
      const theirs = props.latest(await fetchVisit(props.visitId));
      if (!theirs) {
        setFailure({ kind: 'message', message: t('records.goneMessage') });
        return;
      }
      const theirsValues = props.values(theirs);
      const basePayload = props.payload(props.values(base));
      const minePayload = props.payload(form.getValues());
      const theirsPayload = props.payload(theirsValues);
      const { takeTheirs, conflicts } = threeWayMerge(basePayload, minePayload, theirsPayload);
      for (const key of takeTheirs) if (key in theirsValues) form.setFieldValue(key as never, theirsValues[key as keyof V] as never);
      const yesNo = { yes: t('form.yes'), no: t('form.no') };
      setBase(theirs);
      setReloaded({
        version: theirs.version,
        taken: takeTheirs.length,
        conflicts: conflicts.map((key) => ({
          key: String(key),
          label: props.fieldLabel(String(key)),
          theirs: plainValue(theirsPayload[key], yesNo),
          yours: plainValue(minePayload[key], yesNo),
          onUseTheirs: () => {
            if (key in theirsValues) form.setFieldValue(key as never, theirsValues[key as keyof V] as never);
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

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={props.title}
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        {failure?.kind === 'conflict' && <ConflictAlert problem={failure.problem} onReload={() => void reload()} reloading={reloading} reloaded={reloaded} />}
        {failure?.kind === 'message' && (
          <Alert color="red" variant="light" role="alert" title={t('form.notSaved')} withCloseButton closeButtonLabel={t('form.dismiss')} onClose={() => setFailure(null)}>
            {failure.message}
          </Alert>
        )}
        {props.children(form)}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={saving}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save-record" aria-keyshortcuts="Control+S Meta+S Control+Enter">
            {props.record ? t('form.saveChanges') : t('records.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
