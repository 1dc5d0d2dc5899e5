import { useState } from 'react';
import { Badge, Button, Group, Pagination, Paper, Skeleton, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/users.js';
import { ErrorAlert } from '../../../app/components/ErrorAlert.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { UserCreateModal } from '../components/UserCreateModal.js';
import { UserEditModal } from '../components/UserEditModal.js';
import { userListQuery } from '../users.api.js';
import { ScrollTable } from '../../../app/components/ScrollTable.js';
import { RequirePermission } from '../../../app/components/RequirePermission.js';

const PAGE_SIZE = 50;

function UsersList() {
  const { t, i18n } = useTranslation('users');
  usePageTitle(t('title'));
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const list = useQuery(userListQuery({ page, pageSize: PAGE_SIZE, sort: 'name', order: 'asc', q: debouncedQ || undefined }));
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('intro')}
          </Text>
        </div>
        <Button onClick={() => setCreating(true)}>{t('create.open')}</Button>
      </Group>

      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <TextInput
            label={t('filter.label')}
            placeholder={t('filter.placeholder')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            maw={360}
          />
          <ErrorAlert error={list.error} />
          <ScrollTable label={t('tableCaption')} minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <caption>
                <VisuallyHidden>{t('tableCaption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.nameAndEmail')}</Table.Th>
                  <Table.Th>{t('fields.role')}</Table.Th>
                  <Table.Th>{t('fields.language')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('fields.lastLogin')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('fields.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.isPending &&
                  [0, 1, 2].map((i) => (
                    <Table.Tr key={i}>
                      <Table.Td colSpan={6}>
                        <Skeleton h={18} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                {list.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed">{debouncedQ ? t('emptyFiltered') : t('empty')}</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data?.items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {user.name}
                      </Text>
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {user.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`app:roles.${user.role}`)}</Table.Td>
                    <Table.Td lang={user.locale}>{t(`app:languageNames.${user.locale}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {user.active ? (
                        <Badge color="green" variant="light">
                          {t('status.active')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light">
                          {t('status.inactive')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : <Text span c="dimmed" size="sm">{t('never')}</Text>}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Button variant="subtle" size="xs" onClick={() => setEditing(user)} aria-label={t('edit.openFor', { name: user.name })}>
                        {t('edit.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {pages > 1 && (
            <Pagination
              value={page}
              onChange={setPage}
              total={pages}
              getControlProps={(control) => ({ 'aria-label': t(`app:pagination.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('app:pagination.page', { page: p }) })}
            />
          )}
        </Stack>
      </Paper>

      <UserCreateModal opened={creating} onClose={() => setCreating(false)} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

export default function UsersPage() {
  return (
    <RequirePermission permission="users.manage">
      <UsersList />
    </RequirePermission>
  );
}
