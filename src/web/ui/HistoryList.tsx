import { Alert, Badge, Box, Center, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../contracts/audit';
import type { Page } from '../../contracts/common/paging';
import { api } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { Clipped, plainValue } from './format';
import './i18n';

export interface HistoryListProps {
  /** The records' API collection: /api/<resource>/{id}/history. */
  resource: 'organizations' | 'people' | 'visits';
  id: string;
  /** A field's name in the UI language; unknown fields show as stored. */
  fieldLabel?: (field: string, entry: AuditEntry) => string | undefined;
  /** A field's value as text (e.g. a country code as its name); else plainValue. */
  formatValue?: (field: string, value: unknown, entry: AuditEntry) => string | undefined;
  /**
   * What an entry is about when it is not the record itself but a record inside it (a visit's
   * programme item): named before its summary.
   */
  entryLabel?: (entry: AuditEntry) => string | undefined;
}

export const historyQueryKey = (resource: string, id: string) => [resource, 'history', id] as const;

/** Who changed the record, when, and each changed field before → after. */
export function HistoryList({ resource, id, fieldLabel, formatValue, entryLabel }: HistoryListProps) {
  const { t, i18n } = useTranslation('ui');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: [...historyQueryKey(resource, id), page],
    queryFn: () => api.get<Page<AuditEntry>>(`/api/${resource}/${id}/history`, { page }),
    placeholderData: keepPreviousData,
  });
  const yesNo = { yes: t('values.yes'), no: t('values.no') };
  const show = (field: string, value: unknown, entry: AuditEntry): ReactNode => <Clipped text={formatValue?.(field, value, entry) ?? plainValue(value, yesNo)} />;

  if (query.isPending) {
    return (
      <Center py="lg" data-testid="history">
        <Group gap="xs">
          <Loader size="sm" aria-hidden />
          <Text>{t('table.loading')}</Text>
        </Group>
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" role="alert" data-testid="history">
        {query.error.message}
      </Alert>
    );
  }
  const data = query.data;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));

  return (
    <Stack gap="sm" data-testid="history">
      {data.items.length === 0 ? (
        <Text>{t('history.empty')}</Text>
      ) : (
        <Box style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="sm" aria-label={t('history.caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('history.when')}</Table.Th>
                <Table.Th w={170}>{t('history.who')}</Table.Th>
                <Table.Th>{t('history.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((entry) => {
                const about = entryLabel?.(entry);
                return (
                  <Table.Tr key={entry.id}>
                    <Table.Td>
                      <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                    </Table.Td>
                    <Table.Td>{entry.actor?.name ?? t('history.system')}</Table.Td>
                    <Table.Td>
                      <Stack gap={6}>
                        <Group gap="xs">
                          <Badge variant="light" color="gray" tt="none">
                            {t(`app:audit.actions.${entry.action}`, { defaultValue: entry.action })}
                          </Badge>
                          {about ? (
                            <Text size="sm">
                              <Text span fw={600} size="sm">
                                {about}
                              </Text>
                              {entry.summary ? `: ${entry.summary}` : ''}
                            </Text>
                          ) : (
                            entry.action !== 'update' && entry.summary && <Text size="sm">{entry.summary}</Text>
                          )}
                        </Group>
                        {entry.changes.length > 0 && (
                          <Box component="ul" m={0} pl="md">
                            {entry.changes.map((c) => (
                              <Text component="li" size="sm" key={c.field}>
                                <Text component="span" fw={600} size="sm">
                                  {fieldLabel?.(c.field, entry) ?? c.field}
                                </Text>
                                {': '}
                                <Text component="del" size="sm" td="line-through">
                                  {show(c.field, c.before, entry)}
                                </Text>
                                <span aria-hidden="true"> → </span>
                                <Text component="span" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                                  {` ${t('history.changedTo')} `}
                                </Text>
                                <Text component="ins" size="sm" td="none" fw={500}>
                                  {show(c.field, c.after, entry)}
                                </Text>
                              </Text>
                            ))}
                          </Box>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {pages > 1 && (
        <Box component="nav" aria-label={t('history.pagination')}>
          <Pagination
            size="sm"
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
            getItemProps={(p) => ({ 'aria-label': t('table.page', { page: p }), 'aria-current': p === page ? 'page' : undefined })}
          />
        </Box>
      )}
    </Stack>
  );
}
