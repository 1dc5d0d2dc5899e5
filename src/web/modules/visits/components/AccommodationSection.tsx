import { Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccommodationCreateSchema, type Accommodation } from '../../../../contracts/visits.logistics';
import type { Visit } from '../../../../contracts/visits';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../ui/links';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { organizationName } from '../../organizations/organizations.labels';
import { useRefreshVisit } from '../visits.api';
import { participantLabel } from '../visits.labels';
import { RecordFormModal } from './RecordFormModal';
import { EmptyNote, RowActions, SectionHeader, useDeleteRecord } from './RecordParts';

type Values = { participantId: string | null; hotelSource: 'directory' | 'name'; hotelOrganizationId: string | null; hotelName: string; room: string; checkIn: string; checkOut: string; notes: string };

const values = (a: Accommodation | null, visit: Visit): Values => ({
  participantId: a?.participantId ?? null,
  hotelSource: a && !a.hotel ? 'name' : 'directory',
  hotelOrganizationId: a?.hotel?.id ?? null,
  hotelName: a?.hotelName ?? '',
  room: a?.room ?? '',
  checkIn: a?.checkIn ?? visit.startDate,
  checkOut: a?.checkOut ?? visit.endDate,
  notes: a?.notes ?? '',
});
const payload = (v: Values) => ({
  participantId: v.participantId || null,
  hotelOrganizationId: v.hotelSource === 'directory' ? v.hotelOrganizationId : null,
  hotelName: v.hotelSource === 'name' ? v.hotelName.trim() : '',
  room: v.room.trim(),
  checkIn: v.checkIn,
  checkOut: v.checkOut,
  notes: v.notes,
});

export function AccommodationSection({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const refresh = useRefreshVisit(visit.id);
  const [editing, setEditing] = useState<Accommodation | 'new' | null>(null);
  const hotelOf = (a: Accommodation) => (a.hotel ? organizationName(a.hotel, lang) : a.hotelName);
  const whoOf = (a: Accommodation) => {
    const p = visit.participants.find((x) => x.id === a.participantId);
    return p ? participantLabel(p) : t('accommodation.everyone');
  };
  const remove = useDeleteRecord<Accommodation>('visit-accommodations', visit.id, { name: (a) => `${hotelOf(a)} · ${whoOf(a)}`, what: t('accommodation.what') });
  const participants = visit.participants.map((p) => ({ value: p.id, label: participantLabel(p) }));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="accommodation-title">
      <SectionHeader id="accommodation-title" title={t('accommodation.title')} addLabel={canWrite ? t('accommodation.add') : undefined} onAdd={() => setEditing('new')} testId="add-accommodation" />
      {visit.accommodations.length === 0 ? (
        <EmptyNote>{t('accommodation.empty')}</EmptyNote>
      ) : (
        <ScrollTable label={t('accommodation.title')} minWidth={720}>
          <Table verticalSpacing="xs" data-testid="accommodation-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accommodation.who')}</Table.Th>
                <Table.Th>{t('accommodation.hotel')}</Table.Th>
                <Table.Th>{t('accommodation.room')}</Table.Th>
                <Table.Th>{t('accommodation.checkIn')}</Table.Th>
                <Table.Th>{t('accommodation.checkOut')}</Table.Th>
                <Table.Th>{t('fields.notes')}</Table.Th>
                {canWrite && (
                  <Table.Th>
                    <VisuallyHidden>{t('records.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visit.accommodations.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{whoOf(a)}</Table.Td>
                  <Table.Td>
                    {a.hotel ? (
                      <AnchorLink to="/organizations/$id" params={{ id: a.hotel.id }}>
                        {hotelOf(a)}
                      </AnchorLink>
                    ) : (
                      hotelOf(a)
                    )}
                  </Table.Td>
                  <Table.Td>{a.room}</Table.Td>
                  <Table.Td>{formatDate(a.checkIn, lang)}</Table.Td>
                  <Table.Td>{formatDate(a.checkOut, lang)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {a.notes}
                    </Text>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <RowActions name={`${hotelOf(a)} · ${whoOf(a)}`} onEdit={() => setEditing(a)} onDelete={() => remove.ask(a)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <RecordFormModal<Values, Accommodation>
        kind="visit-accommodations"
        visitId={visit.id}
        record={editing === 'new' ? null : editing}
        opened={editing !== null}
        title={editing === 'new' ? t('accommodation.add') : t('accommodation.editTitle')}
        schema={AccommodationCreateSchema}
        values={(a) => values(a, visit)}
        payload={payload}
        latest={(v) => v.accommodations.find((a) => a.id === (editing as Accommodation)?.id)}
        fieldLabel={(key) => (i18n.exists(`visits:accommodation.${key}`) ? t(`accommodation.${key}`) : key)}
        savedMessage={(a) => t('accommodation.saved', { name: hotelOf(a) })}
        onClose={() => setEditing(null)}
        onSaved={refresh}
        testId="accommodation-form"
      >
        {(form) => (
          <Stack gap="md">
            <Select label={t('accommodation.who')} placeholder={t('accommodation.everyone')} description={t('accommodation.whoHint')} data={participants} clearable searchable {...form.getInputProps('participantId')} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="hotel-source-label">
                {t('accommodation.hotel')}
              </Text>
              <SegmentedControl
                aria-labelledby="hotel-source-label"
                value={form.values.hotelSource}
                onChange={(value) => form.setFieldValue('hotelSource', value as Values['hotelSource'])}
                data={[
                  { value: 'directory', label: t('accommodation.hotelFromDirectory') },
                  { value: 'name', label: t('accommodation.hotelNamed') },
                ]}
                style={{ alignSelf: 'flex-start' }}
              />
            </Stack>
            {form.values.hotelSource === 'directory' ? (
              <OrganizationSelect label={t('accommodation.hotel')} value={form.values.hotelOrganizationId} onChange={(id) => form.setFieldValue('hotelOrganizationId', id)} error={form.errors.hotelOrganizationId ?? form.errors.hotelName} withAsterisk />
            ) : (
              <TextInput label={t('accommodation.hotelName')} withAsterisk maxLength={300} {...form.getInputProps('hotelName')} />
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('accommodation.room')} maxLength={50} {...form.getInputProps('room')} />
              <TextInput type="date" label={t('accommodation.checkIn')} withAsterisk {...form.getInputProps('checkIn')} />
              <TextInput type="date" label={t('accommodation.checkOut')} withAsterisk {...form.getInputProps('checkOut')} />
            </SimpleGrid>
            <Textarea label={t('fields.notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
          </Stack>
        )}
      </RecordFormModal>
      {remove.element}
    </Paper>
  );
}
