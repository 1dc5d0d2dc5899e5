import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '../../../../contracts/calendar';
import { AnchorLink } from '../../../app/links';
import { IconAlert } from '../../../ui/icons';
import { conflictTitle, entryTitle, entryWhen } from '../calendar.labels';

/** Every conflict of the entries shown, in words: who, what kind, which two entries. */
export function ConflictList({ entries, bufferMinutes }: { entries: CalendarEntry[]; bufferMinutes: number }) {
  const { t, i18n } = useTranslation('calendar');
  const lang = i18n.language;
  // Each pair is reported from both sides: list it once.
  const seen = new Set<string>();
  const rows = entries.flatMap((e) =>
    e.conflicts.flatMap((c) => {
      const key = [e.id, c.withEntryId].sort().join('|') + c.personId + c.kind;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ e, c }];
    }),
  );
  if (rows.length === 0) return <Text size="sm">{t('conflicts.none')}</Text>;
  return (
    <Alert color="orange" variant="light" icon={<IconAlert />} title={t('conflicts.title', { count: rows.length })}>
      <List spacing="xs" size="sm" aria-label={t('conflicts.title', { count: rows.length })}>
        {rows.map(({ e, c }) => (
          <List.Item key={`${e.id}-${c.withEntryId}-${c.personId}-${c.kind}`}>
            <strong>{c.personName}</strong> — {t(`conflicts.kinds.${c.kind}`, { minutes: bufferMinutes })}:{' '}
            <AnchorLink to="/visits/$id" params={{ id: e.visitId }}>
              {entryTitle(e, lang)}
            </AnchorLink>{' '}
            ({entryWhen(e, lang)}) ↔ {conflictTitle(c, lang)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
