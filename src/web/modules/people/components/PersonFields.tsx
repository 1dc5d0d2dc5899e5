import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LAWFUL_BASES, PRECEDENCE_CATEGORIES } from '../../../../contracts/people';
import { languageInText } from '../../../ui/languages';
import { suggestedFormsOfAddress } from '../forms-of-address';

/** Precedence category, translated. */
export function PrecedenceSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation('people');
  return (
    <Select
      label={t('fields.precedenceCategory')}
      description={t('form.precedenceHint')}
      placeholder={t('form.noCategory')}
      clearable
      searchable
      data={PRECEDENCE_CATEGORIES.map((c) => ({ value: c, label: t(`precedence.${c}`) }))}
      {...props}
    />
  );
}

/** GDPR lawful basis, each with a one-line explanation. */
export function LawfulBasisSelect({ value, ...props }: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation('people');
  return (
    <Select
      label={t('fields.lawfulBasis')}
      description={value ? t(`lawfulBasisHelp.${value}`) : undefined}
      allowDeselect={false}
      withAsterisk
      value={value}
      data={LAWFUL_BASES.map((b) => ({ value: b, label: t(`lawfulBasis.${b}`) }))}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {t(`lawfulBasisHelp.${option.value}`)}
          </Text>
        </Stack>
      )}
      {...props}
    />
  );
}

/**
 * Forms of address per language. Suggestions come from the precedence category; a field is
 * replaced only while it is empty or still holds the previous suggestion.
 */
export function FormsOfAddressFields({
  value,
  category,
  errors,
  onChange,
}: {
  value: Record<string, string>;
  category: string | null;
  errors: Record<string, unknown>;
  onChange: (value: Record<string, string>) => void;
}) {
  const { t, i18n } = useTranslation('people');
  const suggestion = suggestedFormsOfAddress(category);
  const codes = [...new Set(['bg', 'ka', 'en', ...Object.keys(value)])];
  const differs = suggestion && Object.entries(suggestion).some(([k, v]) => (value[k] ?? '') !== v);
  return (
    <Fieldset legend={t('fields.formOfAddress')} variant="unstyled">
      <Stack gap="xs">
        <Text size="sm">{t('form.formOfAddressHint')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {codes.map((code) => (
            <TextInput
              key={code}
              lang={code}
              label={t('form.formOfAddressIn', { language: languageInText(code, i18n.language) })}
              placeholder={suggestion?.[code as 'bg']}
              value={value[code] ?? ''}
              maxLength={120}
              error={errors[`formOfAddress.${code}`] as string | undefined}
              onChange={(e) => onChange({ ...value, [code]: e.currentTarget.value })}
            />
          ))}
        </SimpleGrid>
        {suggestion && differs && (
          <Group>
            <Button size="xs" variant="default" onClick={() => onChange({ ...value, ...suggestion })}>
              {t('form.useSuggested', { category: t(`precedence.${category}`) })}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
