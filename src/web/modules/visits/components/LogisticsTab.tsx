import { Stack } from '@mantine/core';
import type { Visit } from '../../../../contracts/visits';
import { AccommodationSection } from './AccommodationSection';
import { TasksSection } from './TasksSection';
import { TransportSection } from './TransportSection';

/** Accommodation, vehicles and the coordination checklist of one visit or trip. */
export function LogisticsTab({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  return (
    <Stack gap="lg">
      <TasksSection visit={visit} canWrite={canWrite} />
      <AccommodationSection visit={visit} canWrite={canWrite} />
      <TransportSection visit={visit} canWrite={canWrite} />
    </Stack>
  );
}
