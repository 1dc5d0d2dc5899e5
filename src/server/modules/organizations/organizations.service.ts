import { eq } from 'drizzle-orm';
import { can, type Role } from '../../../contracts/common/permissions.js';
import { pickText } from '../../../contracts/common/multilingual.js';
import type { Page } from '../../../contracts/common/paging.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import type {
  Organization,
  OrganizationCreate,
  OrganizationListQuery,
  OrganizationUpdate,
} from '../../../contracts/organizations.js';
import { OrganizationCreateSchema } from '../../../contracts/organizations.js';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { canSee, userRefs, versionConflict } from '../../platform/records.js';
import { interactions } from '../interactions/interactions.table.js';
import { people } from '../people/people.table.js';
import { visitAccommodations, visits } from '../visits/visits.table.js';
import {
  deleteOrganizationRow,
  insertOrganization,
  selectAllOrganizations,
  selectOrganization,
  selectOrganizations,
  selectSimilarOrganizations,
  updateOrganizationRow,
  type OrganizationRow,
  type OrganizationValues,
} from './organizations.repository.js';

export const ENTITY = 'organization';

/** The text search matches: every name in every language, folded to plain Latin. */
export function organizationSearchText(v: Pick<OrganizationValues, 'name' | 'shortName' | 'city' | 'tags' | 'email'>): string {
  const parts = [...Object.values(v.name.values), v.shortName, v.city, ...(v.tags ?? []), v.email];
  return [...new Set(parts.filter(Boolean).map((p) => searchFold(String(p))))].join(' | ');
}

export function organizationLabel(row: Pick<OrganizationRow, 'name'>, locale = row.name.original): string {
  return pickText(row.name, locale);
}

/** What the audit log keeps of an organisation: the business fields, not search helpers. */
function snapshot(row: OrganizationRow) {
  const { searchText: _s, sortName: _n, peopleCount: _p, createdAt: _c, updatedAt: _u, version: _v, ...rest } = row;
  return rest;
}

async function toDtos(db: Executor, actor: Actor, rows: OrganizationRow[]): Promise<Organization[]> {
  const refs = await userRefs(db, rows.flatMap((r) => [r.updatedBy, r.ownerId]));
  const writer = can(actor.role as Role, 'directory.write');
  const deleter = can(actor.role as Role, 'directory.delete');
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: (r.updatedBy && refs.get(r.updatedBy)) || null,
    kind: r.kind as Organization['kind'],
    name: r.name,
    shortName: r.shortName,
    country: r.country,
    city: r.city,
    languages: r.languages,
    website: r.website,
    email: r.email,
    phone: r.phone,
    addresses: r.addresses,
    tags: r.tags,
    notes: r.notes,
    confidential: r.confidential,
    owner: (r.ownerId && refs.get(r.ownerId)) || null,
    peopleCount: r.peopleCount,
    abilities: { update: writer, delete: deleter },
  }));
}

export function organizationValues(input: ReturnType<typeof OrganizationCreateSchema.parse>): Omit<OrganizationValues, 'ownerId' | 'createdBy' | 'updatedBy'> {
  const values = {
    kind: input.kind,
    name: input.name,
    shortName: input.shortName || null,
    country: input.country ?? null,
    city: input.city || null,
    languages: [...new Set(input.languages)],
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone || null,
    addresses: input.addresses,
    tags: [...new Set(input.tags)],
    notes: input.notes,
    confidential: input.confidential,
  };
  return { ...values, sortName: searchFold(pickText(input.name, input.name.original)), searchText: organizationSearchText(values) };
}

export async function listOrganizations(db: Db, actor: Actor, q: OrganizationListQuery & { page: number; pageSize: number }): Promise<Page<Organization>> {
  const { rows, total } = await selectOrganizations(db, actor, q);
  return { items: await toDtos(db, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Loads a record the actor may see; confidential records of others are "not found". */
export async function loadVisible(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<OrganizationRow> {
  const row = await selectOrganization(db, id, forUpdate);
  if (!row || !canSee(actor, row)) throw new AppError('not_found');
  return row;
}

export async function getOrganization(db: Db, actor: Actor, id: string): Promise<Organization> {
  const [dto] = await toDtos(db, actor, [await loadVisible(db, actor, id)]);
  return dto;
}

export async function createOrganization(db: Db, actor: Actor, input: OrganizationCreate): Promise<Organization> {
  const parsed = OrganizationCreateSchema.parse(input);
  return db.transaction(async (tx) => {
    const row = await insertOrganization(tx, { ...organizationValues(parsed), ownerId: actor.id, createdBy: actor.id, updatedBy: actor.id });
    await recordAudit(tx, actor, { action: 'create', entityType: ENTITY, entityId: row.id, summary: organizationLabel(row), after: snapshot(row) });
    const [dto] = await toDtos(tx, actor, [row]);
    return dto;
  });
}

export async function updateOrganization(db: Db, actor: Actor, id: string, input: OrganizationUpdate): Promise<Organization> {
  return db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id, true);
    const { version, ...changes } = input;
    const merged = OrganizationCreateSchema.parse({ ...before, ...changes });
    const row = await updateOrganizationRow(tx, id, version, { ...organizationValues(merged), updatedBy: actor.id });
    if (!row) throw await versionConflict(tx, before);
    await recordAudit(tx, actor, { action: 'update', entityType: ENTITY, entityId: id, summary: organizationLabel(row), before: snapshot(before), after: snapshot(row) });
    const [dto] = await toDtos(tx, actor, [row]);
    return dto;
  });
}

export async function deleteOrganization(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id, true);
    if (!(await deleteOrganizationRow(tx, id, version))) throw await versionConflict(tx, before);
    await recordAudit(tx, actor, { action: 'delete', entityType: ENTITY, entityId: id, summary: organizationLabel(before), before: snapshot(before) });
  });
}

export async function similarOrganizations(db: Db, actor: Actor, name: string, excludeId: string | undefined, locale: string) {
  const rows = await selectSimilarOrganizations(db, actor, name, excludeId);
  return rows.map((r) => ({ id: r.id, label: pickText(r.name, locale), similarity: Number(r.similarity) }));
}

/**
 * Merges `otherId` into `keepId`: people and the timeline move over, empty fields are filled
 * from the other record, tags and languages are joined; the other record is then deleted.
 */
export async function mergeOrganizations(
  db: Db,
  actor: Actor,
  keepId: string,
  body: { otherId: string; version: number; otherVersion: number },
): Promise<Organization> {
  if (keepId === body.otherId) throw fieldError('otherId', 'same_record');
  return db.transaction(async (tx) => {
    const keep = await loadVisible(tx, actor, keepId, true);
    const other = await loadVisible(tx, actor, body.otherId, true);
    if (keep.version !== body.version) throw await versionConflict(tx, keep);
    if (other.version !== body.otherVersion) throw await versionConflict(tx, other);
    const mergedName = { original: keep.name.original, values: { ...other.name.values, ...keep.name.values } };
    const merged = OrganizationCreateSchema.parse({
      ...keep,
      name: mergedName,
      shortName: keep.shortName ?? other.shortName,
      country: keep.country ?? other.country,
      city: keep.city ?? other.city,
      website: keep.website ?? other.website,
      email: keep.email ?? other.email,
      phone: keep.phone ?? other.phone,
      languages: [...keep.languages, ...other.languages],
      tags: [...keep.tags, ...other.tags],
      addresses: [...keep.addresses, ...other.addresses].slice(0, 10),
      notes: [keep.notes, other.notes].filter(Boolean).join('\n\n'),
      confidential: keep.confidential || other.confidential,
    });
    const movedPeople = await tx.update(people).set({ organizationId: keepId }).where(eq(people.organizationId, other.id)).returning({ id: people.id });
    const movedTimeline = await tx
      .update(interactions)
      .set({ organizationId: keepId })
      .where(eq(interactions.organizationId, other.id))
      .returning({ id: interactions.id });
    // Visits (sending or host organisation) and hotel bookings follow the record that is kept.
    await tx.update(visits).set({ organizationId: keepId }).where(eq(visits.organizationId, other.id));
    await tx.update(visitAccommodations).set({ hotelOrganizationId: keepId }).where(eq(visitAccommodations.hotelOrganizationId, other.id));
    if (!(await deleteOrganizationRow(tx, other.id, other.version))) throw await versionConflict(tx, other);
    const row = await updateOrganizationRow(tx, keepId, keep.version, { ...organizationValues(merged), updatedBy: actor.id });
    if (!row) throw await versionConflict(tx, keep);
    const summary = `${organizationLabel(other)} → ${organizationLabel(row)} (${movedPeople.length} people, ${movedTimeline.length} interactions)`;
    await recordAudit(tx, actor, { action: 'merge', entityType: ENTITY, entityId: keepId, summary, before: snapshot(keep), after: snapshot(row) });
    await recordAudit(tx, actor, { action: 'delete', entityType: ENTITY, entityId: other.id, summary: `merged into ${organizationLabel(row)}`, before: snapshot(other) });
    const [dto] = await toDtos(tx, actor, [row]);
    return dto;
  });
}

export async function organizationsForExport(db: Db, actor: Actor, q: OrganizationListQuery): Promise<Organization[]> {
  return toDtos(db, actor, await selectAllOrganizations(db, actor, q, 100_000));
}
