import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Page } from '../../../contracts/common/paging';
import type { GiftListQuery, Gift } from '../../../contracts/visits.logistics';
import type { CreatedShareLink, ProgrammeItem, PublicProgramme, Visit, VisitListQuery, VisitSummary } from '../../../contracts/visits';
import { api, withQuery } from '../../lib/api';

/** Query keys: everything under ['visits'] is refetched after a change. */
export const visitKeys = {
  all: ['visits'] as const,
  list: (query: VisitListQuery) => ['visits', 'list', query] as const,
  detail: (id: string) => ['visits', 'detail', id] as const,
  gifts: (query: GiftListQuery) => ['visits', 'gifts', query] as const,
};

type Query = Record<string, string | number | undefined>;

export function useVisits(query: VisitListQuery, enabled = true) {
  return useQuery({
    queryKey: visitKeys.list(query),
    queryFn: () => api.get<Page<VisitSummary>>('/api/visits', query as Query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const fetchVisit = (id: string) => api.get<Visit>(`/api/visits/${id}`);

export function useVisit(id: string | undefined) {
  return useQuery({ queryKey: visitKeys.detail(id ?? ''), queryFn: () => fetchVisit(id!), enabled: !!id });
}

export function useGifts(query: GiftListQuery) {
  return useQuery({
    queryKey: visitKeys.gifts(query),
    queryFn: () => api.get<Page<Gift>>('/api/gifts', query as Query),
    placeholderData: keepPreviousData,
  });
}

/** Re-reads one visit (its version moves on with every programme change) and the lists. */
export function useRefreshVisit(id: string) {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: visitKeys.detail(id) });
    await queryClient.invalidateQueries({ queryKey: visitKeys.all, refetchType: 'none' });
  }, [queryClient, id]);
}

/** The records inside a visit, each created at /api/<kind> and changed at /api/<kind>/{id}. */
export type RecordKind =
  | 'visit-participants'
  | 'programme-items'
  | 'visit-accommodations'
  | 'visit-transports'
  | 'visit-tasks'
  | 'gifts'
  | 'visit-tickets'
  | 'visit-budget-lines';

export const records = {
  create: <T>(kind: RecordKind, body: unknown) => api.post<T>(`/api/${kind}`, body),
  update: <T>(kind: RecordKind, id: string, body: unknown) => api.patch<T>(`/api/${kind}/${id}`, body),
  remove: (kind: RecordKind, id: string, version: number) => api.delete(`/api/${kind}/${id}`, { version }),
};

/** The programme after a rearrangement: the visit's new version and dates with it. */
export type VisitProgramme = { id: string; version: number; startDate: string; endDate: string; programme: ProgrammeItem[] };

export const arrangeDay = (visitId: string, body: { version: number; date: string; items: { id: string; start: string; end: string | null }[] }) =>
  api.put<VisitProgramme>(`/api/visits/${visitId}/programme/order`, body);

export const moveDay = (visitId: string, body: { version: number; from: string; to: string }) =>
  api.post<VisitProgramme>(`/api/visits/${visitId}/programme/move-day`, body);

export const createShareLink = (visitId: string, body: { language: string; expiresAt: string }) =>
  api.post<CreatedShareLink>(`/api/visits/${visitId}/share-links`, body);
export const revokeShareLink = (id: string) => api.delete(`/api/visit-share-links/${id}`);

export const fetchPublicProgramme = (token: string) => api.get<PublicProgramme>(`/api/public/programme/${encodeURIComponent(token)}`);

export const documentUrls = {
  programme: (id: string, format: 'pdf' | 'docx', langs: string[]) => withQuery(`/api/visits/${id}/programme.${format}`, { lang: langs.join(',') }),
  participants: (id: string, lang: string) => withQuery(`/api/visits/${id}/participants.pdf`, { lang }),
  welcomeLetter: (id: string, participantId: string, lang: string) => withQuery(`/api/visits/${id}/welcome-letter.docx`, { lang, participantId }),
};

export const giftPhotoUrl = (gift: Pick<Gift, 'id' | 'version'>) => `/api/gifts/${gift.id}/photo?v=${gift.version}`;

export function uploadGiftPhoto(gift: Pick<Gift, 'id' | 'version'>, file: File) {
  const form = new FormData();
  form.append('version', String(gift.version));
  form.append('photo', file);
  return api.put<Gift>(`/api/gifts/${gift.id}/photo`, form);
}

export const removeGiftPhoto = (gift: Pick<Gift, 'id' | 'version'>) => api.delete<Gift>(`/api/gifts/${gift.id}/photo`, { version: gift.version });
