import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common/paging';
import type { Person, PersonListQuery } from '../../../contracts/people';
import { api } from '../../lib/api';

/** Query keys: everything under ['people'] is refetched after a change. */
export const personKeys = {
  all: ['people'] as const,
  list: (query: PersonListQuery) => ['people', 'list', query] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
};

export function usePeople(query: PersonListQuery, enabled = true) {
  return useQuery({
    queryKey: personKeys.list(query),
    queryFn: () => api.get<Page<Person>>('/api/people', query as Record<string, string | number | undefined>),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: personKeys.detail(id ?? ''),
    queryFn: () => api.get<Person>(`/api/people/${id}`),
    enabled: !!id,
  });
}

export const fetchPerson = (id: string) => api.get<Person>(`/api/people/${id}`);
