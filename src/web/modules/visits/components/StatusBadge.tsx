import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOURS } from '../visits.labels';

/** A visit's status: a word on a coloured badge (the word carries the meaning, not the colour). */
export function StatusBadge({ status, size = 'sm' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('visits');
  return (
    <Badge size={size} variant="light" color={STATUS_COLOURS[status] ?? 'gray'} tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}
