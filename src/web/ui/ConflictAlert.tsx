import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../contracts/common/problems';
import { formatDateTime } from '../lib/format';
import { IconAlert } from './icons';
import './i18n';

export interface ConflictField {
  key: string;
  label: string;
  theirs: ReactNode;
  yours: ReactNode;
  onUseTheirs: () => void;
}

export interface ConflictAlertProps {
  /** The 409 version_conflict answer: `current` says who changed the record and when. */
  problem: Problem;
  /** Loads the stored version; the form keeps what the user typed (see threeWayMerge). */
  onReload: () => void;
  reloading?: boolean;
  /** Set once their version is loaded: the fields both of you changed, to compare. */
  reloaded?: { version: number; taken: number; conflicts: ConflictField[] } | null;
}

/**
 * Shown when saving fails because someone else saved the record first. Nothing the user typed
 * is lost: "Reload their version" takes the newer version number, fills the fields the user
 * left alone with their values, and lists side by side the fields both changed.
 */
export function ConflictAlert({ problem, onReload, reloading, reloaded }: ConflictAlertProps) {
  const { t, i18n } = useTranslation('ui');
  const who = problem.current?.updatedBy?.name ?? t('conflict.someone');
  const when = problem.current?.updatedAt ? formatDateTime(problem.current.updatedAt, i18n.language) : '';

  if (reloaded) {
    return (
      <Alert color="blue" variant="light" title={t('conflict.reloadedTitle')} role="status" data-testid="conflict-alert">
        <Stack gap="sm">
          <Text size="sm">
            {t('conflict.reloadedBody', { version: reloaded.version, count: reloaded.taken })}
          </Text>
          {reloaded.conflicts.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                {t('conflict.bothChanged', { count: reloaded.conflicts.length })}
              </Text>
              <Table withTableBorder verticalSpacing="xs" aria-label={t('conflict.tableLabel')} bg="var(--mantine-color-body)">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('conflict.field')}</Table.Th>
                    <Table.Th>{t('conflict.theirs', { name: who })}</Table.Th>
                    <Table.Th>{t('conflict.yours')}</Table.Th>
                    <Table.Th>
                      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('conflict.choice')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reloaded.conflicts.map((c) => (
                    <Table.Tr key={c.key}>
                      <Table.Td fw={600}>{c.label}</Table.Td>
                      <Table.Td>{c.theirs}</Table.Td>
                      <Table.Td>{c.yours}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={c.onUseTheirs} aria-label={t('conflict.useTheirsFor', { field: c.label })}>
                          {t('conflict.useTheirs')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm">{t('conflict.saveAgain')}</Text>
            </>
          ) : (
            <Text size="sm">{t('conflict.noOverlap')}</Text>
          )}
        </Stack>
      </Alert>
    );
  }

  return (
    <Alert color="orange" variant="light" title={t('conflict.title')} icon={<IconAlert />} role="alert" data-testid="conflict-alert">
      <Stack gap="sm">
        <Text size="sm">{when ? t('conflict.body', { name: who, when }) : t('conflict.bodyNoDate', { name: who })}</Text>
        <Text size="sm">{t('conflict.kept')}</Text>
        <Group>
          <Button size="sm" onClick={onReload} loading={reloading}>
            {t('conflict.reload')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
