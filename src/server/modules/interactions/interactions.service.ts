import { and, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';

import type { Page } from '../../../contracts/common/paging.js';
import { pickText } from '../../../contracts/common/multilingual.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import { InteractionCreateSchema, type Interaction, type InteractionCreate } from '../../../contracts/interactions.js';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { seesAllConfidential, userRefs, versionConflict } from '../../platform/records.js';
import { organizations } from '../organizations/organizations.table.js';
import { loadVisible as loadVisibleOrganization } from '../organizations/organizations.service.js';
import { people } from '../people/people.table.js';
import { loadVisiblePerson } from '../people/people.service.js';
import { interactions } from './interactions.table.js';

export const ENTITY = 'interaction';

const columns = {
  ...getTableColumns(interactions),
  orgName: organizations.name,
  orgConfidential: organizations.confidential,
  orgOwner: organizations.ownerId,
  personName: people.name,
  personConfidential: people.confidential,
  personOwner: people.ownerId,
};

/** An interaction is visible when the organisation and person it is linked to are. */
export function interactionVisibleTo(actor: Actor): SQL | undefined {
  if (seesAllConfidential(actor)) return undefined;
  return sql`(${organizations.id} IS NULL OR ${organizations.confidential} = false OR ${organizations.ownerId} = ${actor.id})
    AND (${people.id} IS NULL OR ${people.confidential} = false OR ${people.ownerId} = ${actor.id})`;
}

function baseQuery(db: Executor) {
  return db
    .select(columns)
    .from(interactions)
    .leftJoin(organizations, eq(organizations.id, interactions.organizationId))
    .leftJoin(people, eq(people.id, interactions.personId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function toDtos(db: Executor, rows: Row[], locale: string): Promise<Interaction[]> {
  const refs = await userRefs(db, rows.flatMap((r) => [r.updatedBy, r.createdBy]));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: (r.updatedBy && refs.get(r.updatedBy)) || null,
    createdBy: (r.createdBy && refs.get(r.createdBy)) || null,
    kind: r.kind as Interaction['kind'],
    occurredAt: r.occurredAt.toISOString(),
    subject: r.subject,
    notes: r.notes,
    organization: r.organizationId && r.orgName ? { id: r.organizationId, label: pickText(r.orgName, locale) } : null,
    person: r.personId && r.personName ? { id: r.personId, label: r.personName } : null,
  }));
}

export async function listInteractions(
  db: Db,
  actor: Actor,
  q: { organizationId?: string; personId?: string; page: number; pageSize: number },
  locale: string,
): Promise<Page<Interaction>> {
  const where = and(
    interactionVisibleTo(actor),
    q.organizationId ? eq(interactions.organizationId, q.organizationId) : undefined,
    q.personId ? eq(interactions.personId, q.personId) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: count() })
      .from(interactions)
      .leftJoin(organizations, eq(organizations.id, interactions.organizationId))
      .leftJoin(people, eq(people.id, interactions.personId))
      .where(where),
  ]);
  return { items: await toDtos(db, rows, locale), total: Number(total), page: q.page, pageSize: q.pageSize };
}

async function load(db: Executor, actor: Actor, id: string): Promise<Row> {
  const [row] = await baseQuery(db).where(and(eq(interactions.id, id), interactionVisibleTo(actor))).limit(1);
  if (!row) throw new AppError('not_found');
  return row;
}

async function checkLinks(tx: Executor, actor: Actor, v: { organizationId?: string | null; personId?: string | null }) {
  if (!v.organizationId && !v.personId) throw fieldError('organizationId', 'required');
  if (v.organizationId) await loadVisibleOrganization(tx, actor, v.organizationId).catch(() => Promise.reject(fieldError('organizationId', 'not_found')));
  if (v.personId) await loadVisiblePerson(tx, actor, v.personId).catch(() => Promise.reject(fieldError('personId', 'not_found')));
}

const snapshot = (r: Row) => ({ kind: r.kind, occurredAt: r.occurredAt.toISOString(), subject: r.subject, notes: r.notes, organizationId: r.organizationId, personId: r.personId });
const searchText = (v: { subject: string; notes: string }) => searchFold(`${v.subject} ${v.notes.slice(0, 500)}`);

export async function getInteraction(db: Db, actor: Actor, id: string, locale: string): Promise<Interaction> {
  const [dto] = await toDtos(db, [await load(db, actor, id)], locale);
  return dto;
}

export async function createInteraction(db: Db, actor: Actor, input: InteractionCreate, locale: string): Promise<Interaction> {
  const v = InteractionCreateSchema.parse(input);
  return db.transaction(async (tx) => {
    await checkLinks(tx, actor, v);
    const [created] = await tx
      .insert(interactions)
      .values({
        kind: v.kind,
        occurredAt: new Date(v.occurredAt),
        subject: v.subject,
        notes: v.notes,
        organizationId: v.organizationId ?? null,
        personId: v.personId ?? null,
        searchText: searchText(v),
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning({ id: interactions.id });
    const row = await load(tx, actor, created.id);
    await recordAudit(tx, actor, { action: 'create', entityType: ENTITY, entityId: row.id, summary: row.subject, after: snapshot(row) });
    const [dto] = await toDtos(tx, [row], locale);
    return dto;
  });
}

export async function updateInteraction(
  db: Db,
  actor: Actor,
  id: string,
  input: Partial<InteractionCreate> & { version: number },
  locale: string,
): Promise<Interaction> {
  return db.transaction(async (tx) => {
    const before = await load(tx, actor, id);
    const next = InteractionCreateSchema.parse({ ...snapshot(before), ...Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'version')) });
    if (next.organizationId !== before.organizationId || next.personId !== before.personId) await checkLinks(tx, actor, next);
    const updated = await tx
      .update(interactions)
      .set({
        kind: next.kind,
        occurredAt: new Date(next.occurredAt),
        subject: next.subject,
        notes: next.notes,
        organizationId: next.organizationId ?? null,
        personId: next.personId ?? null,
        searchText: searchText(next),
        version: sql`${interactions.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(and(eq(interactions.id, id), eq(interactions.version, input.version)))
      .returning({ id: interactions.id });
    if (updated.length === 0) throw await versionConflict(tx, before);
    const row = await load(tx, actor, id);
    await recordAudit(tx, actor, { action: 'update', entityType: ENTITY, entityId: id, summary: row.subject, before: snapshot(before), after: snapshot(row) });
    const [dto] = await toDtos(tx, [row], locale);
    return dto;
  });
}

export async function deleteInteraction(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await load(tx, actor, id);
    const gone = await tx.delete(interactions).where(and(eq(interactions.id, id), eq(interactions.version, version))).returning({ id: interactions.id });
    if (gone.length === 0) throw await versionConflict(tx, before);
    await recordAudit(tx, actor, { action: 'delete', entityType: ENTITY, entityId: id, summary: before.subject, before: snapshot(before) });
  });
}

