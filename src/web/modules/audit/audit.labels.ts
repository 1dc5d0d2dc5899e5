import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../contracts/audit.js';

/** "Created", "Signed in"…: from the app namespace, so other modules show the same words. */
export const actionLabel = (t: TFunction, action: AuditEntry['action']) => t(`app:audit.actions.${action}`, { defaultValue: action });

export const entityTypeLabel = (t: TFunction, type: string) => t(`app:audit.entityTypes.${type}`, { defaultValue: type });

/** The page of a record named in the log, when it has one and still exists. */
export function entityLink(entry: AuditEntry): { to: '/organizations/$id' | '/people/$id'; params: { id: string } } | null {
  if (!entry.entityId || entry.action === 'delete') return null;
  if (entry.entityType === 'organization') return { to: '/organizations/$id', params: { id: entry.entityId } };
  if (entry.entityType === 'person') return { to: '/people/$id', params: { id: entry.entityId } };
  return null;
}
