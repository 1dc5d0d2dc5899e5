import { Group, Pagination, SegmentedControl, Select, Stack, Text, Box } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RequirePermission } from '../../../app/components/RequirePermission';
import { formatNumber } from '../../../lib/format';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FilterBar } from '../../../ui/FilterBar';
import { PageHeader, PageStatus } from '../../../ui/Page';
import { useUrlState } from '../../../ui/useUrlState';
import { GiftTable } from '../components/GiftTable';
import { useGifts, useVisits, visitKeys } from '../visits.api';
import { visitTitle } from '../visits.labels';

const DEFAULTS = { direction: '', visitDirection: '', year: '', visitId: '', page: 1 };
const PAGE_SIZE = 50;

export default function GiftsPage() {
  return (
    <RequirePermission permission="visits.read">
      <GiftsRegister />
    </RequirePermission>
  );
}

/** The register of gifts given and received, across every visit and trip. */
function GiftsRegister() {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const [state, setState] = useUrlState(DEFAULTS);
  const direction = state.direction === 'given' || state.direction === 'received' ? (state.direction as 'given' | 'received') : undefined;
  const visitDirection = state.visitDirection === 'incoming' || state.visitDirection === 'outgoing' ? (state.visitDirection as 'incoming' | 'outgoing') : undefined;
  const year = /^\d{4}$/.test(state.year) ? state.year : '';
  const gifts = useGifts({
    direction,
    visitDirection,
    visitId: state.visitId || undefined,
    from: year ? `${year}-01-01` : undefined,
    to: year ? `${year}-12-31` : undefined,
    sort: 'date',
    order: 'desc',
    page: state.page,
    pageSize: PAGE_SIZE,
  });
  const visits = useVisits({ pageSize: 200, sort: 'startDate', order: 'desc' });
  const thisYear = new Date().getFullYear();
  const years = useMemo(() => Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i)), [thisYear]);
  const visitOptions = (visits.data?.items ?? []).map((v) => ({ value: v.id, label: visitTitle(v, lang) }));
  const activeCount = [direction, visitDirection, year, state.visitId].filter(Boolean).length;
  const total = gifts.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  if (!gifts.data && gifts.isError) return <PageStatus error={gifts.error} onRetry={() => void gifts.refetch()} />;

  return (
    <Stack gap="md">
      <PageHeader title={t('register.title')} after={<Text size="sm">{t('register.intro')}</Text>} />
      <FilterBar label={t('register.filters')} activeCount={activeCount} onClear={() => setState({ direction: '', visitDirection: '', year: '', visitId: '', page: 1 })}>
        <Stack gap={2}>
          <Text size="sm" fw={500} id="gifts-direction-filter">
            {t('gifts.direction')}
          </Text>
          <SegmentedControl
            aria-labelledby="gifts-direction-filter"
            value={direction ?? 'all'}
            onChange={(value) => setState({ direction: value === 'all' ? '' : value, page: 1 })}
            data={[
              { value: 'all', label: t('list.all') },
              { value: 'given', label: t('gifts.directions.given') },
              { value: 'received', label: t('gifts.directions.received') },
            ]}
          />
        </Stack>
        <Select label={t('register.visitDirection')} placeholder={t('register.anyVisit')} data={[{ value: 'incoming', label: t('directions.incomingShort') }, { value: 'outgoing', label: t('directions.outgoingShort') }]} value={visitDirection ?? null} clearable onChange={(v) => setState({ visitDirection: v ?? '', page: 1 })} w={200} />
        <Select label={t('register.year')} placeholder={t('register.anyYear')} data={years} value={year || null} clearable onChange={(v) => setState({ year: v ?? '', page: 1 })} w={190} />
        <Select label={t('gifts.visit')} placeholder={t('register.anyVisit')} data={visitOptions} value={state.visitId || null} searchable clearable nothingFoundMessage={t('form.nothingFound')} onChange={(v) => setState({ visitId: v ?? '', page: 1 })} w={320} />
      </FilterBar>
      <ErrorNotice error={gifts.error} />
      {gifts.data && gifts.data.items.length === 0 ? (
        <Text py="lg">{activeCount > 0 ? t('register.emptyFiltered') : t('register.empty')}</Text>
      ) : (
        <GiftTable gifts={gifts.data?.items ?? []} withVisit canWrite={false} onChanged={() => queryClient.invalidateQueries({ queryKey: visitKeys.all })} />
      )}
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" aria-live="polite">
          {t('register.total', { count: total, total: formatNumber(total, lang) })}
        </Text>
        {pages > 1 && (
          <Box component="nav" aria-label={t('register.pages')}>
            <Pagination
              total={pages}
              value={state.page}
              onChange={(page) => setState({ page })}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': t(`ui:table.${control}Page`) })}
              getItemProps={(p) => ({ 'aria-label': t('ui:table.page', { page: p }), 'aria-current': p === state.page ? 'page' : undefined })}
            />
          </Box>
        )}
      </Group>
    </Stack>
  );
}
