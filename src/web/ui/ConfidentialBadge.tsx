import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconLock } from './icons';
import './i18n';

/** Marks a confidential record: a lock and a word, never colour alone. */
export function ConfidentialBadge({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation('ui');
  return (
    <Tooltip label={t('confidential.tooltip')}>
      <Badge size={size} variant="outline" color="grape.9" leftSection={<IconLock size={12} />} tt="none" style={{ flexShrink: 0 }}>
        {t('confidential.badge')}
      </Badge>
    </Tooltip>
  );
}
