import { Alert, Box, Button, Center, DataList, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { IconArrowLeft } from './icons';
import './i18n';
import { AnchorLink } from './links';

/** The page's one h1, its actions on the right, and the browser tab's title. */
export function PageHeader({ title, actions, before, after }: { title: ReactNode; actions?: ReactNode; before?: ReactNode; after?: ReactNode }) {
  useDocumentTitle(typeof title === 'string' ? `${title} · Legato` : 'Legato');
  return (
    <Stack gap={4}>
      {before}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Title order={1} fz={{ base: 24, sm: 28 }} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
      {after}
    </Stack>
  );
}

/** A link back to a list ("← Organisations"). */
export function BackLink({ to, children }: { to: '/organizations' | '/people' | '/import' | '/visits' | '/gifts'; children: ReactNode }) {
  return (
    <AnchorLink to={to} size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
      <IconArrowLeft size={14} />
      {children}
    </AnchorLink>
  );
}

/** Loading and failure states of a page that reads one record. */
export function PageStatus({ error, onRetry }: { error?: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('ui');
  if (!error) {
    return (
      <Center py="xl" aria-busy="true">
        <Group gap="xs">
          <Loader size="sm" aria-hidden />
          <Text>{t('table.loading')}</Text>
        </Group>
      </Center>
    );
  }
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Stack>
      <Title order={1} fz={24}>
        {notFound ? t('errors.notFoundTitle') : t('errors.loadFailedTitle')}
      </Title>
      <Alert color="red" role="alert">
        {error instanceof Error ? error.message : t('errors.unexpected')}
      </Alert>
      {onRetry && !notFound && (
        <Box>
          <Button variant="default" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        </Box>
      )}
    </Stack>
  );
}

/** Label/value pairs of a record; empty values are left out. */
export function FieldList({ items }: { items: { label: string; value: ReactNode; hidden?: boolean }[] }) {
  const shown = items.filter((i) => !i.hidden && i.value !== null && i.value !== undefined && i.value !== '' && !(Array.isArray(i.value) && i.value.length === 0));
  return (
    <DataList labelWidth={190} size="sm" withDivider styles={{ itemLabel: { width: 190, flexShrink: 0 } }}>
      {shown.map((item) => (
        <DataList.Item key={item.label}>
          <DataList.ItemLabel fw={600}>{item.label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{item.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
