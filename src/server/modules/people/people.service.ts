import { eq } from 'drizzle-orm';
import { can, type Role } from '../../../contracts/common/permissions.js';
import type { Page } from '../../../contracts/common/paging.js';
import { pickText } from '../../../contracts/common/multilingual.js';
import { proposeLatin, searchFold } from '../../../contracts/common/transliteration.js';
import { PersonCreateSchema, type Person, type PersonCreate, type PersonListQuery, type PersonUpdate } from '../../../contracts/people.js';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { canSee, userRefs, versionConflict } from '../../platform/records.js';
import { interactions } from '../interactions/interactions.table.js';
import { movePassports } from '../passports/passports.repository.js';
import { gifts, visitParticipants } from '../visits/visits.table.js';
import { loadVisible as loadVisibleOrganization } from '../organizations/organizations.service.js';
import {
  deletePersonRow,
  insertPerson,
  selectAllPeople,
  selectPeople,
  selectPerson,
  selectSimilarPeople,
  updatePersonRow,
  type PersonRow,
  type PersonValues,
} from './people.repository.js';

export const ENTITY = 'person';

type Parsed = ReturnType<typeof PersonCreateSchema.parse>;

export function personSearchText(v: Pick<PersonValues, 'name' | 'nameLatin' | 'email' | 'tags' | 'title' | 'position'>): string {
  const parts = [v.name, v.nameLatin, v.email, ...(v.tags ?? []), ...Object.values(v.position?.values ?? {})];
  return [...new Set(parts.filter(Boolean).map((p) => searchFold(String(p))))].join(' | ');
}

function snapshot(row: PersonRow) {
  const { searchText: _s, sortName: _n, organizationName: _o, createdAt: _c, updatedAt: _u, version: _v, ...rest } = row;
  return rest;
}

async function toDtos(db: Executor, actor: Actor, rows: PersonRow[]): Promise<Person[]> {
  const refs = await userRefs(db, rows.flatMap((r) => [r.updatedBy, r.ownerId]));
  const writer = can(actor.role as Role, 'directory.write');
  const deleter = can(actor.role as Role, 'directory.delete');
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: (r.updatedBy && refs.get(r.updatedBy)) || null,
    name: r.name,
    nameLatin: r.nameLatin,
    formOfAddress: r.formOfAddress,
    title: r.title ?? null,
    position: r.position ?? null,
    organization: r.organizationId && r.organizationName ? { id: r.organizationId, name: r.organizationName } : null,
    email: r.email,
    phones: r.phones,
    languages: r.languages,
    precedenceCategory: (r.precedenceCategory as Person['precedenceCategory']) ?? null,
    accompanyingPersons: r.accompanyingPersons,
    lawfulBasis: r.lawfulBasis as Person['lawfulBasis'],
    tags: r.tags,
    notes: r.notes,
    confidential: r.confidential,
    owner: (r.ownerId && refs.get(r.ownerId)) || null,
    abilities: { update: writer, delete: deleter },
  }));
}

/** Checks the linked organisation exists and is visible: a person cannot point at nothing. */
async function checkOrganization(tx: Executor, actor: Actor, organizationId: string | null | undefined) {
  if (!organizationId) return;
  try {
    await loadVisibleOrganization(tx, actor, organizationId);
  } catch {
    throw fieldError('organizationId', 'not_found');
  }
}

export function personValues(input: Parsed): Omit<PersonValues, 'ownerId' | 'createdBy' | 'updatedBy'> {
  const nameLatin = input.nameLatin || proposeLatin(input.name);
  const emptyToNull = <T extends { values: Record<string, string> }>(t: T | null | undefined) =>
    t && Object.values(t.values).some((v) => v.trim()) ? t : null;
  const values = {
    name: input.name,
    nameLatin,
    formOfAddress: Object.fromEntries(Object.entries(input.formOfAddress).filter(([, v]) => v.trim())),
    title: emptyToNull(input.title),
    position: emptyToNull(input.position),
    organizationId: input.organizationId ?? null,
    email: input.email ?? null,
    phones: input.phones,
    languages: [...new Set(input.languages)],
    precedenceCategory: input.precedenceCategory ?? null,
    accompanyingPersons: input.accompanyingPersons,
    lawfulBasis: input.lawfulBasis,
    tags: [...new Set(input.tags)],
    notes: input.notes,
    confidential: input.confidential,
  };
  return { ...values, sortName: searchFold(nameLatin || input.name), searchText: personSearchText(values) };
}

export async function listPeople(db: Db, actor: Actor, q: PersonListQuery & { page: number; pageSize: number }): Promise<Page<Person>> {
  const { rows, total } = await selectPeople(db, actor, q);
  return { items: await toDtos(db, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function loadVisiblePerson(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<PersonRow> {
  const row = await selectPerson(db, id, forUpdate);
  if (!row || !canSee(actor, row)) throw new AppError('not_found');
  return row;
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<Person> {
  const [dto] = await toDtos(db, actor, [await loadVisiblePerson(db, actor, id)]);
  return dto;
}

export async function createPerson(db: Db, actor: Actor, input: PersonCreate): Promise<Person> {
  const parsed = PersonCreateSchema.parse(input);
  return db.transaction(async (tx) => {
    await checkOrganization(tx, actor, parsed.organizationId);
    const id = await insertPerson(tx, { ...personValues(parsed), ownerId: actor.id, createdBy: actor.id, updatedBy: actor.id });
    const row = (await selectPerson(tx, id))!;
    await recordAudit(tx, actor, { action: 'create', entityType: ENTITY, entityId: id, summary: row.name, after: snapshot(row) });
    const [dto] = await toDtos(tx, actor, [row]);
    return dto;
  });
}

export async function updatePerson(db: Db, actor: Actor, id: string, input: PersonUpdate): Promise<Person> {
  return db.transaction(async (tx) => {
    const before = await loadVisiblePerson(tx, actor, id, true);
    const { version, ...changes } = input;
    const merged = PersonCreateSchema.parse({ ...before, ...changes });
    if (changes.organizationId !== undefined && changes.organizationId !== before.organizationId) await checkOrganization(tx, actor, changes.organizationId);
    if (!(await updatePersonRow(tx, id, version, { ...personValues(merged), updatedBy: actor.id }))) throw await versionConflict(tx, before);
    const row = (await selectPerson(tx, id))!;
    await recordAudit(tx, actor, { action: 'update', entityType: ENTITY, entityId: id, summary: row.name, before: snapshot(before), after: snapshot(row) });
    const [dto] = await toDtos(tx, actor, [row]);
    return dto;
  });
}

export async function deletePerson(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadVisiblePerson(tx, actor, id, true);
    if (!(await deletePersonRow(tx, id, version))) throw await versionConflict(tx, before);
    await recordAudit(tx, actor, { action: 'delete', entityType: ENTITY, entityId: id, summary: before.name, before: snapshot(before) });
  });
}

export async function similarPeople(db: Db, actor: Actor, name: string, excludeId?: string) {
  const rows = await selectSimilarPeople(db, actor, name, excludeId);
  return rows.map((r) => ({ id: r.id, label: r.nameLatin && r.nameLatin !== r.name ? `${r.name} (${r.nameLatin})` : r.name, similarity: Number(r.similarity) }));
}

/** Merges `otherId` into `keepId`: the timeline moves over, empty fields are filled, lists joined. */
export async function mergePeople(db: Db, actor: Actor, keepId: string, body: { otherId: string; version: number; otherVersion: number }): Promise<Person> {
  if (keepId === body.otherId) throw fieldError('otherId', 'same_record');
  return db.transaction(async (tx) => {
    const keep = await loadVisiblePerson(tx, actor, keepId, true);
    const other = await loadVisiblePerson(tx, actor, body.otherId, true);
    if (keep.version !== body.version) throw await versionConflict(tx, keep);
    if (other.version !== body.otherVersion) throw await versionConflict(tx, other);
    const merged = PersonCreateSchema.parse({
      ...keep,
      nameLatin: keep.nameLatin || other.nameLatin,
      formOfAddress: { ...other.formOfAddress, ...keep.formOfAddress },
      title: keep.title ?? other.title,
      position: keep.position ?? other.position,
      organizationId: keep.organizationId ?? other.organizationId,
      email: keep.email ?? other.email,
      phones: [...keep.phones, ...other.phones.filter((p) => !keep.phones.some((k) => k.number === p.number))].slice(0, 10),
      languages: [...keep.languages, ...other.languages],
      precedenceCategory: keep.precedenceCategory ?? other.precedenceCategory,
      accompanyingPersons: [...keep.accompanyingPersons, ...other.accompanyingPersons].slice(0, 20),
      tags: [...keep.tags, ...other.tags],
      notes: [keep.notes, other.notes].filter(Boolean).join('\n\n'),
      confidential: keep.confidential || other.confidential,
    });
    const moved = await tx.update(interactions).set({ personId: keepId }).where(eq(interactions.personId, other.id)).returning({ id: interactions.id });
    // Visits and passports refer to the person too: they follow the record that is kept.
    await tx.update(visitParticipants).set({ personId: keepId }).where(eq(visitParticipants.personId, other.id));
    await tx.update(gifts).set({ personId: keepId }).where(eq(gifts.personId, other.id));
    await movePassports(tx, other.id, keepId);
    if (!(await deletePersonRow(tx, other.id, other.version))) throw await versionConflict(tx, other);
    if (!(await updatePersonRow(tx, keepId, keep.version, { ...personValues(merged), updatedBy: actor.id }))) throw await versionConflict(tx, keep);
    const row = (await selectPerson(tx, keepId))!;
    await recordAudit(tx, actor, { action: 'merge', entityType: ENTITY, entityId: keepId, summary: `${other.name} → ${row.name} (${moved.length} interactions)`, before: snapshot(keep), after: snapshot(row) });
    await recordAudit(tx, actor, { action: 'delete', entityType: ENTITY, entityId: other.id, summary: `merged into ${row.name}`, before: snapshot(other) });
    const [dto] = await toDtos(tx, actor, [row]);
    return dto;
  });
}

export async function peopleForExport(db: Db, actor: Actor, q: PersonListQuery): Promise<Person[]> {
  return toDtos(db, actor, await selectAllPeople(db, actor, q, 200_000));
}

export const personOrganizationLabel = (p: Person, locale: string) => (p.organization ? pickText(p.organization.name as never, locale) : '');
