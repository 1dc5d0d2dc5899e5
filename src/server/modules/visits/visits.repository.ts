import { and, asc, count, desc, eq, getTableColumns, gt, gte, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { searchFold } from '../../../contracts/common/transliteration.js';
import type { GiftListQuery } from '../../../contracts/visits.logistics.js';
import type { VisitListQuery } from '../../../contracts/visits.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { bumpVersion, visibleTo } from '../../platform/records.js';
import { textMatch } from '../organizations/organizations.repository.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';
import { users } from '../users/users.table.js';
import {
  gifts,
  programmeItems,
  visitAccommodations,
  visitBudgetLines,
  visitParticipants,
  visitShareLinks,
  visitTasks,
  visitTickets,
  visitTransports,
  visits,
} from './visits.table.js';

export type VisitRow = typeof visits.$inferSelect;
export type VisitValues = Omit<typeof visits.$inferInsert, 'id'>;
export type VisitListRow = VisitRow & {
  organizationName: (typeof organizations.$inferSelect)['name'] | null;
  participantCount: number;
  openTaskCount: number;
  overdueTaskCount: number;
};

// Table names are written out in the subqueries: Drizzle leaves single-table column names
// unqualified, and an unqualified "id" inside would be the subquery's own table's.
const listColumns = (today: string) => ({
  ...getTableColumns(visits),
  organizationName: organizations.name,
  participantCount: sql<number>`(SELECT count(*)::int FROM ${visitParticipants} WHERE ${visitParticipants}.visit_id = ${visits}.id)`,
  openTaskCount: sql<number>`(SELECT count(*)::int FROM ${visitTasks} WHERE ${visitTasks}.visit_id = ${visits}.id AND NOT ${visitTasks}.done)`,
  overdueTaskCount: sql<number>`(SELECT count(*)::int FROM ${visitTasks} WHERE ${visitTasks}.visit_id = ${visits}.id AND NOT ${visitTasks}.done AND ${visitTasks}.due_date < ${today}::date)`,
});

function visitFilters(actor: Actor, q: VisitListQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleTo(actor, visits)];
  if (q.q && searchFold(q.q)) where.push(textMatch(visits.searchText, q.q));
  if (q.direction) where.push(eq(visits.direction, q.direction));
  if (q.status) where.push(eq(visits.status, q.status));
  if (q.from) where.push(gte(visits.endDate, q.from));
  if (q.to) where.push(lte(visits.startDate, q.to));
  if (q.responsibleId) where.push(eq(visits.responsibleId, q.responsibleId));
  return and(...where);
}

const VISIT_SORT = { startDate: visits.startDate, title: visits.sortTitle, status: visits.status, updatedAt: visits.updatedAt } as const;

export async function selectVisits(
  db: Executor,
  actor: Actor,
  q: VisitListQuery & { page: number; pageSize: number },
  today: string,
): Promise<{ rows: VisitListRow[]; total: number }> {
  const where = visitFilters(actor, q);
  const dir = q.order === 'desc' ? desc : asc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listColumns(today))
      .from(visits)
      .leftJoin(organizations, eq(organizations.id, visits.organizationId))
      .where(where)
      .orderBy(dir(VISIT_SORT[q.sort ?? 'startDate']), dir(visits.startDate), asc(visits.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(visits).where(where),
  ]);
  return { rows, total: Number(total) };
}

export async function selectVisitForList(db: Executor, id: string, today: string): Promise<VisitListRow | undefined> {
  const [row] = await db
    .select(listColumns(today))
    .from(visits)
    .leftJoin(organizations, eq(organizations.id, visits.organizationId))
    .where(eq(visits.id, id))
    .limit(1);
  return row;
}

export async function selectVisit(db: Executor, id: string, forUpdate = false): Promise<VisitRow | undefined> {
  const query = db.select().from(visits).where(eq(visits.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertVisit(db: Executor, values: VisitValues): Promise<VisitRow> {
  const [row] = await db.insert(visits).values(values).returning();
  return row;
}

/** Updates when the version matches; undefined when it does not. */
export async function updateVisitRow(db: Executor, id: string, version: number, values: Partial<VisitValues>): Promise<VisitRow | undefined> {
  const [row] = await db
    .update(visits)
    .set({ ...values, version: bumpVersion(visits.version), updatedAt: new Date() })
    .where(and(eq(visits.id, id), eq(visits.version, version)))
    .returning();
  return row;
}

/** A change to the programme is a change to the visit: its version moves on. */
export async function touchVisit(db: Executor, id: string, actorId: string): Promise<void> {
  await db.update(visits).set({ version: bumpVersion(visits.version), updatedAt: new Date(), updatedBy: actorId }).where(eq(visits.id, id));
}

export async function deleteVisitRow(db: Executor, id: string, version: number): Promise<boolean> {
  const gone = await db.delete(visits).where(and(eq(visits.id, id), eq(visits.version, version))).returning({ id: visits.id });
  return gone.length === 1;
}

// --- Records inside a visit -----------------------------------------------------------------

/** What every record inside a visit has: the generic create/update/delete in visits.children.ts use these. */
export type ChildTable = PgTable & {
  id: PgColumn;
  visitId: PgColumn;
  version: PgColumn;
};
export type ChildRow = { id: string; visitId: string; version: number; updatedAt: Date; updatedBy: string | null; createdAt: Date };

export async function selectChild<R extends ChildRow>(db: Executor, table: ChildTable, id: string): Promise<R | undefined> {
  const [row] = await db.select().from(table as PgTable).where(eq(table.id, id)).limit(1);
  return row as R | undefined;
}

export async function selectChildren<R extends ChildRow>(db: Executor, table: ChildTable, visitIds: string[], order: PgColumn[]): Promise<R[]> {
  if (visitIds.length === 0) return [];
  return (await db
    .select()
    .from(table as PgTable)
    .where(inArray(table.visitId, visitIds))
    .orderBy(...order.map((c) => asc(c)), asc(table.id))) as R[];
}

export async function insertChild<R extends ChildRow>(db: Executor, table: ChildTable, values: Record<string, unknown>): Promise<R> {
  const [row] = await db.insert(table).values(values as never).returning();
  return row as unknown as R;
}

export async function updateChildRow<R extends ChildRow>(db: Executor, table: ChildTable, id: string, version: number, values: Record<string, unknown>): Promise<R | undefined> {
  const [row] = await db
    .update(table)
    .set({ ...values, version: bumpVersion(table.version), updatedAt: new Date() } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning();
  return row as unknown as R | undefined;
}

export async function deleteChildRow(db: Executor, table: ChildTable, id: string, version: number): Promise<boolean> {
  const gone = await db
    .delete(table)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id });
  return gone.length === 1;
}

export const CHILD_ORDER = {
  participants: [visitParticipants.createdAt],
  programme: [programmeItems.day, programmeItems.position, programmeItems.startTime],
  accommodations: [visitAccommodations.checkIn, visitAccommodations.createdAt],
  transports: [visitTransports.createdAt],
  tasks: [visitTasks.done, visitTasks.dueDate, visitTasks.createdAt],
  gifts: [gifts.date, gifts.createdAt],
  tickets: [visitTickets.departureAt, visitTickets.createdAt],
  budgetLines: [visitBudgetLines.category, visitBudgetLines.createdAt],
};

// --- Programme ------------------------------------------------------------------------------

export type ProgrammeItemRow = typeof programmeItems.$inferSelect;

export async function selectDayItems(db: Executor, visitId: string, day: string): Promise<ProgrammeItemRow[]> {
  return db
    .select()
    .from(programmeItems)
    .where(and(eq(programmeItems.visitId, visitId), eq(programmeItems.day, day)))
    .orderBy(asc(programmeItems.position), asc(programmeItems.startTime), asc(programmeItems.createdAt));
}

export async function selectProgramme(db: Executor, visitId: string): Promise<ProgrammeItemRow[]> {
  return selectChildren<ProgrammeItemRow>(db, programmeItems, [visitId], CHILD_ORDER.programme);
}

/** Makes room at `position` in a day: later items move down one place. */
export async function openPosition(db: Executor, visitId: string, day: string, position: number, exceptId?: string): Promise<void> {
  await db
    .update(programmeItems)
    .set({ position: sql`${programmeItems.position} + 1` })
    .where(and(eq(programmeItems.visitId, visitId), eq(programmeItems.day, day), gte(programmeItems.position, position), exceptId ? ne(programmeItems.id, exceptId) : undefined));
}

/** Closes the gap an item left at `position` in a day. */
export async function closePosition(db: Executor, visitId: string, day: string, position: number, exceptId?: string): Promise<void> {
  await db
    .update(programmeItems)
    .set({ position: sql`${programmeItems.position} - 1` })
    .where(and(eq(programmeItems.visitId, visitId), eq(programmeItems.day, day), gt(programmeItems.position, position), exceptId ? ne(programmeItems.id, exceptId) : undefined));
}

/** Where a new item starting at `start` goes in a day: after every item that starts no later. */
export async function positionForTime(db: Executor, visitId: string, day: string, start: string, exceptId?: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(programmeItems)
    .where(and(eq(programmeItems.visitId, visitId), eq(programmeItems.day, day), lte(programmeItems.startTime, start), exceptId ? ne(programmeItems.id, exceptId) : undefined));
  return Number(n);
}

export async function setItemPlace(db: Executor, id: string, values: { day: string; position: number; startTime: string; endTime: string | null; bump: boolean; actorId: string }) {
  await db
    .update(programmeItems)
    .set({
      day: values.day,
      position: values.position,
      startTime: values.startTime,
      endTime: values.endTime,
      ...(values.bump ? { version: bumpVersion(programmeItems.version), updatedAt: new Date(), updatedBy: values.actorId } : {}),
    })
    .where(eq(programmeItems.id, id));
}

/** Moves every item on or after `from` by `days` (items keep their order within their day). */
export async function shiftDays(db: Executor, visitId: string, from: string, days: number, actorId: string): Promise<number> {
  const moved = await db
    .update(programmeItems)
    .set({
      day: sql`${programmeItems.day} + ${days}::int`,
      version: bumpVersion(programmeItems.version),
      updatedAt: new Date(),
      updatedBy: actorId,
    })
    .where(and(eq(programmeItems.visitId, visitId), gte(programmeItems.day, from)))
    .returning({ id: programmeItems.id });
  return moved.length;
}

export async function programmeSpan(db: Executor, visitId: string): Promise<{ first: string | null; last: string | null }> {
  const [row] = await db
    .select({ first: sql<string | null>`min(${programmeItems.day})::text`, last: sql<string | null>`max(${programmeItems.day})::text` })
    .from(programmeItems)
    .where(eq(programmeItems.visitId, visitId));
  return row ?? { first: null, last: null };
}

export async function countItemsBetween(db: Executor, visitId: string, from: string, to: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(programmeItems)
    .where(and(eq(programmeItems.visitId, visitId), gte(programmeItems.day, from), lte(programmeItems.day, to)));
  return Number(n);
}

export async function removeAttendee(db: Executor, visitId: string, participantId: string): Promise<void> {
  await db
    .update(programmeItems)
    .set({ attendeeIds: sql`array_remove(${programmeItems.attendeeIds}, ${participantId}::uuid)` })
    .where(and(eq(programmeItems.visitId, visitId), sql`${participantId}::uuid = ANY(${programmeItems.attendeeIds})`));
}

export async function participantIdsOf(db: Executor, visitId: string): Promise<Set<string>> {
  const rows = await db.select({ id: visitParticipants.id }).from(visitParticipants).where(eq(visitParticipants.visitId, visitId));
  return new Set(rows.map((r) => r.id));
}

// --- Travellers and people ------------------------------------------------------------------

export async function selectTravellers(db: Executor, visitIds: string[]): Promise<{ id: string; visitId: string; personId: string | null }[]> {
  if (visitIds.length === 0) return [];
  return db
    .select({ id: visitParticipants.id, visitId: visitParticipants.visitId, personId: visitParticipants.personId })
    .from(visitParticipants)
    .where(and(inArray(visitParticipants.visitId, visitIds), eq(visitParticipants.role, 'traveller')))
    .orderBy(asc(visitParticipants.createdAt), asc(visitParticipants.id));
}

export type PersonBrief = {
  id: string;
  name: string;
  nameLatin: string;
  confidential: boolean;
  ownerId: string | null;
  position: (typeof people.$inferSelect)['position'];
  formOfAddress: Record<string, string>;
  phones: { label: string; number: string }[];
  organizationName: (typeof organizations.$inferSelect)['name'] | null;
};

export async function selectPeopleBrief(db: Executor, ids: string[]): Promise<PersonBrief[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select({
      id: people.id,
      name: people.name,
      nameLatin: people.nameLatin,
      confidential: people.confidential,
      ownerId: people.ownerId,
      position: people.position,
      formOfAddress: people.formOfAddress,
      phones: people.phones,
      organizationName: organizations.name,
    })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(inArray(people.id, unique));
}

export async function selectOrganizationsBrief(db: Executor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select({ id: organizations.id, name: organizations.name, confidential: organizations.confidential, ownerId: organizations.ownerId })
    .from(organizations)
    .where(inArray(organizations.id, unique));
}

export async function selectActiveUser(db: Executor, id: string): Promise<{ id: string; name: string; email: string } | undefined> {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return row;
}

// --- Gifts register -------------------------------------------------------------------------

export type GiftRow = typeof gifts.$inferSelect;

function giftFilters(actor: Actor, q: GiftListQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleTo(actor, visits)];
  if (q.q && searchFold(q.q)) where.push(textMatch(gifts.searchText, q.q));
  if (q.direction) where.push(eq(gifts.direction, q.direction));
  if (q.visitId) where.push(eq(gifts.visitId, q.visitId));
  if (q.visitDirection) where.push(eq(visits.direction, q.visitDirection));
  if (q.personId) where.push(eq(gifts.personId, q.personId));
  // A gift without a date of its own was given on the first day of its visit.
  const day = sql`coalesce(${gifts.date}, ${visits.startDate})`;
  if (q.from) where.push(sql`${day} >= ${q.from}::date`);
  if (q.to) where.push(sql`${day} <= ${q.to}::date`);
  return and(...where);
}

const GIFT_SORT = {
  date: sql`coalesce(${gifts.date}, ${visits.startDate})`,
  value: gifts.value,
  updatedAt: gifts.updatedAt,
} as const;

export async function selectGiftPage(db: Executor, actor: Actor, q: GiftListQuery & { page: number; pageSize: number }): Promise<{ rows: GiftRow[]; total: number }> {
  const where = giftFilters(actor, q);
  const dir = q.order === 'desc' ? desc : asc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(getTableColumns(gifts))
      .from(gifts)
      .innerJoin(visits, eq(visits.id, gifts.visitId))
      .where(where)
      .orderBy(dir(GIFT_SORT[q.sort ?? 'date']), asc(gifts.createdAt), asc(gifts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(gifts).innerJoin(visits, eq(visits.id, gifts.visitId)).where(where),
  ]);
  return { rows, total: Number(total) };
}

export async function selectVisitsByIds(db: Executor, ids: string[]): Promise<VisitRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.select().from(visits).where(inArray(visits.id, unique));
}

export async function setGiftPhoto(
  db: Executor,
  id: string,
  version: number,
  photo: { key: string; type: string; size: number } | null,
  actorId: string,
): Promise<GiftRow | undefined> {
  return updateChildRow<GiftRow>(db, gifts, id, version, {
    photoKey: photo?.key ?? null,
    photoType: photo?.type ?? null,
    photoSize: photo?.size ?? null,
    updatedBy: actorId,
  });
}

// --- Share links ----------------------------------------------------------------------------

export type ShareLinkRow = typeof visitShareLinks.$inferSelect;

export async function insertShareLink(db: Executor, values: Omit<typeof visitShareLinks.$inferInsert, 'id'>): Promise<ShareLinkRow> {
  const [row] = await db.insert(visitShareLinks).values(values).returning();
  return row;
}

export async function selectShareLinks(db: Executor, visitId: string): Promise<ShareLinkRow[]> {
  return db.select().from(visitShareLinks).where(eq(visitShareLinks.visitId, visitId)).orderBy(desc(visitShareLinks.createdAt), asc(visitShareLinks.id));
}

export async function selectShareLink(db: Executor, id: string): Promise<ShareLinkRow | undefined> {
  const [row] = await db.select().from(visitShareLinks).where(eq(visitShareLinks.id, id)).limit(1);
  return row;
}

export async function revokeShareLinkRow(db: Executor, id: string, actorId: string): Promise<ShareLinkRow | undefined> {
  const [row] = await db
    .update(visitShareLinks)
    .set({ revokedAt: new Date(), revokedBy: actorId })
    .where(and(eq(visitShareLinks.id, id), isNull(visitShareLinks.revokedAt)))
    .returning();
  return row;
}

/** The live link with this token hash: not revoked, not expired. */
export async function selectLiveShareLink(db: Executor, tokenHash: string): Promise<ShareLinkRow | undefined> {
  const [row] = await db
    .select()
    .from(visitShareLinks)
    .where(and(eq(visitShareLinks.tokenHash, tokenHash), isNull(visitShareLinks.revokedAt), gt(visitShareLinks.expiresAt, sql`now()`)))
    .limit(1);
  return row;
}
