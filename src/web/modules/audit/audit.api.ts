import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry, AuditQuerySchema } from '../../../contracts/audit.js';
import type { Page } from '../../../contracts/common/paging.js';
import { api } from '../../lib/api.js';

export type AuditQuery = Partial<z.infer<typeof AuditQuerySchema>>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditQuery) => ['audit', 'list', query] as const,
};

export const auditListQuery = (query: AuditQuery) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: () => api.get<Page<AuditEntry>>('/api/audit', query),
    placeholderData: keepPreviousData,
  });

/** Record types the server writes to the log (others are shown as they come). */
export const AUDIT_ENTITY_TYPES = ['organization', 'person', 'interaction', 'user', 'import'] as const;
