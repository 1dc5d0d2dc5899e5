import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../contracts/common/countries';
import { ORGANIZATION_KINDS, ORGANIZATION_SORTS, type Organization, type OrganizationKind } from '../../../../contracts/organizations';
import { withQuery } from '../../../lib/api';
import { formatDate, formatNumber } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { CountrySelect } from '../../../ui/CountrySelect';
import { DataTable, type DataTableColumn } from '../../../ui/DataTable';
import { FilterBar, SearchFilter } from '../../../ui/FilterBar';
import { IconDownload, IconPlus } from '../../../ui/icons';
import { PageHeader } from '../../../ui/Page';
import { useUrlState } from '../../../ui/useUrlState';
import { ConfidentialBadge } from '../../../ui/ConfidentialBadge';
import { organizationName } from '../organizations.labels';
import { useOrganizations } from '../organizations.api';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { AnchorLink, ButtonLink } from '../../../ui/links';

const DEFAULTS = { q: '', kind: '', country: '', tag: '', sort: 'name', order: 'asc', page: 1, pageSize: 25 };

export default function OrganizationsPage() {
  const { t, i18n } = useTranslation('organizations');
  const lang = i18n.language;
  const { can } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useUrlState(DEFAULTS);

  const sort = (ORGANIZATION_SORTS as readonly string[]).includes(state.sort) ? (state.sort as (typeof ORGANIZATION_SORTS)[number]) : 'name';
  const order = state.order === 'desc' ? 'desc' : 'asc';
  const kind = (ORGANIZATION_KINDS as readonly string[]).includes(state.kind) ? (state.kind as OrganizationKind) : undefined;
  const filters = { q: state.q || undefined, kind, country: state.country || undefined, tag: state.tag || undefined };
  const query = { ...filters, sort, order, page: state.page, pageSize: state.pageSize } as const;
  const list = useOrganizations(query);
  const activeCount = Object.values(filters).filter(Boolean).length;

  // Tag filter: typed, applied after a pause.
  const [tag, setTag] = useState(state.tag);
  useEffect(() => setTag(state.tag), [state.tag]);
  const applyTag = useDebouncedCallback((v: string) => setState({ tag: v.trim(), page: 1 }), 300);

  const kindOptions = useMemo(() => ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })), [t]);

  const columns: DataTableColumn<Organization>[] = [
    {
      key: 'name',
      header: t('fields.name'),
      sortable: true,
      render: (o) => (
        <Group gap={6} wrap="nowrap" align="center">
          <Stack gap={0}>
            <AnchorLink to="/organizations/$id" params={{ id: o.id }} tabIndex={-1} fw={600}>
              {organizationName(o, lang)}
            </AnchorLink>
            {o.shortName && <Text size="xs">{o.shortName}</Text>}
          </Stack>
          {o.confidential && <ConfidentialBadge />}
        </Group>
      ),
    },
    { key: 'kind', header: t('fields.kind'), sortable: true, render: (o) => t(`kinds.${o.kind}`) },
    { key: 'country', header: t('fields.country'), sortable: true, render: (o) => (o.country ? countryName(o.country, lang) : ''), visibleFrom: 'sm' },
    { key: 'city', header: t('fields.city'), sortable: true, render: (o) => o.city ?? '', visibleFrom: 'md' },
    { key: 'peopleCount', header: t('list.people'), render: (o) => formatNumber(o.peopleCount, lang), visibleFrom: 'md' },
    {
      key: 'tags',
      header: t('fields.tags'),
      render: (o) => (
        <Group gap={4}>
          {o.tags.slice(0, 4).map((tag) => (
            <Badge key={tag} size="sm" variant="light" color="gray" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      ),
      visibleFrom: 'lg',
    },
    { key: 'updatedAt', header: t('fields.updatedAt'), sortable: true, render: (o) => formatDate(o.updatedAt, lang), visibleFrom: 'lg' },
  ];

  const exportHref = (format: 'csv' | 'xlsx') => withQuery('/api/organizations/export', { format, ...filters, sort, order });

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
              <ButtonLink to="/organizations/new" leftSection={<IconPlus />} data-testid="new-organization">
                {t('list.new')}
              </ButtonLink>
            )}
          </>
        }
      />
      <FilterBar label={t('list.filters')} activeCount={activeCount} onClear={() => setState({ q: '', kind: '', country: '', tag: '', page: 1 })}>
        <SearchFilter label={t('list.search')} placeholder={t('list.searchPlaceholder')} value={state.q} onChange={(q) => setState({ q, page: 1 })} />
        <Select label={t('fields.kind')} placeholder={t('list.anyKind')} data={kindOptions} value={kind ?? null} clearable onChange={(v) => setState({ kind: v ?? '', page: 1 })} miw={220} />
        <CountrySelect value={state.country || null} onChange={(v) => setState({ country: v ?? '', page: 1 })} placeholder={t('list.anyCountry')} miw={200} />
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
        data-testid="organizations-table"
        caption={t('list.caption')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(o) => o.id}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        page={state.page}
        pageSize={state.pageSize}
        onPageChange={(page) => setState({ page })}
        onPageSizeChange={(pageSize) => setState({ pageSize, page: 1 })}
        sort={sort}
        order={order}
        onSortChange={(s, o) => setState({ sort: s, order: o, page: 1 })}
        onRowOpen={(o) => void navigate({ to: '/organizations/$id', params: { id: o.id } })}
        empty={activeCount > 0 ? t('list.emptyFiltered') : t('list.empty')}
      />
    </Stack>
  );
}
