import { z } from 'zod';
import { pageOf } from './common/paging.js';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'merge', 'import', 'login', 'logout', 'password_change', 'setup'] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    action: AuditActionSchema,
    entityType: z.string(),
    entityId: z.string().nullable(),
    summary: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: AuditActionSchema.optional(),
});

export const AuditPageSchema = pageOf(AuditEntrySchema);
