import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { detectScript } from '../../../../contracts/common/transliteration';
import { latinFor, type LatinMode } from '../latin';

/**
 * The name in Latin letters: proposed from the name by the official systems (Bulgarian
 * Transliteration Act, Georgian national system) and kept in step while the name is typed,
 * until someone edits it by hand. For Georgian names both forms are offered.
 */
export function LatinNameField({ name, value, mode, error, onChange }: { name: string; value: string; mode: LatinMode; error?: string; onChange: (value: string, mode: LatinMode) => void }) {
  const { t } = useTranslation('people');
  const georgian = detectScript(name) === 'georgian' || /\p{Script=Georgian}/u.test(name);
  const common = latinFor(name, 'auto');
  const strict = latinFor(name, 'strict');
  const hasLetters = detectScript(name) !== 'other';
  const needsLatin = hasLetters && common !== name.trim();

  return (
    <Stack gap={6}>
      <TextInput
        label={t('fields.nameLatin')}
        description={mode === 'manual' ? t('latin.manual') : t('latin.auto')}
        value={value}
        maxLength={200}
        error={error}
        onChange={(e) => onChange(e.currentTarget.value, 'manual')}
        rightSectionWidth={110}
        rightSection={
          needsLatin && value !== common && !georgian ? (
            <Button size="compact-xs" variant="light" onClick={() => onChange(common, 'auto')} aria-label={t('latin.proposeLabel')}>
              {t('latin.propose')}
            </Button>
          ) : undefined
        }
      />
      {georgian && needsLatin && (
        <Group gap="xs" wrap="wrap" aria-label={t('latin.formsLabel')} role="group">
          <Text size="xs">{t('latin.forms')}</Text>
          <Button size="compact-xs" variant={value === common ? 'filled' : 'default'} onClick={() => onChange(common, 'auto')} aria-pressed={value === common}>
            {t('latin.common', { value: common })}
          </Button>
          {strict !== common && (
            <Button size="compact-xs" variant={value === strict ? 'filled' : 'default'} onClick={() => onChange(strict, 'strict')} aria-pressed={value === strict}>
              {t('latin.strict', { value: strict })}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
