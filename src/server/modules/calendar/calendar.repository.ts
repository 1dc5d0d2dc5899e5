import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { visibleTo } from '../../platform/records.js';
import { programmeItems, visitParticipants, visits } from '../visits/visits.table.js';
import { people } from '../people/people.table.js';
import { users } from '../users/users.table.js';
import { calendarFeeds } from './calendar.table.js';

export type CalendarVisitRow = typeof visits.$inferSelect;
export type CalendarItemRow = typeof programmeItems.$inferSelect;
export type CalendarParticipantRow = { id: string; visitId: string; role: string; personId: string | null };

/** Visits and trips the actor may see that touch the days from..to. */
export async function selectVisitsBetween(db: Executor, actor: Actor, from: string, to: string, visitId?: string): Promise<CalendarVisitRow[]> {
  return db
    .select()
    .from(visits)
    .where(and(visibleTo(actor, visits), lte(visits.startDate, to), gte(visits.endDate, from), visitId ? eq(visits.id, visitId) : undefined))
    .orderBy(asc(visits.startDate), asc(visits.id));
}

export async function selectItemsOf(db: Executor, visitIds: string[], from: string, to: string): Promise<CalendarItemRow[]> {
  if (visitIds.length === 0) return [];
  return db
    .select()
    .from(programmeItems)
    .where(and(inArray(programmeItems.visitId, visitIds), gte(programmeItems.day, from), lte(programmeItems.day, to)))
    .orderBy(asc(programmeItems.day), asc(programmeItems.position));
}

/** Participants linked to directory people (the ones a calendar can book). */
export async function selectLinkedParticipants(db: Executor, visitIds: string[]): Promise<CalendarParticipantRow[]> {
  if (visitIds.length === 0) return [];
  const rows = await db
    .select({ id: visitParticipants.id, visitId: visitParticipants.visitId, role: visitParticipants.role, personId: visitParticipants.personId })
    .from(visitParticipants)
    .where(inArray(visitParticipants.visitId, visitIds))
    .orderBy(asc(visitParticipants.createdAt), asc(visitParticipants.id));
  return rows.filter((r) => r.personId);
}

// --- Feeds --------------------------------------------------------------------------------

export type FeedRow = typeof calendarFeeds.$inferSelect;

export async function insertFeed(db: Executor, values: Omit<typeof calendarFeeds.$inferInsert, 'id'>): Promise<FeedRow> {
  const [row] = await db.insert(calendarFeeds).values(values).returning();
  return row;
}

export async function selectFeedsOf(db: Executor, ownerId: string): Promise<(FeedRow & { personName: string | null })[]> {
  return db
    .select({ ...getFeedColumns(), personName: people.name })
    .from(calendarFeeds)
    .leftJoin(people, eq(people.id, calendarFeeds.personId))
    .where(and(eq(calendarFeeds.ownerId, ownerId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt));
}

const getFeedColumns = () => ({
  id: calendarFeeds.id,
  ownerId: calendarFeeds.ownerId,
  scope: calendarFeeds.scope,
  personId: calendarFeeds.personId,
  tokenHash: calendarFeeds.tokenHash,
  createdAt: calendarFeeds.createdAt,
  lastUsedAt: calendarFeeds.lastUsedAt,
  revokedAt: calendarFeeds.revokedAt,
});

export async function selectFeed(db: Executor, id: string): Promise<FeedRow | undefined> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.id, id)).limit(1);
  return row;
}

export async function revokeFeedRow(db: Executor, id: string): Promise<FeedRow | undefined> {
  const [row] = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.id, id), isNull(calendarFeeds.revokedAt)))
    .returning();
  return row;
}

/** A live feed and its owner (an active account), by the token's hash. */
export async function selectLiveFeed(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ feed: calendarFeeds, owner: { id: users.id, name: users.name, role: users.role, locale: users.locale } })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.ownerId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt), eq(users.active, true)))
    .limit(1);
  return row;
}

export async function markFeedUsed(db: Executor, id: string): Promise<void> {
  await db.update(calendarFeeds).set({ lastUsedAt: new Date() }).where(eq(calendarFeeds.id, id));
}
