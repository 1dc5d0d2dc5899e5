import { Box, Button, Group, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';

/**
 * The row of filters above a list: a search landmark holding the inputs, and "Clear filters"
 * when any is set. Filters apply as they change (no submit button); the page keeps them in the
 * URL so a filtered list can be bookmarked and shared.
 */
export function FilterBar({ label, activeCount, onClear, children }: { label: string; activeCount: number; onClear: () => void; children: ReactNode }) {
  const { t } = useTranslation('ui');
  return (
    <Box component="form" role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {children}
        {activeCount > 0 && (
          <Button variant="subtle" onClick={onClear}>
            {t('filters.clear', { count: activeCount })}
          </Button>
        )}
      </Group>
    </Box>
  );
}

/** A text filter that reports its value after a short pause in typing. */
export function SearchFilter({ value, onChange, ...rest }: { value: string; onChange: (value: string) => void } & Omit<TextInputProps, 'value' | 'onChange'>) {
  const [text, setText] = useState(value);
  const report = useDebouncedCallback((v: string) => onChange(v.trim()), 300);
  // Follows the URL when it changes from outside (back button, "Clear filters").
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      type="search"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        report(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onChange(text.trim());
        }
      }}
      miw={220}
      {...rest}
    />
  );
}
