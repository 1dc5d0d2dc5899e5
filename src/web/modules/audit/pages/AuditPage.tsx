import { Fragment, useState } from 'react';
import { Anchor, Button, Group, Pagination, Paper, Select, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditEntry } from '../../../../contracts/audit.js';
import { ErrorAlert } from '../../../app/components/ErrorAlert.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { AUDIT_ENTITY_TYPES, auditListQuery } from '../audit.api.js';
import { actionLabel, entityLink, entityTypeLabel } from '../audit.labels.js';
import { ChangeValue } from '../components/ChangeValue.js';
import { AnchorLink } from '../../../app/links.js';
import { ScrollTable } from '../../../app/components/ScrollTable.js';
import { RequirePermission } from '../../../app/components/RequirePermission.js';

const PAGE_SIZE = 50;
const COLUMNS = 6;

function Changes({ entry, id }: { entry: AuditEntry; id: string }) {
  const { t } = useTranslation('audit');
  return (
    <Table id={id} withTableBorder withColumnBorders verticalSpacing={6} bg="white" layout="fixed">
      <caption>
        <VisuallyHidden>{t('changes.caption')}</VisuallyHidden>
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="22%">{t('changes.field')}</Table.Th>
          <Table.Th>{t('changes.before')}</Table.Th>
          <Table.Th>{t('changes.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entry.changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {t(`fields.${change.field}`, { defaultValue: change.field })}
              </Text>
            </Table.Td>
            <Table.Td>
              <ChangeValue field={change.field} value={change.before} />
            </Table.Td>
            <Table.Td>
              <ChangeValue field={change.field} value={change.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation('audit');
  usePageTitle(t('title'));
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const list = useQuery(
    auditListQuery({
      page,
      pageSize: PAGE_SIZE,
      action: (action ?? undefined) as AuditEntry['action'] | undefined,
      entityType: entityType ?? undefined,
    }),
  );
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('intro')}
        </Text>
      </div>

      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Group gap="md" align="flex-end">
            <Select
              label={t('filter.action')}
              placeholder={t('filter.all')}
              data={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }))}
              value={action}
              onChange={(v) => {
                setAction(v);
                setPage(1);
              }}
              clearable
              w={240}
            />
            <Select
              label={t('filter.entityType')}
              placeholder={t('filter.all')}
              data={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: entityTypeLabel(t, e) }))}
              value={entityType}
              onChange={(v) => {
                setEntityType(v);
                setPage(1);
              }}
              clearable
              w={240}
            />
            {list.data && (
              <Text size="sm" c="dimmed" role="status">
                {t('total', { count: list.data.total })}
              </Text>
            )}
          </Group>

          <ErrorAlert error={list.error} />

          <ScrollTable label={t('tableCaption')} minWidth={860}>
            <Table verticalSpacing="sm">
              <caption>
                <VisuallyHidden>{t('tableCaption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('app:audit.columns.at')}</Table.Th>
                  <Table.Th>{t('app:audit.columns.actor')}</Table.Th>
                  <Table.Th>{t('app:audit.columns.action')}</Table.Th>
                  <Table.Th>{t('app:audit.columns.entityType')}</Table.Th>
                  <Table.Th>{t('app:audit.columns.summary')}</Table.Th>
                  <Table.Th>{t('columns.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.isPending &&
                  [0, 1, 2, 3].map((i) => (
                    <Table.Tr key={i}>
                      <Table.Td colSpan={COLUMNS}>
                        <Skeleton h={18} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                {list.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={COLUMNS}>
                      <Text c="dimmed">{action || entityType ? t('emptyFiltered') : t('empty')}</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data?.items.map((entry) => {
                  const expanded = open.has(entry.id);
                  const detailsId = `audit-changes-${entry.id}`;
                  const link = entityLink(entry);
                  return (
                    <Fragment key={entry.id}>
                      <Table.Tr>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, i18n.language)}</Table.Td>
                        <Table.Td>{entry.actor?.name ?? <Text span c="dimmed" size="sm">{t('app:audit.system')}</Text>}</Table.Td>
                        <Table.Td>{actionLabel(t, entry.action)}</Table.Td>
                        <Table.Td>{entityTypeLabel(t, entry.entityType)}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'break-word' }}>
                          {link && entry.summary ? (
                            <AnchorLink to={link.to} params={link.params} size="sm">
                              {entry.summary}
                            </AnchorLink>
                          ) : (
                            entry.summary
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {entry.changes.length > 0 ? (
                            <Button
                              variant="subtle"
                              size="compact-sm"
                              aria-expanded={expanded}
                              aria-controls={expanded ? detailsId : undefined}
                              onClick={() => toggle(entry.id)}
                            >
                              {expanded ? t('changes.hide') : t('changes.show', { count: entry.changes.length })}
                            </Button>
                          ) : (
                            <Text span size="sm" c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                      {expanded && (
                        <Table.Tr bg="gray.0">
                          <Table.Td colSpan={COLUMNS}>
                            <Changes entry={entry} id={detailsId} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>

          {pages > 1 && (
            <Pagination
              value={page}
              onChange={(p) => {
                setPage(p);
                setOpen(new Set());
              }}
              total={pages}
              getControlProps={(control) => ({ 'aria-label': t(`app:pagination.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('app:pagination.page', { page: p }) })}
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

export default function AuditPage() {
  return (
    <RequirePermission permission="audit.read">
      <AuditLog />
    </RequirePermission>
  );
}
