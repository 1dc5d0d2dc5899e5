import { and, count, desc, eq, or, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '../../../contracts/audit.js';
import type { Page } from '../../../contracts/common/paging.js';
import type { Db, Executor } from '../../db/client.js';
import { auditLog } from './audit.table.js';

/** Who is acting: every service call that changes data receives one. */
export type Actor = { id: string; name: string; role: string; requestId?: string };

export type AuditInput = {
  action: AuditEntry['action'];
  entityType: string;
  entityId?: string | null;
  /** The record the entity belongs to (a visit, for its programme items): listed in its history too. */
  parentId?: string | null;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes an audit entry; call it inside the same transaction as the change it records. */
export async function recordAudit(tx: Executor, actor: Actor | null, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    parentId: entry.parentId ?? null,
    summary: entry.summary ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor?.requestId ?? null,
  });
}

const IGNORED = new Set(['version', 'updatedAt', 'updatedBy', 'searchText', 'sortName', 'createdAt', 'createdBy']);

/** The fields that differ between two snapshots of a record. */
export function diff(before: unknown, after: unknown): AuditEntry['changes'] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const changes: AuditEntry['changes'] = [];
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    if (JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null)) {
      changes.push({ field: key, before: a[key] ?? null, after: b[key] ?? null });
    }
  }
  return changes;
}

/** `withChildren`: the entries of the record named by entityType/entityId and of the records inside it (by parent_id). */
export type AuditFilter = { entityType?: string; entityId?: string; withChildren?: boolean; actorId?: string; action?: string; page: number; pageSize: number };

export async function listAudit(db: Db, filter: AuditFilter): Promise<Page<AuditEntry>> {
  const where: SQL[] = [];
  if (filter.withChildren && filter.entityType && filter.entityId) {
    // Two index scans (audit_entity_idx, audit_parent_idx) joined by a bitmap OR.
    where.push(or(and(eq(auditLog.entityType, filter.entityType), eq(auditLog.entityId, filter.entityId)), eq(auditLog.parentId, filter.entityId))!);
  } else {
    if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
    if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  }
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(auditLog).where(cond),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
      action: r.action as AuditEntry['action'],
      entityType: r.entityType,
      entityId: r.entityId,
      summary: r.summary,
      changes: r.action === 'update' || r.action === 'merge' ? diff(r.before, r.after) : [],
    })),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
