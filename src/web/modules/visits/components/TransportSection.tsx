import { Anchor, Button, Fieldset, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TransportCreateSchema, type Transport } from '../../../../contracts/visits.logistics';
import type { Visit } from '../../../../contracts/visits';
import { IconPlus, IconTrash } from '../../../ui/icons';
import { useRefreshVisit } from '../visits.api';
import { localDateTime } from '../visits.labels';
import { RecordFormModal } from './RecordFormModal';
import { EmptyNote, RowActions, SectionHeader, useDeleteRecord } from './RecordParts';

type Leg = { from: string; to: string; at: string };
type Values = { vehicle: string; driverName: string; driverPhone: string; legs: Leg[]; notes: string };

const values = (tr: Transport | null): Values => ({
  vehicle: tr?.vehicle ?? '',
  driverName: tr?.driverName ?? '',
  driverPhone: tr?.driverPhone ?? '',
  legs: tr?.legs.map((l) => ({ ...l })) ?? [],
  notes: tr?.notes ?? '',
});
const payload = (v: Values) => ({
  vehicle: v.vehicle.trim(),
  driverName: v.driverName.trim(),
  driverPhone: v.driverPhone.trim() || null,
  // A row left completely empty is not a leg.
  legs: v.legs.map((l) => ({ from: l.from.trim(), to: l.to.trim(), at: l.at })).filter((l) => l.from || l.to || l.at),
  notes: v.notes,
});

/** Vehicles with their drivers and legs (from → to, when). */
export function TransportSection({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const refresh = useRefreshVisit(visit.id);
  const [editing, setEditing] = useState<Transport | 'new' | null>(null);
  const remove = useDeleteRecord<Transport>('visit-transports', visit.id, { name: (tr) => tr.vehicle, what: t('transport.what') });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="transport-title">
      <SectionHeader id="transport-title" title={t('transport.title')} addLabel={canWrite ? t('transport.add') : undefined} onAdd={() => setEditing('new')} testId="add-transport" />
      {visit.transports.length === 0 ? (
        <EmptyNote>{t('transport.empty')}</EmptyNote>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {visit.transports.map((tr) => (
            <Paper key={tr.id} withBorder p="sm" radius="sm" component="article" aria-labelledby={`transport-${tr.id}`}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Title order={3} fz="md" id={`transport-${tr.id}`}>
                    {tr.vehicle}
                  </Title>
                  {(tr.driverName || tr.driverPhone) && (
                    <Text size="sm">
                      {t('transport.driverShort', { name: tr.driverName || '—' })}
                      {tr.driverPhone && (
                        <>
                          {', '}
                          <Anchor href={`tel:${tr.driverPhone.replace(/[^+0-9]/g, '')}`}>{tr.driverPhone}</Anchor>
                        </>
                      )}
                    </Text>
                  )}
                </Stack>
                {canWrite && <RowActions name={tr.vehicle} onEdit={() => setEditing(tr)} onDelete={() => remove.ask(tr)} />}
              </Group>
              {tr.legs.length > 0 && (
                <List size="sm" mt="xs" spacing={2}>
                  {[...tr.legs].sort((a, b) => a.at.localeCompare(b.at)).map((l, i) => (
                    <List.Item key={i}>
                      <Text span size="sm" fw={600}>
                        {localDateTime(l.at, lang)}
                      </Text>
                      {` · ${l.from} → ${l.to}`}
                    </List.Item>
                  ))}
                </List>
              )}
              {tr.notes && (
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {tr.notes}
                </Text>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <RecordFormModal<Values, Transport>
        kind="visit-transports"
        visitId={visit.id}
        record={editing === 'new' ? null : editing}
        opened={editing !== null}
        title={editing === 'new' ? t('transport.add') : t('transport.editTitle', { name: (editing as Transport | null)?.vehicle ?? '' })}
        size="xl"
        schema={TransportCreateSchema}
        values={values}
        payload={payload}
        latest={(v) => v.transports.find((x) => x.id === (editing as Transport)?.id)}
        fieldLabel={(key) => (i18n.exists(`visits:transport.${key}`) ? t(`transport.${key}`) : key)}
        savedMessage={(tr) => t('transport.saved', { name: tr.vehicle })}
        onClose={() => setEditing(null)}
        onSaved={refresh}
        testId="transport-form"
      >
        {(form) => (
          <Stack gap="md">
            <TextInput label={t('transport.vehicle')} description={t('transport.vehicleHint')} withAsterisk maxLength={200} data-autofocus {...form.getInputProps('vehicle')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('transport.driverName')} maxLength={200} {...form.getInputProps('driverName')} />
              <TextInput label={t('transport.driverPhone')} type="tel" maxLength={50} {...form.getInputProps('driverPhone')} />
            </SimpleGrid>
            <Fieldset legend={t('transport.legs')} variant="unstyled">
              <Stack gap="sm">
                {form.values.legs.length === 0 && <Text size="sm">{t('transport.noLegs')}</Text>}
                {form.values.legs.map((_, i) => (
                  <Fieldset key={i} legend={t('transport.legN', { n: i + 1 })} radius="sm">
                    <SimpleGrid cols={{ base: 1, sm: 3 }}>
                      <TextInput label={t('transport.from')} withAsterisk maxLength={300} {...form.getInputProps(`legs.${i}.from`)} />
                      <TextInput label={t('transport.to')} withAsterisk maxLength={300} {...form.getInputProps(`legs.${i}.to`)} />
                      <TextInput type="datetime-local" label={t('transport.at')} withAsterisk {...form.getInputProps(`legs.${i}.at`)} />
                    </SimpleGrid>
                    <Group justify="flex-end" mt="xs">
                      <Button size="xs" variant="subtle" color="red.9" c="red.9" leftSection={<IconTrash size={14} />} onClick={() => form.removeListItem('legs', i)} aria-label={t('transport.removeLegN', { n: i + 1 })}>
                        {t('transport.removeLeg')}
                      </Button>
                    </Group>
                  </Fieldset>
                ))}
                {form.values.legs.length < 50 && (
                  <Button variant="default" size="sm" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('legs', { from: '', to: '', at: `${visit.startDate}T09:00` })} style={{ alignSelf: 'flex-start' }}>
                    {t('transport.addLeg')}
                  </Button>
                )}
              </Stack>
            </Fieldset>
            <Textarea label={t('fields.notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
          </Stack>
        )}
      </RecordFormModal>
      {remove.element}
    </Paper>
  );
}
