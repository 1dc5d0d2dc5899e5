import type { ProgrammeItem } from '../../../contracts/visits';

/** Programme arithmetic on 'HH:MM' times: no date library needed. */
const toMinutes = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};
const toTime = (minutes: number) => {
  const m = Math.max(0, Math.min(minutes, 23 * 60 + 59));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** The items of each day, in their order (the server answers them by day, then position). */
export function itemsByDay(items: ProgrammeItem[]): Map<string, ProgrammeItem[]> {
  const days = new Map<string, ProgrammeItem[]>();
  for (const item of [...items].sort((a, b) => a.day.localeCompare(b.day) || a.position - b.position)) {
    days.set(item.day, [...(days.get(item.day) ?? []), item]);
  }
  return days;
}

export type Placed = { id: string; start: string; end: string | null };

/**
 * A day in a new order, retimed: the day's time slots stay where they were (the first item
 * still starts when the day started), and each item takes the next slot's start and keeps its
 * own length. Dragging the lunch before the meeting swaps their times, not only their places.
 */
export function retime(before: ProgrammeItem[], after: ProgrammeItem[]): Placed[] {
  const starts = before.map((i) => i.start).sort();
  return after.map((item, i) => {
    const start = starts[i] ?? item.start;
    const length = item.end ? toMinutes(item.end) - toMinutes(item.start) : null;
    return { id: item.id, start, end: length === null ? null : toTime(toMinutes(start) + Math.max(length, 0)) };
  });
}

/** The list with one element moved from `from` to `to`. */
export function move<T>(list: T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/**
 * A day's items with an item dragged in from another day: it keeps its times (the museum at 15:00
 * is still at 15:00 on Wednesday), so it goes where its start puts it, after items that start
 * at the same time; nobody else's time changes.
 */
export function insertByTime(day: ProgrammeItem[], item: ProgrammeItem): ProgrammeItem[] {
  const at = day.findIndex((i) => i.start > item.start);
  return at < 0 ? [...day, item] : [...day.slice(0, at), item, ...day.slice(at)];
}

/** "09:30–11:00", or only the start. */
export const timeSpan = (item: Pick<ProgrammeItem, 'start' | 'end'>) => (item.end ? `${item.start}–${item.end}` : item.start);
