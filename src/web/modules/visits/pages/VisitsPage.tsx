import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../contracts/common/countries';
import { VISIT_SORTS, VISIT_STATUSES, type VisitDirection, type VisitSummary } from '../../../../contracts/visits';
import { RequirePermission } from '../../../app/components/RequirePermission';
import { formatNumber } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { ConfidentialBadge } from '../../../ui/ConfidentialBadge';
import { DataTable, type DataTableColumn } from '../../../ui/DataTable';
import { DateRangeFilter } from '../../../ui/DateRangeFilter';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FilterBar, SearchFilter } from '../../../ui/FilterBar';
import { IconAlert, IconPlus } from '../../../ui/icons';
import { AnchorLink, ButtonLink } from '../../../ui/links';
import { PageHeader } from '../../../ui/Page';
import { UserSelect } from '../../../ui/UserSelect';
import { useUrlState } from '../../../ui/useUrlState';
import { organizationName } from '../../organizations/organizations.labels';
import { StatusBadge } from '../components/StatusBadge';
import { useVisits } from '../visits.api';
import classes from './VisitsPage.module.css';
import { dateRange, visitTitle } from '../visits.labels';

const DEFAULTS = { q: '', direction: '', status: '', from: '', to: '', responsibleId: '', sort: 'startDate', order: 'desc', page: 1, pageSize: 25 };

export default function VisitsPage() {
  return (
    <RequirePermission permission="visits.read">
      <VisitsList />
    </RequirePermission>
  );
}

function VisitsList() {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const { can } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useUrlState(DEFAULTS);

  const sort = (VISIT_SORTS as readonly string[]).includes(state.sort) ? (state.sort as (typeof VISIT_SORTS)[number]) : 'startDate';
  const order = state.order === 'asc' ? 'asc' : 'desc';
  const direction = state.direction === 'incoming' || state.direction === 'outgoing' ? (state.direction as VisitDirection) : undefined;
  const status = (VISIT_STATUSES as readonly string[]).includes(state.status) ? (state.status as (typeof VISIT_STATUSES)[number]) : undefined;
  const filters = { q: state.q || undefined, direction, status, from: state.from || undefined, to: state.to || undefined, responsibleId: state.responsibleId || undefined };
  const list = useVisits({ ...filters, sort, order, page: state.page, pageSize: state.pageSize });
  const activeCount = [filters.q, direction, status, filters.from || filters.to, filters.responsibleId].filter(Boolean).length;
  const statusOptions = useMemo(() => VISIT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })), [t]);
  const knownUsers = useMemo(() => (list.data?.items ?? []).map((v) => v.responsible), [list.data]);

  const columns: DataTableColumn<VisitSummary>[] = [
    {
      key: 'title',
      header: t('fields.title'),
      sortable: true,
      width: 300,
      render: (v) => (
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap" align="center">
            <AnchorLink to="/visits/$id" params={{ id: v.id }} tabIndex={-1} fw={600}>
              {visitTitle(v, lang)}
            </AnchorLink>
            {v.confidential && <ConfidentialBadge />}
          </Group>
          <Text size="xs">{t(`directions.${v.direction}`)}</Text>
        </Stack>
      ),
    },
    { key: 'startDate', header: t('fields.dates'), sortable: true, render: (v) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{dateRange(v.startDate, v.endDate, lang)}</Text> },
    { key: 'status', header: t('fields.status'), sortable: true, render: (v) => <StatusBadge status={v.status} /> },
    {
      key: 'place',
      header: t('list.place'),
      render: (v) => [v.organization ? organizationName(v.organization, lang) : '', [v.city, v.country ? countryName(v.country, lang) : ''].filter(Boolean).join(', ')].filter(Boolean).join(' · '),
      visibleFrom: 'md',
    },
    { key: 'responsible', header: t('fields.responsible'), render: (v) => v.responsible?.name ?? '', visibleFrom: 'xl' },
    { key: 'participants', header: t('list.participants'), render: (v) => formatNumber(v.participantCount, lang), visibleFrom: 'md' },
    {
      key: 'tasks',
      header: t('list.tasks'),
      visibleFrom: 'sm',
      render: (v) => (
        <Stack gap={2}>
          <Text size="sm">{t('list.openTasks', { count: v.openTaskCount })}</Text>
          {v.overdueTaskCount > 0 && (
            <Text size="sm" fw={700} c="red.9" className={classes.alert}>
              <IconAlert size={14} />
              {t('list.overdueTasks', { count: v.overdueTaskCount })}
            </Text>
          )}
          {(v.passportWarnings?.length ?? 0) > 0 && (
            <Text size="sm" fw={700} c="orange.9" className={classes.alert}>
              <IconAlert size={14} />
              {t('list.passportWarnings', { count: v.passportWarnings!.length })}
            </Text>
          )}
        </Stack>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('list.title')}
        actions={
          can('visits.write') && (
            <>
              <ButtonLink to="/visits/new" search={{ direction: 'incoming' } as never} leftSection={<IconPlus />} data-testid="new-visit">
                {t('list.newVisit')}
              </ButtonLink>
              <ButtonLink to="/visits/new" search={{ direction: 'outgoing' } as never} variant="default" leftSection={<IconPlus />} data-testid="new-trip">
                {t('list.newTrip')}
              </ButtonLink>
            </>
          )
        }
      />
      <FilterBar label={t('list.filters')} activeCount={activeCount} onClear={() => setState({ q: '', direction: '', status: '', from: '', to: '', responsibleId: '', page: 1 })}>
        <Stack gap={2}>
          <Text size="sm" fw={500} id="visits-direction-filter">
            {t('fields.direction')}
          </Text>
          <SegmentedControl
            aria-labelledby="visits-direction-filter"
            value={direction ?? 'all'}
            onChange={(value) => setState({ direction: value === 'all' ? '' : value, page: 1 })}
            data={[
              { value: 'all', label: t('list.all') },
              { value: 'incoming', label: t('directions.incomingShort') },
              { value: 'outgoing', label: t('directions.outgoingShort') },
            ]}
          />
        </Stack>
        <SearchFilter label={t('list.search')} placeholder={t('list.searchPlaceholder')} value={state.q} onChange={(q) => setState({ q, page: 1 })} />
        <Select label={t('fields.status')} placeholder={t('list.anyStatus')} data={statusOptions} value={status ?? null} clearable onChange={(s) => setState({ status: s ?? '', page: 1 })} w={220} />
        <DateRangeFilter legend={t('fields.dates')} from={state.from} to={state.to} onChange={({ from, to }) => setState({ from, to, page: 1 })} />
        <UserSelect label={t('fields.responsible')} placeholder={t('list.anyone')} known={knownUsers} value={state.responsibleId || null} onChange={(id) => setState({ responsibleId: id ?? '', page: 1 })} w={220} />
      </FilterBar>
      <ErrorNotice error={list.error} />
      <DataTable
        data-testid="visits-table"
        caption={t('list.caption')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(v) => v.id}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        page={state.page}
        pageSize={state.pageSize}
        onPageChange={(page) => setState({ page })}
        onPageSizeChange={(pageSize) => setState({ pageSize, page: 1 })}
        sort={sort}
        order={order}
        onSortChange={(s, o) => setState({ sort: s, order: o, page: 1 })}
        onRowOpen={(v) => void navigate({ to: '/visits/$id', params: { id: v.id } })}
        empty={activeCount > 0 ? t('list.emptyFiltered') : can('visits.write') ? t('list.emptyCanCreate') : t('list.empty')}
      />
    </Stack>
  );
}
