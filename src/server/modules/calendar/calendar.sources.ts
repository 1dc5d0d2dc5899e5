import { addDays, zonedInstant } from '../../../contracts/common/dates.js';
import type { CalendarEntry } from '../../../contracts/calendar.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import type { MultilingualText } from '../../../contracts/common/multilingual.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { canSee, userRefs } from '../../platform/records.js';
import { selectPeopleBrief } from '../visits/visits.repository.js';
import { selectItemsOf, selectLinkedParticipants, selectVisitsBetween, type CalendarParticipantRow } from './calendar.repository.js';

/** The days a calendar asks about (inclusive), and optionally one visit only. */
export type CalendarWindow = { from: string; to: string; visitId?: string };

/**
 * An entry as a source produces it: the response fields, plus what the conflict check, the
 * filters and the iCalendar export need.
 */
export type SourceEntry = Omit<CalendarEntry, 'conflicts'> & {
  /** The span as instants (ms): an all-day entry from midnight to midnight in its zone. */
  startMs: number;
  endMs: number;
  /** Wall-clock times in `timeZone` ('YYYY-MM-DDTHH:MM'), or dates for all-day entries. */
  localStart: string;
  localEnd: string | null;
  /** The first and last day the entry shows on. */
  firstDay: string;
  lastDay: string;
  /** Directory people this entry books (an attendee of an item, a traveller on a trip). */
  bookings: string[];
  /** The place, folded for comparison (null when unknown). */
  placeKey: string | null;
  responsibleIds: string[];
  /** False for cancelled records: shown, but never in conflict. */
  active: boolean;
};

/**
 * One module's dated records for the window, already filtered to what the actor may see. Later
 * modules (events, invitations, deadlines) add a function here; nothing else changes.
 */
export type CalendarSource = (db: Executor, actor: Actor, window: CalendarWindow) => Promise<SourceEntry[]>;

/** Programme items without an end time are taken to last this long when checking conflicts. */
export const ASSUMED_ITEM_MINUTES = 60;

const pad = (n: number) => String(n).padStart(2, '0');

/** '2027-05-10T11:00' in Asia/Tbilisi → '2027-05-10T11:00:00+04:00' (and its instant). */
export function zonedIso(local: string, timeZone: string): { iso: string; ms: number } {
  const ms = zonedInstant(local, timeZone);
  const [date, time] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const offset = Math.round((Date.UTC(y, m - 1, d, hh, mm) - ms) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return { iso: `${date}T${pad(hh)}:${pad(mm)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`, ms };
}

/** The place folded for comparison; `folded` remembers the venues already seen in this answer (they repeat). */
const placeKey = (place: MultilingualText | null, folded: Map<string, string | null>) => {
  const text = place ? (place.values[place.original] ?? Object.values(place.values)[0] ?? '') : '';
  let key = folded.get(text);
  if (key === undefined) folded.set(text, (key = searchFold(text).trim() || null));
  return key;
};

/** Incoming visits and trips (all-day spans in their zone) and their programme items (timed). */
export const visitsSource: CalendarSource = async (db, actor, window) => {
  const visits = await selectVisitsBetween(db, actor, window.from, window.to, window.visitId);
  const ids = visits.map((v) => v.id);
  const [items, participants] = await Promise.all([selectItemsOf(db, ids, window.from, window.to), selectLinkedParticipants(db, ids)]);
  const [people, users] = await Promise.all([
    selectPeopleBrief(db, participants.map((p) => p.personId!)),
    userRefs(db, [...visits.map((v) => v.responsibleId), ...items.map((i) => i.responsibleId)]),
  ]);
  // A confidential person the actor may not see is left out everywhere (not named, not booked).
  const visiblePeople = new Map(people.filter((p) => canSee(actor, p)).map((p) => [p.id, p.name]));
  const participantById = new Map(participants.filter((p) => visiblePeople.has(p.personId!)).map((p) => [p.id, p]));
  const personOf = (p: { personId: string | null; role: string }) => ({ id: p.personId!, name: visiblePeople.get(p.personId!)!, role: p.role });
  const refs = (list: (string | null)[]) => [...new Set(list.filter((id): id is string => !!id))].flatMap((id) => (users.get(id) ? [users.get(id)!] : []));
  const byVisit = new Map(visits.map((v) => [v.id, v]));

  const out: SourceEntry[] = [];
  const participantsOf = new Map<string, CalendarParticipantRow[]>();
  for (const p of participantById.values()) {
    const list = participantsOf.get(p.visitId);
    if (list) list.push(p);
    else participantsOf.set(p.visitId, [p]);
  }
  for (const v of visits) {
    const own = participantsOf.get(v.id) ?? [];
    const outgoing = v.direction === 'outgoing';
    const people = own.map(personOf).filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
    const after = addDays(v.endDate, 1);
    out.push({
      id: `${outgoing ? 'trip' : 'visit'}:${v.id}`,
      type: outgoing ? 'trip' : 'visit',
      title: v.title,
      place: v.city ? { original: v.title.original, values: { [v.title.original]: v.city } } : null,
      allDay: true,
      start: v.startDate,
      end: after,
      timeZone: v.timeZone,
      status: v.status,
      visitId: v.id,
      visitTitle: v.title,
      direction: outgoing ? 'outgoing' : 'incoming',
      confidential: v.confidential,
      people,
      responsible: refs([v.responsibleId]),
      link: `/visits/${v.id}`,
      startMs: zonedInstant(`${v.startDate}T00:00`, v.timeZone),
      endMs: zonedInstant(`${after}T00:00`, v.timeZone),
      localStart: v.startDate,
      localEnd: after,
      firstDay: v.startDate,
      lastDay: v.endDate,
      // On a trip, its travellers are away for all of it; hosting a visit books nobody for whole days.
      bookings: outgoing ? [...new Set(own.filter((p) => p.role === 'traveller').map((p) => p.personId!))] : [],
      placeKey: null,
      responsibleIds: refs([v.responsibleId]).map((u) => u.id),
      active: v.status !== 'cancelled',
    });
  }
  const folded = new Map<string, string | null>();
  for (const item of items) {
    const v = byVisit.get(item.visitId)!;
    const localStart = `${item.day}T${item.startTime}`;
    const localEnd = item.endTime ? `${item.day}T${item.endTime}` : null;
    const start = zonedIso(localStart, v.timeZone);
    const end = localEnd ? zonedIso(localEnd, v.timeZone) : null;
    const attendees = item.attendeeIds.flatMap((id) => (participantById.has(id) ? [participantById.get(id)!] : []));
    const people = attendees.map(personOf).filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
    out.push({
      id: `programme_item:${item.id}`,
      type: 'programme_item',
      title: item.title,
      place: item.place ?? null,
      allDay: false,
      start: start.iso,
      end: end?.iso ?? null,
      timeZone: v.timeZone,
      status: v.status,
      visitId: v.id,
      visitTitle: v.title,
      direction: v.direction === 'outgoing' ? 'outgoing' : 'incoming',
      confidential: v.confidential,
      people,
      responsible: refs([v.responsibleId, item.responsibleId]),
      link: `/visits/${v.id}`,
      startMs: start.ms,
      endMs: end?.ms ?? start.ms + ASSUMED_ITEM_MINUTES * 60_000,
      localStart,
      localEnd,
      firstDay: item.day,
      lastDay: item.day,
      bookings: people.map((p) => p.id),
      placeKey: placeKey(item.place ?? null, folded),
      responsibleIds: refs([v.responsibleId, item.responsibleId]).map((u) => u.id),
      active: v.status !== 'cancelled',
    });
  }
  return out;
};

export const CALENDAR_SOURCES: CalendarSource[] = [visitsSource];
