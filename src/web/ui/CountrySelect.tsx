import { MultiSelect, Select, TagsInput, type MultiSelectProps, type SelectProps, type TagsInputProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../contracts/common/countries';
import { languageName, languageOptions } from './languages';
import './i18n';

/** A searchable country select, names in the UI language; finds by name or by code (BG, GE). */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const { t, i18n } = useTranslation('ui');
  const data = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  return (
    <Select
      label={t('fields.country')}
      placeholder={t('fields.countryPlaceholder')}
      searchable
      clearable
      nothingFoundMessage={t('fields.nothingFound')}
      limit={300}
      filter={({ options, search }) => {
        const q = search.trim().toLocaleLowerCase(i18n.language);
        if (!q) return options;
        return options.filter((o) => 'value' in o && (o.label.toLocaleLowerCase(i18n.language).includes(q) || o.value.toLowerCase() === q));
      }}
      {...props}
      data={data}
    />
  );
}

/** Languages (ISO 639-1) as a searchable multi-select, names in the UI language. */
export function LanguagesMultiSelect({ value, ...props }: Omit<MultiSelectProps, 'data'>) {
  const { t, i18n } = useTranslation('ui');
  const data = useMemo(() => {
    const options = languageOptions(i18n.language);
    // Values outside the common list (imported data) still need a label.
    for (const code of value ?? []) if (!options.some((o) => o.value === code)) options.push({ value: code, label: languageName(code, i18n.language) });
    return options;
  }, [i18n.language, value]);
  return (
    <MultiSelect
      label={t('fields.languages')}
      placeholder={value?.length ? undefined : t('fields.languagesPlaceholder')}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('fields.nothingFound')}
      value={value}
      {...props}
      data={data}
    />
  );
}

/** Free tags: typed and confirmed with Enter or a comma. */
export function TagsField(props: TagsInputProps) {
  const { t } = useTranslation('ui');
  return (
    <TagsInput
      label={t('fields.tags')}
      description={t('fields.tagsHint')}
      splitChars={[',', ';']}
      clearable
      maxTags={30}
      acceptValueOnBlur
      {...props}
    />
  );
}
