import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common/paging';
import type { Passport } from '../../../contracts/passports';
import { api } from '../../lib/api';

/** Query keys: everything under ['passports'] is refetched after a change. */
export const passportKeys = {
  all: ['passports'] as const,
  ofPerson: (personId: string) => ['passports', 'person', personId] as const,
};

export function usePersonPassports(personId: string) {
  return useQuery({
    queryKey: passportKeys.ofPerson(personId),
    queryFn: () => api.get<Page<Passport>>('/api/passports', { personId, pageSize: 50 }),
  });
}

export const fetchPassport = (id: string) => api.get<Passport>(`/api/passports/${id}`);
