import { closestCenter, pointerWithin, useDroppable, type CollisionDetection, type UniqueIdentifier } from '@dnd-kit/core';
import { Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ProgrammeItem } from '../../../../contracts/visits';
import classes from './ProgrammeTab.module.css';

/** Each day is a drop target too (an empty day has no items to drop onto): `day:YYYY-MM-DD`. */
const DAY_PREFIX = 'day:';
export const dayOfTarget = (id: UniqueIdentifier, items: ProgrammeItem[]): string | undefined =>
  String(id).startsWith(DAY_PREFIX) ? String(id).slice(DAY_PREFIX.length) : items.find((i) => i.id === id)?.day;

/**
 * Over a day, the nearest item of that day (a reorder, as before items could change days), or the
 * day itself when it has none; elsewhere (between days, or by keyboard), the nearest item.
 */
export const collisions: CollisionDetection = (args) => {
  const isItem = (id: UniqueIdentifier) => !String(id).startsWith(DAY_PREFIX);
  const day = pointerWithin(args).find((c) => !isItem(c.id));
  const items = args.droppableContainers.filter((c) => isItem(c.id) && (!day || c.data.current?.day === String(day.id).slice(DAY_PREFIX.length)));
  if (items.length) return closestCenter({ ...args, droppableContainers: items });
  return day ? [day] : closestCenter(args);
};

/** A day of the programme: its section, where items of other days can be dropped. */
export function ProgrammeDay({ day, headingId, enabled, target, children }: { day: string; headingId: string; enabled: boolean; target: boolean; children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: `${DAY_PREFIX}${day}`, data: { day }, disabled: !enabled });
  return (
    <Paper ref={setNodeRef} withBorder p="md" radius="md" component="section" aria-labelledby={headingId} className={classes.day} data-drop-target={target || undefined} data-testid="programme-day" data-day={day}>
      {children}
    </Paper>
  );
}
