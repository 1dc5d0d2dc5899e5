import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Calendar, CreatedFeed, Feed, FeedCreate } from '../../../contracts/calendar';
import { api } from '../../lib/api';

/** Query keys: everything under ['calendar'] is refetched after a change. */
export const calendarKeys = {
  all: ['calendar'] as const,
  range: (query: CalendarRange) => ['calendar', 'range', query] as const,
  feeds: ['calendar', 'feeds'] as const,
};

export type CalendarRange = { from: string; to: string; types?: string; personId?: string; responsibleId?: string };

export function useCalendar(query: CalendarRange | null) {
  return useQuery({
    queryKey: calendarKeys.range(query ?? { from: '', to: '' }),
    queryFn: () => api.get<Calendar>('/api/calendar', query as Record<string, string | undefined>),
    placeholderData: keepPreviousData,
    enabled: !!query,
  });
}

export function useFeeds(enabled: boolean) {
  return useQuery({ queryKey: calendarKeys.feeds, queryFn: () => api.get<{ items: Feed[] }>('/api/calendar/feeds'), enabled });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedCreate) => api.post<CreatedFeed>('/api/calendar/feeds', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.feeds }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/calendar/feeds/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.feeds }),
  });
}
