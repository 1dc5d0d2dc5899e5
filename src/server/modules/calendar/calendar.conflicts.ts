import type { CalendarConflict } from '../../../contracts/calendar.js';
import type { SourceEntry } from './calendar.sources.js';

/**
 * An official booked in two places at once: for each directory person, their bookings (items
 * they attend, trips they travel on) sorted by start; two that overlap are an `overlap`, two
 * consecutive items of two different visits, at different places, with less than
 * `bufferMinutes` between them a `travel_buffer`. An item of a trip does not conflict with the
 * trip itself.
 */
export function findConflicts(entries: SourceEntry[], bufferMinutes: number): Map<string, CalendarConflict[]> {
  const buffer = bufferMinutes * 60_000;
  const byPerson = new Map<string, SourceEntry[]>();
  const names = new Map<string, string>();
  for (const e of entries) {
    if (!e.active) continue;
    for (const personId of e.bookings) {
      const list = byPerson.get(personId) ?? [];
      list.push(e);
      byPerson.set(personId, list);
      const name = e.people.find((p) => p.id === personId)?.name;
      if (name) names.set(personId, name);
    }
  }
  const out = new Map<string, CalendarConflict[]>();
  const add = (a: SourceEntry, b: SourceEntry, personId: string, kind: CalendarConflict['kind']) => {
    const list = out.get(a.id) ?? [];
    if (list.some((c) => c.withEntryId === b.id && c.personId === personId)) return;
    list.push({ withEntryId: b.id, withTitle: b.title, withStart: b.start, personId, personName: names.get(personId) ?? '', kind });
    out.set(a.id, list);
  };
  for (const [personId, list] of byPerson) {
    list.sort((x, y) => x.startMs - y.startMs || x.endMs - y.endMs);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      let nextItemSeen = false;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        if (b.startMs >= a.endMs + buffer) break;
        if (a.visitId === b.visitId && (a.type === 'trip' || b.type === 'trip')) continue;
        if (b.startMs < a.endMs) {
          add(a, b, personId, 'overlap');
          add(b, a, personId, 'overlap');
          continue;
        }
        // Only the next item counts for travel time: the one after it is reached from there.
        if (a.type !== 'programme_item' || b.type !== 'programme_item' || nextItemSeen) continue;
        nextItemSeen = true;
        // Within one programme the specialist plans the moves (its transport legs); across two
        // visits nobody has.
        if (a.visitId !== b.visitId && a.placeKey && b.placeKey && a.placeKey !== b.placeKey) {
          add(a, b, personId, 'travel_buffer');
          add(b, a, personId, 'travel_buffer');
        }
      }
    }
  }
  return out;
}
