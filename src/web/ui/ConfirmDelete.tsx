import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import './i18n';

export interface ConfirmDeleteProps {
  opened: boolean;
  onClose: () => void;
  /** Does the deletion; a thrown error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<unknown>;
  /** The record's name as the user knows it, e.g. "Община Русе". */
  name: string;
  /** What kind of record, in the sentence: "the organisation", "the person", "the entry". */
  what: string;
  /** What else happens (e.g. "Its people stay in the directory, without an organisation."). */
  consequences?: ReactNode;
}

/** Asks before deleting, naming exactly what will be deleted. */
export function ConfirmDelete({ opened, onClose, onConfirm, name, what, consequences }: ConfirmDeleteProps) {
  const { t } = useTranslation('ui');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opened) setError(null);
  }, [opened]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={busy ? () => undefined : onClose} title={t('confirmDelete.title', { name })} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text>{t('confirmDelete.body', { what, name })}</Text>
        {consequences && <Text size="sm">{consequences}</Text>}
        <Text size="sm" fw={500}>
          {t('confirmDelete.irreversible')}
        </Text>
        {error && (
          <Alert color="red" role="alert" title={t('confirmDelete.failed')}>
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('actions.cancel')}
          </Button>
          <Button color="red.9" data-testid="confirm-delete" loading={busy} onClick={confirm}>
            {t('confirmDelete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
