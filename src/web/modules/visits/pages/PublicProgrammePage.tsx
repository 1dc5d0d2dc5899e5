import { Anchor, Box, Center, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../../contracts/common/dates';
import { isUiLocale } from '../../../../contracts/common/locales';
import type { PublicProgramme } from '../../../../contracts/visits';
import { ApiError } from '../../../lib/api';
import { formatDay } from '../../../lib/format';
import { loadLanguageTexts } from '../../../lib/i18n';
import { fetchPublicProgramme } from '../visits.api';
import { dateRange } from '../visits.labels';
import classes from './PublicProgrammePage.module.css';

/**
 * The programme a guest opens from a shared link, without an account: in the link's language,
 * phone first, large type, nothing but the programme. The page's own words follow the link's
 * language when the interface has it, and English otherwise.
 */
export default function PublicProgrammePage() {
  const { token } = useParams({ strict: false }) as { token?: string };
  const { i18n } = useTranslation('visits');
  // The page's own words come with the programme: its language's texts are loaded before it shows.
  const query = useQuery({
    queryKey: ['public-programme', token],
    queryFn: async () => {
      const data = await fetchPublicProgramme(token ?? '');
      await loadLanguageTexts(isUiLocale(data.language) ? data.language : 'en');
      return data;
    },
    retry: false,
    staleTime: 60_000,
  });
  const language = query.data?.language;
  const uiLang = language ? (isUiLocale(language) ? language : 'en') : i18n.language;

  // The document speaks the programme's language, as screen readers and translators need.
  useEffect(() => {
    const previous = document.documentElement.lang;
    if (language) document.documentElement.lang = language;
    return () => {
      document.documentElement.lang = previous;
    };
  }, [language]);

  if (query.isPending) {
    return (
      <Center h="100dvh">
        <Loader aria-label={i18n.t('app:loading')} />
      </Center>
    );
  }
  return <Programme data={query.data ?? null} error={query.error} uiLang={uiLang} />;
}

function Programme({ data, error, uiLang }: { data: PublicProgramme | null; error: unknown; uiLang: string }) {
  const { i18n } = useTranslation('visits');
  const t = i18n.getFixedT(uiLang, 'visits');
  useDocumentTitle(data ? `${data.title} · ${t('public.programme')}` : t('public.notFoundTitle'));

  if (!data) {
    const gone = error instanceof ApiError && error.status === 404;
    return (
      <Box component="main" className={classes.page} lang={uiLang}>
        <Container size={640} px="md" py="xl">
          <Stack gap="md">
            <Title order={1} className={classes.title}>
              {t(gone ? 'public.notFoundTitle' : 'public.errorTitle')}
            </Title>
            <Text className={classes.text}>{t(gone ? 'public.notFoundBody' : 'public.errorBody')}</Text>
          </Stack>
        </Container>
      </Box>
    );
  }

  const lang = data.language;
  return (
    <Box component="main" className={classes.page}>
      <Container size={720} px="md" py="lg">
        <Stack gap="lg">
          <Stack gap={6} component="header">
            <Text className={classes.kicker} lang={uiLang}>
              {t('public.programme')}
            </Text>
            <Title order={1} className={classes.title} lang={lang}>
              {data.title}
            </Title>
            <Text className={classes.dates} lang={uiLang}>
              {dateRange(data.startDate, data.endDate, uiLang)}
            </Text>
            {data.purpose && (
              <Text className={classes.text} lang={lang}>
                {data.purpose}
              </Text>
            )}
            <Text size="md" lang={uiLang}>
              {t('public.timesIn', { zone: data.timeZone })}
            </Text>
          </Stack>

          {data.days.length === 0 && <Text className={classes.text}>{t('public.empty')}</Text>}

          {data.days.map((day) => (
            <Paper key={day.date} component="section" withBorder radius="md" p="md" aria-labelledby={`day-${day.date}`} className={classes.day}>
              <Title order={2} id={`day-${day.date}`} className={classes.dayTitle} lang={uiLang}>
                {t('programme.dayN', { n: daysBetween(data.startDate, day.date) + 1 })}
                <Text component="span" className={classes.dayDate}>
                  {formatDay(day.date, uiLang)}
                </Text>
              </Title>
              <Stack component="ol" gap={0} className={classes.items}>
                {day.items.map((item, i) => (
                  <li key={i} className={classes.item}>
                    <Text className={classes.time}>{item.end ? `${item.start}–${item.end}` : item.start}</Text>
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text className={classes.itemTitle} lang={lang}>
                        {item.title}
                      </Text>
                      {item.place && (
                        <Text className={classes.place} lang={lang}>
                          {item.place}
                        </Text>
                      )}
                    </Stack>
                  </li>
                ))}
              </Stack>
            </Paper>
          ))}

          {data.contact && (
            <Paper component="section" withBorder radius="md" p="md" aria-labelledby="contact" className={classes.day}>
              <Title order={2} id="contact" className={classes.dayTitle} lang={uiLang}>
                {t('public.contact')}
              </Title>
              <Stack gap={4}>
                {data.contact.name && <Text className={classes.text}>{data.contact.name}</Text>}
                {data.contact.phone && (
                  <Anchor href={`tel:${data.contact.phone.replace(/[^+0-9]/g, '')}`} className={classes.phone}>
                    {data.contact.phone}
                  </Anchor>
                )}
              </Stack>
            </Paper>
          )}
        </Stack>
      </Container>
    </Box>
  );
}
