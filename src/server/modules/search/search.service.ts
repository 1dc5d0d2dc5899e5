import { and, desc, eq, sql, type AnyColumn } from 'drizzle-orm';
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
 * One search across the directory. Names are matched in their folded Latin form, so a query in
 * any script finds a record in any script (Zugdidi → ზუგდიდი, Ruse → Русе), and trigram word
 * similarity tolerates typos.
 */
export async function search(db: Db, actor: Actor, q: string, limit: number, locale: string): Promise<SearchResult[]> {
  const folded = searchFold(q);
  if (!folded) return [];
  const like = `%${likeEscape(folded)}%`;
  const match = (col: AnyColumn) => sql`(${col} ILIKE ${like} OR ${folded} <% ${col})`;
  const score = (col: AnyColumn) =>
    sql<number>`(word_similarity(${folded}, ${col}) + CASE WHEN ${col} ILIKE ${like} THEN 1 ELSE 0 END)`;

  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL pg_trgm.word_similarity_threshold = ${TYPO_THRESHOLD}`));
    const orgScore = score(organizations.searchText);
    const personScore = score(people.searchText);
    const interactionScore = score(interactions.searchText);
    // One after another: a transaction has one connection, and pg 9 will refuse parallel queries on it.
    const orgs = await tx
        .select({ id: organizations.id, name: organizations.name, city: organizations.city, country: organizations.country, kind: organizations.kind, score: orgScore })
        .from(organizations)
        .where(and(visibleTo(actor, organizations), match(organizations.searchText)))
        .orderBy(desc(orgScore))
        .limit(limit);
    const persons = await tx
        .select({ id: people.id, name: people.name, nameLatin: people.nameLatin, org: organizations.name, score: personScore })
        .from(people)
        .leftJoin(organizations, eq(organizations.id, people.organizationId))
        .where(and(visibleTo(actor, people), match(people.searchText)))
        .orderBy(desc(personScore))
        .limit(limit);
    const events = await tx
        .select({ id: interactions.id, subject: interactions.subject, occurredAt: interactions.occurredAt, orgId: organizations.id, org: organizations.name, personId: people.id, person: people.name, score: interactionScore })
        .from(interactions)
        .leftJoin(organizations, eq(organizations.id, interactions.organizationId))
        .leftJoin(people, eq(people.id, interactions.personId))
        .where(and(interactionVisibleTo(actor), match(interactions.searchText)))
        .orderBy(desc(interactionScore))
        .limit(limit);
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
