import { ActionIcon, Button, Group, Text, Title, Tooltip } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { IconEdit, IconPlus, IconTrash } from '../../../ui/icons';
import { notifySuccess } from '../../../ui/notify';
import { records, useRefreshVisit, type RecordKind } from '../visits.api';

/** A section's heading with its "Add …" button. */
export function SectionHeader({ id, title, addLabel, onAdd, testId, order = 2 }: { id: string; title: string; addLabel?: string; onAdd?: () => void; testId?: string; order?: 2 | 3 }) {
  return (
    <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
      <Title order={order} fz={order === 2 ? 'lg' : 'md'} id={id}>
        {title}
      </Title>
      {onAdd && addLabel && (
        <Button size="sm" leftSection={<IconPlus />} onClick={onAdd} data-testid={testId}>
          {addLabel}
        </Button>
      )}
    </Group>
  );
}

/** Edit and delete buttons of one row, named after the record ("Edit Nino Beridze"). */
export function RowActions({ name, onEdit, onDelete, children }: { name: string; onEdit?: () => void; onDelete?: () => void; children?: ReactNode }) {
  const { t } = useTranslation('visits');
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {children}
      {onEdit && (
        <Tooltip label={t('records.editNamed', { name })}>
          <ActionIcon variant="subtle" color="gray.8" onClick={onEdit} aria-label={t('records.editNamed', { name })}>
            <IconEdit />
          </ActionIcon>
        </Tooltip>
      )}
      {onDelete && (
        <Tooltip label={t('records.deleteNamed', { name })}>
          <ActionIcon variant="subtle" color="red.9" onClick={onDelete} aria-label={t('records.deleteNamed', { name })}>
            <IconTrash />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/** Empty state of a section: says what is missing and what to do. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" py="sm">
      {children}
    </Text>
  );
}

/** The delete confirmation for records inside a visit: `ask(record)`, then the dialog. */
export function useDeleteRecord<R extends { id: string; version: number }>(kind: RecordKind, visitId: string, opts: { name: (r: R) => string; what: string; consequences?: string }) {
  const { t } = useTranslation('visits');
  const refresh = useRefreshVisit(visitId);
  const [target, setTarget] = useState<R | null>(null);
  const element = (
    <ConfirmDelete
      opened={!!target}
      onClose={() => setTarget(null)}
      name={target ? opts.name(target) : ''}
      what={opts.what}
      consequences={opts.consequences}
      onConfirm={async () => {
        if (!target) return;
        await records.remove(kind, target.id, target.version);
        const name = opts.name(target);
        setTarget(null);
        await refresh();
        notifySuccess(t('records.deleted', { name }));
      }}
    />
  );
  return { ask: setTarget, element };
}
