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
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(organizations)
      .where(where)
      .orderBy(dir(col), dir(organizations.sortName), asc(organizations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(organizations).where(where),
  ]);
  return { rows, total: Number(total) };
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
