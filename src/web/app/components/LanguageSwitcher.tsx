import { SegmentedControl, VisuallyHidden, type SegmentedControlProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UI_LOCALES, isUiLocale, type UiLocale } from '../../../contracts/common/locales.js';
import { setLocale } from '../../lib/i18n.js';

/** БГ / ქა / EN. Switches the UI at once; `onChange` lets a signed-in shell remember the choice. */
export function LanguageSwitcher({
  onChange,
  ...props
}: { onChange?: (locale: UiLocale) => void } & Omit<SegmentedControlProps, 'data' | 'value' | 'onChange'>) {
  const { t, i18n } = useTranslation();
  const value = isUiLocale(i18n.language) ? i18n.language : 'bg';
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app:language.switcher')}
      {...props}
      value={value}
      onChange={(next) => {
        if (!isUiLocale(next) || next === value) return;
        setLocale(next);
        onChange?.(next);
      }}
      data={UI_LOCALES.map((locale) => ({
        value: locale,
        label: (
          <span lang={locale}>
            <span aria-hidden="true">{t(`app:languageShort.${locale}`)}</span>
            <VisuallyHidden>{t(`app:languageNames.${locale}`)}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
