import { Anchor, Button, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { api } from '../../../lib/api.js';
import { formatDate } from '../../../lib/format.js';

/** When this statement was prepared and last reviewed: change both with the text. */
const PREPARED_ON = '2026-11-21';
const REVIEWED_ON = '2026-11-21';

type PublicConfig = { feedbackEmail: string; database: string };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </section>
  );
}

/**
 * The accessibility statement, on the model of Commission Implementing Decision (EU) 2018/1523
 * (the model statement for Directive (EU) 2016/2102). Readable without an account.
 */
export default function AccessibilityPage() {
  const { t, i18n } = useTranslation('accessibility');
  usePageTitle(t('title'));
  const config = useQuery({
    queryKey: ['config'],
    queryFn: () => api.get<PublicConfig>('/api/config'),
    staleTime: Infinity,
  });
  const email = config.data?.feedbackEmail;
  const mailto = email ? `mailto:${email}?subject=${encodeURIComponent(t('feedback.subject'))}` : undefined;

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={860}>
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text mt="sm">{t('intro.commitment')}</Text>
          <Text mt="xs">{t('intro.scope')}</Text>
        </div>

        <Section id="a11y-status" title={t('status.title')}>
          <Text>{t('status.text')}</Text>
        </Section>

        <Section id="a11y-non-accessible" title={t('nonAccessible.title')}>
          <Text>{t('nonAccessible.intro')}</Text>
          <Title order={3} size="h4">
            {t('nonAccessible.nonCompliance.title')}
          </Title>
          <List spacing={4}>
            <List.Item>{t('nonAccessible.nonCompliance.documents')}</List.Item>
            <List.Item>{t('nonAccessible.nonCompliance.tables')}</List.Item>
            <List.Item>{t('nonAccessible.nonCompliance.userContent')}</List.Item>
            <List.Item>{t('nonAccessible.nonCompliance.search')}</List.Item>
          </List>
          <Title order={3} size="h4">
            {t('nonAccessible.burden.title')}
          </Title>
          <Text>{t('nonAccessible.burden.text')}</Text>
          <Title order={3} size="h4">
            {t('nonAccessible.outOfScope.title')}
          </Title>
          <List spacing={4}>
            <List.Item>{t('nonAccessible.outOfScope.thirdParty')}</List.Item>
            <List.Item>{t('nonAccessible.outOfScope.uploads')}</List.Item>
          </List>
        </Section>

        <Section id="a11y-preparation" title={t('preparation.title')}>
          <Text>{t('preparation.date', { date: formatDate(PREPARED_ON, i18n.language) })}</Text>
          <Text>{t('preparation.method')}</Text>
          <Text>{t('preparation.reviewed', { date: formatDate(REVIEWED_ON, i18n.language) })}</Text>
        </Section>

        <Section id="a11y-feedback" title={t('feedback.title')}>
          <Text>{t('feedback.text')}</Text>
          {config.isPending ? (
            <Skeleton h={36} w={260} />
          ) : email && mailto ? (
            <>
              <Text>
                {t('feedback.emailLabel')}{' '}
                <Anchor href={mailto} fw={500}>
                  {email}
                </Anchor>
              </Text>
              <div>
                <Button component="a" href={mailto} variant="light">
                  {t('feedback.link')}
                </Button>
              </div>
            </>
          ) : (
            <Text>{t('feedback.unavailable')}</Text>
          )}
          <Text>{t('feedback.response')}</Text>
        </Section>

        <Section id="a11y-enforcement" title={t('enforcement.title')}>
          <Text>{t('enforcement.text')}</Text>
        </Section>

        <Text size="sm" c="dimmed">
          {t('footer', { date: formatDate(REVIEWED_ON, i18n.language) })}
        </Text>
      </Stack>
    </Paper>
  );
}
