import { and, asc, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PersonListQuery } from '../../../contracts/people.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { visibleTo } from '../../platform/records.js';
import { organizations } from '../organizations/organizations.table.js';
import { SIMILAR_THRESHOLD, fenced, nameSimilarity, pageWithTotal, textMatch } from '../organizations/organizations.repository.js';
import { people } from './people.table.js';

export type PersonRow = typeof people.$inferSelect & { organizationName: (typeof organizations.$inferSelect)['name'] | null };
export type PersonValues = Omit<typeof people.$inferInsert, 'id'>;

const columns = { ...getTableColumns(people), organizationName: organizations.name };

function filters(actor: Actor, q: Omit<PersonListQuery, 'page' | 'pageSize' | 'sort' | 'order'>): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleTo(actor, people)];
  if (q.q && searchFold(q.q)) where.push(textMatch(people.searchText, q.q));
  if (q.organizationId) where.push(eq(people.organizationId, q.organizationId));
  if (q.precedenceCategory) where.push(eq(people.precedenceCategory, q.precedenceCategory));
  if (q.tag) where.push(sql`${q.tag} = ANY(${people.tags})`);
  return and(...where);
}

const SORT_COLUMNS = {
  name: people.sortName,
  nameLatin: people.nameLatin,
  organization: organizations.sortName,
  updatedAt: people.updatedAt,
} as const;

export async function selectPeople(db: Executor, actor: Actor, q: PersonListQuery & { page: number; pageSize: number }) {
  const where = filters(actor, q);
  const dir = q.order === 'desc' ? desc : asc;
  const { rows, total } = await pageWithTotal(
    !!(q.q && searchFold(q.q)),
    () => db.select({ total: count() }).from(people).where(where),
    (fence) =>
      db
        .select(columns)
        .from(people)
        .leftJoin(organizations, eq(organizations.id, people.organizationId))
        .where(fence ? fenced(people.id, db.select({ id: people.id }).from(people).where(where)) : where)
        .orderBy(dir(SORT_COLUMNS[q.sort ?? 'name']), dir(people.sortName), asc(people.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
  );
  return { rows: rows as PersonRow[], total };
}

export async function selectAllPeople(db: Executor, actor: Actor, q: PersonListQuery, limit: number): Promise<PersonRow[]> {
  const dir = q.order === 'desc' ? desc : asc;
  return (await db
    .select(columns)
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(filters(actor, q))
    .orderBy(dir(SORT_COLUMNS[q.sort ?? 'name']), asc(people.id))
    .limit(limit)) as PersonRow[];
}

export async function selectPerson(db: Executor, id: string, forUpdate = false): Promise<PersonRow | undefined> {
  const query = db.select(columns).from(people).leftJoin(organizations, eq(organizations.id, people.organizationId)).where(eq(people.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update', { of: people }) : await query;
  return row as PersonRow | undefined;
}

export async function insertPerson(db: Executor, values: PersonValues): Promise<string> {
  const [row] = await db.insert(people).values(values).returning({ id: people.id });
  return row.id;
}

export async function insertPeople(db: Executor, values: PersonValues[]): Promise<string[]> {
  if (values.length === 0) return [];
  return (await db.insert(people).values(values).returning({ id: people.id })).map((r) => r.id);
}

export async function updatePersonRow(db: Executor, id: string, version: number, values: Partial<PersonValues>): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({ ...values, version: sql`${people.version} + 1`, updatedAt: new Date() })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning({ id: people.id });
  return rows.length === 1;
}

export async function deletePersonRow(db: Executor, id: string, version: number): Promise<boolean> {
  const rows = await db.delete(people).where(and(eq(people.id, id), eq(people.version, version))).returning({ id: people.id });
  return rows.length === 1;
}

export async function selectSimilarPeople(db: Executor, actor: Actor, name: string, excludeId: string | undefined, limit = 5) {
  const folded = searchFold(name);
  if (!folded) return [];
  const sim = nameSimilarity(people.searchText, folded);
  return db
    .select({ id: people.id, name: people.name, nameLatin: people.nameLatin, similarity: sim })
    .from(people)
    .where(
      and(
        visibleTo(actor, people),
        excludeId ? sql`${people.id} <> ${excludeId}` : undefined,
        // Through the trigram index on the search text: a whole-name similarity on sort_name (no
        // such index) made this a scan of every row, over a second at 100,000 people.
        sql`${folded} <% ${people.searchText}`,
        sql`${sim} >= ${SIMILAR_THRESHOLD}`,
      ),
    )
    .orderBy(desc(sim))
    .limit(limit);
}
