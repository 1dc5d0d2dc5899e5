import { NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES } from '../../../../contracts/common/currencies';
import { countryTimeZone } from '../../../../contracts/common/dates';
import { BUDGET_CATEGORIES, BudgetLineCreateSchema, TicketCreateSchema, type BudgetLine, type Ticket } from '../../../../contracts/visits.logistics';
import type { Visit } from '../../../../contracts/visits';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { formatMoney } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useRefreshVisit } from '../visits.api';
import { timeZoneOptions } from '../visits.form';
import { localDateTime, numberSeparators, participantLabel } from '../visits.labels';
import { PassportWarnings, ReportCard } from './OverviewTab';
import { RecordFormModal } from './RecordFormModal';
import { EmptyNote, RowActions, SectionHeader, useDeleteRecord } from './RecordParts';

type TicketValues = {
  participantId: string | null;
  carrier: string;
  number: string;
  from: string;
  to: string;
  departureAt: string;
  departureTimeZone: string | null;
  arrivalAt: string;
  arrivalTimeZone: string | null;
  bookingReference: string;
  notes: string;
};

function ticketValues(tk: Ticket | null, visit: Visit, home: string): TicketValues {
  // Trips leave from the office: a new ticket departs in its zone.
  return {
    participantId: tk?.participantId ?? null,
    carrier: tk?.carrier ?? '',
    number: tk?.number ?? '',
    from: tk?.from ?? '',
    to: tk?.to ?? '',
    departureAt: tk?.departureAt ?? '',
    departureTimeZone: tk?.departureTimeZone ?? home,
    arrivalAt: tk?.arrivalAt ?? '',
    arrivalTimeZone: tk?.arrivalTimeZone ?? (countryTimeZone(visit.country) || visit.timeZone),
    bookingReference: tk?.bookingReference ?? '',
    notes: tk?.notes ?? '',
  };
}
const ticketPayload = (v: TicketValues) => ({
  participantId: v.participantId || null,
  carrier: v.carrier.trim(),
  number: v.number.trim(),
  from: v.from.trim(),
  to: v.to.trim(),
  departureAt: v.departureAt,
  departureTimeZone: v.departureTimeZone ?? '',
  arrivalAt: v.arrivalAt,
  arrivalTimeZone: v.arrivalTimeZone ?? '',
  bookingReference: v.bookingReference.trim(),
  notes: v.notes,
});

type BudgetValues = { category: string; description: string; estimate: number | string; actual: number | string; currency: string | null };
const budgetValues = (b: BudgetLine | null): BudgetValues => ({ category: b?.category ?? 'travel', description: b?.description ?? '', estimate: b?.estimate ?? '', actual: b?.actual ?? '', currency: b?.currency ?? 'EUR' });
const budgetPayload = (v: BudgetValues) => ({
  category: v.category,
  description: v.description.trim(),
  estimate: v.estimate === '' ? undefined : Number(v.estimate),
  actual: v.actual === '' ? null : Number(v.actual),
  currency: v.currency ?? undefined,
});

function TicketsSection({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const refresh = useRefreshVisit(visit.id);
  const [editing, setEditing] = useState<Ticket | 'new' | null>(null);
  const nameOf = (tk: Ticket) => `${tk.carrier} ${tk.number}`.trim();
  const traveller = (tk: Ticket) => {
    const p = visit.participants.find((x) => x.id === tk.participantId);
    return p ? participantLabel(p) : '';
  };
  const remove = useDeleteRecord<Ticket>('visit-tickets', visit.id, { name: nameOf, what: t('tickets.what') });
  const { office } = useSession();
  const zones = timeZoneOptions(office.timeZone);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tickets-title">
      <SectionHeader id="tickets-title" title={t('tickets.title')} addLabel={canWrite ? t('tickets.add') : undefined} onAdd={() => setEditing('new')} testId="add-ticket" />
      {visit.tickets.length === 0 ? (
        <EmptyNote>{t('tickets.empty')}</EmptyNote>
      ) : (
        <ScrollTable label={t('tickets.title')} minWidth={820}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tickets.traveller')}</Table.Th>
                <Table.Th>{t('tickets.flight')}</Table.Th>
                <Table.Th>{t('tickets.departure')}</Table.Th>
                <Table.Th>{t('tickets.arrival')}</Table.Th>
                <Table.Th>{t('tickets.bookingReference')}</Table.Th>
                {canWrite && (
                  <Table.Th>
                    <VisuallyHidden>{t('records.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visit.tickets.map((tk) => (
                <Table.Tr key={tk.id}>
                  <Table.Td>{traveller(tk) || t('tickets.noTraveller')}</Table.Td>
                  <Table.Td>{nameOf(tk)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {tk.from}
                    </Text>
                    <Text size="xs">
                      {localDateTime(tk.departureAt, lang)} ({tk.departureTimeZone})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {tk.to}
                    </Text>
                    <Text size="xs">
                      {localDateTime(tk.arrivalAt, lang)} ({tk.arrivalTimeZone})
                    </Text>
                  </Table.Td>
                  <Table.Td>{tk.bookingReference}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <RowActions name={nameOf(tk)} onEdit={() => setEditing(tk)} onDelete={() => remove.ask(tk)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <RecordFormModal<TicketValues, Ticket>
        kind="visit-tickets"
        visitId={visit.id}
        record={editing === 'new' ? null : editing}
        opened={editing !== null}
        title={editing === 'new' ? t('tickets.add') : t('tickets.editTitle')}
        size="xl"
        schema={TicketCreateSchema}
        values={(tk) => ticketValues(tk, visit, office.timeZone)}
        payload={ticketPayload}
        latest={(v) => v.tickets.find((x) => x.id === (editing as Ticket)?.id)}
        fieldLabel={(key) => (i18n.exists(`visits:tickets.${key}`) ? t(`tickets.${key}`) : key)}
        savedMessage={(tk) => t('tickets.saved', { name: nameOf(tk) })}
        onClose={() => setEditing(null)}
        onSaved={refresh}
        testId="ticket-form"
      >
        {(form) => (
          <Stack gap="md">
            <Select label={t('tickets.traveller')} data={visit.participants.map((p) => ({ value: p.id, label: participantLabel(p) }))} clearable searchable {...form.getInputProps('participantId')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('tickets.carrier')} withAsterisk maxLength={100} {...form.getInputProps('carrier')} />
              <TextInput label={t('tickets.number')} maxLength={30} {...form.getInputProps('number')} />
              <TextInput label={t('tickets.bookingReference')} maxLength={50} {...form.getInputProps('bookingReference')} />
              <TextInput label={t('tickets.from')} withAsterisk maxLength={200} {...form.getInputProps('from')} />
              <TextInput type="datetime-local" label={t('tickets.departureAt')} withAsterisk {...form.getInputProps('departureAt')} />
              <Select label={t('tickets.departureTimeZone')} data={zones} searchable limit={100} withAsterisk {...form.getInputProps('departureTimeZone')} />
              <TextInput label={t('tickets.to')} withAsterisk maxLength={200} {...form.getInputProps('to')} />
              <TextInput type="datetime-local" label={t('tickets.arrivalAt')} withAsterisk {...form.getInputProps('arrivalAt')} />
              <Select label={t('tickets.arrivalTimeZone')} data={zones} searchable limit={100} withAsterisk {...form.getInputProps('arrivalTimeZone')} />
            </SimpleGrid>
            <Textarea label={t('fields.notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
          </Stack>
        )}
      </RecordFormModal>
      {remove.element}
    </Paper>
  );
}

function BudgetSection({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const refresh = useRefreshVisit(visit.id);
  const [editing, setEditing] = useState<BudgetLine | 'new' | null>(null);
  const nameOf = (b: BudgetLine) => [t(`budget.categories.${b.category}`), b.description].filter(Boolean).join(': ');
  const remove = useDeleteRecord<BudgetLine>('visit-budget-lines', visit.id, { name: nameOf, what: t('budget.what') });
  const money = (n: number | null, currency: string) => (n == null ? '—' : formatMoney(n, currency, lang));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="budget-title">
      <SectionHeader id="budget-title" title={t('budget.title')} addLabel={canWrite ? t('budget.add') : undefined} onAdd={() => setEditing('new')} testId="add-budget-line" />
      {visit.budgetLines.length === 0 ? (
        <EmptyNote>{t('budget.empty')}</EmptyNote>
      ) : (
        <ScrollTable label={t('budget.title')} minWidth={680}>
          <Table verticalSpacing="xs" data-testid="budget-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.category')}</Table.Th>
                <Table.Th>{t('budget.description')}</Table.Th>
                <Table.Th ta="right">{t('budget.estimate')}</Table.Th>
                <Table.Th ta="right">{t('budget.actual')}</Table.Th>
                {canWrite && (
                  <Table.Th>
                    <VisuallyHidden>{t('records.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visit.budgetLines.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{t(`budget.categories.${b.category}`)}</Table.Td>
                  <Table.Td>{b.description}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(b.estimate, b.currency)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(b.actual, b.currency)}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <RowActions name={nameOf(b)} onEdit={() => setEditing(b)} onDelete={() => remove.ask(b)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              {visit.budgetTotals.map((total) => (
                <Table.Tr key={total.currency} fw={700}>
                  <Table.Th scope="row" colSpan={2}>
                    {t('budget.totalIn', { currency: total.currency })}
                  </Table.Th>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(total.estimate, total.currency)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(total.actual, total.currency)}</Table.Td>
                  {canWrite && <Table.Td />}
                </Table.Tr>
              ))}
            </Table.Tfoot>
          </Table>
        </ScrollTable>
      )}
      <RecordFormModal<BudgetValues, BudgetLine>
        kind="visit-budget-lines"
        visitId={visit.id}
        record={editing === 'new' ? null : editing}
        opened={editing !== null}
        title={editing === 'new' ? t('budget.add') : t('budget.editTitle')}
        schema={BudgetLineCreateSchema}
        values={budgetValues}
        payload={budgetPayload}
        latest={(v) => v.budgetLines.find((x) => x.id === (editing as BudgetLine)?.id)}
        fieldLabel={(key) => (i18n.exists(`visits:budget.${key}`) ? t(`budget.${key}`) : key)}
        savedMessage={(b) => t('budget.saved', { name: nameOf(b) })}
        onClose={() => setEditing(null)}
        onSaved={refresh}
        testId="budget-form"
      >
        {(form) => (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('budget.category')} data={BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))} allowDeselect={false} withAsterisk data-autofocus {...form.getInputProps('category')} />
              <TextInput label={t('budget.description')} maxLength={300} {...form.getInputProps('description')} />
              <NumberInput label={t('budget.estimate')} withAsterisk min={0} decimalScale={2} {...numberSeparators(lang)} {...form.getInputProps('estimate')} />
              <NumberInput label={t('budget.actual')} description={t('budget.actualHint')} min={0} decimalScale={2} {...numberSeparators(lang)} {...form.getInputProps('actual')} />
              <Select label={t('budget.currency')} data={[...CURRENCIES]} searchable allowDeselect={false} withAsterisk {...form.getInputProps('currency')} />
            </SimpleGrid>
          </Stack>
        )}
      </RecordFormModal>
      {remove.element}
    </Paper>
  );
}

/** What only a trip abroad has: passports checked, tickets, the budget, the report after it. */
export function TripTab({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  return (
    <Stack gap="lg">
      <PassportWarnings visit={visit} />
      <TicketsSection visit={visit} canWrite={canWrite} />
      <BudgetSection visit={visit} canWrite={canWrite} />
      <ReportCard visit={visit} canWrite={canWrite} />
    </Stack>
  );
}
