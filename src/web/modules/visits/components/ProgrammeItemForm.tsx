import { MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { MultilingualText } from '../../../../contracts/common/multilingual';
import type { ProgrammeItem, Visit } from '../../../../contracts/visits';
import { formatDay } from '../../../lib/format';
import { languageInText, languageName } from '../../../ui/languages';
import { cleanMultilingual } from '../../../ui/multilingual';
import { UserSelect } from '../../../ui/UserSelect';
import { participantLabel, visitDays } from '../visits.labels';

export type ProgrammeItemFormValues = {
  day: string;
  start: string;
  end: string;
  title: MultilingualText;
  place: MultilingualText;
  notes: MultilingualText;
  attendeeIds: string[];
  attendeesText: string;
  responsibleId: string | null;
  transport: string;
  dressCode: string;
};

const ml = (text: ProgrammeItem['title'] | null | undefined, original: string): MultilingualText => ({ original: text?.original ?? original, values: { ...(text?.values ?? {}) } });

export function programmeItemValues(item: ProgrammeItem | null, defaults: { day: string; original: string }): ProgrammeItemFormValues {
  return {
    day: item?.day ?? defaults.day,
    start: item?.start ?? '',
    end: item?.end ?? '',
    title: ml(item?.title, defaults.original),
    place: ml(item?.place, defaults.original),
    notes: ml(item?.notes, defaults.original),
    attendeeIds: item?.attendeeIds ?? [],
    attendeesText: item?.attendeesText ?? '',
    responsibleId: item?.responsible?.id ?? null,
    transport: item?.transport ?? '',
    dressCode: item?.dressCode ?? '',
  };
}

/** The original language is the one the title was written in: the first column's, if it has text. */
function withOriginal(text: MultilingualText, preferred: string[]): MultilingualText {
  if (text.values[text.original]?.trim()) return text;
  const original = [...preferred, ...Object.keys(text.values)].find((code) => text.values[code]?.trim());
  return original ? { ...text, original } : text;
}

export function programmeItemPayload(v: ProgrammeItemFormValues, columns: [string, string]) {
  const title = cleanMultilingual(withOriginal(v.title, columns)) ?? { original: v.title.original, values: {} };
  const optional = (text: MultilingualText) => {
    const clean = cleanMultilingual(text);
    return clean ? withOriginal(clean, columns) : null;
  };
  return {
    day: v.day,
    start: v.start,
    end: v.end || null,
    title,
    place: optional(v.place),
    notes: optional(v.notes),
    attendeeIds: v.attendeeIds,
    attendeesText: v.attendeesText.trim(),
    responsibleId: v.responsibleId || null,
    transport: v.transport.trim(),
    dressCode: v.dressCode.trim(),
  };
}

/** One language's texts of the item: title, place, notes, stacked so the two columns line up. */
function LanguageColumn({ form, code, other, options, onChange, side }: { form: UseFormReturnType<ProgrammeItemFormValues>; code: string; other: string; options: string[]; onChange: (code: string) => void; side: 'first' | 'second' }) {
  const { t, i18n } = useTranslation('visits');
  const ui = i18n.language;
  const language = languageInText(code, ui);
  const v = form.values;
  const set = (field: 'title' | 'place' | 'notes', text: string) => form.setFieldValue(field, { ...v[field], values: { ...v[field].values, [code]: text } });
  const error = (field: string) => (form.errors[`${field}.values.${code}`] ?? (code === v.title.original && field === 'title' ? form.errors['title.original'] : undefined)) as string | undefined;
  return (
    <Paper withBorder p="sm" radius="sm" component="fieldset" m={0} aria-label={t('programme.columnLabel', { language })}>
      <Stack gap="sm">
        <Select
          label={t(side === 'first' ? 'programme.firstLanguage' : 'programme.secondLanguage')}
          data={options.filter((c) => c !== other).map((c) => ({ value: c, label: languageName(c, ui) }))}
          value={code}
          allowDeselect={false}
          searchable
          onChange={(value) => value && onChange(value)}
        />
        <TextInput lang={code} label={t('programme.titleIn', { language })} withAsterisk={side === 'first'} maxLength={500} value={v.title.values[code] ?? ''} error={error('title')} onChange={(e) => set('title', e.currentTarget.value)} data-autofocus={side === 'first' ? true : undefined} />
        <TextInput lang={code} label={t('programme.placeIn', { language })} maxLength={500} value={v.place.values[code] ?? ''} error={error('place')} onChange={(e) => set('place', e.currentTarget.value)} />
        <Textarea lang={code} label={t('programme.notesIn', { language })} autosize minRows={2} maxLength={500} value={v.notes.values[code] ?? ''} error={error('notes')} onChange={(e) => set('notes', e.currentTarget.value)} />
      </Stack>
    </Paper>
  );
}

/**
 * The fields of a programme item. Its texts are written in two languages side by side (the
 * local one and the guests', both choosable); texts in other languages are kept as they are.
 */
export function ProgrammeItemFields({ form, visit, columns, onColumns, languages }: { form: UseFormReturnType<ProgrammeItemFormValues>; visit: Visit; columns: [string, string]; onColumns: (c: [string, string]) => void; languages: string[] }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const v = form.values;
  const others = [...new Set([...Object.keys(v.title.values), ...Object.keys(v.place.values)])].filter((c) => !columns.includes(c) && (v.title.values[c]?.trim() || v.place.values[c]?.trim()));
  const known = [visit.responsible, visit.owner, ...visit.programme.map((i) => i.responsible)];
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('programme.day')}
          data={visitDays(visit.startDate, visit.endDate).map((d, i) => ({ value: d, label: `${t('programme.dayN', { n: i + 1 })} · ${formatDay(d, lang)}` }))}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('day')}
        />
        <TextInput type="time" label={t('programme.start')} withAsterisk {...form.getInputProps('start')} />
        <TextInput type="time" label={t('programme.end')} {...form.getInputProps('end')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LanguageColumn form={form} code={columns[0]} other={columns[1]} options={languages} side="first" onChange={(c) => onColumns([c, columns[1]])} />
        <LanguageColumn form={form} code={columns[1]} other={columns[0]} options={languages} side="second" onChange={(c) => onColumns([columns[0], c])} />
      </SimpleGrid>
      {others.length > 0 && <Text size="sm">{t('programme.alsoIn', { languages: others.map((c) => languageInText(c, lang)).join(', ') })}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('programme.attendees')}
          description={t('programme.attendeesHint')}
          data={visit.participants.map((p) => ({ value: p.id, label: participantLabel(p) }))}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage={t('form.nothingFound')}
          {...form.getInputProps('attendeeIds')}
        />
        <TextInput label={t('programme.attendeesText')} description={t('programme.attendeesTextHint')} maxLength={1000} {...form.getInputProps('attendeesText')} />
        <UserSelect label={t('programme.responsible')} description={t('programme.responsibleHint')} known={known} value={v.responsibleId} onChange={(id) => form.setFieldValue('responsibleId', id)} error={form.errors.responsibleId} />
        <TextInput label={t('programme.transport')} description={t('programme.transportHint')} maxLength={300} {...form.getInputProps('transport')} />
        <TextInput label={t('programme.dressCode')} maxLength={100} {...form.getInputProps('dressCode')} />
      </SimpleGrid>
    </Stack>
  );
}
