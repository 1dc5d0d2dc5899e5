import { and, desc, eq, inArray, sql, type AnyColumn } from 'drizzle-orm';
import { pickText } from '../../../contracts/common/multilingual.js';
import type { SearchResult } from '../../../contracts/search.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { likeEscape, visibleTo } from '../../platform/records.js';
import { interactions } from '../interactions/interactions.table.js';
import { interactionVisibleTo } from '../interactions/interactions.service.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';

/** How alike a word must be to count as a typo of the query (pg_trgm word similarity). */
const TYPO_THRESHOLD = 0.45;

/**
 * How many matching rows of each table are scored for one search. The quick search shows the
 * best few; scoring every match of a common word (a city carried by thousands of people) took
 * most of a search's time on a large directory. The rows a trigram index finds first are
 * scored instead, and the best of those shown.
 */
export const SEARCH_CANDIDATES = 100;

type Tier = 'substring' | 'typo';

/**
 * One search across the directory. Names are matched in their folded Latin form, so a query in
 * any script finds a record in any script (Zugdidi → ზუგდიდი, Ruse → Русе), and trigram word
 * similarity tolerates typos.
 *
 * Two tiers per table: rows containing the query come first; rows merely like it (a typo) are
 * looked for only when the first tier has fewer than `limit` (for interactions: together with
 * the directory's results). Each tier scores at most SEARCH_CANDIDATES rows, taken through the
 * trigram index without sorting.
 */
export async function search(db: Db, actor: Actor, q: string, limit: number, locale: string): Promise<SearchResult[]> {
  const folded = searchFold(q);
  if (!folded) return [];
  const like = `%${likeEscape(folded)}%`;
  const contains = (col: AnyColumn) => sql`${col} ILIKE ${like}`;
  const resembles = (col: AnyColumn) => sql`(${folded} <% ${col} AND NOT ${col} ILIKE ${like})`;
  const match = (tier: Tier, col: AnyColumn) => (tier === 'substring' ? contains(col) : resembles(col));
  const score = (tier: Tier, col: AnyColumn) => sql<number>`(word_similarity(${folded}, ${col}) + ${tier === 'substring' ? 1 : 0})`;
  /**
   * Runs the substring tier, and the typo tier when the first gives fewer than `limit` rows
   * (counting `already`: results from before that the typo matches would compete with).
   */
  const tiers = async <T>(run: (tier: Tier) => Promise<T[]>, already = 0): Promise<T[]> => {
    const found = await run('substring');
    return found.length + already >= limit ? found : [...found, ...(await run('typo'))];
  };

  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL pg_trgm.word_similarity_threshold = ${TYPO_THRESHOLD}`));
    // One after another: a transaction has one connection, and pg 9 will refuse parallel queries on it.
    const orgs = await tiers((tier) => {
      const candidates = tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(visibleTo(actor, organizations), match(tier, organizations.searchText)))
        .limit(SEARCH_CANDIDATES);
      const s = score(tier, organizations.searchText);
      return tx
        .select({ id: organizations.id, name: organizations.name, city: organizations.city, country: organizations.country, kind: organizations.kind, score: s })
        .from(organizations)
        .where(inArray(organizations.id, candidates))
        .orderBy(desc(s))
        .limit(limit);
    });
    const persons = await tiers((tier) => {
      const candidates = tx
        .select({ id: people.id })
        .from(people)
        .where(and(visibleTo(actor, people), match(tier, people.searchText)))
        .limit(SEARCH_CANDIDATES);
      const s = score(tier, people.searchText);
      return tx
        .select({ id: people.id, name: people.name, nameLatin: people.nameLatin, org: organizations.name, score: s })
        .from(people)
        .leftJoin(organizations, eq(organizations.id, people.organizationId))
        .where(inArray(people.id, candidates))
        .orderBy(desc(s))
        .limit(limit);
    });
    // Interactions carry long notes, where a typo lookup costs most (pg_trgm rechecks every
    // row the index offers): their typo matches are looked for only when the directory gave
    // fewer than `limit` results. Their substring matches are always looked for.
    const events = await tiers((tier) => {
      // Visibility depends on the organisation and the person of the interaction: joined here too,
      // so that records the actor may not see do not take the candidates' places.
      const candidates = tx
        .select({ id: interactions.id })
        .from(interactions)
        .leftJoin(organizations, eq(organizations.id, interactions.organizationId))
        .leftJoin(people, eq(people.id, interactions.personId))
        .where(and(interactionVisibleTo(actor), match(tier, interactions.searchText)))
        .limit(SEARCH_CANDIDATES);
      const s = score(tier, interactions.searchText);
      return tx
        .select({ id: interactions.id, subject: interactions.subject, occurredAt: interactions.occurredAt, orgId: organizations.id, org: organizations.name, personId: people.id, person: people.name, score: s })
        .from(interactions)
        .leftJoin(organizations, eq(organizations.id, interactions.organizationId))
        .leftJoin(people, eq(people.id, interactions.personId))
        .where(inArray(interactions.id, candidates))
        .orderBy(desc(s))
        .limit(limit);
    }, orgs.length + persons.length);
    const results: SearchResult[] = [
      ...orgs.map((o) => ({
        type: 'organization' as const,
        id: o.id,
        title: pickText(o.name, locale),
        subtitle: [o.city, o.country].filter(Boolean).join(', '),
        score: Number(o.score),
      })),
      ...persons.map((p) => ({
        type: 'person' as const,
        id: p.id,
        title: p.name,
        subtitle: [p.nameLatin !== p.name ? p.nameLatin : '', p.org ? pickText(p.org, locale) : ''].filter(Boolean).join(' · '),
        score: Number(p.score),
      })),
      ...events.map((e) => ({
        type: 'interaction' as const,
        id: e.id,
        title: e.subject,
        subtitle: [e.occurredAt.toISOString().slice(0, 10), e.org ? pickText(e.org, locale) : e.person ?? ''].filter(Boolean).join(' · '),
        score: Number(e.score) - 0.05,
        organizationId: e.orgId ?? null,
        personId: e.personId ?? null,
      })),
    ];
    return results.sort((a, b) => b.score - a.score).slice(0, limit);
  });
}
