import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../contracts/common/paging.js';
import type { User, UserListQuerySchema } from '../../../contracts/users.js';
import { api } from '../../lib/api.js';

export type UserListQuery = Partial<z.infer<typeof UserListQuerySchema>>;

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

export const userListQuery = (query: UserListQuery) =>
  queryOptions({
    queryKey: userKeys.list(query),
    queryFn: () => api.get<Page<User>>('/api/users', query),
    placeholderData: keepPreviousData,
  });

export const fetchUser = (id: string) => api.get<User>(`/api/users/${id}`);
