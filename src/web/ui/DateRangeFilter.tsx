import { Fieldset, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './i18n';

/**
 * Two calendar dates (from, to) as native date inputs: typed or picked, keyboard-friendly in
 * every browser. Either may be empty; values are 'YYYY-MM-DD'.
 */
export function DateRangeFilter({ legend, from, to, onChange }: { legend: string; from: string; to: string; onChange: (range: { from: string; to: string }) => void }) {
  const { t } = useTranslation('ui');
  return (
    <Fieldset legend={legend} variant="unstyled" styles={{ legend: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500, marginBottom: 2 } }}>
      <Group gap="xs" wrap="nowrap">
        <TextInput type="date" aria-label={t('dateRange.from', { legend })} value={from} max={to || undefined} onChange={(e) => onChange({ from: e.currentTarget.value, to })} w={160} />
        <span aria-hidden="true">–</span>
        <TextInput type="date" aria-label={t('dateRange.to', { legend })} value={to} min={from || undefined} onChange={(e) => onChange({ from, to: e.currentTarget.value })} w={160} />
      </Group>
    </Fieldset>
  );
}
