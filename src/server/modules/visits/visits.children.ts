import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { versionConflict } from '../../platform/records.js';
import { buildContext, loadParentVisit, loadVisibleVisit, type ContextRefs, type DtoContext, type Office } from './visits.context.js';
import {
  deleteChildRow,
  insertChild,
  selectChild,
  touchVisit,
  updateChildRow,
  type ChildRow,
  type ChildTable,
  type VisitRow,
} from './visits.repository.js';

/**
 * A kind of record inside a visit (participant, programme item, task, gift, ...). They are all
 * created, changed and deleted the same way: the visit must be visible to the actor (and is
 * locked, so changes to one visit take turns), the whole record is checked after a change is
 * merged into it, the version must match, and the audit entry is written in the same
 * transaction. What differs is described here.
 */
export type ChildSpec<Row extends ChildRow, Values, Dto> = {
  /** entity_type in the audit log. */
  entity: string;
  table: ChildTable;
  /** The whole record without its visit: a create body, or a stored record with a change merged in. */
  values: z.ZodType<Values, unknown>;
  /** A stored row as the input `values` parses (to merge a change into). */
  inputOf(row: Row): Record<string, unknown>;
  /** The columns to store; checks links (field errors) and may move other rows (programme order). */
  columns(tx: Executor, actor: Actor, visit: VisitRow, input: Values, before: Row | null): Promise<Record<string, unknown>>;
  /** Audit summary. */
  label(row: Row): string;
  refs(row: Row): ContextRefs;
  dto(row: Row, ctx: DtoContext): Dto;
  /** The programme is guarded by the visit's version: changing an item moves it on. */
  touchesVisit?: boolean;
  afterDelete?(tx: Executor, visit: VisitRow, row: Row): Promise<void>;
};

/** What the audit log keeps: the business fields, not the version bookkeeping. */
export function snapshot(row: Record<string, unknown>) {
  const { createdAt: _c, updatedAt: _u, version: _v, createdBy: _cb, updatedBy: _ub, searchText: _s, ...rest } = row;
  return rest;
}

function mergeRefs(rows: ContextRefs[], visit: VisitRow): ContextRefs {
  return {
    users: rows.flatMap((r) => r.users ?? []),
    people: rows.flatMap((r) => r.people ?? []),
    organizations: [...rows.flatMap((r) => r.organizations ?? []), visit.organizationId],
  };
}

export async function childDtos<Row extends ChildRow, Dto>(db: Executor, office: Office, actor: Actor, spec: ChildSpec<Row, unknown, Dto>, visit: VisitRow, rows: Row[]): Promise<Dto[]> {
  const refs = rows.map((r) => spec.refs(r));
  refs.push({ users: rows.map((r) => r.updatedBy) });
  const ctx = await buildContext(db, office, actor, [visit], mergeRefs(refs, visit));
  return rows.map((r) => spec.dto(r, ctx));
}

/** Loads a record and its visit, both visible to the actor (else "not found"). */
export async function loadChild<Row extends ChildRow>(db: Executor, actor: Actor, spec: { table: ChildTable }, id: string, lockVisit = false): Promise<{ row: Row; visit: VisitRow }> {
  const row = await selectChild<Row>(db, spec.table, id);
  if (!row) throw new AppError('not_found');
  const visit = await loadVisibleVisit(db, actor, row.visitId, lockVisit);
  return { row, visit };
}

export async function createChild<Row extends ChildRow, Values, Dto>(
  db: Db,
  office: Office,
  actor: Actor,
  spec: ChildSpec<Row, Values, Dto>,
  input: { visitId: string } & Record<string, unknown>,
): Promise<Dto> {
  const { visitId, ...fields } = input;
  const parsed = spec.values.parse(fields);
  return db.transaction(async (tx) => {
    const visit = await loadParentVisit(tx, actor, visitId);
    const columns = await spec.columns(tx, actor, visit, parsed, null);
    const row = await insertChild<Row>(tx, spec.table, { ...columns, visitId, createdBy: actor.id, updatedBy: actor.id });
    if (spec.touchesVisit) await touchVisit(tx, visit.id, actor.id);
    await recordAudit(tx, actor, { action: 'create', entityType: spec.entity, entityId: row.id, parentId: visit.id, summary: spec.label(row), after: snapshot(row) });
    const [dto] = await childDtos(tx, office, actor, spec as ChildSpec<Row, unknown, Dto>, visit, [row]);
    return dto;
  });
}

export async function updateChild<Row extends ChildRow, Values, Dto>(
  db: Db,
  office: Office,
  actor: Actor,
  spec: ChildSpec<Row, Values, Dto>,
  id: string,
  input: { version: number } & Record<string, unknown>,
): Promise<Dto> {
  return db.transaction(async (tx) => {
    const { row: before, visit } = await loadChild<Row>(tx, actor, spec, id, true);
    const { version, ...changes } = input;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const merged = spec.values.parse({ ...spec.inputOf(before), ...defined });
    if (before.version !== version) throw await versionConflict(tx, before);
    const columns = await spec.columns(tx, actor, visit, merged, before);
    const row = await updateChildRow<Row>(tx, spec.table, id, version, { ...columns, updatedBy: actor.id });
    if (!row) throw await versionConflict(tx, before);
    if (spec.touchesVisit) await touchVisit(tx, visit.id, actor.id);
    await recordAudit(tx, actor, { action: 'update', entityType: spec.entity, entityId: id, parentId: visit.id, summary: spec.label(row), before: snapshot(before), after: snapshot(row) });
    const [dto] = await childDtos(tx, office, actor, spec as ChildSpec<Row, unknown, Dto>, visit, [row]);
    return dto;
  });
}

export async function deleteChild<Row extends ChildRow, Values, Dto>(db: Db, actor: Actor, spec: ChildSpec<Row, Values, Dto>, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { row: before, visit } = await loadChild<Row>(tx, actor, spec, id, true);
    if (!(await deleteChildRow(tx, spec.table, id, version))) throw await versionConflict(tx, before);
    await spec.afterDelete?.(tx, visit, before);
    if (spec.touchesVisit) await touchVisit(tx, visit.id, actor.id);
    await recordAudit(tx, actor, { action: 'delete', entityType: spec.entity, entityId: id, parentId: visit.id, summary: spec.label(before), before: snapshot(before) });
  });
}
