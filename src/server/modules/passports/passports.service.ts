import type { z } from 'zod';
import { todayIn } from '../../../contracts/common/dates.js';
import type { Page } from '../../../contracts/common/paging.js';
import { PassportCreateSchema, PassportValuesSchema, type Passport, type PassportListQuery, type PassportUpdate } from '../../../contracts/passports.js';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { canSee, userRefs, versionConflict } from '../../platform/records.js';
import { loadVisiblePerson } from '../people/people.service.js';
import {
  deletePassportRow,
  insertPassport,
  selectPassport,
  selectPassports,
  updatePassportRow,
  type PassportRow,
  type PassportValues,
} from './passports.repository.js';

export const ENTITY = 'passport';
type Office = { timeZone: string };
type Values = z.output<typeof PassportValuesSchema>;

/** The audit log keeps the passport's fields, the number shortened: the log is read more widely than passports. */
function snapshot(r: PassportRow) {
  return { personId: r.personId, number: maskNumber(r.number), kind: r.kind, issuingCountry: r.issuingCountry, issuedOn: r.issuedOn, expiresOn: r.expiresOn, notes: r.notes };
}
export const maskNumber = (n: string) => (n.length <= 3 ? '***' : `${'*'.repeat(n.length - 3)}${n.slice(-3)}`);
const label = (r: PassportRow) => `${r.personName}: ${r.kind} ${r.issuingCountry} ${maskNumber(r.number)}, until ${r.expiresOn}`;

async function toDtos(db: Executor, office: Office, rows: PassportRow[]): Promise<Passport[]> {
  const refs = await userRefs(db, rows.map((r) => r.updatedBy));
  const today = todayIn(office.timeZone);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: (r.updatedBy && refs.get(r.updatedBy)) || null,
    person: { id: r.personId, name: r.personName },
    number: r.number,
    kind: r.kind as Passport['kind'],
    issuingCountry: r.issuingCountry,
    issuedOn: r.issuedOn,
    expiresOn: r.expiresOn,
    notes: r.notes,
    expired: r.expiresOn < today,
  }));
}

const columns = (v: Values): Omit<PassportValues, 'personId'> => ({
  number: v.number.toUpperCase().replace(/\s+/g, ''),
  kind: v.kind,
  issuingCountry: v.issuingCountry,
  issuedOn: v.issuedOn ?? null,
  expiresOn: v.expiresOn,
  notes: v.notes,
});

/** A passport is as visible as its person: a confidential person's passports are "not found". */
async function loadVisible(db: Executor, actor: Actor, id: string): Promise<PassportRow> {
  const row = await selectPassport(db, id);
  if (!row || !canSee(actor, { confidential: row.personConfidential, ownerId: row.personOwnerId })) throw new AppError('not_found');
  return row;
}

export async function listPassports(db: Db, office: Office, actor: Actor, q: PassportListQuery & { page: number; pageSize: number }): Promise<Page<Passport>> {
  const { rows, total } = await selectPassports(db, actor, q);
  return { items: await toDtos(db, office, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function getPassport(db: Db, office: Office, actor: Actor, id: string): Promise<Passport> {
  const [dto] = await toDtos(db, office, [await loadVisible(db, actor, id)]);
  return dto;
}

export async function createPassport(db: Db, office: Office, actor: Actor, input: z.input<typeof PassportCreateSchema>): Promise<Passport> {
  const { personId, ...fields } = PassportCreateSchema.parse(input);
  return db.transaction(async (tx) => {
    await loadVisiblePerson(tx, actor, personId).catch(() => Promise.reject(fieldError('personId', 'not_found')));
    const id = await insertPassport(tx, { ...columns(fields), personId, createdBy: actor.id, updatedBy: actor.id });
    const row = (await selectPassport(tx, id))!;
    await recordAudit(tx, actor, { action: 'create', entityType: ENTITY, entityId: id, summary: label(row), after: snapshot(row) });
    const [dto] = await toDtos(tx, office, [row]);
    return dto;
  });
}

export async function updatePassport(db: Db, office: Office, actor: Actor, id: string, input: PassportUpdate): Promise<Passport> {
  return db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id);
    const { version, ...changes } = input;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const merged = PassportValuesSchema.parse({ ...before, ...defined });
    if (!(await updatePassportRow(tx, id, version, { ...columns(merged), updatedBy: actor.id }))) throw await versionConflict(tx, before);
    const row = (await selectPassport(tx, id))!;
    await recordAudit(tx, actor, { action: 'update', entityType: ENTITY, entityId: id, summary: label(row), before: snapshot(before), after: snapshot(row) });
    const [dto] = await toDtos(tx, office, [row]);
    return dto;
  });
}

export async function deletePassport(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id);
    if (!(await deletePassportRow(tx, id, version))) throw await versionConflict(tx, before);
    await recordAudit(tx, actor, { action: 'delete', entityType: ENTITY, entityId: id, summary: label(before), before: snapshot(before) });
  });
}
