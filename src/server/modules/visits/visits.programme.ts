import { z } from 'zod';
import { addDays, daysBetween } from '../../../contracts/common/dates.js';
import { pickText, type MultilingualText } from '../../../contracts/common/multilingual.js';
import {
  ProgrammeItemSchema,
  ProgrammeItemValuesSchema,
  type MoveDay,
  type ProgrammeItem,
  type ProgrammeOrder,
} from '../../../contracts/visits.js';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { fieldError } from '../../platform/errors.js';
import { versionConflict } from '../../platform/records.js';
import { childDtos, type ChildSpec } from './visits.children.js';
import { VISIT_ENTITY, checkUser, loadVisibleVisit, userRef, type Office } from './visits.context.js';
import {
  closePosition,
  countItemsBetween,
  openPosition,
  participantIdsOf,
  positionForTime,
  selectDayItems,
  selectProgramme,
  setItemPlace,
  shiftDays,
  touchVisit,
  updateVisitRow,
  type ProgrammeItemRow,
  type VisitRow,
} from './visits.repository.js';
import { programmeItems } from './visits.table.js';

type Values = z.output<typeof ProgrammeItemValuesSchema>;

/** An optional text with nothing in it is stored as null. */
export const emptyToNull = (t: MultilingualText | null | undefined): MultilingualText | null =>
  t && Object.values(t.values).some((v) => v.trim()) ? t : null;

const withinVisit = (visit: VisitRow, day: string) => day >= visit.startDate && day <= visit.endDate;

/**
 * Programme items. Order within a day is `position`: a new item (or one whose day or start
 * changes) goes after the items that start no later; the order endpoint sets it explicitly.
 */
export const programmeSpec: ChildSpec<ProgrammeItemRow, Values, ProgrammeItem> = {
  entity: 'programme_item',
  table: programmeItems,
  values: ProgrammeItemValuesSchema,
  touchesVisit: true,
  inputOf: (r) => ({
    day: r.day,
    start: r.startTime,
    end: r.endTime,
    title: r.title,
    place: r.place,
    attendeeIds: r.attendeeIds,
    attendeesText: r.attendeesText,
    responsibleId: r.responsibleId,
    transport: r.transport,
    dressCode: r.dressCode,
    notes: r.notes,
  }),
  async columns(tx, _actor, visit, v, before) {
    if (!withinVisit(visit, v.day)) throw fieldError('day', 'outside_visit');
    const attendees = [...new Set(v.attendeeIds)];
    if (attendees.length) {
      const known = await participantIdsOf(tx, visit.id);
      const unknown = attendees.findIndex((id) => !known.has(id));
      if (unknown >= 0) throw fieldError(`attendeeIds.${unknown}`, 'not_found');
    }
    await checkUser(tx, 'responsibleId', v.responsibleId);
    let position = before?.position ?? 0;
    if (!before || before.day !== v.day || before.startTime !== v.start) {
      if (before) await closePosition(tx, visit.id, before.day, before.position, before.id);
      position = await positionForTime(tx, visit.id, v.day, v.start, before?.id);
      await openPosition(tx, visit.id, v.day, position, before?.id);
    }
    return {
      day: v.day,
      startTime: v.start,
      endTime: v.end ?? null,
      position,
      title: v.title,
      place: emptyToNull(v.place),
      attendeeIds: attendees,
      attendeesText: v.attendeesText,
      responsibleId: v.responsibleId ?? null,
      transport: v.transport,
      dressCode: v.dressCode,
      notes: emptyToNull(v.notes),
    };
  },
  label: (r) => `${r.day} ${r.startTime} ${pickText(r.title, r.title.original)}`,
  refs: (r) => ({ users: [r.responsibleId] }),
  dto: (r, ctx) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: userRef(ctx, r.updatedBy),
    visitId: r.visitId,
    day: r.day,
    start: r.startTime,
    end: r.endTime,
    position: r.position,
    title: r.title,
    place: r.place ?? null,
    attendeeIds: r.attendeeIds,
    attendeesText: r.attendeesText,
    responsible: userRef(ctx, r.responsibleId),
    transport: r.transport,
    dressCode: r.dressCode,
    notes: r.notes ?? null,
  }),
  async afterDelete(tx, visit, row) {
    await closePosition(tx, visit.id, row.day, row.position);
  },
};

export const VisitProgrammeSchema = z
  .object({
    id: z.uuid().describe('The visit'),
    version: z.number().int().describe('The visit’s new version'),
    startDate: z.string(),
    endDate: z.string(),
    programme: z.array(ProgrammeItemSchema),
  })
  .meta({ id: 'VisitProgramme' });
export type VisitProgramme = z.infer<typeof VisitProgrammeSchema>;

async function programmeOf(tx: Executor, office: Office, actor: Actor, visit: VisitRow): Promise<VisitProgramme> {
  const items = await selectProgramme(tx, visit.id);
  return {
    id: visit.id,
    version: visit.version,
    startDate: visit.startDate,
    endDate: visit.endDate,
    programme: await childDtos(tx, office, actor, programmeSpec as ChildSpec<ProgrammeItemRow, unknown, ProgrammeItem>, visit, items),
  };
}

const placeOf = (r: ProgrammeItemRow) => ({ id: r.id, day: r.day, position: r.position, start: r.startTime, end: r.endTime });

/**
 * The order and times of one day, as a drag and drop left them: every item of the day (and any
 * dragged in from another day) in the new order. Checked against the visit's version, which
 * every change of the programme moves on.
 */
export async function arrangeDay(db: Db, office: Office, actor: Actor, visitId: string, body: ProgrammeOrder): Promise<VisitProgramme> {
  return db.transaction(async (tx) => {
    const visit = await loadVisibleVisit(tx, actor, visitId, true);
    if (visit.version !== body.version) throw await versionConflict(tx, visit);
    if (!withinVisit(visit, body.date)) throw fieldError('date', 'outside_visit');
    const all = await selectProgramme(tx, visit.id);
    const byId = new Map(all.map((r) => [r.id, r]));
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      if (!byId.has(item.id)) throw fieldError(`items.${i}.id`, 'not_found');
      if (seen.has(item.id)) throw fieldError(`items.${i}.id`, 'invalid');
      seen.add(item.id);
    });
    const before = all.filter((r) => r.day === body.date);
    if (before.some((r) => !seen.has(r.id))) throw fieldError('items', 'incomplete_list');

    const otherDays = new Set<string>();
    for (const [position, item] of body.items.entries()) {
      const row = byId.get(item.id)!;
      if (row.day !== body.date) otherDays.add(row.day);
      const end = item.end ?? null;
      const changed = row.day !== body.date || row.startTime !== item.start || row.endTime !== end;
      await setItemPlace(tx, row.id, { day: body.date, position, startTime: item.start, endTime: end, bump: changed, actorId: actor.id });
    }
    // The days items were dragged out of close their gaps.
    for (const day of otherDays) {
      for (const [position, row] of (await selectDayItems(tx, visit.id, day)).entries()) {
        if (row.position !== position) await setItemPlace(tx, row.id, { day, position, startTime: row.startTime, endTime: row.endTime, bump: false, actorId: actor.id });
      }
    }
    await touchVisit(tx, visit.id, actor.id);
    const after = await selectDayItems(tx, visit.id, body.date);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: VISIT_ENTITY,
      entityId: visit.id,
      summary: `${pickText(visit.title, visit.title.original)}: programme of ${body.date} rearranged`,
      before: { [`programme ${body.date}`]: before.map(placeOf) },
      after: { [`programme ${body.date}`]: after.map(placeOf) },
    });
    return programmeOf(tx, office, actor, (await loadVisibleVisit(tx, actor, visit.id))!);
  });
}

/**
 * Moves one day of the programme to another date; every later day moves by the same number of
 * days, and the visit's dates with them. Moving earlier must not land on days that already have
 * items.
 */
export async function moveDay(db: Db, office: Office, actor: Actor, visitId: string, body: MoveDay): Promise<VisitProgramme> {
  return db.transaction(async (tx) => {
    const visit = await loadVisibleVisit(tx, actor, visitId, true);
    if (visit.version !== body.version) throw await versionConflict(tx, visit);
    if (!withinVisit(visit, body.from)) throw fieldError('from', 'outside_visit');
    const offset = daysBetween(body.from, body.to);
    if (offset === 0) return programmeOf(tx, office, actor, visit);
    if (offset < 0) {
      if (body.from > visit.startDate && body.to < visit.startDate) throw fieldError('to', 'outside_visit');
      if ((await countItemsBetween(tx, visit.id, body.to, addDays(body.from, -1))) > 0) throw fieldError('to', 'day_not_free');
    }
    const moved = await shiftDays(tx, visit.id, body.from, offset, actor.id);
    const dates = {
      startDate: body.from <= visit.startDate ? addDays(visit.startDate, offset) : visit.startDate,
      endDate: addDays(visit.endDate, offset),
    };
    const row = await updateVisitRow(tx, visit.id, visit.version, { ...dates, updatedBy: actor.id });
    if (!row) throw await versionConflict(tx, visit);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: VISIT_ENTITY,
      entityId: visit.id,
      summary: `${pickText(visit.title, visit.title.original)}: programme day ${body.from} moved to ${body.to} (${moved} items)`,
      before: { startDate: visit.startDate, endDate: visit.endDate },
      after: dates,
    });
    return programmeOf(tx, office, actor, row);
  });
}
