import { and, asc, count, eq, getTableColumns, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { PassportListQuery } from '../../../contracts/passports.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { bumpVersion, visibleTo } from '../../platform/records.js';
import { people } from '../people/people.table.js';
import { passports } from './passports.table.js';

export type PassportRow = typeof passports.$inferSelect & { personName: string; personConfidential: boolean; personOwnerId: string | null };
export type PassportValues = Omit<typeof passports.$inferInsert, 'id'>;

const columns = { ...getTableColumns(passports), personName: people.name, personConfidential: people.confidential, personOwnerId: people.ownerId };

function baseQuery(db: Executor) {
  return db.select(columns).from(passports).innerJoin(people, eq(people.id, passports.personId));
}

/** Passports of the people the actor may see (a confidential person's are as hidden as the person). */
export async function selectPassports(db: Executor, actor: Actor, q: PassportListQuery & { page: number; pageSize: number }) {
  const where = and(
    visibleTo(actor, people),
    q.personId ? eq(passports.personId, q.personId) : undefined,
    q.expiringBefore ? lt(passports.expiresOn, q.expiringBefore) : undefined,
  ) as SQL | undefined;
  const [rows, [{ total }]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(asc(people.sortName), asc(passports.expiresOn), asc(passports.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(passports).innerJoin(people, eq(people.id, passports.personId)).where(where),
  ]);
  return { rows: rows as PassportRow[], total: Number(total) };
}

export async function selectPassport(db: Executor, id: string): Promise<PassportRow | undefined> {
  const [row] = await baseQuery(db).where(eq(passports.id, id)).limit(1);
  return row;
}

export async function insertPassport(db: Executor, values: PassportValues): Promise<string> {
  const [row] = await db.insert(passports).values(values).returning({ id: passports.id });
  return row.id;
}

export async function updatePassportRow(db: Executor, id: string, version: number, values: Partial<PassportValues>): Promise<boolean> {
  const rows = await db
    .update(passports)
    .set({ ...values, version: bumpVersion(passports.version), updatedAt: new Date() })
    .where(and(eq(passports.id, id), eq(passports.version, version)))
    .returning({ id: passports.id });
  return rows.length === 1;
}

export async function deletePassportRow(db: Executor, id: string, version: number): Promise<boolean> {
  const rows = await db
    .delete(passports)
    .where(and(eq(passports.id, id), eq(passports.version, version)))
    .returning({ id: passports.id });
  return rows.length === 1;
}

/** The latest expiry on file for each person (the passport that stays valid longest). */
export async function latestPassportExpiries(db: Executor, personIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ personId: passports.personId, expiry: sql<string>`max(${passports.expiresOn})::text` })
    .from(passports)
    .where(inArray(passports.personId, unique))
    .groupBy(passports.personId);
  return new Map(rows.map((r) => [r.personId, r.expiry]));
}

/** A merge of two people keeps the passports of both. */
export async function movePassports(db: Executor, fromPersonId: string, toPersonId: string): Promise<number> {
  const moved = await db.update(passports).set({ personId: toPersonId }).where(eq(passports.personId, fromPersonId)).returning({ id: passports.id });
  return moved.length;
}
