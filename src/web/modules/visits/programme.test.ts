import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../../contracts/visits';
import { insertByTime, itemsByDay, move, retime, timeSpan } from './programme';

const item = (id: string, day: string, position: number, start: string, end: string | null) => ({ id, day, position, start, end }) as ProgrammeItem;

describe('programme order', () => {
  const meeting = item('m', '2026-05-12', 0, '09:00', '10:00');
  const lunch = item('l', '2026-05-12', 1, '12:00', '13:30');
  const walk = item('w', '2026-05-12', 2, '15:00', null);

  it('groups items by day, in their order', () => {
    const days = itemsByDay([walk, item('x', '2026-05-13', 0, '10:00', null), meeting, lunch]);
    expect([...days.keys()]).toEqual(['2026-05-12', '2026-05-13']);
    expect(days.get('2026-05-12')!.map((i) => i.id)).toEqual(['m', 'l', 'w']);
  });

  it('moves an element', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('keeps the time slots of the day and the length of each item', () => {
    expect(retime([meeting, lunch, walk], [lunch, meeting, walk])).toEqual([
      { id: 'l', start: '09:00', end: '10:30' },
      { id: 'm', start: '12:00', end: '13:00' },
      { id: 'w', start: '15:00', end: null },
    ]);
  });

  it('never runs past midnight', () => {
    const late = item('z', '2026-05-12', 0, '22:00', '23:30');
    const early = item('e', '2026-05-12', 1, '23:00', null);
    expect(retime([late, early], [early, late])).toEqual([
      { id: 'e', start: '22:00', end: null },
      { id: 'z', start: '23:00', end: '23:59' },
    ]);
  });

  it('puts an item from another day where its start time goes, keeping every time', () => {
    const museum = item('u', '2026-05-13', 0, '11:00', '12:00');
    expect(insertByTime([meeting, lunch, walk], museum).map((i) => i.id)).toEqual(['m', 'u', 'l', 'w']);
    expect(insertByTime([meeting, lunch, walk], { ...museum, start: '08:00' }).map((i) => i.id)).toEqual(['u', 'm', 'l', 'w']);
    expect(insertByTime([meeting, lunch], { ...museum, start: '12:00' }).map((i) => i.id)).toEqual(['m', 'l', 'u']);
    expect(insertByTime([], museum).map((i) => i.id)).toEqual(['u']);
  });

  it('writes a time span', () => {
    expect(timeSpan(meeting)).toBe('09:00–10:00');
    expect(timeSpan(walk)).toBe('15:00');
  });
});
