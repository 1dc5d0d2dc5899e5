import { useEffect, useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/bg';
import 'dayjs/locale/ka';
import 'dayjs/locale/en-gb';
import { AuthProvider } from './auth.js';
import { queryClient } from './queryClient.js';
import { router } from './router.js';
import { cssVariablesResolver, theme } from './theme.js';

const dayjsLocale = (lang: string) => (lang === 'en' ? 'en-gb' : lang);

/** Dates follow the UI language (Monday first: both countries start the week on Monday). */
function LocalisedDates({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  const [locale, setLocaleState] = useState(dayjsLocale(i18n.language));
  useEffect(() => {
    const apply = (lang: string) => {
      dayjs.locale(dayjsLocale(lang));
      setLocaleState(dayjsLocale(lang));
    };
    apply(i18n.language);
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n]);
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <LocalisedDates>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </LocalisedDates>
    </MantineProvider>
  );
}
