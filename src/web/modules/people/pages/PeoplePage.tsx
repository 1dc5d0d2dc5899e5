import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_SORTS, PRECEDENCE_CATEGORIES, type Person } from '../../../../contracts/people';
import { withQuery } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { ConfidentialBadge } from '../../../ui/ConfidentialBadge';
import { DataTable, type DataTableColumn } from '../../../ui/DataTable';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FilterBar, SearchFilter } from '../../../ui/FilterBar';
import { IconDownload, IconPlus } from '../../../ui/icons';
import { AnchorLink, ButtonLink } from '../../../ui/links';
import { PageHeader } from '../../../ui/Page';
import { useUrlState } from '../../../ui/useUrlState';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { organizationName } from '../../organizations/organizations.labels';
import { usePeople } from '../people.api';
import { personRole } from '../people.labels';

const DEFAULTS = { q: '', organizationId: '', precedenceCategory: '', tag: '', sort: 'name', order: 'asc', page: 1, pageSize: 25 };
type Category = (typeof PRECEDENCE_CATEGORIES)[number];

export default function PeoplePage() {
  const { t, i18n } = useTranslation('people');
  const lang = i18n.language;
  const { can } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useUrlState(DEFAULTS);

  const sort = (PERSON_SORTS as readonly string[]).includes(state.sort) ? (state.sort as (typeof PERSON_SORTS)[number]) : 'name';
  const order = state.order === 'desc' ? 'desc' : 'asc';
  const precedenceCategory = (PRECEDENCE_CATEGORIES as readonly string[]).includes(state.precedenceCategory) ? (state.precedenceCategory as Category) : undefined;
  const filters = { q: state.q || undefined, organizationId: state.organizationId || undefined, precedenceCategory, tag: state.tag || undefined };
  const list = usePeople({ ...filters, sort, order, page: state.page, pageSize: state.pageSize });
  const activeCount = Object.values(filters).filter(Boolean).length;

  const [tag, setTag] = useState(state.tag);
  useEffect(() => setTag(state.tag), [state.tag]);
  const applyTag = useDebouncedCallback((v: string) => setState({ tag: v.trim(), page: 1 }), 300);
  const categoryOptions = useMemo(() => PRECEDENCE_CATEGORIES.map((c) => ({ value: c, label: t(`precedence.${c}`) })), [t]);

  const columns: DataTableColumn<Person>[] = [
    {
      key: 'name',
      header: t('fields.name'),
      sortable: true,
      render: (p) => (
        <Group gap={6} wrap="nowrap">
          <AnchorLink to="/people/$id" params={{ id: p.id }} tabIndex={-1} fw={600}>
            {p.name}
          </AnchorLink>
          {p.confidential && <ConfidentialBadge />}
        </Group>
      ),
    },
    { key: 'nameLatin', header: t('fields.nameLatin'), sortable: true, render: (p) => (p.nameLatin !== p.name ? p.nameLatin : ''), visibleFrom: 'md' },
    {
      key: 'organization',
      header: t('fields.organization'),
      sortable: true,
      render: (p) =>
        p.organization ? (
          <AnchorLink to="/organizations/$id" params={{ id: p.organization.id }} tabIndex={-1}>
            {organizationName(p.organization, lang)}
          </AnchorLink>
        ) : (
          ''
        ),
    },
    { key: 'role', header: t('list.role'), render: (p) => <Text size="sm">{personRole(p, lang)}</Text>, visibleFrom: 'sm' },
    {
      key: 'precedenceCategory',
      header: t('fields.precedenceCategory'),
      render: (p) =>
        p.precedenceCategory ? (
          <Badge variant="light" color="gray" tt="none">
            {t(`precedence.${p.precedenceCategory}`)}
          </Badge>
        ) : (
          ''
        ),
      visibleFrom: 'lg',
    },
    { key: 'email', header: t('fields.email'), render: (p) => p.email ?? '', visibleFrom: 'xl' },
    { key: 'updatedAt', header: t('fields.updatedAt'), sortable: true, render: (p) => formatDate(p.updatedAt, lang), visibleFrom: 'lg' },
  ];

  const exportHref = (format: 'csv' | 'xlsx') => withQuery('/api/people/export', { format, ...filters, sort, order });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('list.title')}
        actions={
          <>
            <Button component="a" href={exportHref('csv')} download variant="default" leftSection={<IconDownload />} aria-label={t('list.exportCsvLabel')}>
              {t('list.exportCsv')}
            </Button>
            <Button component="a" href={exportHref('xlsx')} download variant="default" leftSection={<IconDownload />} aria-label={t('list.exportXlsxLabel')}>
              {t('list.exportXlsx')}
            </Button>
            {can('directory.write') && (
              <ButtonLink to="/people/new" leftSection={<IconPlus />} data-testid="new-person">
                {t('list.new')}
              </ButtonLink>
            )}
          </>
        }
      />
      <FilterBar label={t('list.filters')} activeCount={activeCount} onClear={() => setState({ q: '', organizationId: '', precedenceCategory: '', tag: '', page: 1 })}>
        <SearchFilter label={t('list.search')} placeholder={t('list.searchPlaceholder')} value={state.q} onChange={(q) => setState({ q, page: 1 })} />
        <OrganizationSelect value={state.organizationId || null} onChange={(id) => setState({ organizationId: id ?? '', page: 1 })} placeholder={t('list.anyOrganization')} miw={260} />
        <Select
          label={t('fields.precedenceCategory')}
          placeholder={t('list.anyCategory')}
          data={categoryOptions}
          value={precedenceCategory ?? null}
          clearable
          onChange={(v) => setState({ precedenceCategory: v ?? '', page: 1 })}
          miw={220}
        />
        <TextInput
          label={t('fields.tag')}
          value={tag}
          onChange={(e) => {
            setTag(e.currentTarget.value);
            applyTag(e.currentTarget.value);
          }}
          w={160}
        />
      </FilterBar>
      <ErrorNotice error={list.error} />
      <DataTable
        data-testid="people-table"
        caption={t('list.caption')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(p) => p.id}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        page={state.page}
        pageSize={state.pageSize}
        onPageChange={(page) => setState({ page })}
        onPageSizeChange={(pageSize) => setState({ pageSize, page: 1 })}
        sort={sort}
        order={order}
        onSortChange={(s, o) => setState({ sort: s, order: o, page: 1 })}
        onRowOpen={(p) => void navigate({ to: '/people/$id', params: { id: p.id } })}
        empty={activeCount > 0 ? t('list.emptyFiltered') : t('list.empty')}
      />
    </Stack>
  );
}
