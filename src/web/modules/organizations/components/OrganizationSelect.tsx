import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../contracts/common/countries';
import type { Page } from '../../../../contracts/common/paging';
import type { Organization } from '../../../../contracts/organizations';
import { api } from '../../../lib/api';
import { useOrganization } from '../organizations.api';
import { organizationName } from '../organizations.labels';

/**
 * Chooses an organisation by typing part of its name: the list comes from
 * /api/organizations?q=… (any script, typos tolerated by the server), 20 at a time.
 */
export function OrganizationSelect({ value, onChange, ...props }: Omit<SelectProps, 'data' | 'onChange'> & { value: string | null; onChange: (id: string | null) => void }) {
  const { t, i18n } = useTranslation('organizations');
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const current = useOrganization(value ?? undefined);
  const currentLabel = current.data ? organizationName(current.data, lang) : '';
  // Showing the chosen name in the box is not a search: list everything then.
  const q = search === currentLabel ? '' : search.trim();
  const [debounced] = useDebouncedValue(q, 250);
  const results = useQuery({
    queryKey: ['organizations', 'options', debounced],
    queryFn: () => api.get<Page<Organization>>('/api/organizations', { q: debounced || undefined, pageSize: 20, sort: 'name', order: 'asc' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const byId = useMemo(() => {
    const map = new Map<string, Organization>();
    if (current.data) map.set(current.data.id, current.data);
    for (const o of results.data?.items ?? []) map.set(o.id, o);
    return map;
  }, [current.data, results.data]);
  const data = [...byId.values()].map((o) => ({ value: o.id, label: organizationName(o, lang) }));

  return (
    <Select
      label={t('fields.organization')}
      placeholder={t('select.placeholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('select.searching') : t('select.nothing')}
      value={value}
      onChange={(id) => onChange(id)}
      renderOption={({ option }) => {
        const o = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {o && (
              <Text size="xs" c="dimmed">
                {[t(`kinds.${o.kind}`), o.city, o.country ? countryName(o.country, lang) : ''].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Stack>
        );
      }}
      {...props}
      data={data}
    />
  );
}
