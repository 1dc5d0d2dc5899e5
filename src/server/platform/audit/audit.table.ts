import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** The record the entity belongs to (a programme item's visit): its history lists the entry too. */
    parentId: text('parent_id'),
    summary: text('summary'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId, t.at), index('audit_at_idx').on(t.at), index('audit_actor_idx').on(t.actorId), index('audit_parent_idx').on(t.parentId, t.at).where(sql`${t.parentId} IS NOT NULL`)],
);
