import { MultiSelect, Select, Stack, Text, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../contracts/common/paging';
import type { Person } from '../../../../contracts/people';
import { api } from '../../../lib/api';
import { organizationName } from '../../organizations/organizations.labels';
import { usePerson } from '../people.api';
import { personLabel, personRole } from '../people.labels';

/** People matching a typed text (any script, typos tolerated by the server), 20 at a time. */
function usePersonSearch(search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  return useQuery({
    queryKey: ['people', 'options', debounced],
    queryFn: () => api.get<Page<Person>>('/api/people', { q: debounced || undefined, pageSize: 20, sort: 'name', order: 'asc' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

function PersonOption({ person, label, lang }: { person: Person | undefined; label: string; lang: string }) {
  const details = person ? [personRole(person, lang), person.organization ? organizationName(person.organization, lang) : ''].filter(Boolean).join(' · ') : '';
  return (
    <Stack gap={0}>
      <Text size="sm">{label}</Text>
      {details && (
        <Text size="xs" c="dimmed">
          {details}
        </Text>
      )}
    </Stack>
  );
}

/** Chooses one person of the directory by typing part of their name. */
export function PersonSelect({ value, onChange, ...props }: Omit<SelectProps, 'data' | 'onChange' | 'value'> & { value: string | null; onChange: (id: string | null, person: Person | null) => void }) {
  const { t, i18n } = useTranslation('people');
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const current = usePerson(value ?? undefined);
  const currentLabel = current.data ? personLabel(current.data) : '';
  const results = usePersonSearch(search === currentLabel ? '' : search);
  const byId = useMemo(() => {
    const map = new Map<string, Person>();
    if (current.data) map.set(current.data.id, current.data);
    for (const p of results.data?.items ?? []) map.set(p.id, p);
    return map;
  }, [current.data, results.data]);
  const data = [...byId.values()].map((p) => ({ value: p.id, label: personLabel(p) }));
  return (
    <Select
      label={t('select.label')}
      placeholder={t('select.placeholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('select.searching') : t('select.nothing')}
      value={value}
      onChange={(id) => onChange(id, id ? (byId.get(id) ?? null) : null)}
      renderOption={({ option }) => <PersonOption person={byId.get(option.value)} label={option.label} lang={lang} />}
      {...props}
      data={data}
    />
  );
}

/** Chooses several people of the directory; `known` names those already chosen. */
export function PeopleMultiSelect({ value, onChange, known = [], ...props }: Omit<MultiSelectProps, 'data' | 'onChange' | 'value'> & { value: string[]; onChange: (ids: string[]) => void; known?: { id: string; name: string }[] }) {
  const { t, i18n } = useTranslation('people');
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState(() => new Map(known.map((k) => [k.id, k.name])));
  const results = usePersonSearch(search);
  const found = useMemo(() => new Map((results.data?.items ?? []).map((p) => [p.id, p])), [results.data]);
  const labels = new Map(picked);
  for (const p of found.values()) labels.set(p.id, personLabel(p));
  const data = [...labels].map(([id, label]) => ({ value: id, label }));
  return (
    <MultiSelect
      label={t('select.labelMany')}
      placeholder={value.length ? undefined : t('select.placeholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      nothingFoundMessage={results.isFetching ? t('select.searching') : t('select.nothing')}
      value={value}
      onChange={(ids) => {
        setPicked((prev) => {
          const next = new Map(prev);
          for (const id of ids) if (!next.has(id)) next.set(id, labels.get(id) ?? id);
          return next;
        });
        onChange(ids);
      }}
      renderOption={({ option }) => <PersonOption person={found.get(option.value)} label={option.label} lang={lang} />}
      {...props}
      data={data}
    />
  );
}
