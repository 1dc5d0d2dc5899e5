import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SearchResponseSchema } from '../../../contracts/search.js';
import { api } from '../../lib/api.js';

export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const searchKeys = { all: ['search'] as const, query: (q: string) => ['search', q] as const };

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: searchKeys.query(q),
    queryFn: () => api.get<SearchResponse>('/api/search', { q, limit: 20 }),
    staleTime: 10_000,
  });
