import { ActionIcon, Badge, Button, FileButton, Group, Image, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES } from '../../../../contracts/common/currencies';
import type { Gift } from '../../../../contracts/visits.logistics';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { ApiError } from '../../../lib/api';
import { formatDate, formatMoney } from '../../../lib/format';
import { IconTrash, IconUpload } from '../../../ui/icons';
import { AnchorLink } from '../../../ui/links';
import { notifySuccess } from '../../../ui/notify';
import { PersonSelect } from '../../people/components/PersonSelect';
import { giftPhotoUrl, removeGiftPhoto, uploadGiftPhoto } from '../visits.api';
import { numberSeparators, visitTitle } from '../visits.labels';
import { RowActions } from './RecordParts';

export type GiftFormValues = { direction: string; source: 'directory' | 'name'; personId: string | null; counterpart: string; description: string; value: number | string; currency: string | null; date: string; notes: string };

export const giftValues = (g: Gift | null): GiftFormValues => ({
  direction: g?.direction ?? 'given',
  source: g && !g.person ? 'name' : 'directory',
  personId: g?.person?.id ?? null,
  counterpart: g?.counterpart ?? '',
  description: g?.description ?? '',
  value: g?.value ?? '',
  currency: g?.currency ?? null,
  date: g?.date ?? '',
  notes: g?.notes ?? '',
});
export const giftPayload = (v: GiftFormValues) => ({
  direction: v.direction,
  personId: v.source === 'directory' ? v.personId : null,
  counterpart: v.source === 'name' ? v.counterpart.trim() : '',
  description: v.description.trim(),
  value: v.value === '' || v.value === null ? null : Number(v.value),
  currency: v.currency || null,
  date: v.date || null,
  notes: v.notes,
});

export function GiftFields({ form }: { form: UseFormReturnType<GiftFormValues> }) {
  const { t, i18n } = useTranslation('visits');
  const v = form.values;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="gift-direction-label">
          {t('gifts.direction')}
        </Text>
        <SegmentedControl
          aria-labelledby="gift-direction-label"
          value={v.direction}
          onChange={(value) => form.setFieldValue('direction', value)}
          data={[
            { value: 'given', label: t('gifts.directions.given') },
            { value: 'received', label: t('gifts.directions.received') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <Textarea label={t('gifts.description')} withAsterisk autosize minRows={2} maxLength={2000} data-autofocus {...form.getInputProps('description')} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="gift-source-label">
          {t(v.direction === 'given' ? 'gifts.givenTo' : 'gifts.receivedFrom')}
        </Text>
        <SegmentedControl
          aria-labelledby="gift-source-label"
          value={v.source}
          onChange={(value) => form.setFieldValue('source', value as GiftFormValues['source'])}
          data={[
            { value: 'directory', label: t('participants.fromDirectory') },
            { value: 'name', label: t('participants.notInDirectory') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      {v.source === 'directory' ? (
        <PersonSelect value={v.personId} onChange={(id) => form.setFieldValue('personId', id)} error={form.errors.personId ?? form.errors.counterpart} withAsterisk />
      ) : (
        <TextInput label={t('gifts.counterpart')} description={t('gifts.counterpartHint')} withAsterisk maxLength={300} {...form.getInputProps('counterpart')} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput label={t('gifts.value')} min={0} decimalScale={2} {...numberSeparators(i18n.language)} {...form.getInputProps('value')} />
        <Select label={t('gifts.currency')} data={[...CURRENCIES]} searchable clearable {...form.getInputProps('currency')} />
        <TextInput type="date" label={t('gifts.date')} description={t('gifts.dateHint')} {...form.getInputProps('date')} />
      </SimpleGrid>
      <Textarea label={t('fields.notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
    </Stack>
  );
}

/** The photo of a gift: a thumbnail that opens the full image, with upload and removal. */
function GiftPhoto({ gift, canWrite, onChanged }: { gift: Gift; canWrite: boolean; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation('visits');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onChanged();
      notifySuccess(message);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('form.unexpected'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} align="flex-start">
      {gift.photo && (
        <UnstyledButton component="a" href={giftPhotoUrl(gift)} target="_blank" rel="noopener" aria-label={t('gifts.openPhoto', { name: gift.description })}>
          <Image src={giftPhotoUrl(gift)} alt="" w={72} h={72} fit="cover" radius="sm" />
        </UnstyledButton>
      )}
      {canWrite && (
        <Group gap={4} wrap="nowrap">
          <FileButton accept="image/jpeg,image/png,image/webp" onChange={(file) => file && void run(() => uploadGiftPhoto(gift, file), t('gifts.photoSaved'))}>
            {(props) =>
              gift.photo ? (
                <Tooltip label={t('gifts.replacePhoto', { name: gift.description })}>
                  <ActionIcon {...props} variant="subtle" color="gray.8" loading={busy} aria-label={t('gifts.replacePhoto', { name: gift.description })} data-testid="gift-photo-upload">
                    <IconUpload />
                  </ActionIcon>
                </Tooltip>
              ) : (
                <Button {...props} size="compact-xs" variant="default" leftSection={<IconUpload size={12} />} loading={busy} aria-label={t('gifts.uploadPhoto', { name: gift.description })} data-testid="gift-photo-upload">
                  {t('gifts.addPhoto')}
                </Button>
              )
            }
          </FileButton>
          {gift.photo && (
            <Tooltip label={t('gifts.removePhoto', { name: gift.description })}>
              <ActionIcon variant="subtle" color="red.9" disabled={busy} onClick={() => void run(() => removeGiftPhoto(gift), t('gifts.photoRemoved'))} aria-label={t('gifts.removePhoto', { name: gift.description })}>
                <IconTrash />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      )}
      {error && (
        <Text size="xs" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Gifts given and received: of one visit, or across all of them (the register, with the visit). */
export function GiftTable({ gifts, withVisit, canWrite, onEdit, onDelete, onChanged }: { gifts: Gift[]; withVisit?: boolean; canWrite: boolean; onEdit?: (g: Gift) => void; onDelete?: (g: Gift) => void; onChanged: () => Promise<void> | void }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  return (
    <ScrollTable label={t('gifts.title')} minWidth={800}>
      <Table verticalSpacing="xs" data-testid="gifts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('gifts.date')}</Table.Th>
            <Table.Th>{t('gifts.direction')}</Table.Th>
            <Table.Th>{t('gifts.description')}</Table.Th>
            <Table.Th>{t('gifts.counterpartColumn')}</Table.Th>
            {withVisit && <Table.Th>{t('gifts.visit')}</Table.Th>}
            <Table.Th>{t('gifts.value')}</Table.Th>
            <Table.Th>{t('gifts.photo')}</Table.Th>
            {canWrite && onEdit && (
              <Table.Th>
                <VisuallyHidden>{t('records.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gifts.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(g.date ?? g.visit.startDate, lang)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge variant="light" color={g.direction === 'given' ? 'teal' : 'cyan'} tt="none" style={{ overflow: 'visible' }}>
                  {t(`gifts.directions.${g.direction}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
                  {g.description}
                </Text>
                {g.notes && <Text size="xs">{g.notes}</Text>}
              </Table.Td>
              <Table.Td>
                {g.person ? (
                  <AnchorLink to="/people/$id" params={{ id: g.person.id }} size="sm">
                    {g.person.name}
                  </AnchorLink>
                ) : (
                  g.counterpart
                )}
              </Table.Td>
              {withVisit && (
                <Table.Td>
                  <AnchorLink to="/visits/$id" params={{ id: g.visit.id }} search={{ tab: 'gifts' } as never} size="sm">
                    {visitTitle(g.visit, lang)}
                  </AnchorLink>
                  <Text size="xs">{t(`directions.${g.visit.direction}`)}</Text>
                </Table.Td>
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{g.value != null && g.currency ? formatMoney(g.value, g.currency, lang) : ''}</Table.Td>
              <Table.Td>
                <GiftPhoto gift={g} canWrite={canWrite && !!onEdit} onChanged={onChanged} />
              </Table.Td>
              {canWrite && onEdit && (
                <Table.Td>
                  <RowActions name={g.description} onEdit={() => onEdit(g)} onDelete={onDelete ? () => onDelete(g) : undefined} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
