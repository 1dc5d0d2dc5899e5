import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common/paging';
import type { Interaction } from '../../../contracts/interactions';
import { api } from '../../lib/api';

export type TimelineOwner = { organizationId?: string; personId?: string };

export const interactionKeys = {
  all: ['interactions'] as const,
  timeline: (owner: TimelineOwner, pageSize: number) => ['interactions', 'timeline', owner, pageSize] as const,
};

/** The timeline of an organisation or a person, newest first. */
export function useTimeline(owner: TimelineOwner, pageSize: number) {
  return useQuery({
    queryKey: interactionKeys.timeline(owner, pageSize),
    queryFn: () => api.get<Page<Interaction>>('/api/interactions', { ...owner, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export const fetchInteraction = (id: string) => api.get<Interaction>(`/api/interactions/${id}`);
