import { randomBytes } from 'node:crypto';
import { addDays, todayIn } from '../../../contracts/common/dates.js';
import { pickText } from '../../../contracts/common/multilingual.js';
import { can, type Role } from '../../../contracts/common/permissions.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import type { CreatedFeed, Feed, FeedCreateSchema } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { loadVisiblePerson } from '../people/people.service.js';
import { loadVisibleVisit } from '../visits/visits.context.js';
import { hashToken } from '../visits/visits.sharing.js';
import { insertFeed, markFeedUsed, revokeFeedRow, selectFeed, selectFeedsOf, selectLiveFeed, type FeedRow } from './calendar.repository.js';
import { entriesWithConflicts, matches, type CalendarSettings } from './calendar.service.js';
import { renderIcs, type IcsLang } from './calendar.ics.js';

/**
 * Private iCalendar feeds. The token is answered once; only its sha-256 is stored (the share
 * links' pattern). A feed shows what its owner may see today, so a confidential visit reaches
 * only the feeds of those who may read it, and a deactivated account's feeds stop working.
 */
export const FEED_ENTITY = 'calendar_feed';
/** What a subscribed calendar receives: two months back, a year ahead. */
export const FEED_DAYS_BACK = 60;
export const FEED_DAYS_AHEAD = 365;

export const feedPath = (token: string) => `/api/public/calendar/${token}.ics`;

const feedDto = (r: FeedRow, personName: string | null): Feed => ({
  id: r.id,
  scope: r.scope as Feed['scope'],
  person: r.personId ? { id: r.personId, name: personName ?? '' } : null,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
});

export async function createFeed(db: Db, actor: Actor, input: z.output<typeof FeedCreateSchema>, origin: string): Promise<CreatedFeed> {
  return db.transaction(async (tx) => {
    let personName: string | null = null;
    if (input.scope === 'person') {
      const person = await loadVisiblePerson(tx, actor, input.personId!).catch(() => Promise.reject(fieldError('personId', 'not_found')));
      personName = person.name;
    }
    const token = randomBytes(32).toString('base64url');
    const row = await insertFeed(tx, { ownerId: actor.id, scope: input.scope, personId: input.scope === 'person' ? input.personId! : null, tokenHash: hashToken(token) });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: FEED_ENTITY,
      entityId: row.id,
      summary: `Calendar feed created (${input.scope === 'person' ? personName : 'own calendar'})`,
      after: { scope: row.scope, personId: row.personId },
    });
    const path = feedPath(token);
    return { ...feedDto(row, personName), token, path, url: `${origin}${path}` };
  });
}

export async function listFeeds(db: Db, actor: Actor): Promise<{ items: Feed[] }> {
  return { items: (await selectFeedsOf(db, actor.id)).map((r) => feedDto(r, r.personName)) };
}

/**
 * Revokes one of your feeds; revoking it again changes nothing. Someone else's is "not found",
 * except to those who manage accounts (a colleague's leaked address, an account being closed).
 */
export async function revokeFeed(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const feed = await selectFeed(tx, id);
    if (!feed || (feed.ownerId !== actor.id && !can(actor.role as Role, 'users.manage'))) throw new AppError('not_found');
    const revoked = await revokeFeedRow(tx, id);
    if (!revoked) return;
    await recordAudit(tx, actor, { action: 'delete', entityType: FEED_ENTITY, entityId: id, summary: 'Calendar feed revoked', before: { scope: feed.scope, personId: feed.personId } });
  });
}

const asLang = (l: string | null | undefined): IcsLang => (l === 'bg' || l === 'ka' ? l : 'en');

/** The feed of a live token as text/calendar; an unknown or revoked token is "not found". */
export async function feedIcs(db: Db, settings: CalendarSettings & { timeZone: string }, token: string, origin: string): Promise<string> {
  const live = await selectLiveFeed(db, hashToken(token));
  if (!live) throw new AppError('not_found');
  const { feed, owner } = live;
  const actor: Actor = { id: owner.id, name: owner.name, role: owner.role };
  let name = `Legato — ${owner.name}`;
  if (feed.personId) {
    // The person may have become confidential to the owner since: then the feed is empty, not an error.
    const person = await loadVisiblePerson(db, actor, feed.personId).catch(() => null);
    name = `Legato — ${person?.name ?? ''}`;
  }
  const today = todayIn(settings.timeZone);
  const entries = await entriesWithConflicts(db, settings, actor, { from: addDays(today, -FEED_DAYS_BACK), to: addDays(today, FEED_DAYS_AHEAD) });
  const filter = feed.scope === 'person' ? { personId: feed.personId! } : { responsibleId: owner.id };
  await markFeedUsed(db, feed.id);
  return renderIcs(name, entries.filter((e) => matches(e, filter)), asLang(owner.locale), origin);
}

/** One visit or trip with its programme, for import into a calendar. */
export async function visitIcs(db: Db, settings: CalendarSettings, actor: Actor, visitId: string, lang: string, origin: string): Promise<{ filename: string; text: string }> {
  const visit = await loadVisibleVisit(db, actor, visitId);
  const entries = await entriesWithConflicts(db, settings, actor, { from: visit.startDate, to: visit.endDate });
  const own = entries.filter((e) => e.visitId === visitId);
  const title = pickText(visit.title, asLang(lang));
  // As the visit's documents are named: the title folded to plain Latin.
  const slug = searchFold(pickText(visit.title, 'en')).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return { filename: `${['visit', slug, visit.startDate].filter(Boolean).join('-')}.ics`, text: renderIcs(title, own, asLang(lang), origin) };
}
