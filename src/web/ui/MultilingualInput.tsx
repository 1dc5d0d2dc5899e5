import { ActionIcon, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MultilingualText } from '../../contracts/common/multilingual';
import { IconTrash } from './icons';
import { allLanguageOptions, languageInText, languageName } from './languages';
import './i18n';

/** The interface languages: always offered, in this order. */
const BASE_LANGUAGES = ['bg', 'ka', 'en'] as const;

export interface MultilingualInputProps {
  /** Names the group: each input is labelled "<label> (<language>)". */
  label: string;
  value: MultilingualText | null;
  onChange: (value: MultilingualText) => void;
  /** The form's errors, looked up by `${path}.values.<code>`, `${path}.original` and `${path}`. */
  errors?: Record<string, unknown>;
  path: string;
  required?: boolean;
  description?: string;
  multiline?: boolean;
  maxLength?: number;
  /** Original language for a new, empty value (the UI language by default). */
  defaultOriginal?: string;
  /** 'grid' puts the languages side by side (short texts such as titles). */
  layout?: 'stack' | 'grid';
}

/**
 * Edits a text that exists in several languages: the language it was first written in (the
 * original, which must be filled in), an input per interface language, and any other ISO 639-1
 * language added on demand.
 */
export function MultilingualInput(props: MultilingualInputProps) {
  const { t, i18n } = useTranslation('ui');
  const ui = i18n.language;
  const { label, path, errors = {}, required } = props;
  const value: MultilingualText = props.value ?? { original: props.defaultOriginal ?? ui, values: {} };
  const [adding, setAdding] = useState<string | null>(null);

  const codes = useMemo(() => {
    const extra = Object.keys(value.values).filter((c) => !(BASE_LANGUAGES as readonly string[]).includes(c));
    if (!(BASE_LANGUAGES as readonly string[]).includes(value.original) && !extra.includes(value.original)) extra.push(value.original);
    return [...BASE_LANGUAGES, ...extra];
  }, [value.values, value.original]);

  const setText = (code: string, text: string) => {
    // The first language written in becomes the original, unless one was filled in already.
    const nothingYet = Object.values(value.values).every((v) => !v.trim());
    onChange({ ...value, original: nothingYet && text.trim() ? code : value.original, values: { ...value.values, [code]: text } });
  };
  const onChange = props.onChange;
  const remove = (code: string) => {
    const values = { ...value.values };
    delete values[code];
    onChange({ ...value, values });
  };
  const addable = allLanguageOptions(ui).filter((o) => !codes.includes(o.value));
  const fieldError = (errors[`${path}.original`] ?? errors[path]) as string | undefined;
  const Input = props.multiline ? Textarea : TextInput;
  const grid = props.layout === 'grid';

  const originalSelect = (
    <Select
      label={t('multilingual.original')}
      description={t('multilingual.originalHint')}
      data={codes.map((c) => ({ value: c, label: languageName(c, ui) }))}
      value={value.original}
      allowDeselect={false}
      onChange={(code) => code && onChange({ ...value, original: code })}
      error={fieldError}
      maw={320}
    />
  );
  const addSelect = (
    <Select
      label={t('multilingual.add')}
      placeholder={t('multilingual.addPlaceholder')}
      data={addable}
      searchable
      value={adding}
      nothingFoundMessage={t('multilingual.noLanguage')}
      onChange={(code) => {
        if (!code) return;
        onChange({ ...value, values: { ...value.values, [code]: value.values[code] ?? '' } });
        setAdding(null);
      }}
      maw={320}
      size="xs"
    />
  );
  const inputs = codes.map((code) => {
    const isOriginal = code === value.original;
    const removable = !isOriginal && !(BASE_LANGUAGES as readonly string[]).includes(code);
    const language = languageInText(code, ui);
    const langLabel = t('multilingual.inputLabel', { label, language });
    return (
      <Input
        key={code}
        lang={code}
        label={langLabel}
        description={isOriginal ? t('multilingual.originalBadge') : grid ? t('multilingual.translation') : undefined}
        withAsterisk={required && isOriginal}
        aria-required={required && isOriginal ? true : undefined}
        value={value.values[code] ?? ''}
        onChange={(e) => setText(code, e.currentTarget.value)}
        error={errors[`${path}.values.${code}`] as string | undefined}
        maxLength={props.maxLength}
        autosize={props.multiline ? true : undefined}
        minRows={props.multiline ? 2 : undefined}
        rightSection={
          removable ? (
            <Tooltip label={t('multilingual.remove', { language })}>
              <ActionIcon variant="subtle" color="gray.8" onClick={() => remove(code)} aria-label={t('multilingual.remove', { language })}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          ) : undefined
        }
      />
    );
  });

  return (
    <Fieldset legend={label} variant="filled" aria-describedby={props.description ? `${path}-ml-description` : undefined}>
      <Stack gap="sm">
        {props.description && (
          <Text size="sm" id={`${path}-ml-description`}>
            {props.description}
          </Text>
        )}
        {grid ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: Math.min(codes.length, 3) }}>{inputs}</SimpleGrid>
            <Group align="flex-start" gap="md" wrap="wrap">
              {originalSelect}
              {addSelect}
            </Group>
          </>
        ) : (
          <>
            {originalSelect}
            {inputs}
            {addSelect}
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
