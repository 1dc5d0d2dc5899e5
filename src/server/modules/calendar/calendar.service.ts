import { addDays } from '../../../contracts/common/dates.js';
import type { Calendar, CalendarEntry, CalendarQuerySchema, VisitConflicts } from '../../../contracts/calendar.js';
import type { ProgrammeItem } from '../../../contracts/visits.js';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { loadVisibleVisit } from '../visits/visits.context.js';
import { findConflicts } from './calendar.conflicts.js';
import { CALENDAR_SOURCES, type CalendarWindow, type SourceEntry } from './calendar.sources.js';

/** What the calendar needs of the configuration. */
export type CalendarSettings = { travelBufferMinutes: number };

export type EntryFilter = { types?: string[]; personId?: string; responsibleId?: string };

/**
 * Every source's entries for the days from..to, each with its conflicts. Conflicts are found
 * among the entries the actor may see, over one more day on each side (an overlap across
 * midnight, or across zones, still counts).
 */
export async function entriesWithConflicts(db: Executor, settings: CalendarSettings, actor: Actor, window: CalendarWindow) {
  const wide = { ...window, from: addDays(window.from, -1), to: addDays(window.to, 1) };
  const all = (await Promise.all(CALENDAR_SOURCES.map((source) => source(db, actor, wide)))).flat();
  const conflicts = findConflicts(all, settings.travelBufferMinutes);
  const shown = all.filter((e) => e.firstDay <= window.to && e.lastDay >= window.from);
  return shown.map((e) => ({ ...e, conflicts: conflicts.get(e.id) ?? [] }));
}

export function matches(e: SourceEntry, f: EntryFilter): boolean {
  if (f.types?.length && !f.types.includes(e.type)) return false;
  if (f.personId && !e.people.some((p) => p.id === f.personId)) return false;
  if (f.responsibleId && !e.responsibleIds.includes(f.responsibleId)) return false;
  return true;
}

/** The response shape: the internal fields stay on the server. */
export function entryDto(e: SourceEntry & Pick<CalendarEntry, 'conflicts'>): CalendarEntry {
  return {
    id: e.id,
    type: e.type,
    title: e.title,
    place: e.place,
    allDay: e.allDay,
    start: e.start,
    end: e.end,
    timeZone: e.timeZone,
    status: e.status,
    visitId: e.visitId,
    visitTitle: e.visitTitle,
    direction: e.direction,
    confidential: e.confidential,
    people: e.people,
    responsible: e.responsible,
    link: e.link,
    conflicts: e.conflicts,
  };
}

const byStart = (a: SourceEntry, b: SourceEntry) => Number(b.allDay) - Number(a.allDay) || a.startMs - b.startMs || a.id.localeCompare(b.id);

export async function calendar(db: Executor, settings: CalendarSettings, actor: Actor, q: z.output<typeof CalendarQuerySchema>): Promise<Calendar> {
  const entries = await entriesWithConflicts(db, settings, actor, { from: q.from, to: q.to });
  return {
    from: q.from,
    to: q.to,
    travelBufferMinutes: settings.travelBufferMinutes,
    entries: entries.filter((e) => matches(e, q)).sort(byStart).map(entryDto),
  };
}

/** The entries of one visit (its span and its items) that are in conflict with anything the actor sees. */
export async function visitConflicts(db: Executor, settings: CalendarSettings, actor: Actor, visitId: string): Promise<VisitConflicts> {
  const visit = await loadVisibleVisit(db, actor, visitId);
  const entries = await entriesWithConflicts(db, settings, actor, { from: visit.startDate, to: visit.endDate });
  return {
    visitId,
    travelBufferMinutes: settings.travelBufferMinutes,
    entries: entries.filter((e) => e.visitId === visitId && e.conflicts.length > 0).sort(byStart).map(entryDto),
  };
}

/** A saved programme item with the conflicts it is now in (answered by create and update). */
export async function withConflicts(db: Executor, settings: CalendarSettings, actor: Actor, item: ProgrammeItem): Promise<ProgrammeItem> {
  const entries = await entriesWithConflicts(db, settings, actor, { from: item.day, to: item.day });
  return { ...item, conflicts: entries.find((e) => e.id === `programme_item:${item.id}`)?.conflicts ?? [] };
}
