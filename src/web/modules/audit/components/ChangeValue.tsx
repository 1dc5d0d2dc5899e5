import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUiLocale } from '../../../../contracts/common/locales.js';
import { ROLES } from '../../../../contracts/common/permissions.js';

type Multilingual = { original?: string; values: Record<string, string> };
const isMultilingual = (v: unknown): v is Multilingual =>
  !!v && typeof v === 'object' && !Array.isArray(v) && 'values' in v && typeof (v as Multilingual).values === 'object';
const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A value from the audit log shown as a person would read it, not as raw JSON. */
export function ChangeValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation('audit');
  // Codes that have words in the UI: roles and interface languages.
  if (field === 'role' && typeof value === 'string' && (ROLES as readonly string[]).includes(value)) {
    return <Text span size="sm">{t(`app:roles.${value}`)}</Text>;
  }
  if (field === 'locale' && isUiLocale(value)) {
    return <Text span size="sm">{t(`app:languageNames.${value}`)}</Text>;
  }
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        {t('value.empty')}
      </Text>
    );
  }
  if (typeof value === 'boolean') return <Text span size="sm">{value ? t('value.yes') : t('value.no')}</Text>;
  if (typeof value === 'string' || typeof value === 'number') {
    return (
      <Text span size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {String(value)}
      </Text>
    );
  }
  if (Array.isArray(value) && value.every(isPrimitive)) {
    return <Text span size="sm">{value.map(String).join(', ')}</Text>;
  }
  if (isMultilingual(value)) {
    const entries = Object.entries(value.values).filter(([, text]) => text);
    return (
      <Stack gap={2}>
        {entries.map(([lang, text]) => (
          <Text key={lang} size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span size="xs" fw={600} c="dimmed">
              {lang}
              {lang === value.original ? ` (${t('value.original')})` : ''}
            </Text>{' '}
            <span lang={lang}>{text}</span>
          </Text>
        ))}
      </Stack>
    );
  }
  if (Array.isArray(value) && value.every(isFlatObject)) {
    return (
      <Stack gap={6}>
        {value.map((item, i) => (
          <FlatObject key={i} value={item} />
        ))}
      </Stack>
    );
  }
  if (isFlatObject(value)) return <FlatObject value={value} />;
  return (
    <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '100%' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

type Flat = Record<string, string | number | boolean | null>;
const isFlatObject = (v: unknown): v is Flat =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isPrimitive);

/** An address or a phone: its non-empty parts as "key: value" lines. */
function FlatObject({ value }: { value: Flat }) {
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== '');
  return (
    <Stack gap={0} pl={8} style={{ borderInlineStart: '2px solid var(--mantine-color-gray-3)' }}>
      {entries.map(([key, v]) => (
        <Text key={key} size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span size="xs" c="dimmed">
            {key}:
          </Text>{' '}
          {String(v)}
        </Text>
      ))}
    </Stack>
  );
}
