import { Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_ROLES, ParticipantCreateSchema, type Participant, type Visit } from '../../../../contracts/visits';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { AnchorLink } from '../../../ui/links';
import { useRefreshVisit } from '../visits.api';
import { localDateTime } from '../visits.labels';
import { ParticipantFields, participantPayload, participantValues, type ParticipantFormValues } from './ParticipantForm';
import { RecordFormModal } from './RecordFormModal';
import { EmptyNote, RowActions, SectionHeader, useDeleteRecord } from './RecordParts';

const ROLE_ORDER = Object.fromEntries(PARTICIPANT_ROLES.map((r, i) => [r, i]));

function Leg({ leg, lang }: { leg: Participant['arrival']; lang: string }) {
  const { t } = useTranslation('visits');
  if (!leg) return null;
  return (
    <Stack gap={0}>
      <Text size="sm">{[t(`legs.modes.${leg.mode}`), `${leg.carrier} ${leg.number}`.trim()].filter(Boolean).join(' · ')}</Text>
      {leg.at && <Text size="xs">{localDateTime(leg.at, lang)}</Text>}
      {leg.place && <Text size="xs">{leg.place}</Text>}
    </Stack>
  );
}

export function ParticipantsTab({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const refresh = useRefreshVisit(visit.id);
  const [editing, setEditing] = useState<Participant | 'new' | null>(null);
  const remove = useDeleteRecord<Participant>('visit-participants', visit.id, { name: (p) => p.name, what: t('participants.what'), consequences: t('participants.deleteConsequences') });
  const rows = [...visit.participants].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const defaultRole = visit.direction === 'outgoing' ? 'traveller' : 'guest';
  const fieldLabel = (key: string) => (i18n.exists(`visits:participants.${key}`) ? t(`participants.${key}`) : key);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="participants-title">
      <SectionHeader id="participants-title" title={t('participants.title')} addLabel={canWrite ? t('participants.add') : undefined} onAdd={() => setEditing('new')} testId="add-participant" />
      {rows.length === 0 ? (
        <EmptyNote>{canWrite ? t('participants.emptyCanAdd') : t('participants.empty')}</EmptyNote>
      ) : (
        <ScrollTable label={t('participants.title')} minWidth={900}>
          <Table verticalSpacing="xs" data-testid="participants-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('participants.name')}</Table.Th>
                <Table.Th>{t('participants.role')}</Table.Th>
                <Table.Th>{t('participants.arrival')}</Table.Th>
                <Table.Th>{t('participants.departure')}</Table.Th>
                <Table.Th>{t('participants.needs')}</Table.Th>
                <Table.Th>{t('participants.meetAndSeeOff')}</Table.Th>
                {canWrite && (
                  <Table.Th>
                    <VisuallyHidden>{t('records.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Stack gap={0}>
                      {p.person ? (
                        <AnchorLink to="/people/$id" params={{ id: p.person.id }} fw={600}>
                          {p.name}
                        </AnchorLink>
                      ) : (
                        <Text fw={600} size="sm">
                          {p.name}
                        </Text>
                      )}
                      {p.nameLatin && p.nameLatin !== p.name && <Text size="xs">{p.nameLatin}</Text>}
                      {(p.position || p.organization) && <Text size="xs">{[p.position, p.organization].filter(Boolean).join(', ')}</Text>}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {t(`roles.${p.role}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Leg leg={p.arrival} lang={lang} />
                  </Table.Td>
                  <Table.Td>
                    <Leg leg={p.departure} lang={lang} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {p.dietaryNeeds && <Text size="sm">{t('participants.dietaryShort', { text: p.dietaryNeeds })}</Text>}
                      {p.accessNeeds && <Text size="sm">{t('participants.accessShort', { text: p.accessNeeds })}</Text>}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {p.meetBy && <Text size="sm">{t('participants.meetShort', { name: p.meetBy })}</Text>}
                      {p.seeOffBy && <Text size="sm">{t('participants.seeOffShort', { name: p.seeOffBy })}</Text>}
                    </Stack>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <RowActions name={p.name} onEdit={() => setEditing(p)} onDelete={() => remove.ask(p)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <RecordFormModal<ParticipantFormValues, Participant>
        kind="visit-participants"
        visitId={visit.id}
        record={editing === 'new' ? null : editing}
        opened={editing !== null}
        title={editing === 'new' ? t('participants.add') : t('participants.editTitle', { name: editing?.name ?? '' })}
        size="xl"
        schema={ParticipantCreateSchema}
        values={(p) => participantValues(p, defaultRole)}
        payload={participantPayload}
        latest={(v) => v.participants.find((p) => p.id === (editing as Participant)?.id)}
        fieldLabel={fieldLabel}
        savedMessage={(p) => t('participants.saved', { name: p.name })}
        onClose={() => setEditing(null)}
        onSaved={refresh}
        testId="participant-form"
      >
        {(form) => <ParticipantFields form={form} />}
      </RecordFormModal>
      {remove.element}
    </Paper>
  );
}
