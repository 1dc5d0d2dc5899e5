import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common/paging';
import type { Organization, OrganizationListQuery } from '../../../contracts/organizations';
import { api } from '../../lib/api';

/** Query keys: everything under ['organizations'] is refetched after a change. */
export const organizationKeys = {
  all: ['organizations'] as const,
  list: (query: OrganizationListQuery) => ['organizations', 'list', query] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
};

export function useOrganizations(query: OrganizationListQuery) {
  return useQuery({
    queryKey: organizationKeys.list(query),
    queryFn: () => api.get<Page<Organization>>('/api/organizations', query as Record<string, string | number | undefined>),
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.detail(id ?? ''),
    queryFn: () => api.get<Organization>(`/api/organizations/${id}`),
    enabled: !!id,
  });
}

export const fetchOrganization = (id: string) => api.get<Organization>(`/api/organizations/${id}`);
