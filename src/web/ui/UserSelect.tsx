import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRef } from '../../contracts/common/paging';
import type { Colleague } from '../../contracts/users';
import { api } from '../lib/api';
import { useSession } from '../lib/session';
import './i18n';

/** Every active colleague (name and role), shared by all the pickers of a page. */
export const colleaguesQuery = { queryKey: ['users', 'colleagues'] as const, queryFn: () => api.get<{ items: Colleague[] }>('/api/users/colleagues'), staleTime: 60_000 };

/**
 * Chooses a colleague (a user account): the one responsible, a task's assignee. The choice is
 * every active account (`colleagues.read`), and the colleagues the page already knows (`known`:
 * those named on the record, who may have left since, and the value itself).
 */
export function UserSelect({ value, onChange, known = [], ...props }: Omit<SelectProps, 'data' | 'onChange' | 'value'> & { value: string | null; onChange: (id: string | null) => void; known?: UserRef[] }) {
  const { t, i18n } = useTranslation('ui');
  const { me, can } = useSession();
  const all = useQuery({ ...colleaguesQuery, enabled: can('colleagues.read') });
  const data = useMemo(() => {
    const byId = new Map<string, string>([[me.id, me.name]]);
    for (const u of known) if (u) byId.set(u.id, u.name);
    for (const u of all.data?.items ?? []) byId.set(u.id, u.name);
    const collator = new Intl.Collator(i18n.language);
    return [...byId].map(([id, name]) => ({ value: id, label: id === me.id ? t('fields.userMe', { name }) : name })).sort((a, b) => collator.compare(a.label, b.label));
  }, [me, known, all.data, i18n.language, t]);
  return (
    <Select
      label={t('fields.user')}
      placeholder={t('fields.userPlaceholder')}
      searchable
      clearable
      nothingFoundMessage={t('fields.nothingFound')}
      value={value}
      onChange={(id) => onChange(id)}
      {...props}
      data={data}
    />
  );
}
