import { Paper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GiftCreateSchema, type Gift } from '../../../../contracts/visits.logistics';
import type { Visit } from '../../../../contracts/visits';
import { useRefreshVisit } from '../visits.api';
import { GiftFields, GiftTable, giftPayload, giftValues, type GiftFormValues } from './GiftTable';
import { RecordFormModal } from './RecordFormModal';
import { EmptyNote, SectionHeader, useDeleteRecord } from './RecordParts';

/** Gifts given and received during this visit or trip, with their photos. */
export function GiftsTab({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const refresh = useRefreshVisit(visit.id);
  const [editing, setEditing] = useState<Gift | 'new' | null>(null);
  const remove = useDeleteRecord<Gift>('gifts', visit.id, { name: (g) => g.description, what: t('gifts.what') });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="gifts-title">
      <SectionHeader id="gifts-title" title={t('gifts.title')} addLabel={canWrite ? t('gifts.add') : undefined} onAdd={() => setEditing('new')} testId="add-gift" />
      {visit.gifts.length === 0 ? (
        <EmptyNote>{t('gifts.empty')}</EmptyNote>
      ) : (
        <GiftTable gifts={visit.gifts} canWrite={canWrite} onEdit={setEditing} onDelete={remove.ask} onChanged={refresh} />
      )}
      <RecordFormModal<GiftFormValues, Gift>
        kind="gifts"
        visitId={visit.id}
        record={editing === 'new' ? null : editing}
        opened={editing !== null}
        title={editing === 'new' ? t('gifts.add') : t('gifts.editTitle')}
        schema={GiftCreateSchema}
        values={giftValues}
        payload={giftPayload}
        latest={(v) => v.gifts.find((g) => g.id === (editing as Gift)?.id)}
        fieldLabel={(key) => (i18n.exists(`visits:gifts.${key}`) ? t(`gifts.${key}`) : key)}
        savedMessage={(g) => t('gifts.saved', { name: g.description })}
        onClose={() => setEditing(null)}
        onSaved={refresh}
        testId="gift-form"
      >
        {(form) => <GiftFields form={form} />}
      </RecordFormModal>
      {remove.element}
    </Paper>
  );
}
