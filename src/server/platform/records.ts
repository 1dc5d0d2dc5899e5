import { inArray, or, eq, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { CONFIDENTIAL_READERS, type Role } from '../../contracts/common/permissions.js';
import type { UserRef } from '../../contracts/common/paging.js';
import type { Executor } from '../db/client.js';
import { users } from '../modules/users/users.table.js';
import type { Actor } from './audit/audit.service.js';
import { AppError } from './errors.js';

/** Names of the users behind a set of ids, for "changed by" labels. */
export async function userRefs(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** True when the actor may see every confidential record. */
export const seesAllConfidential = (actor: Pick<Actor, 'role'>) => CONFIDENTIAL_READERS.includes(actor.role as Role);

/** SQL condition: the record is not confidential, or the actor may see it. */
export function visibleTo(actor: Pick<Actor, 'id' | 'role'>, table: { confidential: AnyColumn; ownerId: AnyColumn }): SQL | undefined {
  if (seesAllConfidential(actor)) return undefined;
  return or(eq(table.confidential, false), eq(table.ownerId, actor.id));
}

export function canSee(actor: Pick<Actor, 'id' | 'role'>, row: { confidential: boolean; ownerId: string | null }): boolean {
  return !row.confidential || row.ownerId === actor.id || seesAllConfidential(actor);
}

/** The answer to an update whose version did not match: who changed the record, and when. */
export async function versionConflict(
  db: Executor,
  current: { version: number; updatedAt: Date; updatedBy: string | null } | undefined,
): Promise<AppError> {
  if (!current) return new AppError('not_found');
  const refs = await userRefs(db, [current.updatedBy]);
  return new AppError('version_conflict', {
    current: {
      version: current.version,
      updatedAt: current.updatedAt.toISOString(),
      updatedBy: (current.updatedBy && refs.get(current.updatedBy)) || null,
    },
  });
}

export const bumpVersion = (column: AnyColumn) => sql`${column} + 1`;

/** Escapes LIKE wildcards in user text. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
