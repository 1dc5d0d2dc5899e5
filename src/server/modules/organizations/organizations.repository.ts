import { and, asc, count, desc, eq, getTableColumns, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { OrganizationListQuery } from '../../../contracts/organizations.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { likeEscape, visibleTo } from '../../platform/records.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import { people } from '../people/people.table.js';
import { organizations } from './organizations.table.js';

export type OrganizationRow = typeof organizations.$inferSelect & { peopleCount: number };
export type OrganizationValues = Omit<typeof organizations.$inferInsert, 'id'>;

// Table names are written out: in a single-table select Drizzle leaves column names unqualified,
// and an unqualified "id" inside this subquery would be people.id (the count was always 0).
const peopleCount = sql<number>`(SELECT count(*)::int FROM ${people} WHERE ${people}.organization_id = ${organizations}.id)`;
const columns = { ...getTableColumns(organizations), peopleCount };

/** Conditions for a text filter: folded substring or trigram word similarity, in any script. */
export function textMatch(column: AnyColumn, q: string): SQL {
  const folded = searchFold(q);
  return sql`(${column} ILIKE ${'%' + likeEscape(folded) + '%'} OR ${folded} <% ${column})`;
}

/**
 * Up to this many matches, a text-filtered list sorts its matches on their own. PostgreSQL
 * cannot know where the trigram matches fall in the sort order: it walks the sort index and
 * tests each row until a page is full. That is quick for a common word (matches everywhere) but
 * slow for a rarer one whose rows sort together late (568 matches of 50,000 organisations took
 * 136 ms). Fenced, the matches come from the trigram index first and only they are sorted, at a
 * cost that grows with the matches (6 ms there), so beyond some thousand matches the walk wins.
 */
export const FENCE_MAX_MATCHES = 1000;

/**
 * `id` is one of the ids the subquery selects, computed first on its own plan (ARRAY(...) is an
 * init plan: the planner cannot fold it into the outer query and walk the sort index instead).
 */
export function fenced(id: AnyColumn, ids: SQL | { getSQL(): SQL }): SQL {
  return sql`${id} = ANY(ARRAY(${ids}))`;
}

/**
 * A page of a list and its total. With a text filter the total is counted first, and a page of
 * few matches is taken through `fenced` (see FENCE_MAX_MATCHES); otherwise both run at once.
 */
export async function pageWithTotal<Row>(
  textFiltered: boolean,
  countRows: () => Promise<{ total: number }[]>,
  pageOf: (fence: boolean) => Promise<Row[]>,
): Promise<{ rows: Row[]; total: number }> {
  if (!textFiltered) {
    const [rows, [{ total }]] = await Promise.all([pageOf(false), countRows()]);
    return { rows, total: Number(total) };
  }
  const total = Number((await countRows())[0].total);
  return { rows: total === 0 ? [] : await pageOf(total <= FENCE_MAX_MATCHES), total };
}

function filters(actor: Actor, q: Omit<OrganizationListQuery, 'page' | 'pageSize' | 'sort' | 'order'>): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleTo(actor, organizations)];
  if (q.q && searchFold(q.q)) where.push(textMatch(organizations.searchText, q.q));
  if (q.kind) where.push(eq(organizations.kind, q.kind));
  if (q.country) where.push(eq(organizations.country, q.country));
  if (q.tag) where.push(sql`${q.tag} = ANY(${organizations.tags})`);
  return and(...where);
}

const SORT_COLUMNS = {
  name: organizations.sortName,
  kind: organizations.kind,
  country: organizations.country,
  city: organizations.city,
  updatedAt: organizations.updatedAt,
} as const;

export async function selectOrganizations(
  db: Executor,
  actor: Actor,
  q: OrganizationListQuery & { page: number; pageSize: number },
): Promise<{ rows: OrganizationRow[]; total: number }> {
  const where = filters(actor, q);
  const col = SORT_COLUMNS[q.sort ?? 'name'];
  const dir = q.order === 'desc' ? desc : asc;
  return pageWithTotal(
    !!(q.q && searchFold(q.q)),
    () => db.select({ total: count() }).from(organizations).where(where),
    (fence) =>
      db
        .select(columns)
        .from(organizations)
        .where(fence ? fenced(organizations.id, db.select({ id: organizations.id }).from(organizations).where(where)) : where)
        .orderBy(dir(col), dir(organizations.sortName), asc(organizations.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
  );
}

/** Every matching row (for export), in list order. */
export async function selectAllOrganizations(db: Executor, actor: Actor, q: OrganizationListQuery, limit: number): Promise<OrganizationRow[]> {
  const col = SORT_COLUMNS[q.sort ?? 'name'];
  const dir = q.order === 'desc' ? desc : asc;
  return db.select(columns).from(organizations).where(filters(actor, q)).orderBy(dir(col), asc(organizations.id)).limit(limit);
}

export async function selectOrganization(db: Executor, id: string, forUpdate = false): Promise<OrganizationRow | undefined> {
  const query = db.select(columns).from(organizations).where(eq(organizations.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertOrganization(db: Executor, values: OrganizationValues): Promise<OrganizationRow> {
  const [row] = await db.insert(organizations).values(values).returning();
  return { ...row, peopleCount: 0 };
}

export async function insertOrganizations(db: Executor, values: OrganizationValues[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await db.insert(organizations).values(values).returning({ id: organizations.id });
  return rows.map((r) => r.id);
}

/** Updates when the version matches; undefined when it does not (or the row is gone). */
export async function updateOrganizationRow(
  db: Executor,
  id: string,
  version: number,
  values: Partial<OrganizationValues>,
): Promise<OrganizationRow | undefined> {
  const [row] = await db
    .update(organizations)
    .set({ ...values, version: sql`${organizations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(organizations.id, id), eq(organizations.version, version)))
    .returning({ id: organizations.id });
  return row ? selectOrganization(db, id) : undefined;
}

export async function deleteOrganizationRow(db: Executor, id: string, version: number): Promise<boolean> {
  const gone = await db
    .delete(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.version, version)))
    .returning({ id: organizations.id });
  return gone.length === 1;
}

/** Records whose names look alike (trigram similarity on folded names, in any script). */
export async function selectSimilarOrganizations(
  db: Executor,
  actor: Actor,
  name: string,
  excludeId: string | undefined,
  limit = 5,
): Promise<{ id: string; name: OrganizationRow['name']; similarity: number }[]> {
  const folded = searchFold(name);
  if (!folded) return [];
  const sim = nameSimilarity(organizations.searchText, folded);
  return db
    .select({ id: organizations.id, name: organizations.name, similarity: sim })
    .from(organizations)
    .where(
      and(
        visibleTo(actor, organizations),
        excludeId ? sql`${organizations.id} <> ${excludeId}` : undefined,
        // Through the trigram index on the search text: a whole-name similarity on sort_name (no
        // such index) made this a scan of every row, over a second at 100,000 people.
        sql`${folded} <% ${organizations.searchText}`,
        sql`${sim} >= ${SIMILAR_THRESHOLD}`,
      ),
    )
    .orderBy(desc(sim))
    .limit(limit);
}

/** How alike two names must be to be flagged as a likely duplicate (pg_trgm similarity). */
export const SIMILAR_THRESHOLD = 0.3;

/**
 * The best trigram similarity between a folded name and any of the names in a record's
 * search text (its names in every language), so "Ruse Municipalty" finds "Община Русе".
 */
export function nameSimilarity(searchText: AnyColumn, folded: string): SQL<number> {
  return sql<number>`(SELECT coalesce(max(similarity(part, ${folded})), 0) FROM unnest(string_to_array(${searchText}, ' | ')) AS part)`;
}

export async function existingOrganizationIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids));
  return new Set(rows.map((r) => r.id));
}
