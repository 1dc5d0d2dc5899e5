import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page, UserRef } from '../../contracts/common/paging';
import type { User } from '../../contracts/users';
import { api } from '../lib/api';
import { useSession } from '../lib/session';
import './i18n';

/**
 * Chooses a colleague (a user account): the one responsible, a task's assignee. Administrators
 * choose from every active account; other roles may not list accounts, so they choose from
 * themselves and the colleagues the page already knows (`known`: those named on the record).
 */
export function UserSelect({ value, onChange, known = [], ...props }: Omit<SelectProps, 'data' | 'onChange' | 'value'> & { value: string | null; onChange: (id: string | null) => void; known?: UserRef[] }) {
  const { t, i18n } = useTranslation('ui');
  const { me, can } = useSession();
  const all = useQuery({
    queryKey: ['users', 'options'],
    queryFn: () => api.get<Page<User>>('/api/users', { pageSize: 200, sort: 'name', order: 'asc' }),
    enabled: can('users.manage'),
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    const byId = new Map<string, string>([[me.id, me.name]]);
    for (const u of known) if (u) byId.set(u.id, u.name);
    for (const u of all.data?.items ?? []) if (u.active || u.id === value) byId.set(u.id, u.name);
    const collator = new Intl.Collator(i18n.language);
    return [...byId].map(([id, name]) => ({ value: id, label: id === me.id ? t('fields.userMe', { name }) : name })).sort((a, b) => collator.compare(a.label, b.label));
  }, [me, known, all.data, value, i18n.language, t]);
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
